import Testing

@testable import RecallKit

/// Each linter rule with a question it must drop and one it must keep.
@Suite struct QuestionLinterTests {
  static let here = SourceLocation(file: "lint.yaml", line: 1, column: 1)

  static let deck = Deck(
    id: "lint", title: "The Bajgora offensive (Kosovo War)", subject: "History", language: "en",
    source: Deck.Source(title: "Test"),
    facts: [
      Fact(
        id: "kla",
        content: .group(
          Fact.Group(isUnit: false, name: "Kosovo Liberation Army", aliases: ["KLA"])),
        location: here)
    ], path: "lint.yaml")

  /// The dates the linter reads once per text are the dates read every time, text that is
  /// no date included (asked twice, it stays nil rather than reading as a date).
  @Test func datesReadOnceAreTheDatesReadEachTime() {
    let dates = QuestionLinter.ParsedDates()
    for text in ["March 1999", "1 June 1999", "the KLA", "1999-06-01", "March 1999", "the KLA"] {
      #expect(dates.date(text) == HistoricalDate(parsing: text), "\(text)")
    }
  }

  static func question(
    _ kind: Question.Kind, _ prompt: String, options: [String] = [], expected: ExpectedAnswer,
    fact: String = "f", template: QuestionTemplate = .cloze
  ) -> Question {
    Question(
      id: "\(fact)/\(template.rawValue)", kind: kind, prompt: prompt, options: options,
      expected: expected, fact: fact, explanation: "", template: template)
  }

  let linter = QuestionLinter(deck: Self.deck)

  @Test func anAnswerInThePromptIsDropped() {
    let leaked = Self.question(
      .short, "Who was Commander Remi, who opened the school?",
      expected: .text(["Commander Remi"]), template: .nameShort)
    #expect(linter.check(leaked)?.rule == .answerInPrompt)
    let fair = Self.question(
      .short, "Who opened the KLA's first school?", expected: .text(["Commander Remi"]),
      template: .nameShort)
    #expect(linter.check(fair) == nil)
  }

  @Test func theDecksSubjectIsNoAnswer() {
    let title = Self.question(
      .cloze, "The offensive was fought during the _____.", expected: .text(["Kosovo War"]))
    #expect(linter.check(title)?.rule == .answerIsTheSubject)
    let region = Self.question(
      .cloze, "Fighting spread across the _____ of Kosovo.", expected: .text(["Bajgora region"]))
    #expect(linter.check(region)?.rule == .answerIsTheSubject)
    let village = Self.question(
      .cloze, "Yugoslav forces took _____ in November.", expected: .text(["Mazhiq"]))
    #expect(linter.check(village) == nil)
  }

  @Test func duplicateOptionsAreDropped() {
    let same = Self.question(
      .choice, "Where did the convoy go?",
      options: ["Bajgora", "the Bajgora region", "Peja", "Prizren"],
      expected: .choice(2), template: .choice)
    #expect(linter.check(same)?.rule == .duplicateOptions)
    let nearly = Self.question(
      .choice, "Who was Nusret Ibishi?",
      options: [
        "A commander later charged over war crimes, tried with Nazif Mehmeti",
        "A commander later charged over war crimes, tried with Latif Gashi",
        "The President of Kosovo", "A former police commander who trained recruits",
      ], expected: .choice(3), template: .roleChoice)
    #expect(linter.check(nearly)?.rule == .duplicateOptions)
    let distinct = Self.question(
      .choice, "Where did the convoy go?", options: ["Mitrovica", "Peja", "Prizren", "Gjilan"],
      expected: .choice(0), template: .choice)
    #expect(linter.check(distinct) == nil)
  }

  @Test func aDistractorThatIsAlsoTrueIsDropped() {
    let bound = Self.question(
      .choice, "How many fighters did the brigade have?",
      options: ["over 100", "over 50", "about 20", "about 10"], expected: .choice(0),
      template: .sizeChoice)
    #expect(linter.check(bound)?.rule == .distractorAlsoTrue)
    let alias = Self.question(
      .choice, "Which armed force fought Yugoslav forces?",
      options: ["Kosovo Liberation Army", "KLA", "EULEX", "UNMIK"], expected: .choice(0),
      fact: "kla", template: .nameChoice)
    #expect(linter.check(alias)?.rule == .distractorAlsoTrue)
    let span = Self.question(
      .choice, "When was the offensive?",
      options: ["July 1998 to January 1999", "August 1998", "March 1997", "May 2000"],
      expected: .choice(0), template: .dateChoice)
    #expect(linter.check(span)?.rule == .distractorAlsoTrue)
    let fair = Self.question(
      .choice, "How many fighters were killed?", options: ["14", "20", "9", "3"],
      expected: .choice(0), template: .countChoice)
    #expect(linter.check(fair) == nil)
  }

