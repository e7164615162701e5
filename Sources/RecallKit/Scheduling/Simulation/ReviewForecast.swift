import Foundation

/// How many reviews each of the coming days will bring: what `recall forecast` shows.
///
/// Two figures a day. `due` counts the cards whose stored due date falls on that day, as the
/// progress says now. `reviews` also counts the reviews those cards will need again within
/// the forecast: every studied card is simulated forward from its own stability, difficulty
/// and last review (`ReviewSimulator`, no daily limits), and the mean over several seeded
/// runs is kept, so a card due tomorrow that is likely to be forgotten adds to the next
/// days too. `new` is the mean number of new cards learnt that day, whose reviews are in
/// `reviews` as well.
public struct ReviewForecast: Hashable, Sendable {
  public struct Day: Hashable, Sendable {
    /// The study day's first moment.
    public var start: Date
    public var due: Int
    public var reviews: Double
    public var new: Double
  }

  public var days: [Day]
  public var runs: Int

  /// Runs averaged: enough that a day's figure for a deck of a few hundred cards moves by
  /// well under one review from seed to seed.
  public static let defaultRuns = 20

  /// A card the forecast starts from: its stored state (new cards have no stability).
  public static func simulatedCard(_ state: CardState, today: StudyDay) -> SimulatedCard? {
    guard state.phase != .new, let stability = state.stability,
      let difficulty = state.difficulty, let lastReview = state.lastReview
    else { return nil }
    let dueDay = state.due < today.end ? 0 : (today.daysAfter(state.due) ?? 0) + 1
    let lastDay = Int((lastReview.timeIntervalSince(today.start) / 86_400).rounded(.down))
    return SimulatedCard(
      stability: stability, difficulty: difficulty, lastDay: min(lastDay, 0), dueDay: dueDay)
  }

  /// Forecasts `days` study days from the one containing `now` (day 0, today) for the
  /// studied `states` and `newCards` cards not studied yet, learnt `newPerDay` a day.
  public init(
    states: [CardState], newCards: Int, options: SchedulerOptions, newPerDay: Int, now: Date,
    timeZone: TimeZone, days: Int, runs: Int = defaultRuns, seed: UInt64 = 0
  ) {
    let today = StudyDay(containing: now, timeZone: timeZone)
    let cards = states.compactMap { Self.simulatedCard($0, today: today) }
    var due = Array(repeating: 0, count: days)
    for card in cards where card.dueDay < days { due[card.dueDay] += 1 }
    let config = SimulationConfig(
      options: options, days: days, newCards: newCards, newPerDay: newPerDay)
    let simulator = ReviewSimulator(config: config)
    var reviews = Array(repeating: 0.0, count: days)
    var learned = Array(repeating: 0.0, count: days)
    let runCount = max(runs, 1)
    // The runs share the cores; their figures are added in seed order, as one after another.
    let slots = ResultSlots<SimulationResult>(count: runCount)
    DispatchQueue.concurrentPerform(iterations: runCount) { run in
      slots.set(
        run, simulator.run(existing: cards, seed: seed &+ UInt64(run), memorized: .lastDay))
    }
    for result in slots.values {
      for day in 0..<days {
        reviews[day] += Double(result.reviews[day]) / Double(runCount)
        learned[day] += Double(result.learned[day]) / Double(runCount)
      }
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.days = (0..<days).map { offset in
      let start = calendar.date(byAdding: .day, value: offset, to: today.start) ?? today.start
      return Day(start: start, due: due[offset], reviews: reviews[offset], new: learned[offset])
    }
    self.runs = runCount
  }

  /// This forecast and another over the same days, added up (several decks).
  public func adding(_ other: ReviewForecast) -> ReviewForecast {
    var sum = self
    for index in sum.days.indices where index < other.days.count {
      sum.days[index].due += other.days[index].due
      sum.days[index].reviews += other.days[index].reviews
      sum.days[index].new += other.days[index].new
    }
    return sum
  }
}
