import Foundation
import Testing

@testable import RecallKit

/// The one calendar under progress times, review-log times and historical dates.
@Suite struct CivilCalendarTests {
  @Test func daysAndDatesRoundTripFrom1000BCToAD3000() {
    var days = CivilCalendar.daysSince1970(year: -999, month: 1, day: 1)
    let end = CivilCalendar.daysSince1970(year: 3000, month: 12, day: 31)
    var previous = CivilCalendar.date(daysSince1970: days - 1)
    var wrong: [Int] = []
    while days <= end {
      let date = CivilCalendar.date(daysSince1970: days)
      let back = CivilCalendar.daysSince1970(year: date.year, month: date.month, day: date.day)
      // Each day follows the one before it.
      let next =
        previous.day < CivilCalendar.daysIn(month: previous.month, year: previous.year)
        ? (previous.year, previous.month, previous.day + 1)
        : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
      if back != days || date != next { wrong.append(days) }
      previous = date
      days += 1
    }
    #expect(wrong.isEmpty, "first wrong day: \(wrong.first ?? 0)")
  }

  @Test func knownDays() {
    #expect(CivilCalendar.daysSince1970(year: 1970, month: 1, day: 1) == 0)
    #expect(CivilCalendar.daysSince1970(year: 2000, month: 3, day: 1) == 11_017)
    #expect(CivilCalendar.date(daysSince1970: -1) == (1969, 12, 31))
    #expect(CivilCalendar.daysIn(month: 2, year: 1900) == 28)
    #expect(CivilCalendar.daysIn(month: 2, year: 2000) == 29)
    // Astronomical year -4 is 5 BC, a leap year of the proleptic calendar.
    #expect(CivilCalendar.daysIn(month: 2, year: -4) == 29)
  }

  /// The review-log reader and the progress-file reader are one codec: where both accept a
  /// time they agree on it, and the progress writer's text reads back through either.
  @Test func progressAndLogTimesAgree() throws {
    for text in ["2025-03-01T09:50:00.123Z", "1969-12-31T23:59:59.999Z", "2024-02-29T00:00:00Z"] {
      let log = try UTCTimestamp.parse(text).get()
      let progress = try #require(ProgressTimestamp.parse(text))
      #expect(ProgressTimestamp.milliseconds(log) == ProgressTimestamp.milliseconds(progress))
      let written = try #require(ProgressTimestamp.format(progress))
      #expect(try UTCTimestamp.parse(written).get() == log)
    }
  }
}
