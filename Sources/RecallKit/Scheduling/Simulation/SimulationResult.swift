/// What one simulated run did, day by day (index 0 is day 0).
public struct SimulationResult: Hashable, Sendable {
  /// Reviews of cards already learnt.
  public var reviews: [Int]
  /// Reviews the learner got right (not again).
  public var correct: [Int]
  /// New cards learnt.
  public var learned: [Int]
  /// Seconds spent, learning and reviewing.
  public var seconds: [Double]
  /// The expected number of cards the learner would recall that day: the sum of every
  /// learnt card's retrievability. Empty when the run kept only the last day's.
  public var memorized: [Double]
  /// The cards known on the last day.
  public var finalMemorized: Double = 0

  public init(days: Int, memorizedEveryDay: Bool = true) {
    reviews = Array(repeating: 0, count: days)
    correct = Array(repeating: 0, count: days)
    learned = Array(repeating: 0, count: days)
    seconds = Array(repeating: 0, count: days)
    memorized = Array(repeating: 0, count: memorizedEveryDay ? days : 0)
  }

  public var totalReviews: Int { reviews.reduce(0, +) }
  public var totalCorrect: Int { correct.reduce(0, +) }
  public var totalLearned: Int { learned.reduce(0, +) }
  public var totalSeconds: Double { seconds.reduce(0, +) }
}
