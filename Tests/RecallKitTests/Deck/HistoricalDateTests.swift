import RecallKit
import Testing

@Suite struct HistoricalDateTests {
  @Test(arguments: [
    ("10 July 1998", "10 July 1998", HistoricalDate.Precision.day),
    ("July 10, 1998", "10 July 1998", .day),
    ("1998-07-10", "10 July 1998", .day),
    ("10.7.1998", "10 July 1998", .day),
    ("10/07/1998", "10 July 1998", .day),
    ("8th January 1999", "8 January 1999", .day),
    ("July 1998", "July 1998", .month),
    ("1998-07", "July 1998", .month),
    ("Sept 2012", "September 2012", .month),
    ("mid-May 1998", "mid-May 1998", .partOfMonth),
    ("mid May 1998", "mid-May 1998", .partOfMonth),
    ("early May 1999", "early May 1999", .partOfMonth),
    ("late June 1998", "late June 1998", .partOfMonth),
    ("summer 1998", "summer 1998", .season),
    ("fall 1998", "autumn 1998", .season),
    ("early 1999", "early 1999", .partOfYear),
    ("mid-1999", "mid-1999", .partOfYear),
    ("1998", "1998", .year),
    ("10–11 July 1998", "10–11 July 1998", .day),
    ("10-11 July 1998", "10–11 July 1998", .day),
    ("10 to 11 July 1998", "10–11 July 1998", .day),
    ("10 July – 2 August 1998", "10 July to 2 August 1998", .day),
    ("August to October 1998", "August to October 1998", .month),
    ("August–October 1998", "August to October 1998", .month),
    ("July 1998 to January 1999", "July 1998 to January 1999", .month),
    ("1998 - 1999", "1998 to 1999", .year),
    ("  mid-May   1998 ", "mid-May 1998", .partOfMonth),
  ])
  func parsesAtThePrecisionWritten(
    input: String, formatted: String, precision: HistoricalDate.Precision
  ) throws {
    let date = try HistoricalDate.parse(input)
    #expect(date.formatted == formatted)
    #expect(date.precision == precision)
  }

  @Test(arguments: [
    ("", DateParseError.empty),
    ("31 June 1998", .invalidDay(day: 31, month: 6, year: 1998)),
    ("29 February 1999", .invalidDay(day: 29, month: 2, year: 1999)),
    ("1998-13", .invalidMonth(13)),
    ("8 January", .missingYear("8 January")),
    ("mid-May", .missingYear("mid-May")),
    ("11–10 July 1998", .endBeforeStart("11–10 July 1998")),
    ("October to August 1998", .endBeforeStart("October to August 1998")),
    ("yesterday", .unrecognized("yesterday")),
    ("10 Julyy 1998", .unrecognized("10 Julyy 1998")),
    ("99999999", .yearOutOfRange(99_999_999)),
  ])
  func rejectsWithAReason(input: String, error: DateParseError) {
    #expect(throws: error) { try HistoricalDate.parse(input) }
  }

  @Test func leapDayIsValidInLeapYears() throws {
    #expect(try HistoricalDate.parse("29 February 2000").precision == .day)
  }

  @Test func prepositionsFollowPrecision() throws {
    #expect(try HistoricalDate.parse("10 July 1998").withPreposition == "on 10 July 1998")
    #expect(try HistoricalDate.parse("mid-May 1998").withPreposition == "in mid-May 1998")
    #expect(
      try HistoricalDate.parse("10–11 July 1998").withPreposition == "from 10 to 11 July 1998")
    #expect(
      try HistoricalDate.parse("August to October 1998").withPreposition
        == "from August to October 1998")
  }

  @Test func sortKeysFollowTime() throws {
    let dates = try ["mid-May 1998", "22 June 1998", "10–11 July 1998", "July 1998", "1999"]
      .map { try HistoricalDate.parse($0) }
    #expect(dates.map(\.sortKey) == dates.map(\.sortKey).sorted())
  }
}
