import Foundation
import RecallKit
import RecallTestSupport
import Testing

@Suite struct DeckAuthoringCheckTests {
  private func deck(_ facts: String, cards: String = "") throws -> Deck {
    try markedDeck(facts, cards: cards).deck
  }

  /// The deck of `facts` (which may hold ⟪n⟫ markers) and the marked text it was read from.
  private func markedDeck(
    _ facts: String, cards: String = ""
  ) throws -> (deck: Deck, input: MarkedText) {
    let input = MarkedText(
      """
      id: sample
      title: Sample
      subject: History
      source: A book
      facts:
      \(facts)
      \(cards)
      """)
    let result = DeckLoader().load(text: input.text, path: "sample.yaml")
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    return (try #require(result.deck), input)
  }

  private func messages(_ deck: Deck) -> [String] {
    DeckAuthoringCheck(deck: deck).diagnostics().map(\.description)
  }

  @Test func theBundledDeckIsClean() throws {
    let url = Repository.deck("bajgora-offensive")
    let deck = try #require(try DeckLoader().load(path: url.path).deck)
    #expect(DeckAuthoringCheck(deck: deck).diagnostics().isEmpty)
  }

  @Test func leftOutQuestionsAreNotesAtTheirFact() throws {
    let url = Repository.deck("bajgora-offensive")
    let deck = try #require(try DeckLoader().load(path: url.path).deck)
    var check = DeckAuthoringCheck(deck: deck)
    check.includesLeftOutQuestions = true
    let notes = check.diagnostics().filter { $0.severity == .note }
    let kosovoWar = try #require(
      notes.first { $0.message.hasPrefix("'offensive-in-kosovo-war/cloze' is left out") })
    let fact = try #require(deck.fact(id: "offensive-in-kosovo-war"))
    #expect(kosovoWar.location == fact.location)
    #expect(
      kosovoWar.description.contains(":\(fact.location.line):\(fact.location.column): note: "))
    #expect(kosovoWar.message.contains("(answer-is-the-subject)"))
  }

  @Test func sameTypedPromptWithDifferentAnswersIsAmbiguous() throws {
    let (deck, input) = try markedDeck(
      """
        - id: first
          kind: statement
          text: The school for new recruits opened in [[Bajgora]].
        - ⟪1⟫id: second
          kind: statement
          text: The school for new recruits opened in [[Koliq]].
      """)
    let found = messages(deck)
    let expected = input.located(
      "sample.yaml:marker 1: warning: 'second/cloze' asks the same as 'first/cloze'")
    #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
  }

  @Test func anAliasAcceptedForADifferentAnswerIsReported() throws {
    let deck = try deck(
      """
        - id: opened
          kind: statement
          text: The first school opened in [[Bajgora]] in July.
          alternatives: [Shala]
        - id: closed
          kind: statement
          text: The last school closed in [[Shala]] in May.
      """)
    let found = messages(deck)
    #expect(
      found.contains {
        $0.contains("'opened/cloze' accepts \"shala\", which is also accepted for 'closed/cloze'")
          || $0.contains(
            "'closed/cloze' accepts \"shala\", which is also accepted for 'opened/cloze'")
      }, "\(found)")
  }

  @Test func aLongPromptIsReportedAtItsFact() throws {
    let long = String(repeating: "the KLA held the hills and ", count: 12)
    let (deck, input) = try markedDeck(
      """
        - ⟪1⟫id: wordy
          kind: statement
          text: \(long)then [[Bajgora]] fell.
      """)
    let found = messages(deck)
    let expected = input.located("sample.yaml:marker 1: warning: the prompt of 'wordy/cloze' is")
    #expect(
      found.contains { $0.hasPrefix(expected) && $0.contains("(more than 300)") }, "\(found)")
  }

  @Test func aFactWithNoQuestionIsReportedUnlessACardCoversIt() throws {
    let facts = """
        - ⟪1⟫id: lonely
          kind: place
          name: Koliq
      """
    let (lonely, input) = try markedDeck(facts)
    let expected = input.located(
      "sample.yaml:marker 1: warning: fact 'lonely' is too thin to make any question")
    #expect(messages(lonely).contains { $0.hasPrefix(expected) })
    let covered = try deck(
      facts,
      cards: """
        cards:
          - id: koliq-card
            type: short
            fact: lonely
            prompt: Which place was dropped from the indictment with Bajgora?
            answer: [Koliq]
        """)
    #expect(!messages(covered).contains { $0.contains("too thin") })
  }

  @Test func aPersonWithoutDistractorsGetsNoChoiceWarning() throws {
    let (deck, input) = try markedDeck(
      """
        - ⟪1⟫id: remi
          kind: person
          name: Rrustem Mustafa
          role: the commander who opened the first school
      """)
    let expected = input.located(
      "sample.yaml:marker 1: warning: fact 'remi' gets no multiple-choice question")
    #expect(messages(deck).contains { $0.hasPrefix(expected) })
  }

  /// A bound has no fair wrong figures whatever the deck holds: the warning says so, instead of
  /// asking for more quantity facts, which would not help. An exact figure with nothing to draw
  /// from still gets the old reason.
  @Test func aBoundIsWarnedAsABoundNotAsTooFewFacts() throws {
    let (bound, input) = try markedDeck(
      """
        - ⟪1⟫id: domains
          kind: quantity
          how_many: domains were abolished
          value: over 250
      """)
    let expected = input.located(
      "sample.yaml:marker 1: warning: fact 'domains' gets no multiple-choice question: its "
        + "figure 'over 250' is a bound")
    #expect(messages(bound).contains { $0.hasPrefix(expected) })
    #expect(!messages(bound).contains { $0.contains("too few other") })
    let (exact, _) = try markedDeck(
      """
        - id: ships
          kind: person
          name: Matthew Perry
          role: the commodore who led the ships
      """)
    #expect(messages(exact).contains { $0.contains("too few other person facts") })
  }
}

@Suite struct DiagnosticCapTests {
  @Test func manyWarningsStayWarningsAndTheDeckLoads() throws {
    let facts = (1...5).map { number in
      """
        - id: place-\(number)
          kind: place
          name: Village \(number)
          aliases: [Village \(number)]
          known_for:
            - Village \(number) lay on the front.
      """
    }.joined(separator: "\n")
    let text = "id: cap\ntitle: Cap\nsubject: History\nsource: A book\nfacts:\n" + facts
    let result = DeckLoader(limits: DeckLimits(maximumDiagnostics: 3)).load(
      text: text, path: "cap.yaml")
    #expect(result.deck != nil)
    #expect(result.diagnostics.count == 4)
    #expect(!result.diagnostics.hasErrors)
    #expect(result.diagnostics.last?.message == "too many problems; stopping after 3")
  }
}
