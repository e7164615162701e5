import ArgumentParser
import RecallKit

/// Command-line overrides of a deck's scheduler settings, shared by the commands that
/// schedule cards.
public struct SchedulingOptions: ParsableArguments, Sendable {
  @Option(
    name: .customLong("desired-retention"),
    help: ArgumentHelp(
      "Probability of recall to schedule for, 0.5 to 0.99 (default 0.9).", valueName: "r"))
  public var desiredRetention: Double?

  @Option(
    help: ArgumentHelp(
      "The 21 FSRS-6 weights, comma-separated (default: FSRS-6's).", valueName: "w0,…,w20"))
  public var parameters: String?

  @Option(
    name: .customLong("learning-steps"),
    help: ArgumentHelp(
      "Steps for new cards, such as 1m,10m (the default); 'none' for no steps.",
      valueName: "steps"))
  public var learningSteps: String?

  @Option(
    name: .customLong("relearning-steps"),
    help: ArgumentHelp(
      "Steps after a lapse, such as 10m (the default); 'none' for no steps.",
      valueName: "steps"))
  public var relearningSteps: String?

  @Option(
    name: .customLong("maximum-interval"),
    help: ArgumentHelp("Longest interval in days, 1 to 36500 (default 36500).", valueName: "days"))
  public var maximumInterval: Int?

  public init() {}

  /// Rejects bad values while parsing, so they exit 64 with the usage line.
  public func validate() throws {
    do {
      _ = try options(over: SchedulerOptions())
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// `base` (the defaults or a deck's settings) with the values given here, validated.
  public func options(over base: SchedulerOptions) throws(SchedulerOptionsError)
    -> SchedulerOptions
  {
    var options = base
    if let desiredRetention { options.desiredRetention = desiredRetention }
    if let parameters { options.parameters = try SchedulerOptions.parseParameters(parameters) }
    if let learningSteps {
      options.learningSteps = try SchedulerOptions.parseSteps(learningSteps, kind: .learning)
    }
    if let relearningSteps {
      options.relearningSteps = try SchedulerOptions.parseSteps(relearningSteps, kind: .relearning)
    }
    if let maximumInterval { options.maximumInterval = maximumInterval }
    try options.validate()
    return options
  }
}
