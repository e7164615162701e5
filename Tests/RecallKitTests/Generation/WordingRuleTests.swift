import Testing

@testable import RecallKit

/// Wording rules from the held-out review (2026-12-02): each on a small deck written here, with
/// the question the rule must not write and the one it must.
@Suite struct WordingRuleTests {
  static func prompt(_ id: String, _ facts: String) throws -> String? {
    let deck = try QuestionRuleTests.deck(facts)
    return QuestionRuleTests.question(id, in: deck)?.prompt
  }

  static func questions(_ facts: String) throws -> [Question] {
    QuestionRuleTests.questions(try QuestionRuleTests.deck(facts))
  }

  // MARK: Who fought whom, only of a fight

  static let sides = """
      - id: treaty
        kind: event
        name: the Treaty of Oakfield
        what: the two crowns promised to help each other
        date: 31 March 1683
        participants: [Holy Roman Empire, Poland–Lithuania]
      - id: alliance
        kind: event
        name: the River Alliance
        what: the two domains agreed to stand together
        date: 7 March 1866
        participants: [Satsuma, Chōshū]
      - id: battle
        kind: event
        name: the Battle of the Ford
        what: the two armies met at the ford
        date: 12 September 1683
        participants: [Poles, Ottomans]
      - id: siege
        kind: event
        name: the Siege of Oakfield
        what: the army besieged the town
        date: 14 July 1683 to 12 September 1683
        participants: [Ottomans, Habsburgs]
      - id: incident
        kind: event
        name: the Gate Incident
        what: samurai cut down the minister at a gate
        date: 24 March 1860
        participants: [Mito samurai, Ii Naosuke]
    """

