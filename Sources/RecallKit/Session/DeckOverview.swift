import Foundation

/// One deck's line in `recall decks`: how much there is to study now and today, counted over
/// every question the deck generates (not only its hand-written cards), as a session would.
public struct DeckOverview: Hashable, Sendable {
  public var facts: Int
  /// Every question the deck generates, hand-written cards included.
  public var cards: Int
  /// Learning and review cards due now, suspended and buried ones left out (no daily limit).
  public var dueNow: Int
  /// Cards that fall due after now but before the study day ends.
  public var dueLaterToday: Int
  /// New cards a session would still introduce today: unseen cards that are not set aside,
  /// up to the deck's new-card limit less the new cards already started today.
  public var newToday: Int

  public init(facts: Int, cards: Int, dueNow: Int, dueLaterToday: Int, newToday: Int) {
    self.facts = facts
    self.cards = cards
    self.dueNow = dueNow
    self.dueLaterToday = dueLaterToday
    self.newToday = newToday
  }

  /// The figures for `deck`, whose questions are `questions`, from `store` at `now`.
  public init(
    deck: Deck, questions: [Question], store: ProgressStore, limits: StudyLimits, now: Date,
    timeZone: TimeZone
  ) throws(ProgressError) {
    let day = StudyDay(containing: now, timeZone: timeZone)
    var (dueNow, later, unseen) = (0, 0, 0)
    for question in questions {
      if !store.marks.isEmpty, store.marks(for: question.id).hidesCard(at: now) { continue }
      guard let state = store.state(for: question.id), state.phase != .new else {
        unseen += 1
        continue
      }
      if state.due <= now {
        dueNow += 1
      } else if state.due < day.end {
        later += 1
      }
    }
    let done = try StudySession.doneToday(in: store, at: now, timeZone: timeZone)
    self.init(
      facts: deck.facts.count, cards: questions.count, dueNow: dueNow, dueLaterToday: later,
      newToday: min(unseen, max(0, limits.newPerDay - done.newCards)))
  }
}
