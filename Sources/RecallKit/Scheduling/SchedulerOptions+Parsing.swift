import Foundation

extension SchedulerOptions {
  /// Reads 21 comma-separated weights, as `--parameters` takes them and FSRS optimizers
  /// print them (brackets and spaces are allowed).
  public static func parseParameters(_ text: String) throws(SchedulerOptionsError) -> [Double] {
    var trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
    if trimmed.hasPrefix("["), trimmed.hasSuffix("]") { trimmed = trimmed.dropFirst().dropLast() }
    let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
    var values: [Double] = []
    for (position, field) in fields.enumerated() {
      let item = field.trimmingCharacters(in: .whitespaces)
      guard let value = Double(item), value.isFinite else {
        throw .unreadableParameter(position: position, text: item)
      }
      values.append(value)
    }
    guard values.count == FSRSParameters.count else {
      throw .parameterCount(found: values.count)
    }
    return values
  }

  /// Reads steps such as `1m,10m`; an empty text or `none` means no steps.
  public static func parseSteps(_ text: String, kind: StepKind) throws(SchedulerOptionsError)
    -> [Double]
  {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.lowercased() == "none" { return [] }
    var steps: [Double] = []
    for field in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
      let item = field.trimmingCharacters(in: .whitespaces)
      guard let seconds = parseStepDuration(item) else {
        throw .unreadableStep(kind: kind, text: item)
      }
      steps.append(seconds)
    }
    return steps
  }
}
