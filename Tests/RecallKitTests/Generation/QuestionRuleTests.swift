import Foundation
import Testing

@testable import RecallKit

/// The question rules a teacher's review asks for, each on a small deck written here: the rule's
/// bad question is not made (or is reworded) and a fair one still is.
@Suite struct QuestionRuleTests {
  static func deck(_ facts: String, title: String = "Rules") throws -> Deck {
    let text = """
      id: rules
      title: \(title)
      subject: History
      source: A book
      facts:
      \(facts)
      """
    let result = DeckLoader().load(text: text, path: "rules.yaml")
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    return try #require(result.deck)
  }

  static func questions(_ deck: Deck, seed: UInt64 = 0) -> [Question] {
    QuestionGenerator(deck: deck, seed: seed).questions()
  }

  static func question(_ id: String, in deck: Deck, seed: UInt64 = 0) -> Question? {
    questions(deck, seed: seed).first { $0.id == id }
  }

  // MARK: Distractors on both sides

  static let datedEvents = """
      - id: landing
        kind: event
        what: the army landed at the coast
        date: 28 September 1066
      - id: crowning
        kind: event
        what: the duke was crowned king
        date: 25 December 1066
      - id: battle
        kind: event
        name: the Battle of the Ridge
        what: the two armies fought on the ridge
        date: 14 October 1066
      - id: wounds
        kind: quantity
        how_many: stab wounds did the consul receive
        value: 23
      - id: tapestry
        kind: quantity
        how_many: metres long is the tapestry
        value: about 70
    """

  /// A learner who knows only roughly when or how many can still not pick the one option at an
  /// end: wrong dates and figures lie on both sides of the answer, whatever the seed.
  @Test(arguments: 0..<12)
  func dateAndNumberOptionsLieOnBothSides(seed: Int) throws {
    let deck = try Self.deck(Self.datedEvents)
    let choices = Self.questions(deck, seed: UInt64(seed)).filter {
      $0.template == .dateChoice || $0.template == .countChoice
    }
    #expect(choices.count == 5)
    for question in choices {
      guard case .choice(let right) = question.expected else { continue }
      func key(_ option: String) -> Double? {
        if let date = HistoricalDate(parsing: option) { return Double(date.sortKey) }
        return NumberValue.parse(option)?.low
      }
      let answer = try #require(key(question.options[right]))
      let others = question.options.enumerated().filter { $0.offset != right }.compactMap {
        key($0.element)
      }
      #expect(others.contains { $0 < answer }, "\(question.id): \(question.options)")
      #expect(others.contains { $0 > answer }, "\(question.id): \(question.options)")
    }
  }

  /// "Zero of the villages were…" is not English; a count of one keeps its plural after "of".
  @Test func statementsOfSmallCountsReadAsEnglish() throws {
    let deck = try Self.deck(
      """
        - id: retaken
          kind: quantity
          how_many: of the rebels' villages were won back by the army
          value: 2
      """)
    for seed in 0..<20 {
      let statement = try #require(Self.question("retaken/truefalse", in: deck, seed: UInt64(seed)))
      #expect(!statement.prompt.hasPrefix("Zero"), "\(statement.prompt)")
      #expect(!statement.prompt.contains("village was"), "\(statement.prompt)")
    }
  }

  /// "days were there in a year" is told "There were 365 days in a year".
  @Test func anExistentialCountIsToldInOrder() throws {
    let deck = try Self.deck(
      """
        - id: year
          kind: quantity
          how_many: days were there in a common year of the calendar
          value: 365
      """)
    let told = try #require(Self.question("year/count-numeric", in: deck)).explanation
    #expect(told.hasPrefix("There were 365 days in a common year of the calendar."))
  }

  // MARK: Bounds

  /// "over 100" is asked "Over how many…?", the bound stated and the figure asked, with no
  /// options or statements (any lower figure would be true); the bare figure answers it.
  @Test func aBoundIsStatedInThePromptAndTheFigureAsked() throws {
    let deck = try Self.deck(
      """
          - id: fighters
            kind: quantity
            how_many: fighters did the brigade have
            value: over 100
          - id: troops
            kind: quantity
            how_many: soldiers were on the island
            value: 40000
      """)
    let questions = Self.questions(deck)
    let bound = try #require(questions.first { $0.id == "fighters/count-numeric" })
    #expect(bound.prompt == "Over how many fighters did the brigade have?")
    #expect(!questions.contains { $0.fact == "fighters" && $0.kind != .numeric })
    let grader = AnswerGrader(deck: deck, questions: questions)
    #expect(grader.grade("100", for: bound).grade?.verdict == .correct)
    #expect(grader.grade("over 100", for: bound).grade?.verdict == .correct)
    #expect(grader.grade("under 100", for: bound).grade?.verdict == .wrong)
    #expect(grader.grade("60", for: bound).grade?.verdict == .wrong)
    let exact = try #require(questions.first { $0.id == "troops/count-numeric" })
    #expect(exact.prompt == "How many soldiers were on the island?")
    #expect(questions.contains { $0.id == "troops/count-choice" })
  }

