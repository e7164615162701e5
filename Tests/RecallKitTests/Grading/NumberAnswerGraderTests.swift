import Testing

@testable import RecallKit

@Suite("Number answers")
struct NumberAnswerGraderTests {
  private func verdict(_ input: String, _ fact: String) -> Grade.Verdict? {
    guard let expected = NumberValue.parse(fact) else {
      Issue.record("'\(fact)' is not a number the deck loader reads")
      return nil
    }
    return NumberAnswerGrader.grade(input, expected: expected).grade?.verdict
  }

  @Test(
    "reads figures with separators, words, scales, qualifiers and units",
    arguments: [
      ("3000", 3_000.0),
      ("3,000", 3_000),
      ("3 000", 3_000),
      ("3\u{00A0}000", 3_000),
      ("3\u{202F}000", 3_000),
      ("3.000", 3_000),
      ("1.250.000", 1_250_000),
      ("three thousand", 3_000),
      ("Three Thousand", 3_000),
      ("3 thousand", 3_000),
      ("fourteen", 14),
      ("one hundred", 100),
      ("a hundred", 100),
      ("one hundred and five", 105),
      ("about 3,000", 3_000),
      ("over a hundred", 100),
      ("3,000 people", 3_000),
      ("about three thousand people.", 3_000),
      ("14 wounded", 14),
      ("100+", 100),
      ("1 250 000", 1_250_000),
      ("2.5", 2.5),
    ])
  func reads(input: String, value: Double) {
    let read = NumberAnswerGrader.read(input)
    #expect(read?.low == value)
    #expect(read?.high == value)
  }

  @Test(
    "reads ranges",
    arguments: [
      ("3000-5000", 3_000.0, 5_000.0),
      ("3,000–5,000", 3_000, 5_000),
      ("3000 to 5000", 3_000, 5_000),
      ("between 3,000 and 5,000", 3_000, 5_000),
      ("between three thousand and five thousand", 3_000, 5_000),
      ("three thousand to five thousand people", 3_000, 5_000),
    ])
  func readsRanges(input: String, low: Double, high: Double) {
    let read = NumberAnswerGrader.read(input)
    #expect(read?.low == low)
    #expect(read?.high == high)
  }

  @Test(
    "asks again for what is not a number",
    arguments: [
      "many", "a few", "fourten", "lots of people", "thousand", "?", "14 15", "1 0 0", "3000 5000",
    ])
  func notANumber(input: String) {
    #expect(
      NumberAnswerGrader.grade(input, expected: NumberValue(14)) == .invalid(.notANumber(input)))
  }

  @Test(
    "grades an exact figure exactly",
    arguments: [
      ("14", "14", Grade.Verdict.correct),
      ("fourteen", "14", .correct),
      ("about 14", "14", .correct),
      ("13", "14", .wrong),
      ("15", "14", .wrong),
      ("140", "14", .wrong),
      ("13-15", "14", .wrong),
      ("3,000", "3000", .correct),
      ("three thousand", "3,000", .correct),
      ("3 000", "3,000", .correct),
      ("2,999", "3,000", .wrong),
      ("1999", "1998", .wrong),
      ("8", "8", .correct),
      ("eight", "8", .correct),
      ("9", "8", .wrong),
    ])
  func exact(input: String, fact: String, expected: Grade.Verdict) {
    #expect(verdict(input, fact) == expected)
  }

  @Test(
    "grades approximate figures, bounds and ranges with their tolerance",
    arguments: [
      // A bound needs the bound (#13): the bare figure is only part of the answer.
      ("100", "over 100", Grade.Verdict.partiallyCorrect),
      ("110", "over 100", .partiallyCorrect),
      ("one hundred", "over 100", .partiallyCorrect),
      ("over 100", "over 100", .correct),
      ("more than 100", "over 100", .correct),
      ("100+", "over 100", .correct),
      ("at least 100", "over 100", .correct),
      ("under 100", "over 100", .wrong),
      ("200", "over 100", .wrong),
      ("90", "over 100", .wrong),
      ("3000", "about 3,000", .correct),
      ("2800", "about 3,000", .correct),
      ("3300", "about 3,000", .correct),
      ("2500", "about 3,000", .wrong),
      ("3000-5000", "3,000 to 5,000", .correct),
      ("between 3,000 and 5,000", "3,000 to 5,000", .correct),
      ("3,000–5,000", "between 3,000 and 5,000", .correct),
      // A range is asked as a range (the teachers' review of 2026-12-01): one figure in it,
      // or a coarser range that holds it, is partial.
      ("4000", "3,000 to 5,000", .partiallyCorrect),
      ("3000", "3,000 to 5,000", .partiallyCorrect),
      ("2000-6000", "3,000 to 5,000", .partiallyCorrect),
      ("1000-10000", "3,000 to 5,000", .wrong),
      ("6000", "3,000 to 5,000", .wrong),
      ("8", "fewer than 10", .partiallyCorrect),
      ("10", "fewer than 10", .partiallyCorrect),
      ("less than 10", "fewer than 10", .correct),
      ("3 to 5 thousand", "3,000 to 5,000", .correct),
      ("three to five thousand", "3,000 to 5,000", .correct),
      ("5", "fewer than 10", .wrong),
    ])
  func tolerant(input: String, fact: String, expected: Grade.Verdict) {
    #expect(verdict(input, fact) == expected)
  }

  @Test("says how the source puts an approximate figure")
  func note() {
    let range = NumberValue(from: 3_000, to: 5_000)
    let grade = NumberAnswerGrader.grade("4000", expected: range).grade
    #expect(grade?.shown == "between 3,000 and 5,000")
    #expect(grade?.note == "give the range: “between 3,000 and 5,000”")
    let about = NumberAnswerGrader.grade("2900", expected: NumberValue(3_000, qualifier: .about))
    #expect(about.grade?.note == "the source says “about 3,000”")
    #expect(NumberAnswerGrader.grade("3000-5000", expected: range).grade?.note == nil)
    #expect(NumberAnswerGrader.grade("14", expected: NumberValue(14)).grade?.note == nil)
  }
}
