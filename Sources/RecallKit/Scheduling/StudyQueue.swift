import Foundation

/// The order in which a study session presents cards, decided from schedules alone.
///
/// The policy:
/// 1. Learning and relearning cards that are due (`due <= now + learnAhead`), earliest first.
///    They are never limited: leaving a card half-learnt wastes the steps already taken.
/// 2. Review cards due before the end of the local study day, lowest retrievability first
///    (the memories most at risk), then earliest due, then deck order; at most the day's
///    review limit minus the reviews already done today.
/// 3. New cards in deck order, at most the day's new limit minus those already started
///    today, spread among the reviews: one new card after every `max(1, reviews / new)`
///    reviews, so a session mixes both rather than ending with a block of unknown cards.
///
/// Cards the learner suspended, and cards buried until a moment still to come, are left out
/// of every part, ahead included; they are counted in `suspended` and `buried`.
///
/// In `.studyAhead` mode the same queue is followed by every scheduled card that is not yet
/// due (soonest first), marked `.ahead`. Those answers must not be given to the scheduler:
/// a cram pass often repeats a card several times in minutes, and feeding each repetition
/// to FSRS would move stability and difficulty on evidence the model was not fitted on and
/// push due dates around. Leaving the schedule untouched means studying ahead can never
/// make later reviews worse, and replaying the review log reproduces every card's state.
public struct StudyQueue: Hashable, Sendable {
  /// Why a card is in the queue.
  public enum Kind: String, Hashable, Sendable {
    case learning, review, new
    /// Studied ahead of its schedule; the answer is not scheduled.
    case ahead
  }

  /// One card to present: its position in the deck order given to `build`.
  public struct Entry: Hashable, Sendable {
    public var index: Int
    public var kind: Kind

    public init(index: Int, kind: Kind) {
      self.index = index
      self.kind = kind
    }
  }

  public enum Mode: Hashable, Sendable {
    case due
    case studyAhead
  }

  /// What the learner has already done in the current study day.
  public struct DoneToday: Hashable, Sendable {
    public var newCards: Int
    public var reviews: Int

    public init(newCards: Int = 0, reviews: Int = 0) {
      self.newCards = newCards
      self.reviews = reviews
    }
  }

  public var entries: [Entry]
  /// Due reviews held back by the daily limit.
  public var reviewsOverLimit: Int
  /// New cards held back by the daily limit.
  public var newOverLimit: Int
  /// When the next learning or relearning card not in the queue falls due, so a session can
  /// wait for it instead of ending.
  public var nextLearningDue: Date?
  /// Learning and relearning cards that fall due later in the study day, after the
  /// learn-ahead window: not in the queue yet, but still to come today.
  public var learningLaterToday: Int
  /// Cards left out because they are suspended.
  public var suspended: Int
  /// Cards left out because they are buried until later.
  public var buried: Int

  public init(
    entries: [Entry], reviewsOverLimit: Int = 0, newOverLimit: Int = 0,
    nextLearningDue: Date? = nil, learningLaterToday: Int = 0, suspended: Int = 0,
    buried: Int = 0
  ) {
    self.entries = entries
    self.reviewsOverLimit = reviewsOverLimit
    self.newOverLimit = newOverLimit
    self.nextLearningDue = nextLearningDue
    self.learningLaterToday = learningLaterToday
    self.suspended = suspended
    self.buried = buried
  }

  /// Builds the queue for `cards` in deck order (nil: never studied) at `now`. `marks` holds
  /// the marks of the cards that have any, by position in `cards`.
  public static func build(
    cards: [CardState?], marks: [Int: CardMarks] = [:], now: Date, day: StudyDay,
    limits: StudyLimits = StudyLimits(), doneToday: DoneToday = DoneToday(),
    scheduler: FSRSScheduler, mode: Mode = .due, learnAhead: TimeInterval = 0
  ) -> StudyQueue {
    var learning: [(due: Date, index: Int)] = []
    var reviews: [(retrievability: Double, due: Date, index: Int)] = []
    var newCards: [Int] = []
    var ahead: [(due: Date, index: Int)] = []
    var nextLearningDue: Date?
    var learningLaterToday = 0
    var (suspended, buried) = (0, 0)
    let learningCutoff = now + learnAhead

    for (index, state) in cards.enumerated() {
      if !marks.isEmpty, let mark = marks[index], mark.hidesCard(at: now) {
        if mark.suspended { suspended += 1 } else { buried += 1 }
        continue
      }
      guard let card = state, card.phase != .new else {
        newCards.append(index)
        continue
      }
      switch card.phase {
      case .learning, .relearning:
        if card.due <= learningCutoff {
          learning.append((card.due, index))
        } else {
          nextLearningDue = min(nextLearningDue ?? card.due, card.due)
          if card.due < day.end { learningLaterToday += 1 }
          ahead.append((card.due, index))
        }
      case .review:
        if card.due < day.end {
          reviews.append((scheduler.retrievability(of: card, at: now), card.due, index))
        } else {
          ahead.append((card.due, index))
        }
      case .new:
        break
      }
    }

    learning.sort { ($0.due, $0.index) < ($1.due, $1.index) }
    reviews.sort {
      ($0.retrievability, $0.due, $0.index) < ($1.retrievability, $1.due, $1.index)
    }
    let reviewRoom = max(0, limits.reviewsPerDay - doneToday.reviews)
    let newRoom = max(0, limits.newPerDay - doneToday.newCards)
    let takenReviews = reviews.prefix(reviewRoom).map { Entry(index: $0.index, kind: .review) }
    let takenNew = newCards.prefix(newRoom).map { Entry(index: $0, kind: .new) }

    var entries = learning.map { Entry(index: $0.index, kind: .learning) }
    entries.reserveCapacity(learning.count + takenReviews.count + takenNew.count)
    entries += interleave(reviews: takenReviews, newCards: takenNew)
    if mode == .studyAhead {
      ahead.sort { ($0.due, $0.index) < ($1.due, $1.index) }
      entries += ahead.map { Entry(index: $0.index, kind: .ahead) }
    }
    return StudyQueue(
      entries: entries, reviewsOverLimit: reviews.count - takenReviews.count,
      newOverLimit: newCards.count - takenNew.count, nextLearningDue: nextLearningDue,
      learningLaterToday: learningLaterToday, suspended: suspended, buried: buried)
  }

  /// One new card after every `max(1, reviews / new)` reviews; leftovers go at the end.
  public static func interleave(reviews: [Entry], newCards: [Entry]) -> [Entry] {
    guard !reviews.isEmpty, !newCards.isEmpty else { return reviews + newCards }
    let every = max(1, reviews.count / newCards.count)
    var merged: [Entry] = []
    merged.reserveCapacity(reviews.count + newCards.count)
    var nextNew = newCards.startIndex
    for (position, review) in reviews.enumerated() {
      merged.append(review)
      if (position + 1) % every == 0, nextNew < newCards.endIndex {
        merged.append(newCards[nextNew])
        nextNew += 1
      }
    }
    merged += newCards[nextNew...]
    return merged
  }
}
