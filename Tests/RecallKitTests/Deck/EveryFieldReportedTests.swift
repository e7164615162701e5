import Foundation
import RecallKit
import Testing

/// One run names every bad field of a fact or card, not only the first: an author fixing a
/// deck should not have to run `recall check` once per mistake.
@Suite struct EveryFieldReportedTests {
  static let header = "id: sample\ntitle: Sample\nsubject: History\nsource: A book\n"

  func lines(_ body: String) -> [Int] {
    DeckLoader().load(text: Self.header + body, path: "d.yaml").diagnostics
      .filter { $0.severity == .error }.map(\.location.line)
  }

  @Test(arguments: [
    // An event with a bad date, an empty outcome and casualties that are a list.
    (
      "facts:\n  - id: e\n    kind: event\n    what: A battle\n    date: 31 February 1999\n"
        + "    outcome: ''\n    casualties: [a, b]\n", [9, 10, 11]
    ),
    // A person without a name whose role and affiliation are lists.
    (
      "facts:\n  - id: p\n    kind: person\n    role: [a]\n    affiliation: [b]\n",
      [6, 8, 9]
    ),
    // A unit without a name, with a bad size and a nickname that is a mapping.
    (
      "facts:\n  - id: u\n    kind: unit\n    size: lots\n    nickname: {a: b}\n", [6, 8, 9]
    ),
    // A quantity with a bad value, and a unit and date that are wrong too.
    (
      "facts:\n  - id: q\n    kind: quantity\n    how_many: Men\n    value: many\n"
        + "    unit: [x]\n    date: someday\n", [9, 10, 11]
    ),
    // A statement without a marked term, with alternatives that are a mapping.
    (
      "facts:\n  - id: s\n    kind: statement\n    text: No mark here\n"
        + "    alternatives: {a: b}\n", [8, 9]
    ),
    // A short card missing both its prompt and its answer.
    ("facts: []\ncards:\n  - id: c\n    type: short\n", [7, 7]),
    // A choice card missing its prompt, with one answer too many and no distractors.
    ("facts: []\ncards:\n  - id: c\n    type: choice\n    answer: [a, b]\n", [7, 7, 9]),
  ])
  func everyProblemIsListed(body: String, expected: [Int]) {
    #expect(lines(body) == expected)
  }
}
