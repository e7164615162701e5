import Foundation
import RecallKit
import Testing

/// Deck files written to hurt: each must end in a located error or a warning, never a crash,
/// a hang or unbounded memory.
@Suite struct HostileDeckTests {
  static let header = """
    id: hostile
    title: Hostile
    subject: History
    source: A book
    facts:

    """

  static let place = "  - id: x\n    kind: place\n    name: X\n"

  private func load(_ text: String, limits: DeckLimits = .standard) -> DeckLoadResult {
    DeckLoader(limits: limits).load(text: text, path: "hostile.yaml")
  }

  private func errors(_ result: DeckLoadResult) -> [Diagnostic] {
    result.diagnostics.filter { $0.severity == .error }
  }

  /// The deck is refused with at least one error that points into the file.
  private func expectLocatedError(
    _ result: DeckLoadResult, _ comment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(result.deck == nil, "\(comment)", sourceLocation: sourceLocation)
    let found = errors(result)
    #expect(!found.isEmpty, "\(comment)", sourceLocation: sourceLocation)
    for error in found {
      #expect(error.location.line >= 1, "\(error)", sourceLocation: sourceLocation)
      #expect(error.location.file == "hostile.yaml", "\(error)", sourceLocation: sourceLocation)
    }
  }

  static func laughs(levels: Int, indent: String) -> String {
    var text = "\(indent)a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1..<levels {
      let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "\(indent)a\(level): &a\(level) [\(previous)]\n"
    }
    return text
  }

  @Test func billionLaughsAtTheTopLevel() {
    let text = Self.header + Self.place + "bomb:\n" + Self.laughs(levels: 10, indent: "  ")
    expectLocatedError(load(text), "alias bomb at the top level")
  }

  @Test func billionLaughsInsideAFact() {
    let text =
      Self.header + Self.place + "    known_for:\n"
      + Self.laughs(levels: 10, indent: "      ").replacingOccurrences(
        of: "      a", with: "      - a")
    let result = load(text)
    #expect(!result.diagnostics.isEmpty, "alias bomb in a fact")
    #expect(result.deck == nil || !result.diagnostics.isEmpty)
  }

  @Test func billionLaughsAsFactList() {
    var text = "id: hostile\ntitle: H\nsubject: S\nsource: B\n"
    text += "f0: &f0\n" + Self.place
    for level in 1..<9 {
      let previous = Array(repeating: "*f\(level - 1)", count: 10).joined(separator: ", ")
      text += "f\(level): &f\(level) [\(previous)]\n"
    }
    text += "facts: *f8\n"
    expectLocatedError(load(text), "alias bomb as facts")
  }

  @Test(arguments: [10_000, 100_000])
  func deepFlowNesting(depth: Int) {
    let text =
      Self.header + "  - id: x\n    kind: place\n    name: "
      + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    expectLocatedError(load(text), "flow nesting \(depth)")
  }

  @Test func deepBlockNesting() {
    var text = Self.header + Self.place + "    extra:\n"
    var indent = "      "
    for level in 0..<2_000 {
      text += "\(indent)k\(level):\n"
      indent += "  "
    }
    text += "\(indent)leaf\n"
    expectLocatedError(load(text), "block nesting")
  }

  @Test func deepBlockListNesting() {
    let text =
      Self.header + Self.place + "    extra:\n      "
      + String(repeating: "- ", count: 5_000) + "x\n"
    expectLocatedError(load(text), "block list nesting")
  }

  @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("big.yaml").path
    // A sparse 100 MB file: costs no disk, and must not be read into memory.
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 100 << 20)
    try handle.close()
    let big = try DeckLoader().load(path: path)
    #expect(big.deck == nil)
    #expect(
      big.diagnostics.map(\.message) == ["the file is 100 MiB; decks are limited to 64 MiB"])

    let small = folder.appendingPathComponent("small.yaml").path
    let text = Self.header + Self.place
    try Data(text.utf8).write(to: URL(fileURLWithPath: small))
    let limit = text.utf8.count - 1
    let over = try DeckLoader(limits: DeckLimits(maximumFileSize: limit)).load(path: small)
    #expect(over.deck == nil)
    #expect(
      over.diagnostics.map(\.description) == [
        "\(small):1:1: error: the file is \(limit + 1) bytes; decks are limited to \(limit) bytes"
      ])
    let fits = try DeckLoader(limits: DeckLimits(maximumFileSize: limit + 1)).load(path: small)
    #expect(fits.deck != nil, "\(fits.diagnostics)")
  }

  @Test func invalidUTF8IsLocated() {
    var data = Data((Self.header + Self.place).utf8)
    data.append(contentsOf: [0x20, 0x20, 0x20, 0x20, 0x23, 0xC3, 0x28, 0xFF, 0x0A])
    let result = DeckLoader().load(data: data, path: "hostile.yaml")
    expectLocatedError(result, "invalid UTF-8")
    #expect(errors(result).first?.location.line == 9)
  }

  @Test func nulBytesAreLocated() {
    var data = Data((Self.header + "  - id: x\n    kind: place\n    name: X").utf8)
    data.append(0)
    data.append(contentsOf: Data("Y\n".utf8))
    let result = DeckLoader().load(data: data, path: "hostile.yaml")
    expectLocatedError(result, "NUL byte")
    #expect(errors(result).first?.location.line == 8)
  }

  /// A valid deck with a numbered slot in every kind of text field.
  static let slottedDeck = """
    id: hostile
    title: "T@0"
    subject: "S@1"
    source:
      title: "B@2"
      note: "N@3"
    facts:
      - id: battle
        kind: event
        name: "Battle@4"
        what: "Something@5 happened"
        date: 1 July 1998
        places: ["Village@6"]
        participants: ["Side@7", "Other side"]
        outcome: "Outcome@8"
        casualties: "Many@9"
      - id: person
        kind: person
        name: "Person@10"
        aliases: ["Alias@11"]
        role: "Role@12"
      - id: unit
        kind: unit
        name: "Unit@13"
        role: "Role@14"
      - id: village
        kind: place
        name: "Village@6"
        known_for: ["Village@6 was known@15 for it."]
      - id: count
        kind: quantity
        how_many: "people@16"
        value: 300
      - id: said
        kind: statement
        text: "The first@17 [[Village@6]] event."
    cards:
      - id: card
        type: choice
        prompt: "Prompt@18"
        answer: "Answer@19"
        distractors: ["Other@20", "Third@21", "Fourth"]
        explanation: "Why@22"
    """

  static func slotted(_ hostile: Int, with text: String) -> String {
    var deck = slottedDeck
    for slot in (0...22).reversed() {
      deck = deck.replacingOccurrences(of: "@\(slot)", with: slot == hostile ? text : "")
    }
    return deck
  }

  @Test func theSlottedDeckIsValid() throws {
    let result = load(Self.slotted(-1, with: ""))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let deck = try #require(result.deck)
    #expect(deck.facts.count == 6)
  }

  /// Sequences that would clear, retitle or recolour a terminal, and a C1 CSI.
  @Test(arguments: 0...22)
  func terminalEscapesInEveryTextFieldAreLocatedErrors(slot: Int) throws {
    for escape in ["\\e[2J", "\\e]0;owned\\a", "\\x9b31m", "\\u202Egnp.exe"] {
      let result = load(Self.slotted(slot, with: " \(escape) "))
      expectLocatedError(result, "slot \(slot), \(escape)")
      #expect(
        errors(result).contains { $0.message.contains("control character U+") },
        "\(result.diagnostics)")
      let line = Self.slottedDeck.components(separatedBy: "\n")
        .firstIndex { $0.contains("@\(slot)\"") || $0.contains("@\(slot) ") }
      #expect(
        errors(result).contains { $0.location.line == (line ?? -2) + 1 },
        "slot \(slot): \(result.diagnostics)")
    }
  }

  static let markupDeck = """
    id: hostile
    title: "<script>alert(1)</script> Title"
    subject: "<b>Subject</b>"
    source: "<img src=x onerror=alert(1)>"
    facts:
      - id: battle
        kind: event
        name: "Battle of <script>alert(2)</script>"
        what: "<script>alert(8)</script> happened"
        date: 1 July 1998
        places: ["<script>alert(3)</script>ville"]
      - id: ville
        kind: place
        name: "<script>alert(3)</script>ville"
      - id: person
        kind: person
        name: "<script>alert(4)</script> Smith"
        role: "the <iframe src=evil></iframe> commander"
      - id: said
        kind: statement
        text: "The <script>alert(5)</script> was in [[<script>x</script>]]."
    cards:
      - id: card
        type: short
        prompt: "What is <script>alert(6)</script>?"
        answer: "<script>alert(7)</script>"
    """

  @Test func markupLoadsAsTextAndIsEscapedInHTMLWorksheets() throws {
    let result = load(Self.markupDeck)
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(deck.title.contains("<script>"))
    let questions =
      QuestionGenerator(deck: deck, seed: 1).questions()
      + deck.cards.map {
        WorksheetCardQuestions.question(from: $0, seed: 1)
      }
    let selection = try WorksheetSelector(deck: deck).select(
      from: questions,
      request: WorksheetRequest(count: questions.count, seed: 1, allowSameFact: true))
    let sheet = try Worksheet(
      title: deck.title, deck: deck, selection: selection, versionCount: 1, seed: 1)
    let html = HTMLWorksheetRenderer().render(sheet, parts: [.sheet(0), .key(0)])
    #expect(html.contains("&lt;script&gt;"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.lowercased().contains("<iframe"))
    #expect(!html.lowercased().contains("<img"))
  }

  @Test(arguments: ["../../etc/passwd", "/etc/passwd", "..", ".hidden", "a/../../b", "a\u{0}b"])
  func idsThatLeaveTheFolderAreRefused(id: String) {
    #expect(throws: ProgressError.self) { try ProgressFiles(deckID: id, directory: "/tmp/p") }
    if !DeckLibrary.looksLikePath(id) {
      #expect(throws: DeckLookupError.self) { try DeckLibrary(directory: "/tmp/d").resolve(id) }
    }
  }

  @Test(arguments: ["../../etc/passwd", "/etc/x", "..", "a/b"])
  func deckIDsInsideTheFileThatLeaveTheFolderAreErrors(id: String) {
    let text = Self.header.replacingOccurrences(of: "id: hostile", with: "id: \"\(id)\"")
    expectLocatedError(load(text + Self.place), "id \(id)")
  }

  @Test(arguments: [
    "date: 1 July 99999999", "date: 99999999", "date: -99999999", "date: 1e308",
    "date: 31 February 1999", "date: 0 January 1999",
  ])
  func enormousDatesAreErrors(field: String) {
    let text = Self.header + "  - id: e\n    kind: event\n    name: E\n    \(field)\n"
    expectLocatedError(load(text), field)
  }

  @Test(arguments: [
    "1e308", "1e309", "-1e308", "99999999999999999999999999999", "1e308 to 1e309", ".nan",
    ".inf", "0x7fffffffffffffff",
  ])
  func enormousNumbersLoadOrAreLocatedErrors(value: String) {
    let text =
      Self.header + "  - id: q\n    kind: quantity\n    how_many: things\n    value: \(value)\n"
    let result = load(text)
    for diagnostic in result.diagnostics {
      #expect(diagnostic.location.line >= 1, "\(diagnostic)")
    }
    if let deck = result.deck {
      // Whatever loads must also survive question generation.
      _ = QuestionGenerator(deck: deck, seed: 1).questions()
    } else {
      #expect(!errors(result).isEmpty)
    }
  }

  @Test func duplicateKeysInsideAFactAreLocated() {
    let text = Self.header + "  - id: x\n    kind: place\n    name: X\n    name: Y\n"
    let result = load(text)
    expectLocatedError(result, "duplicate key")
    #expect(errors(result).first?.location.line == 9)
  }

  @Test func manyErrorsAreCapped() {
    var text = Self.header
    for index in 0..<2_000 { text += "  - id: x\(index)\n    kind: nonsense\n" }
    let result = load(text)
    #expect(result.deck == nil)
    #expect(result.diagnostics.count <= DeckLimits.standard.maximumDiagnostics + 1)
  }
}
