import Foundation

/// Numbers study days for a class report: day N runs from 04:00 to 04:00 in the report's time
/// zone, like a study session's day.
///
/// The offset from UTC is taken once, at the report's moment, so a log of half a million
/// reviews is split into days by arithmetic instead of a calendar call per review; a daylight
/// saving change moves a day's edge by an hour, which a count of active days does not notice.
public struct ClassCalendar: Hashable, Sendable {
  /// Seconds to add to a UTC time to get the local time whose midnight-to-midnight day, shifted
  /// by the start hour, is the study day.
  public var offset: Int

  public init(timeZone: TimeZone, at moment: Date, startHour: Int = StudyDay.defaultStartHour) {
    offset = timeZone.secondsFromGMT(for: moment) - startHour * 3600
  }

  /// The study day a moment falls on, as days since 1970-01-01.
  public func day(of moment: Date) -> Int {
    Int(((moment.timeIntervalSince1970 + Double(offset)) / 86_400).rounded(.down))
  }
}
