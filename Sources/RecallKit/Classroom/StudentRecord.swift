import Foundation

/// What one student's progress on one deck says, reduced to what a class report needs: per
/// card, the first and latest verdicts, counts and the wrong answers given, and the current
/// FSRS state.
///
/// Built by streaming the student's review log once, so a student with twenty thousand reviews
/// costs one pass and a few numbers per card.
public struct StudentRecord: Hashable, Sendable {
  /// One card as this student has met it.
  public struct Card: Hashable, Sendable {
    /// Reviews that were not undone.
    public var reviews = 0
    public var accepted = 0
    /// Whether the first answer ever given was accepted.
    public var firstAccepted = false
    /// Whether the most recent answer was accepted.
    public var latestAccepted = false
    public var lapses = 0
    /// Wrong answers as typed (trimmed), with how often each was given.
    public var wrongAnswers: [String: Int] = [:]
    /// The card's state now; nil while it was never reviewed.
    public var state: CardState?
  }

  /// The name the report shows: the folder's name, or the one a `--name` file gives it.
  public var name: String
  /// The folder the progress was read from.
  public var folder: String
  /// Cards this student has reviewed, by card id.
  public var cards: [String: Card]
  /// Every review, undone ones left out.
  public var reviews: Int
  public var accepted: Int
  /// Distinct study days with at least one review.
  public var daysActive: Int
  /// Reviews and accepted answers per study day, keyed by `ClassCalendar.day(of:)`.
  public var days: [Int: DayCount]
  /// Cards this student flagged as wrong (`:flag` in a session), by card id: what the teacher
  /// most needs to read.
  public var flags: [String: CardMarks.Flag]

  /// One study day's answers.
  public struct DayCount: Hashable, Sendable {
    public var reviews: Int
    public var accepted: Int
  }

  public var accuracy: Double? { reviews == 0 ? nil : Double(accepted) / Double(reviews) }

  /// Reads a student's progress for `deckID` from an open store (read-only is enough).
  public init(
    name: String, folder: String, store: ProgressStore, calendar: ClassCalendar
  ) throws(ProgressError) {
    self.name = name
    self.folder = folder
    var cards: [String: Card] = [:]
    var reviews = 0
    var accepted = 0
    var days: [Int: DayCount] = [:]
    var previousPhase: [String: CardState.Phase] = [:]
    try store.forEachReview { record in
      reviews += 1
      if record.accepted { accepted += 1 }
      var card = cards[record.cardID] ?? Card()
      if card.reviews == 0 { card.firstAccepted = record.accepted }
      card.reviews += 1
      if record.accepted { card.accepted += 1 }
      card.latestAccepted = record.accepted
      if CardCounts.isLapse(record.rating, before: previousPhase[record.cardID]) {
        card.lapses += 1
      }
      if !record.accepted {
        let answer = record.answer.trimmingCharacters(in: .whitespacesAndNewlines)
        if !answer.isEmpty { card.wrongAnswers[answer, default: 0] += 1 }
      }
      previousPhase[record.cardID] = record.state.phase
      cards[record.cardID] = card
      let day = calendar.day(of: record.reviewedAt)
      days[day, default: DayCount(reviews: 0, accepted: 0)].reviews += 1
      if record.accepted { days[day]?.accepted += 1 }
    }
    for (cardID, state) in store.states where state.phase != .new {
      cards[cardID, default: Card()].state = state
    }
    self.cards = cards
    self.reviews = reviews
    self.accepted = accepted
    self.days = days
    self.daysActive = days.count
    self.flags = Dictionary(
      store.flaggedCards.map { ($0.cardID, $0.flag) }, uniquingKeysWith: { $1 })
  }

  /// A record from its parts, for tests and synthetic classes.
  public init(
    name: String, folder: String, cards: [String: Card], flags: [String: CardMarks.Flag] = [:]
  ) {
    self.name = name
    self.folder = folder
    self.cards = cards
    self.flags = flags
    self.reviews = cards.values.reduce(0) { $0 + $1.reviews }
    self.accepted = cards.values.reduce(0) { $0 + $1.accepted }
    self.days = [:]
    self.daysActive = 0
  }
}
