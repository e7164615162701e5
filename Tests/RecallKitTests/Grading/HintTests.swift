import Testing

@testable import RecallKit

@Suite("Hints")
struct HintTests {
  private func question(
    _ expected: ExpectedAnswer, options: [String] = [], id: String = "fact/template"
  ) -> Question {
    Question(
      id: id, kind: .short, prompt: "?", options: options, expected: expected, fact: "fact",
      explanation: "", template: .nameShort)
  }

  @Test(
    "gives the first letter of a text answer, skipping an article",
    arguments: [
      ("Mazhiq", "starts with “M”"),
      ("Barë", "starts with “B”"),
      ("Nusret Ibishi", "starts with “N”, 2 words"),
      ("the Battle of Mazhiq", "starts with “B”, 3 words"),
      ("“Mehe Uka”", "starts with “M”, 2 words"),
      ("2 weeks", "starts with “2”, 2 words"),
    ])
  func text(answer: String, clue: String) {
    #expect(Hint.make(for: question(.text([answer, "Other"])), seed: 1) == .clue(clue))
  }

  @Test("gives the year of a date and the decade of a year")
  func date() throws {
    let day = try HistoricalDate.parse("10 July 1998")
    let year = try HistoricalDate.parse("1998")
    #expect(Hint.make(for: question(.date(day)), seed: 1) == .clue("in 1998"))
    #expect(Hint.make(for: question(.date(year)), seed: 1) == .clue("in the 1990s"))
  }

  @Test(
    "says that a range is one, with its years or, when the years are the answer, its decades",
    arguments: [
      ("July 1998 to January 1999", "from 1998 to 1999"),
      ("March 1998 to June 1998", "a span within 1998"),
      ("1998 to 1999", "a span of years in the 1990s"),
      ("1989 to 1991", "from the 1980s to the 1990s"),
    ])
  func dateRange(text: String, clue: String) throws {
    let range = try HistoricalDate.parse(text)
    #expect(range.isRange)
    #expect(Hint.make(for: question(.date(range)), seed: 1) == .clue(clue))
  }

  @Test("gives the number of digits of a figure")
  func number() {
    #expect(
      Hint.make(for: question(.number(NumberValue(3_000))), seed: 1) == .clue("a 4-digit number"))
    #expect(Hint.make(for: question(.number(NumberValue(8))), seed: 1) == .clue("a single digit"))
  }

  @Test("has nothing fair to reveal for true/false")
  func truth() {
    #expect(Hint.make(for: question(.truth(true)), seed: 1) == nil)
  }

  @Test("names the first item of an order and the first pair of a match")
  func orderAndMatch() {
    #expect(Hint.make(for: question(.order([2, 0, 1])), seed: 1) == .clue("c comes first"))
    #expect(Hint.make(for: question(.match([1, 0])), seed: 1) == .clue("1 goes with b"))
  }

  @Test("removes two wrong options of four, keeping the right one", arguments: 0..<64)
  func choiceRemovesTwo(seed: UInt64) {
    let options = ["a", "b", "c", "d"]
    guard
      case .remainingOptions(let kept) = Hint.make(
        for: question(.choice(2), options: options), seed: seed)
    else {
      Issue.record("expected remaining options")
      return
    }
    #expect(kept.count == 2)
    #expect(kept.contains(2))
    #expect(kept == kept.sorted())
    #expect(Set(kept).count == 2)
  }

  @Test("removes one of three options so two remain, and none of two")
  func smallChoices() {
    let three = Hint.make(for: question(.choice(0), options: ["x", "y", "z"]), seed: 5)
    guard case .remainingOptions(let kept) = three else {
      Issue.record("expected remaining options")
      return
    }
    #expect(kept.count == 2 && kept.contains(0))
    #expect(Hint.make(for: question(.choice(0), options: ["x", "y"]), seed: 5) == nil)
  }

  @Test("is the same for the same seed and question, and varies with the seed")
  func deterministic() {
    let options = ["a", "b", "c", "d", "e", "f"]
    let q = question(.choice(3), options: options)
    let hints = (0..<32).map { Hint.make(for: q, seed: UInt64($0)) }
    #expect(hints == (0..<32).map { Hint.make(for: q, seed: UInt64($0)) })
    #expect(Set(hints.compactMap { $0 }).count > 1)
    #expect(Hint.make(for: q, seed: 7) == Hint.make(for: q, seed: 7))
  }

  @Test("does not depend on the process's hash seed")
  func stableHash() {
    #expect(SeededGenerator.stableHash("") == 0xcbf2_9ce4_8422_2325)
    #expect(SeededGenerator.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
  }
}
