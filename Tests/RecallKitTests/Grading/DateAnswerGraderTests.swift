import Testing

@testable import RecallKit

@Suite("Date answers")
struct DateAnswerGraderTests {
  private func date(_ text: String) throws -> HistoricalDate {
    try HistoricalDate.parse(text)
  }

  private func verdict(_ input: String, _ expected: String) throws -> Grade.Verdict? {
    DateAnswerGrader.grade(input, expected: try date(expected)).grade?.verdict
  }

  @Test(
    "reads dates in every common form",
    arguments: [
      ("10 July 1998", "10 July 1998"),
      ("July 10, 1998", "10 July 1998"),
      ("july 10 1998", "10 July 1998"),
      ("1998-07-10", "10 July 1998"),
      ("10.7.1998", "10 July 1998"),
      ("10. 7. 1998", "10 July 1998"),
      ("10/07/1998", "10 July 1998"),
      ("10-07-1998", "10 July 1998"),
      ("1998/07/10", "10 July 1998"),
      ("1998.07.10", "10 July 1998"),
      ("10th of July 1998", "10 July 1998"),
      ("the 10th of July, 1998", "10 July 1998"),
      ("July 10th, 1998", "10 July 1998"),
      ("Jul. 10, 1998", "10 July 1998"),
      ("10 Jul 1998", "10 July 1998"),
      ("10. July 1998", "10 July 1998"),
      ("on 10 July 1998", "10 July 1998"),
      ("10 Jluy 1998", "10 July 1998"),
      ("10 Juyl 1998", "10 July 1998"),
      ("2 Mya 1999", "2 May 1999"),
      ("22 Jnue 1998", "22 June 1998"),
      ("10 July 1998.", "10 July 1998"),
      ("Friday, 10 July 1998", "10 July 1998"),
      ("July 1998", "July 1998"),
      ("in July 1998", "July 1998"),
      ("1998-07", "July 1998"),
      ("7/1998", "July 1998"),
      ("mid-May 1998", "mid-May 1998"),
      ("mid May 1998", "mid-May 1998"),
      ("the middle of May 1998", "mid-May 1998"),
      ("beginning of May 1999", "early May 1999"),
      ("end of June 1998", "late June 1998"),
      ("1998", "1998"),
      ("summer 1998", "summer 1998"),
      ("10–11 July 1998", "10–11 July 1998"),
      ("10-11 July 1998", "10–11 July 1998"),
      ("10th-11th July 1998", "10–11 July 1998"),
      ("10 to 11 July 1998", "10–11 July 1998"),
      ("from 10 to 11 July 1998", "10–11 July 1998"),
      ("10 and 11 July 1998", "10–11 July 1998"),
      ("between August and October 1998", "August to October 1998"),
      ("Aug-Oct 1998", "August to October 1998"),
      ("July 1998 to January 1999", "July 1998 to January 1999"),
    ])
  func reads(input: String, expected: String) throws {
    let read = try DateAnswerReader.read(input).get()
    #expect(read == (try date(expected)))
  }

  @Test(
    "asks again for what is not a date",
    arguments: [
      "", "   ", "sometime", "July", "10 July", "10/7/98", "July 98", "31 June 1998", "13/13/1998",
      "10 Jule 1998", "yesterday", "1998 or 1999",
    ])
  func invalid(input: String) {
    guard case .failure = DateAnswerReader.read(input) else {
      Issue.record("'\(input)' should not read as a date")
      return
    }
  }

  @Test("says to write the year in full", arguments: ["10/7/98", "July 98", "summer of '98"])
  func shortYear(input: String) {
    #expect(DateAnswerReader.read(input) == .failure(.shortYear(input)))
  }

  @Test("says that figures are read day first when a month-first date does not fit")
  func monthFirst() {
    let reason = "there is no month 22 (dates in figures are read day first, as in 22/6/1998)"
    #expect(DateAnswerReader.read("6/22/1998") == .failure(.notADate("6/22/1998", reason: reason)))
  }

