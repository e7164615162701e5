import Foundation

/// Simulates a learner studying with FSRS, day by day, the way fsrs-rs's simulator does: new
/// cards are learnt at a daily rate, each review is recalled with the card's retrievability
/// on that day, ratings are drawn from the learner's habits, and the memory follows the
/// FSRS-6 formulas with the given weights. It estimates workload (reviews, seconds) and
/// knowledge (expected cards recalled) for a desired retention, and how existing cards will
/// come back (`ReviewForecast`).
///
/// Each day takes its due reviews first (overdue ones on day 0), then new cards; a card over
/// the day's limits waits for the next day. The steps on the day a card is learnt or lapses
/// are walked at once (same-day stability updates, their time counted). Intervals are the
/// FSRS interval rounded half away from zero, 1 to the maximum interval, without fuzz.
public struct ReviewSimulator: Sendable {
  public let config: SimulationConfig
  private let model: MemoryModel
  /// `MemoryModel.retentionTerm` of the desired retention, the same for every review.
  private let retentionTerm: Double

  /// Stabilities stay within fsrs-rs's simulator bounds, in days.
  static let stabilityRange = FSRSParameters.minimumStability...36500

  public init(config: SimulationConfig) {
    self.config = config
    model = MemoryModel(weights: config.parameters)
    retentionTerm = model.retentionTerm(config.desiredRetention)
  }

  /// Which days' expected knowledge a run adds up. Every day's costs a retrievability per
  /// learnt card per day, most of a long run's time; the last day's costs one per card.
  public enum Memorized: Sendable {
    case everyDay, lastDay
  }

  /// One run from `existing` cards (learnt already) and `config.newCards` new ones, with
  /// every random draw from `seed`; `memorized` says whether `SimulationResult.memorized`
  /// is filled in or only `finalMemorized` (the same figure to the last bit).
  public func run(
    existing: [SimulatedCard] = [], seed: UInt64, memorized: Memorized = .everyDay
  ) -> SimulationResult {
    var run = Run(simulator: self, seed: seed, memorized: memorized)
    return run.simulate(existing: existing)
  }

  /// The interval a card of this stability gets.
  func interval(stability: Double) -> Int {
    let raw = model.rawInterval(stability: stability, retentionTerm: retentionTerm)
    guard raw.isFinite else { return config.maximumInterval }
    return Int(min(max(raw.rounded(), 1), Double(config.maximumInterval)))
  }

  /// The state of one run: the cards, what falls due each day, and the random stream.
  private struct Run {
    let simulator: ReviewSimulator
    var config: SimulationConfig { simulator.config }
    var model: MemoryModel { simulator.model }
    var generator: SplitMix64
    var cards: [SimulatedCard] = []
    var reviewsDue: [[Int32]]
    var newDue: [[Int32]]
    var result: SimulationResult
    let everyDay: Bool

    init(simulator: ReviewSimulator, seed: UInt64, memorized: Memorized) {
      self.simulator = simulator
      generator = SplitMix64(seed: seed)
      let days = max(simulator.config.days, 0)
      reviewsDue = Array(repeating: [], count: days)
      newDue = Array(repeating: [], count: days)
      everyDay = memorized == .everyDay
      result = SimulationResult(days: days, memorizedEveryDay: everyDay)
    }

    mutating func simulate(existing: [SimulatedCard]) -> SimulationResult {
      let days = result.reviews.count
      for card in existing where card.stability > 1e-9 {
        let index = Int32(cards.count)
        cards.append(card)
        if card.dueDay < days { reviewsDue[max(card.dueDay, 0)].append(index) }
      }
      if config.newPerDay > 0 {
        for order in 0..<config.newCards {
          let day = order / config.newPerDay
          guard day < days else { break }
          newDue[day].append(Int32(cards.count))
          cards.append(SimulatedCard(stability: .nan, difficulty: .nan, lastDay: 0, dueDay: day))
        }
      }
      for day in 0..<days {
        var index = 0
        while index < reviewsDue[day].count {
          let card = Int(reviewsDue[day][index])
          index += 1
          if result.reviews[day] >= config.reviewsPerDay
            || result.seconds[day] > config.maximumSecondsPerDay
          {
            if day + 1 < days { reviewsDue[day + 1].append(Int32(card)) }
            continue
          }
          review(card, on: day)
        }
        for card in newDue[day] {
          if result.learned[day] >= config.newPerDay
            || result.seconds[day] > config.maximumSecondsPerDay
          {
            if day + 1 < days { newDue[day + 1].append(Int32(card)) }
            continue
          }
          learn(Int(card), on: day)
        }
        reviewsDue[day] = []
        newDue[day] = []
      }
      // Each learnt card is remembered, with decaying retrievability, to the last day. No
      // review adds to the last day itself (a review adds the days before it), so it is the
      // same sum in the same order whether or not the days before are kept.
      for index in cards.indices where !cards[index].stability.isNaN {
        let card = cards[index]
        if everyDay { addMemorized(card, from: max(card.lastDay, 0), upTo: days - 1) }
        if days > 0 && card.lastDay < days {
          result.finalMemorized += model.retrievability(
            elapsedDays: Double(days - 1 - card.lastDay), stability: card.stability)
        }
      }
      if everyDay && days > 0 { result.memorized[days - 1] = result.finalMemorized }
      return result
    }

