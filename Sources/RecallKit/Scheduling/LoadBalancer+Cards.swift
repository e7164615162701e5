import Foundation

extension LoadBalancer {
  /// The load a review at `now` sees: for each of the next `horizon` days (counted from
  /// `now` in whole days, as intervals are), the cards of `cards` due on the study day that
  /// day falls in. New cards, and those `isLeftOut` says (suspended ones, the card being
  /// scheduled), are not counted; overdue cards count today. Easy days are the study days
  /// whose weekday, in `timeZone`, is in `easyDays`.
  public init(
    cards: [CardState?], isLeftOut: (Int) -> Bool = { _ in false }, now: Date, day: StudyDay,
    timeZone: TimeZone, easyDays: Set<Weekday>
  ) {
    var byStudyDay = [Int](repeating: 0, count: Self.horizon + 2)
    for (index, card) in cards.enumerated() {
      guard let card, card.phase != .new, !isLeftOut(index) else { continue }
      let offset = day.daysAfter(card.due).map { $0 + 1 } ?? 0
      if offset < byStudyDay.count { byStudyDay[offset] += 1 }
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let today = Weekday(rawValue: calendar.component(.weekday, from: day.start)) ?? .sunday
    var due: [Int] = []
    var easy: [Bool] = []
    for days in 0..<Self.horizon {
      let moment = now.addingTimeInterval(Double(days) * 86_400)
      let offset = min(day.daysAfter(moment).map { $0 + 1 } ?? 0, byStudyDay.count - 1)
      due.append(byStudyDay[offset])
      easy.append(easyDays.contains(today.advanced(by: offset)))
    }
    self.init(due: due, easy: easy)
  }
}