  @Test func aBlankWithNoCueIsDropped() {
    let possessive = Self.question(
      .cloze, "The fighting reached as far as the KLA's _____.",
      expected: .text(["Shala Operational Zone"]))
    #expect(linter.check(possessive)?.rule == .blankWithoutCue)
    let adjective = Self.question(
      .cloze, "Yugoslav losses were heavy, but the exact figures are _____.",
      expected: .text(["unknown"]))
    #expect(linter.check(adjective)?.rule == .blankWithoutCue)
    let cued = Self.question(
      .cloze, "The KLA brigade in the area was called Brigade _____ by its fighters.",
      expected: .text(["141"]))
    #expect(linter.check(cued) == nil)
  }

  @Test func aRepeatedQuestionIsDroppedAndTheFirstKept() {
    let first = Self.question(
      .cloze, "The convoy ambushed at Bare was on its way to _____.",
      expected: .text(["Kosovska Mitrovica"]), fact: "ambush")
    let again = Self.question(
      .cloze, "On 8 January the convoy ambushed at Bare was heading to _____.",
      expected: .text(["Kosovska Mitrovica"]), fact: "mitrovica", template: .sentenceCloze(1))
    let other = Self.question(
      .cloze, "The convoy ambushed at Bare had set out from _____.",
      expected: .text(["Vushtrri"]), fact: "vushtrri", template: .sentenceCloze(1))
    let (kept, dropped) = linter.lint([first, again, other])
    #expect(kept.map(\.id) == ["ambush/cloze", "vushtrri/sentence-1-cloze"])
    #expect(dropped.map(\.rule) == [.repeatedQuestion])
    #expect(dropped.first?.detail == "'ambush/cloze' already asks this")
  }

  @Test func handWrittenCardsAreNeverDropped() {
    let card = Self.question(
      .short, "Who was Commander Remi?", expected: .text(["Commander Remi"]), template: .card)
    #expect(linter.check(card) == nil)
  }
}

/// Clauses rewritten as questions, and the verb forms behind them.
@Suite struct ClauseQuestionTests {
  @Test(arguments: [
    ("the KLA seized Zhvillidove", "When did the KLA seize Zhvillidove?"),
    ("Harold Godwinson was crowned king", "When was Harold Godwinson crowned king?"),
    ("William's army landed at Pevensey", "When did William's army land at Pevensey?"),
    ("Caesar led his army across the Rubicon", "When did Caesar lead his army across the Rubicon?"),
    (
      "the KLA carried out a mobilization and brought villages under its control",
      "When did the KLA carry out a mobilization and bring villages under its control?"
    ),
    (
      "Cuban exiles trained by the CIA landed on Cuba",
      "When did Cuban exiles trained by the CIA land on Cuba?"
    ),
    ("prosecutors changed the indictment", "When did prosecutors change the indictment?"),
    ("Edward the Confessor died", "When did Edward the Confessor die?"),
    // Verbs joined inside a "that" clause stay as they are.
    (
      "the premier announced that the guns would be dismantled and shipped home",
      "When did the premier announce that the guns would be dismantled and shipped home?"
    ),
    (
      "the premier said that the guns were in place and ordered a blockade",
      "When did the premier say that the guns were in place and order a blockade?"
    ),
  ])
  func clausesBecomeQuestions(_ clause: String, _ question: String) {
    #expect(ClauseQuestion.asking("When", about: clause) == question)
  }

  @Test(arguments: [
    "Yugoslav forces shelled Mazhiq and the KLA counterattacked",
    // A second subject of several words is still a second clause.
    "the blockade came into force and merchant ships heading for the island slowed",
    "after the battle, the KLA withdrew",
    "there was a detention centre in the region",
  ])
  func clausesOfAnotherShapeAreLeftAlone(_ clause: String) {
    #expect(ClauseQuestion.asking("When", about: clause) == nil)
  }

  @Test func namedEventsTakeTheirOwnVerb() {
    #expect(NamedEvent("the Battle of Hastings").question == "was the Battle of Hastings fought")
    #expect(NamedEvent("the Treaty of Verdun").statement == "the Treaty of Verdun was signed")
    #expect(NamedEvent("the Gallic Wars").question == "were the Gallic Wars fought")
    #expect(NamedEvent("Black Saturday").question == "was Black Saturday")
    #expect(NamedEvent("the Bajgora offensive").question == "was the Bajgora offensive launched")
  }
}