  @Test(
    "grades a day fact",
    arguments: [
      ("10 July 1998", Grade.Verdict.correct),
      ("July 10, 1998", .correct),
      ("1998-07-10", .correct),
      ("10.7.1998", .correct),
      ("10/07/1998", .correct),
      ("10th of July 1998", .correct),
      ("July 1998", .partiallyCorrect),
      ("early July 1998", .partiallyCorrect),
      ("summer 1998", .partiallyCorrect),
      ("1998", .partiallyCorrect),
      ("11 July 1998", .wrong),
      ("10 June 1998", .wrong),
      ("10 July 1999", .wrong),
      ("10 July 1997", .wrong),
      ("07/10/1998", .wrong),
      ("July 1999", .wrong),
      ("1999", .wrong),
      ("late July 1998", .wrong),
      ("9–11 July 1998", .wrong),
    ])
  func dayFact(input: String, expected: Grade.Verdict) throws {
    #expect(try verdict(input, "10 July 1998") == expected)
  }

  @Test(
    "grades a month fact",
    arguments: [
      ("July 1998", Grade.Verdict.correct),
      ("1998-07", .correct),
      ("jul 1998", .correct),
      ("10 July 1998", .correct),
      ("mid-July 1998", .correct),
      ("1998", .partiallyCorrect),
      ("summer 1998", .partiallyCorrect),
      ("June 1998", .wrong),
      ("July 1999", .wrong),
      ("1999", .wrong),
      ("June to August 1998", .wrong),
    ])
  func monthFact(input: String, expected: Grade.Verdict) throws {
    #expect(try verdict(input, "July 1998") == expected)
  }

  @Test(
    "grades part of a month: the month alone is enough",
    arguments: [
      ("mid-May 1998", Grade.Verdict.correct),
      ("mid May 1998", .correct),
      ("May 1998", .correct),
      ("15 May 1998", .correct),
      ("1998", .partiallyCorrect),
      ("spring 1998", .partiallyCorrect),
      ("early May 1998", .wrong),
      ("late May 1998", .wrong),
      ("2 May 1998", .wrong),
      ("mid-May 1999", .wrong),
      ("May 1999", .wrong),
      ("June 1998", .wrong),
    ])
  func partOfMonthFact(input: String, expected: Grade.Verdict) throws {
    #expect(try verdict(input, "mid-May 1998") == expected)
  }

  @Test("says the precise form when the part is left out")
  func partNote() throws {
    let grade = DateAnswerGrader.grade("May 1998", expected: try date("mid-May 1998")).grade
    #expect(grade?.shown == "mid-May 1998")
    #expect(grade?.note == "more precisely “mid-May 1998”")
  }

  @Test(
    "grades a day range: both ends, in either order of day and month",
    arguments: [
      ("10–11 July 1998", Grade.Verdict.correct),
      ("10-11 July 1998", .correct),
      ("10 to 11 July 1998", .correct),
      ("10 July 1998 to 11 July 1998", .correct),
      // A span needs both ends (#13): its first day alone is partial.
      ("10 July 1998", .partiallyCorrect),
      ("July 10-11, 1998", .correct),
      ("July 10–11 1998", .correct),
      ("11 July 1998", .partiallyCorrect),
      ("July 1998", .partiallyCorrect),
      ("1998", .partiallyCorrect),
      // One end right and the other off is partial (the teachers' review of 2026-12-01);
      // both ends off is wrong.
      ("10–12 July 1998", .partiallyCorrect),
      ("9–11 July 1998", .partiallyCorrect),
      ("11–12 July 1998", .partiallyCorrect),
      ("12–13 July 1998", .wrong),
      ("12 July 1998", .wrong),
      ("10–11 July 1999", .wrong),
      ("10 July 1999", .wrong),
      ("1999", .wrong),
    ])
  func dayRangeFact(input: String, expected: Grade.Verdict) throws {
    #expect(try verdict(input, "10–11 July 1998") == expected)
  }

