/// A scheduler option the FSRS formulas cannot use, or option text that cannot be read.
public enum SchedulerOptionsError: Error, Hashable, Sendable, CustomStringConvertible {
  case parameterCount(found: Int)
  case parameterOutOfRange(index: Int, value: Double, allowed: ClosedRange<Double>)
  case desiredRetentionOutOfRange(Double)
  case maximumIntervalOutOfRange(Int)
  case invalidStep(kind: SchedulerOptions.StepKind, seconds: Double)
  /// Text given for the parameters that is not a comma-separated list of numbers.
  case unreadableParameter(position: Int, text: String)
  /// Text given for a list of steps that is not a duration such as `1m`.
  case unreadableStep(kind: SchedulerOptions.StepKind, text: String)
  /// A name in a list of weekdays (`--easy-days`) that is not a day of the week.
  case unreadableWeekday(String)

  public var description: String {
    switch self {
    case .parameterCount(let found):
      return "FSRS-6 needs \(FSRSParameters.count) parameters, found \(found)"
    case .parameterOutOfRange(let index, let value, let allowed):
      return
        "parameter w\(index) is \(NumberValue.format(value)), outside its allowed range "
        + "\(NumberValue.format(allowed.lowerBound)) to \(NumberValue.format(allowed.upperBound))"
    case .desiredRetentionOutOfRange(let value):
      let range = SchedulerOptions.desiredRetentionRange
      return
        "desired retention must be between \(NumberValue.format(range.lowerBound)) and "
        + "\(NumberValue.format(range.upperBound)), found \(NumberValue.format(value))"
    case .maximumIntervalOutOfRange(let value):
      let range = SchedulerOptions.maximumIntervalRange
      return
        "maximum interval must be between \(range.lowerBound) and \(range.upperBound) days, "
        + "found \(value)"
    case .invalidStep(let kind, let seconds):
      return
        "\(kind.rawValue) steps must be between 1 microsecond and 36,500 days, found "
        + "\(NumberValue.format(seconds)) seconds"
    case .unreadableParameter(let position, let text):
      return "parameter \(position + 1) is not a number: '\(text)'"
    case .unreadableStep(let kind, let text):
      return
        "\(kind.rawValue) step '\(text)' is not a duration such as '30s', '10m', '1h' or '1d'"
    case .unreadableWeekday(let text):
      return "'\(text)' is not a day of the week such as 'mon' or 'saturday'"
    }
  }
}
