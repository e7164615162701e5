import Foundation

/// A learner's standing on one deck: what `recall stats` shows.
public struct DeckStatistics: Hashable, Sendable {
  /// Cards by phase, counting every question the deck generates (unseen ones are new).
  public var cards: [CardState.Phase: Int]
  public var dueNow: Int
  /// Cards falling due on each of the next days (index 0 is tomorrow).
  public var dueByDay: [Int]
  public var reviews: Int
  public var accepted: Int
  public var milliseconds: Int

  /// Share of reviews whose answer was accepted; nil before the first review.
  public var accuracy: Double? { reviews == 0 ? nil : Double(accepted) / Double(reviews) }

  /// Gathers the figures for `cardIDs` (the deck's questions) from `store` at `now`.
  public init(
    cardIDs: [String], store: ProgressStore, now: Date, timeZone: TimeZone, days: Int = 7
  ) throws(ProgressError) {
    var cards = Dictionary(uniqueKeysWithValues: CardState.Phase.allCases.map { ($0, 0) })
    var dueNow = 0
    var dueByDay = [Int](repeating: 0, count: days)
    let today = StudyDay(containing: now, timeZone: timeZone)
    for id in cardIDs {
      guard let state = store.state(for: id), state.phase != .new else {
        cards[.new, default: 0] += 1
        continue
      }
      cards[state.phase, default: 0] += 1
      if state.due <= now {
        dueNow += 1
      } else if state.due >= today.end {
        let offset = Int(state.due.timeIntervalSince(today.end) / 86_400)
        if offset < days { dueByDay[offset] += 1 }
      }
    }
    let known = Set(cardIDs)
    var reviews = 0
    var accepted = 0
    var milliseconds = 0
    for review in try store.reviews() where known.contains(review.cardID) {
      reviews += 1
      if review.accepted { accepted += 1 }
      milliseconds += review.responseMilliseconds
    }
    self.cards = cards
    self.dueNow = dueNow
    self.dueByDay = dueByDay
    self.reviews = reviews
    self.accepted = accepted
    self.milliseconds = milliseconds
  }
}
