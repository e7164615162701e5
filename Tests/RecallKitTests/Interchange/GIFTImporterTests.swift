import RecallKit
import RecallTestSupport
import Testing

@Suite struct GIFTImporterTests {
  private func deck(_ text: String) throws -> Deck {
    let result = InterchangeFixtures.importText(text, format: .gift, path: "quiz.gift")
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    return try #require(result.deck)
  }

  private func errors(_ text: String) -> [String] {
    InterchangeFixtures.importText(text, format: .gift, path: "quiz.gift").diagnostics
      .filter { $0.severity == .error }.map(\.description)
  }

  @Test func sampleFileImportsEveryQuestionType() throws {
    let result = InterchangeFixtures.importText(
      try InterchangeFixtures.text("sample.gift"), format: .gift, path: "sample.gift")
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(result.yaml != nil)
    let cards = Dictionary(uniqueKeysWithValues: deck.cards.map { ($0.id, $0) })

    let school = try #require(cards["school-length"])
    #expect(school.kind == .short)
    #expect(school.answers == ["two weeks", "2 weeks"])
    #expect(school.tags == ["bajgora-offensive"])

    let hero = try #require(cards["hero-order"])
    #expect(hero.kind == .choice)
    #expect(hero.answers == ["Hero of Kosovo"])
    #expect(hero.distractors == ["Order of Freedom", "Order of Skanderbeg"])
    #expect(hero.explanation == "Awarded in 2019.")

    #expect(cards["nato"]?.kind == .truefalse)
    #expect(cards["nato"]?.truth == true)

    let cloze = try #require(deck.cards.first { $0.kind == .cloze })
    #expect(cloze.cloze?.key == "Zaberegje")
    #expect(cloze.prompt == "The KLA's first public appearance in the region was in _____.")

    let pairs = deck.cards.filter { $0.id.hasPrefix("match") }
    #expect(
      pairs.map(\.prompt) == [
        "Match each place with what it is: Mazhiq", "Match each place with what it is: Bajgora",
      ])
    #expect(pairs.map(\.answers) == [["a village"], ["a region"]])
    #expect(
      result.diagnostics.contains { $0.severity == .warning && $0.message.contains("matching") })

    let escapes = try #require(cards["escapes"])
    #expect(escapes.prompt == "Is 2 = 2 {really}: #1 ~ ok?")
    #expect(escapes.answers == ["yes: sure"])
    #expect(escapes.explanation == "Escapes in GIFT: = ~ # { }")

    let convoy = try #require(deck.facts.first)
    guard case .quantity(let quantity) = convoy.content else {
      Issue.record("expected a quantity fact")
      return
    }
    #expect(convoy.id == "convoy")
    #expect(quantity.howMany == "people travelled in the convoy that left on 2 May 1999")
    #expect(quantity.value == NumberValue(from: 3000, to: 5000))
  }

  @Test func numericQuestionsKeepTheirTolerance() throws {
    let deck = try deck(
      """
      When was Ulysses S. Grant born?{#1822:2}

      Pi to two places?{#3.14}

      How long was the front, in km?{#100:10}

      How long was the siege, in days?{#90..110}

      How far did they walk, in km?{#=%100%40:5#Right. =%50%40:10#Close.}
      """)
    #expect(deck.cards.map(\.kind) == [.numeric, .short, .numeric, .numeric, .numeric])
    // Moodle's value:tolerance is the span a grader accepts.
    #expect(deck.cards[0].number == NumberValue(from: 1820, to: 1824))
    #expect(deck.cards[0].number?.acceptedRange == 1820...1824)
    #expect(deck.cards[1].answers == ["3.14"])
    // ±10 % around the middle is Recall's "about", whichever way it is written.
    #expect(deck.cards[2].number == NumberValue(100, qualifier: .about))
    #expect(deck.cards[3].number == NumberValue(100, qualifier: .about))
    // The full-credit answer is taken; the partial one is not accepted.
    #expect(deck.cards[4].number == NumberValue(from: 35, to: 45))
    #expect(deck.cards[4].explanation == "Right.")
  }

  @Test func categoriesBecomeTagsByTheirLastName() throws {
    let deck = try deck(
      """
      $CATEGORY: $course$/top/The Bajgora offensive/People

      Who led Brigade 141?{=Rexhep Selimi}

      $CATEGORY: tom/dick/harry

      Who?{=Harry}

      $CATEGORY: $course$/top/1998//99

      When?{=1998}
      """)
    #expect(deck.cards.map(\.tags) == [["people"], ["harry"], ["1998-99"]])
  }

  @Test func aQuestionOnSeveralLinesIsOneParagraph() throws {
    let deck = try deck(
      [
        "::hastings::Who won the battle   ", "  fought near Hastings", "in 1066?", "{",
        "  =William of Normandy", "  =William the Conqueror", "}", "",
        "::lines::First line\\nsecond line, as written {=yes}",
      ].joined(separator: "\n"))
    #expect(deck.cards[0].prompt == "Who won the battle fought near Hastings in 1066?")
    #expect(deck.cards[0].answers == ["William of Normandy", "William the Conqueror"])
    // An escaped \\n is a line break the author asked for.
    #expect(deck.cards[1].prompt == "First line\nsecond line, as written")
  }

  @Test func trueFalseSpellings() throws {
    let deck = try deck("A{T}\n\nB{TRUE}\n\nC{F}\n\nD{FALSE#wrong#right}")
    #expect(deck.cards.map(\.truth) == [true, true, false, false])
    #expect(deck.cards.last?.explanation == "right")
  }

  @Test func commentsFormatsAndHTML() throws {
    let deck = try deck(
      """
      // leading comment
      ::q::[html]Who <b>led</b> the unit?&nbsp;{=Commander Leka}
      // trailing comment inside the question

      [plain]Is <this> kept?{=yes}
      """)
    #expect(deck.cards.map(\.prompt) == ["Who led the unit?", "Is <this> kept?"])
  }

  static let mistakes: [(String, String)] = [
    ("Q ⟪1⟫{=a", "quiz.gift:marker 1: error: '{' has no matching '}'"),
    ("Q ⟪1⟫} {=a}", "quiz.gift:marker 1: error: '}' has no matching '{' before it"),
    (
      "Q {=a ⟪1⟫{=b}}",
      "quiz.gift:marker 1: error: '{' inside an answer block; close the first one, or escape a literal brace as \\{"
    ),
    (
      "Q {=a} and ⟪1⟫{=b}",
      "quiz.gift:marker 1: error: a question has one answer block; escape a literal brace as \\{ or \\}"
    ),
    (
      "⟪1⟫::Q {=a}",
      "quiz.gift:marker 1: error: the question title that starts here has no closing '::'"
    ),
    (
      "\n\nQ ⟪1⟫{~a ~b}",
      "quiz.gift:marker 1: error: this multiple-choice question has no right answer; mark it with = (or ~%100%)"
    ),
    (
      "Q ⟪1⟫{=a =b ~c}",
      "quiz.gift:marker 1: error: this multiple-choice question has 2 right answers; a Recall choice card has one"
    ),
    (
      "Q {#⟪1⟫abc}",
      "quiz.gift:marker 1: error: 'abc' is not a numeric answer; write {#5}, {#5:0.5} (value:tolerance) or {#4..6} (range)"
    ),
    (
      "Q {#⟪1⟫5..1}",
      "quiz.gift:marker 1: error: '5..1' is not a numeric answer; write {#5}, {#5:0.5} (value:tolerance) or {#4..6} (range)"
    ),
    ("Q {=a -> b =⟪1⟫c}", "quiz.gift:marker 1: error: a matching pair is written 'left -> right'"),
    ("Q ⟪1⟫{=%50%a}", "quiz.gift:marker 1: error: this short-answer question has no right answer"),
    (
      "⟪1⟫Q {~a =a}",
      "quiz.gift:marker 1: error: 'a' is listed both as the right answer and as a wrong one"
    ),
  ]

  @Test(arguments: mistakes)
  func malformedQuestionsGiveLocatedErrors(text: String, expected: String) {
    let input = MarkedText(text)
    #expect(errors(input.text) == [input.located(expected)])
  }

  @Test func essaysAndDescriptionsAreSkippedWithWarnings() throws {
    let result = InterchangeFixtures.importText(
      "Write an essay.{}\n\nJust a description.\n\nQ{=a}", format: .gift, path: "quiz.gift")
    #expect(result.deck?.cards.count == 1)
    #expect(result.diagnostics.filter { $0.severity == .warning }.count == 2)
  }

  @Test func manyQuestionsWithWarningsStillImport() throws {
    let text = (1...250).map { "::q\($0)::Question \($0)?{=right ~wrong ~other}" }
      .joined(separator: "\n\n")
    let result = InterchangeFixtures.importText(text, format: .gift, path: "quiz.gift")
    #expect(result.deck?.cards.count == 250, "\(result.diagnostics.prefix(3))")
  }

  @Test func emptyFileIsAnError() {
    #expect(
      errors("// only a comment\n") == [
        "quiz.gift:1:1: error: found no questions to import (is it a Moodle GIFT file?)"
      ])
  }
}
