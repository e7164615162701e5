import Testing

@testable import RecallKit

/// Which questions are kept when a deck asks the same thing more than once, or names what it
/// asks: each rule on a small deck written here, with a question it must drop and one it keeps.
@Suite struct SelectionRuleTests {
  static func deck(_ facts: String, title: String) throws -> Deck {
    try QuestionRuleTests.deck(facts, title: title)
  }

  static func ids(_ deck: Deck) -> Set<String> {
    Set(QuestionGenerator(deck: deck, seed: 1).questions().map(\.id))
  }

  // MARK: The deck's own subject

  static let city = """
      - id: west-city
        kind: place
        name: West Harbourton
        type: city
        known_for:
          - Over two million people in West Harbourton depended on the airlift for food.
      - id: north-field
        kind: place
        name: Northfield
        type: airport
        known_for:
          - Northfield was the airlift's busiest airport in the American sector.
      - id: east-field
        kind: place
        name: Eastfield
        type: airport
        known_for:
          - Eastfield was built as a new airfield by hand in three months.
      - id: south-field
        kind: place
        name: Southfield
        type: airport
        known_for:
          - Southfield was the Royal Air Force's airfield in the British sector.
      - id: mayor
        kind: person
        name: Otto Brandt
        role: the mayor who led West Harbourton through the airlift
      - id: pilot
        kind: person
        name: Gail Morrow
        role: the pilot who dropped sweets to the city's children
      - id: general
        kind: person
        name: William Tanner
        role: the general who commanded the airlift
      - id: governor
        kind: person
        name: Lucas Clayton
        role: the military governor who asked for the airlift
      - id: marshal
        kind: person
        name: Vasily Sokolov
        role: the marshal who ordered the blockade
    """

  /// A place named after the title's place ("West Berlin" under "The Berlin Airlift") is what
  /// the deck is about: its blanks are filled from the title. Other places are still asked,
  /// whatever the title's other words.
  @Test func aPlaceNamedAfterTheTitlesPlaceIsNotAsked() throws {
    let deck = try Self.deck(Self.city, title: "The Harbourton Airlift (1948–1949)")
    let ids = Self.ids(deck)
    #expect(!ids.contains("west-city/sentence-1-cloze"))
    #expect(ids.contains("north-field/sentence-1-cloze"))
    let untitled = try Self.deck(Self.city, title: "An airlift (1948–1949)")
    #expect(Self.ids(untitled).contains("west-city/sentence-1-cloze"))
  }

  static let morePlaces = """
      - id: harbourton
        kind: place
        name: Harbourton
        type: city
        tags: [places]
        known_for:
          - Harbourton was cut off by land for eleven months.
      - id: old-port
        kind: place
        name: Old Port
        type: port
        tags: [places]
        known_for:
          - Old Port was closed to shipping during the blockade.
      - id: hill
        kind: place
        name: Signal Hill
        type: hill
        tags: [places]
        known_for:
          - Signal Hill held the radar that guided the aircraft in.
      - id: lake
        kind: place
        name: Glass Lake
        type: lake
        tags: [places]
        known_for:
          - Flying boats landed on Glass Lake with salt for the city.
    """

  /// The deck's own place is not one of the places to match: it is matched on sight.
  @Test func theSubjectsPlaceIsNotMatched() throws {
    let places = Self.city + "\n" + Self.morePlaces
    let deck = try Self.deck(places, title: "The Harbourton Airlift")
    let matches = QuestionGenerator(deck: deck, seed: 1).questions().filter {
      $0.template == .matchPlaces
    }
    #expect(matches.count == 1)
    for match in matches {
      #expect(!match.matchItems.contains("Harbourton"))
      #expect(match.matchItems.contains("Old Port"))
    }
  }

  /// "Who was Henry V?" in a deck about Henry V's campaign is answered by every other card; the
  /// other people's roles are still asked.
  @Test func theSubjectPersonsRoleIsNotAsked() throws {
    var facts = Self.city
    for number in 1...5 {
      facts += """

          - id: flight-\(number)
            kind: event
            what: Gail Morrow flew supply run number \(number) into the city
            date: \(number) July 1948
        """
    }
    let deck = try Self.deck(facts, title: "An airlift (1948–1949)")
    let ids = Self.ids(deck)
    #expect(!ids.contains("pilot/role-choice"))
    #expect(!ids.contains("pilot/truefalse"))
    #expect(ids.contains("general/role-choice"))
  }
}
