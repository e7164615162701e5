import Testing

@testable import RecallKit

@Suite("Choice, true/false, order and match answers")
struct LetterAnswerGraderTests {
  static let options = [
    "Order of Freedom", "Hero of Kosovo", "Order of Skanderbeg", "Medal of Merit",
  ]

  private func choice(_ input: String) -> GradingResult {
    ChoiceAnswerGrader.grade(input, options: Self.options, correct: 1)
  }

  @Test(
    "grades a choice by letter or text",
    arguments: [
      ("b", Grade.Verdict.correct),
      ("B", .correct),
      ("b)", .correct),
      ("(b)", .correct),
      ("b.", .correct),
      (" b ", .correct),
      ("Hero of Kosovo", .correct),
      ("hero of kosovo!", .correct),
      ("the Hero of Kosovo", .correct),
      ("Hero of Kosova", .acceptedWithTypo),
      ("a", .wrong),
      ("D", .wrong),
      ("Order of Freedom", .wrong),
      ("order of skanderbeg", .wrong),
      ("Kosovo", .partiallyCorrect),
    ])
  func choiceGrades(input: String, expected: Grade.Verdict) {
    #expect(choice(input).grade?.verdict == expected)
  }

  @Test("shows the right option with its letter")
  func choiceShown() {
    #expect(choice("a").grade?.shown == "b) Hero of Kosovo")
  }

  @Test(
    "asks again for a letter or text that names no option",
    arguments: [
      ("e", InvalidAnswer.noSuchOption(letter: "e", letters: "a–d")),
      ("Z)", .noSuchOption(letter: "Z", letters: "a–d")),
      ("Order of Lenin", .notAnOption("Order of Lenin", letters: "a–d")),
      ("Heor of Kosovo", .notAnOption("Heor of Kosovo", letters: "a–d")),
      ("  ", .empty),
    ])
  func choiceInvalid(input: String, reason: InvalidAnswer) {
    #expect(choice(input) == .invalid(reason))
  }

  @Test("keeps an option that is a near miss of another option wrong")
  func choiceNearOther() {
    let options = ["Slakovce", "Slakovci", "Majdan"]
    #expect(
      ChoiceAnswerGrader.grade("Slakovc", options: options, correct: 0).grade?.verdict == .wrong)
    #expect(
      ChoiceAnswerGrader.grade("Slakovci", options: options, correct: 0).grade?.verdict == .wrong)
  }

  @Test(
    "reads true and false in every usual form",
    arguments: [
      ("t", true), ("T", true), ("true", true), ("TRUE", true), ("True.", true), ("yes", true),
      ("Y", true), ("y", true), ("f", false), ("F", false), ("false", false), ("False!", false),
      ("no", false), ("N", false), ("n", false), (" no ", false),
    ])
  func truth(input: String, value: Bool) {
    #expect(TruthAnswerGrader.grade(input, expected: value).grade?.verdict == .correct)
    #expect(TruthAnswerGrader.grade(input, expected: !value).grade?.verdict == .wrong)
  }

  @Test("asks again for anything else", arguments: ["maybe", "tru", "yes no", "1", "x"])
  func truthInvalid(input: String) {
    #expect(TruthAnswerGrader.grade(input, expected: true) == .invalid(.notTrueOrFalse(input)))
  }

  static let items = ["Mazhiq", "Majdan", "Melanica", "Vaganica"]

  private func order(_ input: String) -> GradingResult {
    OrderAnswerGrader.grade(input, options: Self.items, expected: [2, 0, 1, 3])
  }

  @Test(
    "reads an order in any common layout",
    arguments: [
      "c a b d", "cabd", "CABD", "c,a,b,d", "c, a, b, d", "c-a-b-d", "c > a > b > d",
      "c→a→b→d", " c a b d ", "c;a;b;d",
    ])
  func orderRight(input: String) {
    #expect(order(input).grade?.verdict == .correct)
  }

  @Test("marks a wrong order wrong and counts the items in place")
  func orderWrong() {
    let grade = order("c b a d").grade
    #expect(grade?.verdict == .wrong)
    #expect(grade?.note == "2 of 4 in the right place")
    #expect(grade?.shown == "c a b d: Melanica → Mazhiq → Majdan → Vaganica")
    #expect(order("abcd").grade?.verdict == .wrong)
  }

  @Test(
    "asks again for an order with missing, repeated or unknown letters",
    arguments: [
      ("cab", InvalidAnswer.wrongCount(given: 3, expected: 4, letters: "a–d")),
      ("cabde", .noSuchOption(letter: "e", letters: "a–d")),
      ("c a b b", .repeatedLetter("b")),
      ("c a B b", .repeatedLetter("b")),
      ("c a b d a", .repeatedLetter("a")),
      ("c1ab", .unreadable("c1ab", expected: "give the letters a–d in order, such as “c a b d”")),
      ("", .empty),
    ])
  func orderInvalid(input: String, reason: InvalidAnswer) {
    #expect(order(input) == .invalid(reason))
  }

  static let matchItems = ["Remi", "Nusret Ibishi", "Brigade 141"]
  static let matchOptions = ["ran the school", "taught police tactics", "Mehe Uka"]

  private func match(_ input: String) -> GradingResult {
    MatchAnswerGrader.grade(
      input, items: Self.matchItems, options: Self.matchOptions, expected: [0, 1, 2])
  }

  @Test(
    "reads matches as numbered pairs or letters in item order",
    arguments: [
      "1a 2b 3c", "1-a, 2-b, 3-c", "1:a; 2:b; 3:c", "1=a 2=b 3=c", "1 a 2 b 3 c", "1a2b3c",
      "3c 1a 2b", "1A 2B 3C", "1) a 2) b 3) c", "(1,a) (2,b) (3,c)", "a b c", "abc", "1-a,2-b,3-c",
    ])
  func matchRight(input: String) {
    #expect(match(input).grade?.verdict == .correct)
  }

  @Test("marks a wrong match wrong and counts the right pairs")
  func matchWrong() {
    let grade = match("1a 2c 3b").grade
    #expect(grade?.verdict == .wrong)
    #expect(grade?.note == "1 of 3 pairs right")
    #expect(
      grade?.shown
        == "1a 2b 3c: Remi — ran the school; Nusret Ibishi — taught police tactics; "
        + "Brigade 141 — Mehe Uka")
    #expect(match("1a 2a 3a").grade?.verdict == .wrong)
  }

  @Test(
    "asks again for a match with missing, repeated or unknown items",
    arguments: [
      ("1a 2b", InvalidAnswer.missingItems([3])),
      ("1a", .missingItems([2, 3])),
      ("ab", .missingItems([3])),
      ("1a 1b 2c", .repeatedItem(1)),
      ("1a 2b 4c", .noSuchItem(4, count: 3)),
      ("0a 1b 2c", .noSuchItem(0, count: 3)),
      ("1a 2b 3d", .noSuchOption(letter: "d", letters: "a–c")),
    ])
  func matchInvalid(input: String, reason: InvalidAnswer) {
    #expect(match(input) == .invalid(reason))
  }

  @Test(
    "asks again for a match it cannot read",
    arguments: ["1a 2b 3", "1 2 3", "a1 b2 c3", "abca", "1a 2b 3c!", "1a b 2c"])
  func matchUnreadable(input: String) {
    guard case .invalid(.unreadable) = match(input) else {
      Issue.record("'\(input)' should be unreadable, got \(match(input))")
      return
    }
  }
}
