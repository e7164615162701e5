/// What a simulated learner does and what a simulated day allows: the inputs of
/// `ReviewSimulator`, with fsrs-rs's simulator defaults (its figures, fitted to Anki users'
/// reviews) wherever Recall has nothing of its own.
public struct SimulationConfig: Hashable, Sendable {
  /// How often a new card's first answer is again, hard, good or easy.
  public static let defaultFirstRatingProbabilities = [0.24, 0.094, 0.495, 0.171]
  /// How often a recalled review card is answered hard, good or easy.
  public static let defaultReviewRatingProbabilities = [0.224, 0.631, 0.145]
  /// On a (re)learning step, the chance of each next rating after again, hard and good
  /// (rows), over again, hard, good, easy (columns).
  public static let defaultLearningStepTransitions: [[Double]] = [
    [0.3686, 0.0628, 0.5108, 0.0577], [0.0442, 0.4553, 0.4457, 0.0549],
    [0.0519, 0.047, 0.8462, 0.055],
  ]
  public static let defaultRelearningStepTransitions: [[Double]] = [
    [0.2157, 0.0643, 0.6595, 0.0604], [0.05, 0.4638, 0.4475, 0.0387],
    [0.1057, 0.1434, 0.7266, 0.0244],
  ]
  /// Seconds an answer takes, by the card's state (learning, review, relearning; rows) and
  /// the rating (again … easy; columns).
  public static let defaultRatingCosts: [[Double]] = [
    [19.58, 18.79, 13.78, 10.71], [19.38, 17.59, 12.38, 8.94], [16.44, 15.25, 12.32, 8.03],
  ]

  /// The FSRS-6 weights the simulated memory follows.
  public var parameters: [Double]
  public var desiredRetention: Double
  /// Days simulated, day 0 being today.
  public var days: Int
  /// Cards never studied, introduced in order at `newPerDay` a day.
  public var newCards: Int
  public var newPerDay: Int
  /// Reviews a day at most; the rest wait for the next day.
  public var reviewsPerDay: Int
  /// Seconds of study a day after which the day takes no more cards.
  public var maximumSecondsPerDay: Double
  public var maximumInterval: Int
  /// How many learning and relearning steps a card walks on the day it is learnt or lapses.
  public var learningStepCount: Int
  public var relearningStepCount: Int
  public var firstRatingProbabilities: [Double]
  public var reviewRatingProbabilities: [Double]
  public var learningStepTransitions: [[Double]]
  public var relearningStepTransitions: [[Double]]
  public var ratingCosts: [[Double]]

  public init(
    parameters: [Double] = FSRSParameters.defaults,
    desiredRetention: Double = SchedulerOptions.defaultDesiredRetention, days: Int = 365,
    newCards: Int = 0, newPerDay: Int = 20, reviewsPerDay: Int = .max,
    maximumSecondsPerDay: Double = .infinity,
    maximumInterval: Int = SchedulerOptions.defaultMaximumInterval, learningStepCount: Int = 2,
    relearningStepCount: Int = 1
  ) {
    self.parameters = parameters
    self.desiredRetention = desiredRetention
    self.days = days
    self.newCards = newCards
    self.newPerDay = newPerDay
    self.reviewsPerDay = reviewsPerDay
    self.maximumSecondsPerDay = maximumSecondsPerDay
    self.maximumInterval = maximumInterval
    self.learningStepCount = learningStepCount
    self.relearningStepCount = relearningStepCount
    firstRatingProbabilities = Self.defaultFirstRatingProbabilities
    reviewRatingProbabilities = Self.defaultReviewRatingProbabilities
    learningStepTransitions = Self.defaultLearningStepTransitions
    relearningStepTransitions = Self.defaultRelearningStepTransitions
    ratingCosts = Self.defaultRatingCosts
  }

  /// The scheduler's weights, retention, longest interval and step counts.
  public init(options: SchedulerOptions, days: Int, newCards: Int, newPerDay: Int) {
    self.init(
      parameters: options.parameters, desiredRetention: options.desiredRetention, days: days,
      newCards: newCards, newPerDay: newPerDay, maximumInterval: options.maximumInterval,
      learningStepCount: options.learningSteps.count,
      relearningStepCount: options.relearningSteps.count)
  }
}
