import Foundation
import RecallKit
import RecallTestSupport

/// Shared test material: the interchange fixture files and hand-made questions of every kind.
enum InterchangeFixtures {
  static func url(_ name: String) throws -> URL {
    try Repository.fixture("interchange/\(name)")
  }

  static func text(_ name: String) throws -> String {
    try String(contentsOf: url(name), encoding: .utf8)
  }

  /// Imports a fixture (or any text) and returns the result.
  static func importText(
    _ text: String, format: ImportFormat, path: String = "input.txt",
    configure: (inout ImportOptions) -> Void = { _ in }
  ) -> ImportResult {
    var options = ImportOptions(format: format, deckID: "imported")
    configure(&options)
    return DeckImporter(options: options).importDeck(text: text, path: path)
  }

  static let location = SourceLocation(file: "deck.yaml", line: 1, column: 1)

  /// A small deck the questions below belong to, for tags and the title.
  static let deck = Deck(
    id: "bajgora-sample", title: "The Bajgora offensive (sample)", subject: "History",
    language: "en", source: Deck.Source(title: "A book"),
    facts: [
      Fact(
        id: "mazhiq",
        content: .place(Fact.Place(name: "Mazhiq", type: "village", knownFor: [])),
        tags: ["villages", "July 1998"], location: location),
      Fact(
        id: "convoy-people",
        content: .quantity(
          Fact.Quantity(
            howMany: "people travelled in the convoy", value: NumberValue(from: 3000, to: 5000))),
        tags: ["1999"], location: location),
    ],
    path: "deck.yaml")

  /// One question of every kind, and one whose text needs escaping everywhere.
  static let questions: [Question] = [
    Question(
      id: "mazhiq/name", kind: .short,
      prompt: "Which village did Yugoslav forces fail to take in July 1998?",
      expected: .text(["Mazhiq", "Mazhiqi"]), fact: "mazhiq",
      explanation: "Yugoslav forces failed to take Mazhiq in July 1998.", template: .nameShort),
    Question(
      id: "brigade-141/role", kind: .choice,
      prompt: "Which brigade ran KLA operations in the Bajgora area?",
      options: ["Brigade 121", "Brigade 141", "Brigade 131", "Brigade 161"],
      expected: .choice(1), fact: "brigade-141", explanation: "", template: .roleChoice),
    Question(
      id: "nato-speech/card", kind: .truefalse,
      prompt: "In his 2019 speech, Thaçi linked the KLA's values to Kosovo joining NATO.",
      expected: .truth(true), fact: "nato-speech", explanation: "", template: .card),
    Question(
      id: "first-appearance/cloze", kind: .cloze,
      prompt: "The KLA's first public appearance in the region was in ___.",
      expected: .text(["Zaberegje"]), fact: "first-appearance", explanation: "",
      template: .cloze),
    Question(
      id: "convoy-people/number", kind: .numeric,
      prompt: "How many people travelled in the convoy that left on 2 May 1999?",
      expected: .number(NumberValue(from: 3000, to: 5000)), fact: "convoy-people",
      explanation: "Between 3,000 and 5,000 people travelled in the convoy.",
      template: .countNumeric),
    Question(
      id: "battle/year", kind: .numeric, prompt: "In which year was the Battle of Mazhiq?",
      expected: .number(NumberValue(1998)), fact: "battle", explanation: "", template: .dateShort),
    Question(
      id: "events/order", kind: .order, prompt: "Put these events in order, earliest first.",
      options: ["Mazhiq falls", "The KLA opens a school", "The convoy leaves"],
      expected: .order([1, 0, 2]), fact: "events", explanation: "", template: .order),
    Question(
      id: "places/match", kind: .match, prompt: "Match each place with what it is.",
      options: ["a region", "a village", "a town"], matchItems: ["Mazhiq", "Bajgora"],
      expected: .match([1, 0]), fact: "places", explanation: "", template: .matchDates),
    Question(
      id: "escapes/short", kind: .short,
      prompt: "Is 2 = 2 {really}: #1 ~ \\ <b>&amp;</b>\nsecond line?",
      expected: .text(["yes: \"quoted\", & <ok>"]), fact: "escapes",
      explanation: "Tabs\tand #hashes ~ = {} : stay.", template: .nameShort),
  ]
}
