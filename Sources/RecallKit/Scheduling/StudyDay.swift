import Foundation

/// The learner's local study day, which starts at a set hour (4 a.m. by default, as in Anki)
/// so a session past midnight still counts towards the evening's limits.
public struct StudyDay: Hashable, Sendable {
  public static let defaultStartHour = 4

  /// The first moment of the day.
  public var start: Date
  /// The first moment of the next day.
  public var end: Date

  public init(start: Date, end: Date) {
    self.start = start
    self.end = end
  }

  /// The study day that `date` falls in, in `timeZone`, with days starting at `startHour`
  /// (0–23) local time. Days around a daylight-saving change are 23 or 25 hours long.
  public init(containing date: Date, timeZone: TimeZone, startHour: Int = defaultStartHour) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let hour = min(max(startHour, 0), 23)
    func dayStart(onDayOf moment: Date) -> Date {
      calendar.date(bySettingHour: hour, minute: 0, second: 0, of: moment) ?? moment
    }
    var start = dayStart(onDayOf: date)
    if start > date {
      start = dayStart(onDayOf: calendar.date(byAdding: .day, value: -1, to: date) ?? date)
    }
    let end = calendar.date(byAdding: .day, value: 1, to: start) ?? start + 86_400
    self.init(start: start, end: end)
  }

  public func contains(_ date: Date) -> Bool {
    date >= start && date < end
  }

  /// Which later study day `date` falls in: 0 for tomorrow, 1 for the day after; nil for
  /// this day or earlier. Forecasts of what falls due bucket cards with it.
  public func daysAfter(_ date: Date) -> Int? {
    guard date >= end else { return nil }
    return Int(date.timeIntervalSince(end) / 86_400)
  }
}
