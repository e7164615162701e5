/// How a deck is scheduled: the FSRS weights, the retention to aim for, the short steps of
/// (re)learning and the longest interval. Defaults are py-fsrs 6's.
///
/// Build it from a deck's `settings:` block with `init(settings:)`, then let command-line
/// options override single fields; `validate()` (also run by `FSRSScheduler.init`) rejects
/// values the formulas cannot use.
public struct SchedulerOptions: Hashable, Sendable {
  public static let defaultDesiredRetention = 0.9
  public static let defaultLearningSteps: [Double] = [60, 600]
  public static let defaultRelearningSteps: [Double] = [600]
  public static let defaultMaximumInterval = 36500

  /// The same range the deck loader accepts for `desired_retention`.
  public static let desiredRetentionRange: ClosedRange<Double> = 0.5...0.99
  /// The same range the deck loader accepts for `maximum_interval`, in days.
  public static let maximumIntervalRange: ClosedRange<Int> = 1...36500

  /// The 21 FSRS-6 weights.
  public var parameters: [Double]
  /// The probability of recall at which a review falls due.
  public var desiredRetention: Double
  /// Learning steps in seconds; empty sends a new card straight to review.
  public var learningSteps: [Double]
  /// Relearning steps in seconds; empty keeps a lapsed card in review.
  public var relearningSteps: [Double]
  /// The longest interval between reviews, in days.
  public var maximumInterval: Int
  /// Whether review intervals of three days or more get random fuzz, so cards learnt
  /// together drift apart. Replays and parity checks turn it off.
  public var isFuzzEnabled: Bool

  public init(
    parameters: [Double] = FSRSParameters.defaults,
    desiredRetention: Double = Self.defaultDesiredRetention,
    learningSteps: [Double] = Self.defaultLearningSteps,
    relearningSteps: [Double] = Self.defaultRelearningSteps,
    maximumInterval: Int = Self.defaultMaximumInterval, isFuzzEnabled: Bool = true
  ) {
    self.parameters = parameters
    self.desiredRetention = desiredRetention
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.maximumInterval = maximumInterval
    self.isFuzzEnabled = isFuzzEnabled
  }

  /// The defaults, with every value the deck's settings give.
  public init(settings: DeckSettings) {
    self.init()
    apply(settings)
  }

  /// Replaces the fields the settings give and keeps the rest.
  public mutating func apply(_ settings: DeckSettings) {
    if let value = settings.parameters { parameters = value }
    if let value = settings.desiredRetention { desiredRetention = value }
    if let value = settings.learningSteps { learningSteps = value }
    if let value = settings.relearningSteps { relearningSteps = value }
    if let value = settings.maximumInterval { maximumInterval = value }
  }

  /// Throws the first value the scheduler cannot use.
  public func validate() throws(SchedulerOptionsError) {
    guard parameters.count == FSRSParameters.count else {
      throw .parameterCount(found: parameters.count)
    }
    for (index, value) in parameters.enumerated() {
      let allowed = FSRSParameters.bounds[index]
      guard allowed.contains(value) else {
        throw .parameterOutOfRange(index: index, value: value, allowed: allowed)
      }
    }
    guard Self.desiredRetentionRange.contains(desiredRetention) else {
      throw .desiredRetentionOutOfRange(desiredRetention)
    }
    guard Self.maximumIntervalRange.contains(maximumInterval) else {
      throw .maximumIntervalOutOfRange(maximumInterval)
    }
    for (kind, steps) in [(StepKind.learning, learningSteps), (.relearning, relearningSteps)] {
      for step in steps where !(step.isFinite && step >= 0.000_001 && step <= 36500 * 86400) {
        throw .invalidStep(kind: kind, seconds: step)
      }
    }
  }

  /// Which list of steps a value belongs to, for messages.
  public enum StepKind: String, Hashable, Sendable {
    case learning, relearning
  }
}
