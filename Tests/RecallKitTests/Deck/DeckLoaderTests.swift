import Foundation
import RecallKit
import RecallTestSupport
import Testing

@Suite struct DeckLoaderTests {
  static let header = """
    id: sample
    title: Sample
    subject: History
    source: A book
    facts:

    """

  private func load(_ text: String) -> DeckLoadResult {
    DeckLoader().load(text: text, path: "deck.yaml")
  }

  private func messages(_ text: String) -> [String] {
    load(text).diagnostics.map { diagnostic in
      let location = diagnostic.location
      return "\(location.line):\(location.column): \(diagnostic.severity.rawValue): "
        + diagnostic.message
    }
  }

  @Test func documentedExampleLoadsClean() throws {
    let readme = try String(
      contentsOf: Repository.url("Documentation/deck-format.md"),
      encoding: .utf8)
    let start = try #require(readme.range(of: "```yaml\nid: bajgora-sample"))
    let body = readme[start.upperBound...]
    let end = try #require(body.range(of: "\n```"))
    let yaml = "id: bajgora-sample" + body[..<end.lowerBound]
    let result = load(String(yaml))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let deck = try #require(result.deck)
    #expect(deck.facts.count == 6)
    #expect(deck.cards.count == 4)
    #expect(Set(deck.facts.map(\.kind)).count == 6)
    #expect(deck.settings.learningSteps == [60, 600])
    guard case .event(let battle) = deck.fact(id: "battle-of-mazhiq")?.content else {
      Issue.record("battle-of-mazhiq is not an event")
      return
    }
    #expect(battle.places == ["mazhiq"])
    #expect(battle.date?.formatted == "10–11 July 1998")
    guard case .statement(let statement) = deck.fact(id: "first-appearance")?.content else {
      Issue.record("first-appearance is not a statement")
      return
    }
    #expect(statement.key == "Zaberegje")
    #expect(deck.cards.first { $0.id == "nato-speech" }?.truth == true)
  }

  @Test func jsonIsAcceptedAsYAML() throws {
    let json = """
      {"id": "j", "title": "J", "subject": "S", "source": "B",
       "facts": [{"id": "y", "kind": "event", "what": "a thing happened", "date": "1998"}]}
      """
    let deck = try #require(load(json).deck)
    #expect(deck.facts.first?.kind == .event)
  }