  @Test func aTreatyIsAskedAsPartnersNotAsAFight() throws {
    #expect(
      try Self.prompt("treaty/opponent-short", Self.sides)
        == "With whom did the Holy Roman Empire sign the Treaty of Oakfield?")
    #expect(
      try Self.prompt("alliance/opponent-short", Self.sides)
        == "With whom did Satsuma form the River Alliance?")
  }

  @Test func aFightIsStillAskedWhoFoughtWhom() throws {
    #expect(
      try Self.prompt("battle/opponent-short", Self.sides)
        == "Whom did the Poles fight at the Battle of the Ford?")
    #expect(
      try Self.prompt("siege/opponent-short", Self.sides)
        == "Whom did the Ottomans fight in the Siege of Oakfield?")
  }

  @Test func sidesOfAnEventOfNoKnownKindAreNotAsked() throws {
    #expect(try Self.prompt("incident/opponent-short", Self.sides) == nil)
    #expect(try Self.prompt("incident/date-short", Self.sides) != nil)
  }

  static let oneSide = """
      - id: deployment
        kind: event
        name: Operation Fir
        what: the state secretly shipped missiles and troops to the island
        date: July to October 1962
        participants: [Ivan Petrov, Oleg Sidorov]
      - id: plot
        kind: event
        name: Operation Weasel
        what: the president approved a secret campaign against the island's government
        date: November 1961
        participants: [CIA, Tom Hardy]
      - id: landing
        kind: event
        name: Operation Heron
        what: exiles landed on the island's south coast
        date: 17 April 1961
        participants: [Northland, Islandia]
      - id: skirmish
        kind: event
        name: the Battle of the Mill
        what: two companies of the same army fired on each other in the fog
        date: 3 May 1961
        participants: [Ivan Petrov, Oleg Sidorov]
      - id: ivan-petrov
        kind: person
        name: Ivan Petrov
        role: the premier who ordered the deployment
        affiliation: Eastland
      - id: oleg-sidorov
        kind: person
        name: Oleg Sidorov
        role: the general in command on the island
        affiliation: Eastland Army
      - id: eastland-army
        kind: unit
        name: Eastland Army
        role: the army of Eastland
        affiliation: Eastland
      - id: tom-hardy
        kind: person
        name: Tom Hardy
        role: the president of Northland
        affiliation: Northland
      - id: castle
        kind: person
        name: Juan Castle
        role: the leader of Islandia
        affiliation: Islandia
    """

  @Test func participantsOnOneSideAreNeverAskedAsOpponents() throws {
    // Petrov and Sidorov are both of Eastland (Sidorov through the Eastland Army).
    #expect(try Self.prompt("deployment/opponent-short", Self.oneSide) == nil)
    #expect(try Self.prompt("skirmish/opponent-short", Self.oneSide) == nil)
  }

  @Test func anOperationsSidesAreAskedOnlyWhenTheDeckPutsThemOnTwoSides() throws {
    // The deck does not say whose side the CIA was on: its participants may be its planners.
    #expect(try Self.prompt("plot/opponent-short", Self.oneSide) == nil)
    #expect(
      try Self.prompt("landing/opponent-short", Self.oneSide)
        == "Whom did Northland fight in Operation Heron?")
  }

  @Test func anInitialismTakesTheArticle() {
    #expect(QuestionGenerator.subjectForm("CIA") == "the CIA")
    #expect(QuestionGenerator.subjectForm("USSR") == "the USSR")
    #expect(QuestionGenerator.subjectForm("NATO") == "NATO")
    #expect(QuestionGenerator.subjectForm("Octavian") == "Octavian")
  }

  // MARK: The verb for the kind of event

  @Test func eachKindOfEventTakesItsOwnVerb() {
    let day = HistoricalDate(parsing: "19 November 1942")
    let span = HistoricalDate(parsing: "12 to 23 December 1942")
    #expect(NamedEvent("Operation Uranus", date: day).question == "was Operation Uranus launched")
    #expect(
      NamedEvent("Operation Winter Storm", date: span).statement
        == "Operation Winter Storm was carried out")
    #expect(NamedEvent("Case Blue", date: day).statement == "Case Blue was launched")
    #expect(
      NamedEvent("the Meiji Constitution").question == "was the Meiji Constitution promulgated")
    #expect(NamedEvent("the Charter Oath").statement == "the Charter Oath was sworn")
    #expect(NamedEvent("the Edict of Nantes").question == "was the Edict of Nantes issued")
    #expect(NamedEvent("the Act of Union").question == "was the Act of Union passed")
    #expect(NamedEvent("the Treaty of Karlowitz").statement == "the Treaty of Karlowitz was signed")
    #expect(
      NamedEvent("the Sakuradamon Incident").question == "did the Sakuradamon Incident take place")
    #expect(NamedEvent("the Iwakura Mission").statement == "the Iwakura Mission took place")
  }

  @Test func anOperationWithAStartDateIsAskedWhenItWasLaunched() throws {
    let facts = """
        - id: ring
          kind: event
          name: Operation Ring
          what: the front began the final offensive
          date: 10 January 1943
        - id: surrender
          kind: event
          what: the last German forces surrendered
          date: 2 February 1943
      """
    let all = try Self.questions(facts)
    let ring = all.filter { $0.id.hasPrefix("ring/") }
    #expect(
      ring.first { $0.id == "ring/date-short" }?.prompt
        == "On what date was Operation Ring launched?")
    // No wording says it "took place" on one day, which a later day of the operation would
    // make true as well.
    for question in ring {
      #expect(!question.prompt.contains("took place"), "\(question.prompt)")
      #expect(!question.explanation.contains("took place"), "\(question.explanation)")
    }
  }

  @Test(arguments: 0..<8)
  func noWrongDateFallsInsideHowLongTheEventLasted(seed: Int) throws {
    let facts = """
        - id: ring
          kind: event
          name: Operation Ring
          what: the front began the final offensive
          date: 10 January 1943
          duration: about 3 weeks
        - id: other
          kind: event
          what: the airfield fell
          date: 16 January 1943
      """
    let deck = try QuestionRuleTests.deck(facts)
    let ring = QuestionRuleTests.questions(deck, seed: UInt64(seed)).filter {
      $0.id.hasPrefix("ring/")
    }
    let inside = (11...31).map { "\($0) January 1943" }
    for question in ring where question.kind == .choice || question.kind == .truefalse {
      for day in inside {
        #expect(!question.options.contains(day), "\(question.id): \(question.options)")
        #expect(!question.prompt.contains(" \(day)"), "\(question.id): \(question.prompt)")
      }
    }
  }

  // MARK: Where a place lies, by kind

  static let places = """
      - id: uraga
        kind: place
        name: Uraga
        type: town
        region: Miura Peninsula
      - id: tulln
        kind: place
        name: Tulln
        type: town
        region: Lower Austria
      - id: kahlenberg
        kind: place
        name: the Kahlenberg
        type: hill
        region: Vienna Woods
      - id: tumba
        kind: place
        name: Tumba
        type: village
        region: the Lake District
      - id: district
        kind: place
        name: the Lake District
        type: region
      - id: mamayev
        kind: place
        name: Mamayev Kurgan
        type: hill
        region: Volgrad
      - id: volgrad
        kind: place
        name: Volgrad
        type: city
        region: Lower Volga Province
    """

  @Test func theQuestionNamesTheKindOfPlaceItAsksFor() throws {
    #expect(
      try Self.prompt("uraga/region-short", Self.places)
        == "On which peninsula does the town of Uraga lie?")
    #expect(
      try Self.prompt("kahlenberg/region-short", Self.places)
        == "In which forest does the Kahlenberg lie?")
    #expect(
      try Self.prompt("mamayev/region-short", Self.places)
        == "In which city does Mamayev Kurgan lie?")
    #expect(
      try Self.prompt("volgrad/region-short", Self.places)
        == "In which province does the city of Volgrad lie?")
  }

  @Test func aRegionOfNoKnownKindIsNotAsked() throws {
    // "Lower Austria" names no kind; "the Lake District" is a "region", which a village lies in
    // several of.
    #expect(try Self.prompt("tulln/region-short", Self.places) == nil)
    #expect(try Self.prompt("tumba/region-short", Self.places) == nil)
    #expect(try Self.questions(Self.places).allSatisfy { !$0.prompt.contains("which area") })
  }

  @Test func theExplanationSaysWhereWithTheRightArticle() throws {
    let deck = try QuestionRuleTests.deck(Self.places)
    let question = try #require(QuestionRuleTests.question("kahlenberg/region-short", in: deck))
    #expect(question.explanation.contains("lies in the Vienna Woods"), "\(question.explanation)")
  }

  // MARK: Explanations that state the fact asked

  static let cards = """
      - id: city
        kind: place
        name: Volgrad
        type: city
        known_for: [Volgrad stretched in a long band along the river.]
      - id: surrender
        kind: event
        what: the field marshal surrendered with the southern pocket
        date: 31 January 1943
    cards:
      - id: old-name
        type: short
        fact: city
        prompt: What was Volgrad called before 1925?
        answer: [Tsaritsyn]
      - id: handover
        type: choice
        fact: city
        prompt: Who negotiated the handover of the castle in 1868?
        answer: Katsu Kaishū
        distractors: [Enomoto Takeaki, Iwakura Tomomi, Yamagata Aritomo]
      - id: first
        type: cloze
        fact: surrender
        text: He was the first German [[field marshal]] ever to surrender.
      - id: shape
        type: short
        fact: city
        prompt: Along what did Volgrad stretch in a long band?
        answer: [the river]
    """

  static func explanation(_ id: String, _ facts: String) throws -> String? {
    let deck = try QuestionRuleTests.deck(facts)
    return QuestionRuleTests.question(id, in: deck)?.explanation
  }

  @Test func aCardIsNotExplainedByANeighbouringFact() throws {
    let oldName = try #require(try Self.explanation("old-name", Self.cards))
    #expect(!oldName.contains("long band"), "\(oldName)")
    #expect(oldName == "What was Volgrad called before 1925? Tsaritsyn.")
  }

  @Test func aCardsExplanationStatesItsAnswer() throws {
    #expect(
      try Self.explanation("handover", Self.cards)
        == "Katsu Kaishū negotiated the handover of the castle in 1868.")
    #expect(
      try Self.explanation("first", Self.cards)
        == "He was the first German field marshal ever to surrender.")
    // The linked fact explains a card whose answer it names.
    #expect(
      try Self.explanation("shape", Self.cards)
        == "Volgrad stretched in a long band along the river.")
  }

  @Test func aFigureIsExplainedAsASentenceNotTheBareAnswer() throws {
    let facts = """
        - id: ships
          kind: quantity
          how_many: warships did Perry bring into the bay in July 1853
          value: four
        - id: articles
          kind: quantity
          how_many: articles did the Charter Oath have
          value: five
      """
    #expect(
      try Self.explanation("ships/count-numeric", facts)
        == "Perry brought four warships into the bay in July 1853.")
    // A statement of one would read "Perry brought one warships": no such false statement.
    let deck = try QuestionRuleTests.deck(facts)
    for seed: UInt64 in 0..<8 {
      let statement = QuestionRuleTests.question("ships/truefalse", in: deck, seed: seed)
      #expect(statement?.prompt.contains("one warships") != true)
    }
    #expect(
      try Self.explanation("articles/count-numeric", facts)
        == "The Charter Oath had five articles.")
  }

  // MARK: A gloss that gives the answer away

  @Test func aGlossIsNotAcceptedBackAsTheAnswer() throws {
    let facts = """
        - id: rats
          kind: statement
          text: Soldiers called the close fighting in the ruins [[Rattenkrieg]], "the war of the rats".
          alternatives: [rat war, rats' war, Rattenkreig]
      """
    let deck = try QuestionRuleTests.deck(facts)
    let cloze = try #require(QuestionRuleTests.question("rats/cloze", in: deck))
    #expect(cloze.prompt.contains("\"the war of the rats\""))
    #expect(cloze.expected == .text(["Rattenkrieg", "Rattenkreig"]))
  }

  @Test func aGlossThatIsTheAnswerToShowIsTakenOutOfThePrompt() {
    let fair = Gloss.withoutGivenAway(
      prompt: "The fighters were called _____ (the rat soldiers) by the Germans.",
      answers: ["rat soldiers", "Rattensoldaten"])
    #expect(fair.prompt == "The fighters were called _____ by the Germans.")
    #expect(fair.answers == ["rat soldiers", "Rattensoldaten"])
  }

  @Test func aGlossThatGivesNothingAwayStays() {
    let prompt =
      "Opponents rallied to the slogan _____, \"revere the emperor, expel the barbarians\"."
    let fair = Gloss.withoutGivenAway(prompt: prompt, answers: ["sonnō jōi", "sonno joi"])
    #expect(fair.prompt == prompt)
    #expect(fair.answers == ["sonnō jōi", "sonno joi"])
  }
}
