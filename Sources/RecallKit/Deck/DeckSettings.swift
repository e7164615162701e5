import Foundation

/// Per-deck study settings as the author wrote them; every field is optional and overridable.
public struct DeckSettings: Hashable, Sendable {
  public var desiredRetention: Double?
  public var maximumInterval: Int?
  /// Learning steps in seconds.
  public var learningSteps: [Double]?
  /// Relearning steps in seconds.
  public var relearningSteps: [Double]?
  /// The 21 FSRS-6 weights.
  public var parameters: [Double]?
  public var newPerDay: Int?
  public var reviewsPerDay: Int?

  /// Daily limits a deck may set; larger ones are typos, not plans.
  static let newPerDayRange: ClosedRange<Double> = 0...100_000
  static let reviewsPerDayRange: ClosedRange<Double> = 0...1_000_000
  /// A loose sanity range for a hand-set weight; the scheduler clamps to its own bounds.
  static let weightRange: ClosedRange<Double> = -100...100

  public init(
    desiredRetention: Double? = nil, maximumInterval: Int? = nil, learningSteps: [Double]? = nil,
    relearningSteps: [Double]? = nil, parameters: [Double]? = nil, newPerDay: Int? = nil,
    reviewsPerDay: Int? = nil
  ) {
    self.desiredRetention = desiredRetention
    self.maximumInterval = maximumInterval
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.parameters = parameters
    self.newPerDay = newPerDay
    self.reviewsPerDay = reviewsPerDay
  }
}

/// Parses step durations such as `1m`, `10m`, `1h`, `1d`, `30s` into seconds.
public func parseStepDuration(_ text: String) -> Double? {
  let trimmed = text.trimmingCharacters(in: .whitespaces)
  guard let unit = trimmed.last, let value = Double(trimmed.dropLast()), value > 0,
    value.isFinite
  else { return nil }
  switch unit {
  case "s": return value
  case "m": return value * 60
  case "h": return value * 3600
  case "d": return value * 86400
  default: return nil
  }
}
