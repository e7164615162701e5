import Foundation

/// Schedules cards with FSRS-6 exactly as py-fsrs 6 does, plus optional seeded fuzz.
///
/// A card's memory (stability, difficulty) is updated the same way in every phase: a first
/// review sets it, a review less than 24 hours after the last takes the same-day rule, and
/// anything later takes the long-term rule with the card's retrievability. The phase then
/// decides the next due time: (re)learning cards walk their steps, review cards get a whole
/// number of days from the desired retention.
public struct FSRSScheduler: Hashable, Sendable {
  public let options: SchedulerOptions
  public let model: MemoryModel
  private let learningSteps: [Int64]
  private let relearningSteps: [Int64]

  static let microsecondsPerDay: Int64 = 86_400_000_000

  /// Fails when an option is out of range (see `SchedulerOptions.validate()`).
  public init(options: SchedulerOptions = SchedulerOptions()) throws(SchedulerOptionsError) {
    try options.validate()
    self.options = options
    model = MemoryModel(weights: options.parameters)
    learningSteps = options.learningSteps.map(Self.microseconds)
    relearningSteps = options.relearningSteps.map(Self.microseconds)
  }

  /// The card after a review with this rating at `now`, fuzzed with the system generator
  /// when fuzz is on.
  public func review(_ card: CardState, rating: Rating, at now: Date) -> CardState {
    var generator = SystemRandomNumberGenerator()
    return review(card, rating: rating, at: now, using: &generator)
  }

  /// The card after a review with this rating at `now`; fuzz, when on, draws from `generator`,
  /// and `placement` can move the review to a lighter day or before an exam.
  public func review(
    _ card: CardState, rating: Rating, at now: Date,
    using generator: inout some RandomNumberGenerator, placement: ReviewPlacement = .none
  ) -> CardState {
    let nowMicroseconds = now.microsecondsSince1970
    var next = card
    let memory = updatedMemory(card, rating: rating, at: now)
    next.stability = memory.stability
    next.difficulty = memory.difficulty

    let move: Move
    switch card.phase {
    case .new, .learning:
      move = stepMove(steps: learningSteps, step: card.step ?? 0, rating: rating, phase: .learning)
    case .relearning:
      move = stepMove(
        steps: relearningSteps, step: card.step ?? 0, rating: rating, phase: .relearning)
    case .review:
      if rating == .again, let first = relearningSteps.first {
        move = Move(phase: .relearning, step: 0, wait: .microseconds(first))
      } else {
        move = Move(phase: .review, step: nil, wait: .days)
      }
    }

    next.phase = move.phase
    next.step = move.step
    let waitMicroseconds: Int64
    switch move.wait {
    case .microseconds(let value):
      waitMicroseconds = value
    case .days:
      let days = placedDays(stability: memory.stability, placement: placement, using: &generator)
      waitMicroseconds = Int64(days) * Self.microsecondsPerDay
    }
    next.due = Date(microsecondsSince1970: nowMicroseconds + waitMicroseconds)
    next.lastReview = now
    return next
  }

  /// The probability that the card is recalled at `date`, as py-fsrs computes it: elapsed
  /// time counts whole 24-hour periods since the last review, and a card never reviewed has 0.
  public func retrievability(of card: CardState, at date: Date) -> Double {
    guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
    let elapsed = max(0, Self.wholeDays(from: lastReview, to: date))
    return model.retrievability(elapsedDays: Double(elapsed), stability: stability)
  }

  /// Days until a card of this stability reaches the desired retention: rounded half to even,
  /// at least 1 and at most the maximum interval.
  public func interval(stability: Double) -> Int {
    let raw = model.rawInterval(stability: stability, desiredRetention: options.desiredRetention)
    let rounded = raw.rounded(.toNearestOrEven)
    guard rounded.isFinite else { return raw.isNaN ? 1 : options.maximumInterval }
    return Int(min(max(rounded, 1), Double(options.maximumInterval)))
  }

  /// Whole 24-hour periods from one moment to another, floored like Python's
  /// `timedelta.days` (negative when `end` is earlier).
  public static func wholeDays(from start: Date, to end: Date) -> Int {
    let difference = end.microsecondsSince1970 - start.microsecondsSince1970
    var days = difference / microsecondsPerDay
    if difference % microsecondsPerDay < 0 { days -= 1 }
    return Int(days)
  }

  private func updatedMemory(_ card: CardState, rating: Rating, at now: Date)
    -> (stability: Double, difficulty: Double)
  {
    guard let stability = card.stability, let difficulty = card.difficulty else {
      return (model.initialStability(rating), model.initialDifficulty(rating))
    }
    let nextStability: Double
    if let lastReview = card.lastReview, Self.wholeDays(from: lastReview, to: now) < 1 {
      nextStability = model.shortTermStability(stability, rating: rating)
    } else {
      nextStability = model.nextStability(
        difficulty: difficulty, stability: stability,
        retrievability: retrievability(of: card, at: now), rating: rating)
    }
    return (nextStability, model.nextDifficulty(difficulty, rating: rating))
  }

  /// Where a review moves a card, and how long until it is due again.
  private struct Move {
    enum Wait {
      case microseconds(Int64)
      /// The FSRS interval for the new stability, in whole days.
      case days
    }

    var phase: CardState.Phase
    var step: Int?
    var wait: Wait
  }

  /// The step rules, the same for learning and relearning: Again goes back to the first
  /// step; Hard repeats the step (on the first, it waits 1.5 × a lone step or the mean of the
  /// first two); Good moves on, graduating after the last; Easy graduates at once. A card
  /// past the end of the steps (they were shortened) graduates on any rating but Again.
  private func stepMove(steps: [Int64], step rawStep: Int, rating: Rating, phase: CardState.Phase)
    -> Move
  {
    let step = max(0, rawStep)
    let graduate = Move(phase: .review, step: nil, wait: .days)
    guard let first = steps.first, step < steps.count || rating == .again else { return graduate }
    switch rating {
    case .again:
      return Move(phase: phase, step: 0, wait: .microseconds(first))
    case .hard:
      let wait: Int64
      if step == 0 && steps.count == 1 {
        wait = Self.halfEvenQuotient(first * 3, 2)
      } else if step == 0 {
        wait = Self.halfEvenQuotient(first + steps[1], 2)
      } else {
        wait = steps[step]
      }
      return Move(phase: phase, step: step, wait: .microseconds(wait))
    case .good:
      guard step + 1 < steps.count else { return graduate }
      return Move(phase: phase, step: step + 1, wait: .microseconds(steps[step + 1]))
    case .easy:
      return graduate
    }
  }

  private static func microseconds(_ seconds: Double) -> Int64 {
    Int64((seconds * 1_000_000).rounded(.toNearestOrEven))
  }

  /// `numerator / denominator` rounded half to even, as Python rounds timedelta arithmetic.
  static func halfEvenQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
    let quotient = numerator / denominator
    let remainder = numerator % denominator
    let twice = 2 * remainder
    if twice > denominator || (twice == denominator && quotient % 2 != 0) {
      return quotient + 1
    }
    return quotient
  }
}