  // MARK: Other names

  /// "By what other name…?" is asked only for another name, never for a spelling, initials, a
  /// title, a regnal number, a fuller form or the name in another language; the other name is
  /// the answer shown and the forms are accepted too.
  @Test func anotherNameIsAskedOnlyWhenItIsOne() throws {
    let deck = try Self.deck(
      """
          - id: william
            kind: person
            name: William the Conqueror
            aliases: [William I, William of Normandy, William the Bastard]
            role: the duke who became king
          - id: harold
            kind: person
            name: Harold Godwinson
            aliases: [Harold II, King Harold]
            role: the last king before the duke
          - id: edgar
            kind: person
            name: Edgar Ætheling
            aliases: [Edgar Atheling]
            role: the prince never crowned
          - id: jfk
            kind: person
            name: John F. Kennedy
            aliases: [JFK, President Kennedy]
            role: the president during the crisis
          - id: antony
            kind: person
            name: Mark Antony
            aliases: [Marcus Antonius]
            role: the consul who allied himself with the queen
          - id: agrippa
            kind: person
            name: Marcus Agrippa
            aliases: [Marcus Vipsanius Agrippa]
            role: the admiral who won the sea battle
          - id: octavian
            kind: person
            name: Octavian
            aliases: [Gaius Octavius, Augustus]
            role: the heir who became the first emperor
          - id: cia
            kind: organization
            name: the CIA
            aliases: [Central Intelligence Agency]
            role: the agency that trained the exiles
          - id: committee
            kind: organization
            name: ExComm
            aliases: [Executive Committee of the National Security Council]
            role: the group of advisers who met the president
      """)
    let asked = Self.questions(deck).filter { $0.template == .aliasShort }
    #expect(Set(asked.map(\.fact)) == ["william", "octavian"])
    let william = try #require(asked.first { $0.fact == "william" })
    #expect(william.expected == .text(["William the Bastard", "William I", "William of Normandy"]))
    let octavian = try #require(asked.first { $0.fact == "octavian" })
    #expect(octavian.expected == .text(["Augustus", "Gaius Octavius"]))
  }

  @Test func formsOfOneNameAreToldApart() {
    #expect(NameForms.areFormsOfOneName("RFK", "Robert F. Kennedy"))
    #expect(!NameForms.areFormsOfOneName("Bobby Kennedy", "Robert F. Kennedy"))
    #expect(NameForms.areFormsOfOneName("Harald III of Norway", "Harald Hardrada"))
    #expect(NameForms.areFormsOfOneName("Bishop Odo", "Odo of Bayeux"))
    #expect(!NameForms.areFormsOfOneName("Commander Leka", "Nusret Ibishi"))
    #expect(!NameForms.areFormsOfOneName("Legio X Equestris", "the Tenth Legion"))
  }

  // MARK: Wording

  /// No "…On what date was this?" tail: a clause that cannot be asked whole is asked by the part
  /// before its "and" (the explanation tells the rest), and "There was…" turns round.
  @Test func clausesAreAskedNotToldAndThenAsked() throws {
    let deck = try Self.deck(
      """
          - id: briefed
            kind: event
            what: the president was shown the photographs and called together his advisers
            date: 16 October 1962
          - id: breach
            kind: event
            what: the army pierced the rebels' lines once more, and civilians again fled the area
            date: 2 May 1999
          - id: camp
            kind: event
            what: there was reportedly a prison camp in the valley
            date: August to October 1998
      """)
    let prompts = Dictionary(
      uniqueKeysWithValues: Self.questions(deck).filter { $0.template == .dateShort }.map {
        ($0.fact, $0.prompt)
      })
    #expect(prompts["briefed"] == "On what date was the president shown the photographs?")
    #expect(prompts["breach"] == "On what date did the army pierce the rebels' lines once more?")
    #expect(
      prompts["camp"] == "Between which months was there reportedly a prison camp in the valley?")
    #expect(!prompts.values.contains { $0.contains("was this?") })
  }

  /// An event named after what befell someone is asked as what befell them.
  @Test func anEventNamedForADeedIsAskedByItsVerb() throws {
    let deck = try Self.deck(
      """
          - id: ides
            kind: event
            name: the assassination of Julius Caesar
            what: senators stabbed Caesar in the theatre of Pompey
            date: 15 March 44 BC
          - id: end
            kind: event
            name: the death of Augustus
            what: the first emperor died at Nola
            date: 19 August AD 14
      """)
    let prompts = Self.questions(deck).filter { $0.template == .dateShort }.map(\.prompt)
    #expect(
      prompts == ["On what date was Julius Caesar assassinated?", "On what date did Augustus die?"])
  }
}