  // Each input marks with ⟪n⟫ where its diagnostics point (MarkedText).
  @Test(arguments: [
    // A misspelt key, with its suggestion.
    (
      "  - id: a\n    kind: event\n    what: x happened\n    ⟪1⟫dtae: 1998\n",
      ["marker 1: error: unknown key 'dtae' in an event fact; did you mean 'date'?"]
    ),
    // A key nothing resembles lists the choices.
    (
      "  - id: a\n    kind: place\n    name: Mazhiq\n    ⟪1⟫colour: red\n",
      [
        "marker 1: error: unknown key 'colour' in a place fact; expected one of 'id', 'kind', "
          + "'tags', 'note', 'source', 'name', 'aliases', 'accept', 'type', 'region', 'known_for'"
      ]
    ),
    // Missing required fields.
    (
      "  - ⟪1⟫id: a\n    kind: person\n    name: Remi\n",
      ["marker 1: error: a person fact is missing required key 'role'"]
    ),
    (
      "  - ⟪1⟫kind: place\n    name: X\n",
      ["marker 1: error: a place fact is missing required key 'id'"]
    ),
    ("  - ⟪1⟫id: a\n    name: X\n", ["marker 1: error: fact is missing required key 'kind'"]),
    // Wrong types.
    (
      "  - id: a\n    kind: person\n    name: ⟪1⟫[A, B]\n    role: r\n",
      ["marker 1: error: 'name' must be text, found a list"]
    ),
    (
      "  - id: a\n    kind: place\n    name: X\n    aliases: ⟪1⟫{a: b}\n",
      ["marker 1: error: 'aliases' must be text, found a mapping"]
    ),
    (
      "  - ⟪1⟫just a string\n",
      ["marker 1: error: each fact must be a mapping with 'id' and 'kind', found 'just a string'"]
    ),
    // Dates and numbers that do not parse.
    (
      "  - id: a\n    kind: event\n    what: x\n    date: ⟪1⟫31 June 1998\n",
      ["marker 1: error: 'date' is not a valid date: June 1998 has no day 31"]
    ),
    (
      "  - id: a\n    kind: event\n    what: x\n    date: ⟪1⟫8 January\n",
      [
        "marker 1: error: 'date' is not a valid date: '8 January' has no year; write the year the source means"
      ]
    ),
    (
      "  - id: a\n    kind: quantity\n    how_many: people fled\n    value: ⟪1⟫lots\n",
      [
        "marker 1: error: 'value' is not a number Recall understands: 'lots' (try '100', 'over 100', 'about 100', 'six or seven' or '3,000 to 5,000')"
      ]
    ),
    // Unknown kinds and references.
    (
      "  - id: a\n    kind: ⟪1⟫evnt\n",
      ["marker 1: error: unknown fact kind 'evnt'; did you mean 'event'?"]
    ),
    (
      "  - id: a\n    kind: event\n    what: x\n    date: 1998\n    places: [⟪1⟫Mazhik]\n  - id: m\n    kind: place\n    name: Mazhiq\n",
      ["marker 1: error: unknown place 'Mazhik'; did you mean 'Mazhiq'?"]
    ),
    // Duplicate ids across facts.
    (
      "  - id: a\n    kind: place\n    name: X\n  - id: ⟪1⟫a\n    kind: place\n    name: Y\n",
      ["marker 1: error: duplicate id 'a'; it is already used at line 6, column 9"]
    ),
    // Statements need exactly one marked key term.
    (
      "  - id: s\n    kind: statement\n    text: ⟪1⟫No marks here.\n",
      [
        "marker 1: error: mark the key term with [[ and ]], as in 'The KLA captured [[Zhvillidove]]'"
      ]
    ),
    (
      "  - id: s\n    kind: statement\n    text: ⟪1⟫A [[b]] and [[c]].\n",
      ["marker 1: error: mark only one key term with [[ ]] per sentence"]
    ),
    // Control characters never reach a terminal.
    (
      "  - id: a\n    kind: place\n    name: ⟪1⟫\"X\\e[31m\"\n",
      ["marker 1: error: 'name' contains the control character U+001B"]
    ),
    // Ids that could leave a folder.
    (
      "  - id: ⟪1⟫../etc\n    kind: place\n    name: X\n",
      ["marker 1: error: fact id '../etc' may use only ASCII letters, digits, '-', '_' and '.'"]
    ),
    // Warnings: the deck still loads.
    (
      "  - id: p\n    kind: place\n    name: Mazhiq\n    known_for: [⟪1⟫Something happened.]\n",
      ["marker 1: warning: this sentence does not name 'Mazhiq', so no question can ask for it"]
    ),
    (
      "  - id: e\n    kind: event\n    what: x\n    date: ⟪1⟫2999\n",
      ["marker 1: warning: the date 2999 is in the future; is the year right?"]
    ),
  ])
  func reportsFactProblemsWithTheirLocation(facts: String, expected: [String]) {
    let input = MarkedText(Self.header + facts)
    #expect(messages(input.text) == input.located(expected))
  }

  @Test(arguments: [
    ("⟪1⟫", ["marker 1: error: the deck is empty"]),
    (
      "⟪1⟫- a\n- b\n",
      ["marker 1: error: the deck must be a mapping of keys to values, found a list"]
    ),
    ("id: [a\n⟪1⟫", ["marker 1: error: YAML syntax: did not find expected ',' or ']'"]),
    ("id: a\n⟪1⟫id: b\n", ["marker 1: error: duplicate key 'id'; it is already used at line 1"]),
    (
      "id: ⟪1⟫Bad Id\ntitle: T\nsubject: S\nsource: B\nfacts: ⟪2⟫[]\n",
      [
        "marker 1: error: deck id 'Bad Id' must be 1 to 64 lowercase letters, digits, '-', '_' or '.', "
          + "starting with a letter or digit",
        "marker 2: error: the deck has no facts and no cards",
      ]
    ),
    (
      "⟪1⟫id: a\ntitle: T\nsubject: S\nfacts:\n  - id: x\n    kind: place\n    name: X\n",
      ["marker 1: error: the deck is missing required key 'source'"]
    ),
    (
      "id: a\ntitle: T\nsubject: S\nsource: B\nsettings:\n  desired_retention: ⟪1⟫1.5\n"
        + "  learning_steps: [1m, ⟪2⟫ten]\nfacts:\n  - id: x\n    kind: place\n    name: X\n",
      [
        "marker 1: error: 'desired_retention' must be between 0.5 and 0.99, found 1.5",
        "marker 2: error: 'learning_steps' entries are durations such as '1m', '10m', '1h' or '1d', found 'ten'",
      ]
    ),
    (
      "id: a\ntitle: T\nsubject: S\nsource: B\nfacts:\n  - id: x\n    kind: place\n    name: X\n"
        + "cards:\n  - id: c\n    type: choice\n    prompt: P?\n    answer: X\n    distractors: ⟪1⟫[X, Y]\n"
        + "    fact: ⟪2⟫y\n",
      [
        "marker 1: error: distractor 'X' is also the answer",
        "marker 1: warning: a choice card reads best with three distractors; it has 2",
        "marker 2: error: unknown fact 'y'",
      ]
    ),
  ])
  func reportsDeckProblemsWithTheirLocation(text: String, expected: [String]) {
    let input = MarkedText(text)
    #expect(messages(input.text) == input.located(expected))
  }