    /// Adds the card's retrievability on each day from `start` up to `end`, excluded.
    mutating func addMemorized(_ card: SimulatedCard, from start: Int, upTo end: Int) {
      guard start < end else { return }
      for day in start..<end {
        result.memorized[day] += model.retrievability(
          elapsedDays: Double(day - card.lastDay), stability: card.stability)
      }
    }

    mutating func learn(_ index: Int, on day: Int) {
      let first = rating(from: config.firstRatingProbabilities, offset: 1)
      let stability = model.weights[first.rawValue - 1]
      let difficulty = model.initialDifficulty(first)
      let walked = walkSteps(
        stability: stability, difficulty: difficulty, first: first,
        transitions: config.learningStepTransitions, costs: config.ratingCosts[0],
        count: config.learningStepCount)
      result.learned[day] += 1
      result.seconds[day] += walked.seconds
      schedule(index, stability: walked.stability, difficulty: walked.difficulty, on: day)
    }

    mutating func review(_ index: Int, on day: Int) {
      let card = cards[index]
      let retrievability = model.retrievability(
        elapsedDays: Double(day - card.lastDay), stability: card.stability)
      let recalled = uniform() < retrievability
      var stability: Double
      var difficulty: Double
      var seconds: Double
      if recalled {
        let rating = rating(from: config.reviewRatingProbabilities, offset: 2)
        stability = model.recallStability(
          difficulty: card.difficulty, stability: card.stability,
          retrievability: retrievability, rating: rating)
        difficulty = model.nextDifficulty(card.difficulty, rating: rating)
        seconds = config.ratingCosts[1][rating.rawValue - 1]
        result.correct[day] += 1
      } else {
        cards[index].lapses += 1
        let lapsed = model.forgetStability(
          difficulty: card.difficulty, stability: card.stability,
          retrievability: retrievability)
        let walked = walkSteps(
          stability: clamped(lapsed),
          difficulty: model.nextDifficulty(card.difficulty, rating: .again), first: nil,
          transitions: config.relearningStepTransitions, costs: config.ratingCosts[2],
          count: config.relearningStepCount)
        stability = walked.stability
        difficulty = walked.difficulty
        seconds = config.ratingCosts[1][0] + walked.seconds
      }
      stability = clamped(stability)
      result.reviews[day] += 1
      result.seconds[day] += seconds
      if everyDay { addMemorized(card, from: max(card.lastDay, 0), upTo: day) }
      schedule(index, stability: stability, difficulty: difficulty, on: day)
    }

    mutating func schedule(_ index: Int, stability: Double, difficulty: Double, on day: Int) {
      cards[index].stability = stability
      cards[index].difficulty = difficulty
      cards[index].lastDay = day
      let due = day + simulator.interval(stability: stability)
      cards[index].dueDay = due
      if due < reviewsDue.count { reviewsDue[due].append(Int32(index)) }
    }

    /// The same-day steps after a first rating (learning) or a lapse (relearning, `first`
    /// nil): ratings follow the transition table until the card has passed every step or is
    /// answered easy, at most five answers; each answer takes the same-day update.
    mutating func walkSteps(
      stability: Double, difficulty: Double, first: Rating?, transitions: [[Double]],
      costs: [Double], count: Int
    ) -> (stability: Double, difficulty: Double, seconds: Double) {
      var rating = first ?? .again
      var seconds = first.map { costs[$0.rawValue - 1] } ?? 0
      var stability = stability
      var difficulty = difficulty
      var consecutive = 0
      let needed = rating.rawValue > 2 ? max(count - 1, 0) : count
      for _ in 0..<5 {
        if consecutive >= needed || rating == .easy { break }
        rating = self.rating(from: transitions[rating.rawValue - 1], offset: 1)
        stability = shortTermStability(stability, rating: rating)
        difficulty = model.nextDifficulty(difficulty, rating: rating)
        seconds += costs[rating.rawValue - 1]
        if rating.rawValue > 2 {
          consecutive += 1
        } else if rating == .again {
          consecutive = 0
        }
      }
      return (clamped(stability), difficulty, seconds)
    }

    /// A rating drawn with these weights; the first weight is rating `offset`.
    mutating func rating(from weights: [Double], offset: Int) -> Rating {
      let total = weights.reduce(0, +)
      var draw = uniform() * total
      for (index, weight) in weights.enumerated() {
        draw -= weight
        if draw < 0 { return Rating(rawValue: index + offset) ?? .good }
      }
      return Rating(rawValue: weights.count - 1 + offset) ?? .good
    }

    /// fsrs-rs's same-day rule, which lets a Hard step lower stability; py-fsrs 6.3 (and
    /// Recall's scheduler) keep Hard from lowering it. Within a walk of steps the two differ
    /// by about 4 % in later reviews; the simulator keeps to fsrs-rs, its reference.
    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
      let weights = model.weights
      var increase =
        exp(weights[17] * (Double(rating.rawValue - 3) + weights[18]))
        * pow(stability, -weights[19])
      if rating.rawValue >= 3 { increase = max(increase, 1) }
      return clamped(stability * increase)
    }

    func clamped(_ stability: Double) -> Double {
      min(
        max(stability, ReviewSimulator.stabilityRange.lowerBound),
        ReviewSimulator.stabilityRange.upperBound)
    }

    /// A uniform double in [0, 1).
    mutating func uniform() -> Double {
      Double(generator.next() >> 11) * 0x1p-53
    }
  }
}
