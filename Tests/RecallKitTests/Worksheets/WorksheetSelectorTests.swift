import RecallKit
import Testing

@Suite struct WorksheetSelectorTests {
  typealias F = WorksheetFixtures

  @Test func sameSeedGivesTheSameSelection() throws {
    let first = try F.selection(count: 6, seed: 42)
    let second = try F.selection(count: 6, seed: 42)
    #expect(first.questions.map(\.id) == second.questions.map(\.id))
  }

  @Test func differentSeedsGiveDifferentSelections() throws {
    let seeds: [UInt64] = [1, 2, 3, 4, 5]
    let selections = try seeds.map { try F.selection(count: 5, seed: $0).questions.map(\.id) }
    #expect(Set(selections).count > 1)
  }

  @Test func oneQuestionPerFactUnlessAllowed() throws {
    let selector = WorksheetSelector(deck: F.deck)
    let strict = try F.selection(count: 20)
    let subjects = strict.questions.map(selector.subject(of:))
    #expect(Set(subjects).count == subjects.count)
    // Seven facts and one hand-written card: eight subjects, so eight questions.
    #expect(strict.questions.count == 8)
    #expect(strict.isShort)
    #expect(strict.limitedBySameFact)

    let relaxed = try selector.select(
      from: F.questions, request: WorksheetRequest(count: 20, seed: 1, allowSameFact: true))
    #expect(relaxed.questions.count == F.questions.count)
    #expect(!relaxed.limitedBySameFact)
  }

  @Test func allowingTheSameFactStillPrefersDistinctFacts() throws {
    let relaxed = try WorksheetSelector(deck: F.deck).select(
      from: F.questions, request: WorksheetRequest(count: 8, seed: 3, allowSameFact: true))
    let selector = WorksheetSelector(deck: F.deck)
    #expect(Set(relaxed.questions.map(selector.subject(of:))).count == 8)
  }

  @Test func questionsAreGroupedInTheDefaultSectionOrder() throws {
    let selection = try F.selection(count: 20, seed: 9)
    let kinds = selection.questions.map(\.kind)
    var sectionOrder: [Question.Kind] = []
    for kind in kinds where sectionOrder.last != kind { sectionOrder.append(kind) }
    #expect(Set(sectionOrder).count == sectionOrder.count, "each form in one run: \(kinds)")
    let expectedOrder = WorksheetRequest.defaultKinds.filter(sectionOrder.contains)
    #expect(sectionOrder == expectedOrder)
  }

  @Test func typesRestrictAndOrderTheSections() throws {
    let selection = try F.selection(count: 20, seed: 5, kinds: [.short, .choice])
    #expect(selection.questions.allSatisfy { [.short, .choice].contains($0.kind) })
    let firstChoice = try #require(selection.questions.firstIndex { $0.kind == .choice })
    #expect(selection.questions[..<firstChoice].allSatisfy { $0.kind == .short })
    #expect(selection.questions[firstChoice...].allSatisfy { $0.kind == .choice })
  }

  @Test func factsAndTagsRestrictTheMaterial() throws {
    let selector = WorksheetSelector(deck: F.deck)
    let byFact = try selector.select(
      from: F.questions,
      request: WorksheetRequest(
        count: 20, facts: ["mazhiq", "school-length"], seed: 1, allowSameFact: true))
    #expect(Set(byFact.questions.map(\.fact)) == ["mazhiq", "school-length"])
    #expect(byFact.questions.count == 3)

    let byTag = try selector.select(
      from: F.questions, request: WorksheetRequest(count: 20, tag: "dates", seed: 1))
    #expect(Set(byTag.questions.map(\.fact)) == ["battle-of-mazhiq", "zhvillidove-captured"])
  }

  @Test func unknownFactsAndTagsAreErrorsThatHelp() {
    let selector = WorksheetSelector(deck: F.deck)
    #expect(throws: WorksheetError.unknownFact("mazhik", suggestion: "mazhiq")) {
      try selector.select(from: F.questions, request: WorksheetRequest(facts: ["mazhik"]))
    }
    #expect(
      throws: WorksheetError.unknownTag(
        "battles", known: ["dates", "numbers", "people", "places", "training", "units"])
    ) {
      try selector.select(from: F.questions, request: WorksheetRequest(tag: "battles"))
    }
    #expect(throws: WorksheetError.invalidCount(0)) {
      try selector.select(from: F.questions, request: WorksheetRequest(count: 0))
    }
  }

  @Test func aHandWrittenCardOnAFactCountsAsThatFact() throws {
    var deck = F.deck
    deck.cards.append(
      HandCard(
        id: "mazhiq-card", kind: .short, prompt: "Where?", answers: ["Mazhiq"], fact: "mazhiq",
        tags: ["extra"], location: F.here))
    let card = F.question("mazhiq-card", "card", .short, "Where?", expected: .text(["Mazhiq"]))
    let selector = WorksheetSelector(deck: deck)
    #expect(selector.subject(of: card) == "mazhiq")
    #expect(selector.factKind(of: card) == "place")
    #expect(selector.tags(of: card) == ["extra", "places"])
    let selection = try selector.select(
      from: [card, F.questions[0]], request: WorksheetRequest(count: 5, seed: 1))
    #expect(selection.questions.count == 1)
  }

  /// Ten facts of each of two kinds, each giving a choice, a short and a true/false question.
  private func largeMaterial() -> (Deck, [Question]) {
    var deck = F.deck
    deck.facts = []
    var questions: [Question] = []
    for index in 0..<10 {
      deck.facts.append(
        F.fact("person-\(index)", .person(Fact.Person(name: "P\(index)", role: "someone"))))
      deck.facts.append(F.fact("place-\(index)", .place(Fact.Place(name: "V\(index)"))))
      for fact in ["person-\(index)", "place-\(index)"] {
        questions.append(
          F.question(fact, "c", .choice, "Q?", options: ["a", "b"], expected: .choice(0)))
        questions.append(F.question(fact, "s", .short, "Q?", expected: .text(["a"])))
        questions.append(F.question(fact, "t", .truefalse, "Q.", expected: .truth(true)))
      }
    }
    return (deck, questions)
  }

  @Test(arguments: [UInt64(1), 2, 3, 99])
  func theMixIsBalancedAcrossFormsAndFactKinds(seed: UInt64) throws {
    let (deck, questions) = largeMaterial()
    let selector = WorksheetSelector(deck: deck)
    let selection = try selector.select(
      from: questions, request: WorksheetRequest(count: 12, seed: seed))
    #expect(selection.questions.count == 12)
    for kind in [Question.Kind.choice, .short, .truefalse] {
      #expect(selection.questions.filter { $0.kind == kind }.count == 4)
    }
    let people = selection.questions.filter { selector.factKind(of: $0) == "person" }.count
    #expect((5...7).contains(people), "people: \(people) of 12")
  }

  @Test func theFirstQuestionsOfAFormMixFactKinds() throws {
    let (deck, questions) = largeMaterial()
    let selector = WorksheetSelector(deck: deck)
    let selection = try selector.select(
      from: questions, request: WorksheetRequest(count: 4, kinds: [.choice], seed: 7))
    let kinds = selection.questions.map(selector.factKind(of:))
    #expect(kinds.filter { $0 == "person" }.count == 2)
    #expect(kinds.filter { $0 == "place" }.count == 2)
  }
}