  @Test func reportsEveryProblemInOneRun() {
    let text =
      Self.header
      + "  - id: a\n    kind: event\n    what: x\n    dtae: 1998\n"
      + "  - id: b\n    kind: event\n    what: y\n    date: 32 May 1998\n"
      + "  - id: a\n    kind: place\n    name: Z\n"
    let result = load(text)
    #expect(result.deck == nil)
    #expect(result.diagnostics.count == 3)
    #expect(result.diagnostics.allSatisfy { $0.severity == .error })
  }

  @Test func bytesThatAreNotTextAreLocated() {
    let loader = DeckLoader()
    let nul = loader.load(data: Data("id: a\ntitle: \u{0}".utf8), path: "d.yaml")
    #expect(
      nul.diagnostics.map(\.description) == [
        "d.yaml:2:8: error: the file contains a NUL byte; decks are UTF-8 text"
      ])
    let invalid = loader.load(data: Data([0x69, 0x64, 0x3A, 0x20, 0xC3, 0x28]), path: "d.yaml")
    #expect(
      invalid.diagnostics.map(\.description) == [
        "d.yaml:1:5: error: the file is not valid UTF-8 (byte 0xC3)"
      ])
  }

  @Test func deepNestingIsRefusedBeforeParsing() {
    let deep = "id: " + String(repeating: "[", count: 10_000)
    let result = DeckLoader().load(text: deep, path: "d.yaml")
    #expect(result.diagnostics.first?.message.contains("more than 64 levels deep") == true)
  }

  /// The scan counts lines by bytes, so Windows line ends and accented text keep the location.
  @Test func deepNestingIsLocatedInCRLFAndAccentedText() {
    let deep = "title: Barë\r\né: " + String(repeating: "[", count: 100)
    let result = DeckLoader().load(text: deep, path: "d.yaml")
    #expect(result.diagnostics.map(\.location.line) == [2])
    #expect(result.diagnostics.first?.location.column == 68)
  }

  @Test func aliasBombsStopAtTheNodeBudget() {
    // Each fact's tags are ten copies of the previous fact's: 10^9 nodes if walked naively.
    var bomb = "id: a\ntitle: T\nsubject: S\nsource: B\nlanguage: en\n"
    bomb +=
      "facts:\n  - id: x\n    kind: place\n    name: X\n    tags: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<9 {
      let previous = "*a\(level - 1)"
      bomb += "  - id: x\(level)\n    kind: place\n    name: X\(level)\n"
      bomb +=
        "    tags: &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    let limits = DeckLimits(maximumNodes: 100_000)
    let result = DeckLoader(limits: limits).load(text: bomb, path: "d.yaml")
    #expect(result.deck == nil)
    #expect(result.diagnostics.count <= limits.maximumDiagnostics + 1)
  }

  @Test func oversizedFilesAreRefusedUnread() throws {
    let limits = DeckLimits(maximumFileSize: 1024)
    let result = DeckLoader(limits: limits).load(
      data: Data(repeating: 0x20, count: 4096), path: "big.yaml")
    #expect(
      result.diagnostics.map(\.description) == [
        "big.yaml:1:1: error: the file is larger than 1024 bytes"
      ])
  }
}
