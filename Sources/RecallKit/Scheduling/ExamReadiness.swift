import Foundation

/// How much of a deck the learner would know on their exam day if they studied nothing more:
/// each card's FSRS retrievability at the start of that day, averaged over the deck's cards,
/// a card never studied counting as not known. `recall stats` shows it.
public struct ExamReadiness: Hashable, Sendable {
  public var exam: ExamDate
  /// Study days from today to the exam day (0 on the day itself).
  public var daysAhead: Int
  /// The predicted share of the cards known, 0 to 1.
  public var known: Double
  public var cards: Int

  /// Nil once the exam day is over: the figure is about an exam still to come.
  public init?(
    exam: ExamDate, cardIDs: [String], state: (String) -> CardState?, scheduler: FSRSScheduler,
    now: Date, timeZone: TimeZone
  ) {
    let day = exam.studyDay(timeZone: timeZone)
    guard now < day.end else { return nil }
    let moment = max(now, day.start)
    var total = 0.0
    for id in cardIDs {
      guard let card = state(id), card.phase != .new else { continue }
      total += scheduler.retrievability(of: card, at: moment)
    }
    self.exam = exam
    self.daysAhead = exam.daysAhead(of: now, timeZone: timeZone) ?? 0
    self.known = cardIDs.isEmpty ? 0 : total / Double(cardIDs.count)
    self.cards = cardIDs.count
  }
}
