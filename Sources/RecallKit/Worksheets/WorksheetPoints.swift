import Foundation

/// Points per question form, as `--points choice=1,short=2` sets them; unnamed forms score 1.
public struct WorksheetPoints: Hashable, Sendable {
  public var values: [Question.Kind: Double]
  public var defaultValue: Double

  public init(_ values: [Question.Kind: Double] = [:], defaultValue: Double = 1) {
    self.values = values
    self.defaultValue = defaultValue
  }

  public func value(for kind: Question.Kind) -> Double { values[kind] ?? defaultValue }

  /// Reads `kind=points` pairs separated by commas.
  public static func parse(_ text: String) throws(WorksheetError) -> WorksheetPoints {
    var values: [Question.Kind: Double] = [:]
    for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else { throw .invalidPoints(String(pair)) }
      let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
      let number = parts[1].trimmingCharacters(in: .whitespaces)
      let kind = try Question.Kind.parse(name)
      guard let value = Double(number), value.isFinite, value >= 0, value <= 1000 else {
        throw .invalidPoints(String(pair))
      }
      values[kind] = value
    }
    return WorksheetPoints(values)
  }

  /// "1", "1.5", "0.25": points as a teacher writes them.
  public static func format(_ value: Double) -> String {
    if value == value.rounded() { return String(Int(value)) }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}

extension Question.Kind {
  /// The form named on the command line, with a suggestion for a near miss.
  public static func parse(_ name: String) throws(WorksheetError) -> Question.Kind {
    let normalized = name.trimmingCharacters(in: .whitespaces).lowercased()
    if let kind = Question.Kind(rawValue: normalized) { return kind }
    let aliases: [String: Question.Kind] = [
      "true-false": .truefalse, "tf": .truefalse, "multiple-choice": .choice, "mc": .choice,
      "number": .numeric, "matching": .match, "ordering": .order, "fill": .cloze,
    ]
    if let kind = aliases[normalized] { return kind }
    throw .unknownKind(
      name, suggestion: closestMatch(to: normalized, in: Question.Kind.allCases.map(\.rawValue)))
  }

  /// A comma-separated list of forms, in the order given, without repeats.
  public static func parseList(_ text: String) throws(WorksheetError) -> [Question.Kind] {
    var kinds: [Question.Kind] = []
    for name in text.split(separator: ",") {
      let kind = try parse(String(name))
      if !kinds.contains(kind) { kinds.append(kind) }
    }
    guard !kinds.isEmpty else { throw .unknownKind(text, suggestion: nil) }
    return kinds
  }
}
