import Foundation

/// Workload and knowledge at several desired retentions, to choose one: what
/// `recall simulate` prints. Each retention is simulated over the same seeds and averaged.
public struct RetentionComparison: Hashable, Sendable {
  public struct Row: Hashable, Sendable {
    public var desiredRetention: Double
    public var reviewsPerDay: Double
    public var newPerDay: Double
    public var minutesPerDay: Double
    /// The share of reviews recalled: the retention the schedule achieves.
    public var retention: Double?
    /// The expected number of cards known on the last day (the sum of retrievabilities).
    public var known: Double
    /// Cards known on the last day per hour of study over the whole span: the efficiency
    /// fsrs-rs's optimal retention maximises (it minimises its inverse).
    public var knownPerHour: Double?
  }

  public var rows: [Row]
  public var runs: Int
  public var days: Int

  /// The default retentions compared, fsrs-rs's range for its optimal retention.
  public static let defaultRetentions = [0.70, 0.75, 0.80, 0.85, 0.90, 0.95]

  /// Simulated runs per retention: enough for about 20,000 simulated cards, 1 to 32.
  public static func runs(forCards cards: Int) -> Int {
    min(32, max(1, 20_000 / max(cards, 1)))
  }

  /// Simulates `base` at each retention from `existing` cards, over `runs` seeds from `seed`.
  /// Every run of every retention is simulated side by side on the machine's cores, then a
  /// retention's runs are summed in seed order, so the figures do not depend on the cores.
  public init(
    base: SimulationConfig, retentions: [Double], existing: [SimulatedCard] = [],
    runs: Int, seed: UInt64
  ) {
    let runCount = max(runs, 1)
    let days = Double(max(base.days, 1))
    let simulators = retentions.map { retention in
      var config = base
      config.desiredRetention = retention
      return ReviewSimulator(config: config)
    }
    let slots = ResultSlots<SimulationResult>(count: retentions.count * runCount)
    DispatchQueue.concurrentPerform(iterations: retentions.count * runCount) { index in
      let run = index % runCount
      slots.set(
        index,
        simulators[index / runCount].run(
          existing: existing, seed: seed &+ UInt64(run), memorized: .lastDay))
    }
    let results = slots.values
    rows = retentions.indices.map { which in
      var (reviews, correct, learned, seconds, known) = (0.0, 0.0, 0.0, 0.0, 0.0)
      for result in results[(which * runCount)..<((which + 1) * runCount)] {
        reviews += Double(result.totalReviews)
        correct += Double(result.totalCorrect)
        learned += Double(result.totalLearned)
        seconds += result.totalSeconds
        known += result.finalMemorized
      }
      let count = Double(runCount)
      return Row(
        desiredRetention: retentions[which], reviewsPerDay: reviews / count / days,
        newPerDay: learned / count / days, minutesPerDay: seconds / count / days / 60,
        retention: reviews > 0 ? correct / reviews : nil, known: known / count,
        knownPerHour: seconds > 0 ? known / (seconds / 3600) : nil)
    }
    self.runs = runCount
    self.days = base.days
  }

  /// Two comparisons of the same retentions and days added up (several decks, each with its
  /// own weights): workloads and knowledge add, retention is weighted by reviews.
  public func adding(_ other: RetentionComparison) -> RetentionComparison {
    var sum = self
    for index in sum.rows.indices where index < other.rows.count {
      let (mine, theirs) = (rows[index], other.rows[index])
      let reviews = mine.reviewsPerDay + theirs.reviewsPerDay
      var row = mine
      row.reviewsPerDay = reviews
      row.newPerDay += theirs.newPerDay
      row.minutesPerDay += theirs.minutesPerDay
      row.known += theirs.known
      row.retention =
        reviews > 0
        ? ((mine.retention ?? 0) * mine.reviewsPerDay + (theirs.retention ?? 0)
          * theirs.reviewsPerDay)
          / reviews : nil
      let hours = row.minutesPerDay * Double(days) / 60
      row.knownPerHour = hours > 0 ? row.known / hours : nil
      sum.rows[index] = row
    }
    sum.runs = min(runs, other.runs)
    return sum
  }

  /// The row that buys the most knowledge per hour of study.
  public var mostEfficient: Row? {
    rows.filter { $0.knownPerHour != nil }.max { ($0.knownPerHour ?? 0) < ($1.knownPerHour ?? 0) }
  }
}