  @Test("asks for both ends when only the first day was given")
  func rangeNote() throws {
    let grade = DateAnswerGrader.grade("10 July 1998", expected: try date("10–11 July 1998")).grade
    #expect(grade?.shown == "10–11 July 1998")
    #expect(grade?.note == "give both ends: “10–11 July 1998”")
  }

  @Test(
    "grades a month range",
    arguments: [
      ("August to October 1998", Grade.Verdict.correct),
      ("Aug–Oct 1998", .correct),
      ("between August and October 1998", .correct),
      ("August 1998", .partiallyCorrect),
      ("September 1998", .partiallyCorrect),
      ("1998", .partiallyCorrect),
      ("July to October 1998", .partiallyCorrect),
      ("May to June 1998", .wrong),
      ("August 1999", .wrong),
      ("November 1998", .wrong),
    ])
  func monthRangeFact(input: String, expected: Grade.Verdict) throws {
    #expect(try verdict(input, "August to October 1998") == expected)
  }

  @Test(
    "grades a range across years",
    arguments: [
      ("July 1998 to January 1999", Grade.Verdict.correct),
      ("July 1998", .partiallyCorrect),
      ("December 1998", .partiallyCorrect),
      ("1998", .partiallyCorrect),
      // A year holding one end, or a range with one end right, is partial.
      ("1999", .partiallyCorrect),
      ("July 1998 to February 1999", .partiallyCorrect),
      ("June 1998 to February 1999", .partiallyCorrect),
    ])
  func yearSpanningRange(input: String, expected: Grade.Verdict) throws {
    #expect(try verdict(input, "July 1998 to January 1999") == expected)
  }

  @Test(
    "grades a year fact: the year, never another",
    arguments: [
      ("1998", Grade.Verdict.correct),
      ("in 1998", .correct),
      ("July 1998", .correct),
      ("1999", .wrong),
      ("1997", .wrong),
      ("1998–1999", .wrong),
      ("December 1999", .wrong),
    ])
  func yearFact(input: String, expected: Grade.Verdict) throws {
    #expect(try verdict(input, "1998") == expected)
  }

  @Test(
    "grades seasons and parts of a year",
    arguments: [
      ("summer 1998", "summer 1998", Grade.Verdict.correct),
      ("July 1998", "summer 1998", .correct),
      ("1998", "summer 1998", .partiallyCorrect),
      ("autumn 1998", "summer 1998", .wrong),
      ("summer 1999", "summer 1998", .wrong),
      ("January 1999", "winter 1999", .correct),
      ("December 1998", "winter 1999", .wrong),
      ("early 1999", "early 1999", .correct),
      ("February 1999", "early 1999", .correct),
      ("1999", "early 1999", .correct),
      ("June 1999", "early 1999", .wrong),
      ("late 1999", "early 1999", .wrong),
      ("early 1998", "early 1999", .wrong),
      ("May 1999", "early May 1999", .correct),
      ("2 May 1999", "early May 1999", .correct),
      ("12 May 1999", "early May 1999", .wrong),
    ])
  func coarseFacts(input: String, expected: String, verdict expectedVerdict: Grade.Verdict) throws {
    #expect(try verdict(input, expected) == expectedVerdict)
  }

  @Test("explains how a figures-only date was read when it is wrong")
  func readingNote() throws {
    let grade = DateAnswerGrader.grade("07/10/1998", expected: try date("10 July 1998")).grade
    #expect(grade?.verdict == .wrong)
    #expect(grade?.note == "read as “7 October 1998” (numbers are read day first)")
  }

  @Test("keeps the deck loader's parser unchanged for what authors write")
  func loaderUnaffected() {
    #expect(HistoricalDate(parsing: "10th of July 1998") != nil)
    #expect(HistoricalDate(parsing: "10-07-1998") == nil)
  }
}
