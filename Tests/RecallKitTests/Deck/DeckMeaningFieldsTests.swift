import RecallKit
import Testing

/// The fields that say what a fact means: bounds, open lists, kinds of group, titles,
/// lifetimes, undated and planned events, times, durations, accepted-only answers.
@Suite struct DeckMeaningFieldsTests {
  static let deck = """
    id: meaning
    title: Meaning
    subject: History
    source: A book
    facts:
      - id: wellington
        kind: person
        name: Arthur Wellesley
        title: Duke of Wellington
        nickname: the Iron Duke
        accept: [Wellesley]
        role: the commander of the allied army at Waterloo
        born: 1 May 1769
        died: 14 September 1852
      - id: guard
        kind: unit
        role: the KLA unit that guarded the school
        type: company
      - id: eulex
        kind: organization
        name: EU Rule of Law Mission
        type: mission
      - id: vushtrria
        kind: place
        name: Vushtrria
        accept: [Vučitrn]
      - id: shelling
        kind: event
        what: Yugoslav forces shelled villages such as Mazhiq and Kutllovc
        date: 10 July 1998
        time: "11:30"
        duration: about 3 months
        places: [vushtrria, …]
        participants: [Yugoslav forces, …]
      - id: sea-lion
        kind: event
        what: Germany planned to invade Britain
        planned_date: 15 September 1940
      - id: prayers
        kind: quantity
        how_many: times a day the monks prayed
        value: six or seven
      - id: course
        kind: quantity
        how_many: weeks a course lasted
        value: two weeks
      - id: examples
        kind: statement
        text: Yugoslav forces shelled villages such as [[Mazhiq]].
        also_true: [Kutllovc, Barë]
    cards:
      - id: crowd
        type: numeric
        prompt: How many people came?
        answer: about 15,000

    """

  private func load(_ text: String = Self.deck) throws -> Deck {
    let result = DeckLoader().load(text: text, path: "deck.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.deck)
  }

  @Test func readsEveryField() throws {
    let deck = try load()
    guard case .person(let person) = deck.fact(id: "wellington")?.content else {
      Issue.record("no person")
      return
    }
    #expect(person.title == "Duke of Wellington")
    #expect(person.nickname == "the Iron Duke")
    #expect(person.acceptedAnswers == ["Wellesley"])
    #expect(person.born?.formatted == "1 May 1769")
    #expect(person.died?.formatted == "14 September 1852")
    guard case .group(let unit) = deck.fact(id: "guard")?.content,
      case .group(let mission) = deck.fact(id: "eulex")?.content
    else {
      Issue.record("no groups")
      return
    }
    #expect(!unit.isNamed)
    #expect(unit.type == "company")
    #expect(mission.isNamed && mission.type == "mission")
    guard case .event(let event) = deck.fact(id: "shelling")?.content,
      case .event(let planned) = deck.fact(id: "sea-lion")?.content
    else {
      Issue.record("no events")
      return
    }
    #expect(event.time == TimeOfDay(hour: 11, minute: 30))
    #expect(event.duration?.description == "about 3 months")
    #expect(event.places == ["vushtrria"] && event.placesAreExamples)
    #expect(event.participants == ["Yugoslav forces"] && event.participantsAreExamples)
    #expect(planned.date == nil)
    #expect(planned.plannedDate?.formatted == "15 September 1940")
    guard case .quantity(let prayers) = deck.fact(id: "prayers")?.content,
      case .quantity(let course) = deck.fact(id: "course")?.content
    else {
      Issue.record("no quantities")
      return
    }
    #expect(prayers.value == NumberValue(from: 6, to: 7))
    #expect(course.value == NumberValue(2) && course.unit == "weeks")
    #expect(course.timeSpan?.days == 14...14)
    guard case .statement(let statement) = deck.fact(id: "examples")?.content else {
      Issue.record("no statement")
      return
    }
    #expect(statement.alsoTrue == ["Kutllovc", "Barë"])
    #expect(deck.cards.first?.kind == .numeric)
    #expect(deck.cards.first?.number == NumberValue(15_000, qualifier: .about))
  }

  @Test func writesEveryFieldBack() throws {
    let deck = try load()
    let again = try load(DeckWriter().render(deck))
    #expect(again.facts.map(\.content) == deck.facts.map(\.content))
    #expect(again.cards.map(\.number) == deck.cards.map(\.number))
  }

  @Test(arguments: [
    ("    time: half past\n", "'time' is not a time of day"),
    ("    duration: a while\n", "'duration' is not a length of time"),
    ("    date: 43\n", "write the era of a year before 100"),
    ("    date: 0 BC\n", "there is no year 0"),
    ("    date: \"[8 January] 1999\"\n", "only the year may be in brackets"),
  ])
  func reportsBadValuesWhereTheyAre(line: String, message: String) {
    let text = """
      id: bad
      title: Bad
      subject: History
      source: A book
      facts:
        - id: e
          kind: event
          what: something happened

      """ + line
    let result = DeckLoader().load(text: text, path: "deck.yaml")
    let diagnostic = result.diagnostics.first
    #expect(diagnostic?.severity == .error)
    #expect(diagnostic?.location.line == 9)
    #expect(diagnostic?.message.contains(message) == true, "\(String(describing: diagnostic))")
  }

  @Test func warnsOfNumericDatesThatReadBothWays() {
    let text = """
      id: waterloo
      title: Waterloo
      subject: History
      source: A book
      facts:
        - id: e
          kind: event
          what: something happened
          date: 6/5/1815

      """
    let result = DeckLoader().load(text: text, path: "deck.yaml")
    #expect(result.deck != nil)
    #expect(result.diagnostics.map(\.severity) == [.warning])
    #expect(result.diagnostics.first?.location.line == 9)
    #expect(result.diagnostics.first?.message.contains("6 May 1815") == true)
  }

  @Test func aGroupNeedsANameOrARole() {
    let text = """
      id: g
      title: G
      subject: History
      source: A book
      facts:
        - id: g
          kind: unit
          type: brigade

      """
    let result = DeckLoader().load(text: text, path: "deck.yaml")
    #expect(result.diagnostics.first?.message.contains("needs a 'name', or a 'role'") == true)
    #expect(result.diagnostics.first?.location.line == 6)
  }

  @Test func figuresPrintWithoutFloatingPointNoise() {
    #expect(NumberValue.format(0.1 * 6) == "0.6")
    #expect(NumberValue(from: 0.1 * 6, to: 0.1 * 7).description == "between 0.6 and 0.7")
  }
}
