import Testing

@testable import RecallKit

/// The general rules that bring the grader closer to a teacher's verdicts (the review in
/// Documentation/reviews/2026-12-01-grading), each with answers it must take and answers it
/// must still refuse. Inputs are written here, not read from the review, so the review stays a
/// measure rather than a list the grader was tuned to.
@Suite("Grading agreement: dates")
struct GradingAgreementDateTests {
  private func verdict(_ input: String, _ expected: String) throws -> Grade.Verdict? {
    DateAnswerGrader.grade(input, expected: try HistoricalDate.parse(expected)).grade?.verdict
  }

  @Test(
    "reads the Kalends, Nones and Ides of a month as their day",
    arguments: [
      ("the Ides of March 44 BC", "15 March 44 BC"),
      ("Ides of March, 44 BC", "15 March 44 BC"),
      ("the ides of May 100 BC", "15 May 100 BC"),
      ("the Ides of January 49 BC", "13 January 49 BC"),
      ("the Nones of July 100 BC", "7 July 100 BC"),
      ("the Nones of December 63 BC", "5 December 63 BC"),
      ("the Kalends of April 1066", "1 April 1066"),
      ("Kalends of June AD 69", "1 June AD 69"),
    ])
  func romanDays(input: String, expected: String) throws {
    #expect(try verdict(input, expected) == .correct, "\(input)")
  }

  @Test("a Roman day of the wrong month or without a year is not taken")
  func romanDaysRefused() throws {
    #expect(try verdict("the Ides of April 44 BC", "15 March 44 BC") == .wrong)
    #expect(try verdict("the Nones of March 44 BC", "15 March 44 BC") == .wrong)
    // No year: asked again, as for "15 March".
    #expect(try verdict("the Ides of March", "15 March 44 BC") == nil)
  }

  @Test(
    "reads fixed feasts as their day",
    arguments: [
      ("Christmas Day 1066", "25 December 1066"),
      ("christmas day, 1066", "25 December 1066"),
      ("on Christmas 1066", "25 December 1066"),
      ("Christmas Eve 1914", "24 December 1914"),
      ("New Year's Day 1801", "1 January 1801"),
      ("St George's Day 1564", "23 April 1564"),
      ("Saint Bartholomew's Day 1572", "24 August 1572"),
      ("Michaelmas 1066", "29 September 1066"),
      ("Bastille Day 1789", "14 July 1789"),
    ])
  func feasts(input: String, expected: String) throws {
    #expect(try verdict(input, expected) == .correct, "\(input)")
  }

  @Test("a feast on another day is wrong, and a month named May is still May")
  func feastsRefused() throws {
    #expect(try verdict("Boxing Day 1066", "25 December 1066") == .wrong)
    #expect(try verdict("Christmas Eve 1066", "25 December 1066") == .wrong)
    #expect(try verdict("2 May 1999", "2 May 1999") == .correct)
    #expect(try verdict("May Day 1999", "2 May 1999") == .wrong)
  }

  @Test(
    "reads a range of years whose end keeps two digits",
    arguments: [
      ("1069-70", "1069 to 1070"),
      ("1069–70", "1069 to 1070"),
      ("1069 - 70", "1069 to 1070"),
      ("1914-18", "1914 to 1918"),
      ("1910-11", "1910 to 1911"),
      ("1998-03", "March 1998"),
    ])
  func shortYearRanges(input: String, expected: String) throws {
    #expect(try verdict(input, expected) == .correct, "\(input)")
  }

  @Test("a shortened range with other years is wrong")
  func shortYearRangesRefused() throws {
    #expect(try verdict("1070-71", "1069 to 1070") == .wrong)
    #expect(try verdict("1914-19", "1914 to 1918") == .wrong)
  }

  @Test(
    "a year without its era is partial where the era matters, wrong when no era makes it right",
    arguments: [
      ("15 March 44", "15 March 44 BC", Grade.Verdict.partiallyCorrect),
      ("60", "60 BC", .partiallyCorrect),
      ("264", "264 BC", .partiallyCorrect),
      ("58 to 50", "58 BC to 50 BC", .partiallyCorrect),
      ("19 August 14", "19 August AD 14", .partiallyCorrect),
      ("15 March 43", "15 March 44 BC", .wrong),
      ("61", "60 BC", .wrong),
      ("264 BC", "264 BC", .correct),
      ("AD 264", "264 BC", .wrong),
      ("1066", "1066", .correct),
    ])
  func yearsWithoutEra(input: String, expected: String, verdict wanted: Grade.Verdict) throws {
    #expect(try verdict(input, expected) == wanted, "\(input)")
  }

  @Test("the note names the era to write")
  func eraNote() throws {
    let grade = DateAnswerGrader.grade("60", expected: try HistoricalDate.parse("60 BC")).grade
    #expect(grade?.note == "write the era: “60 BC”")
  }
}
