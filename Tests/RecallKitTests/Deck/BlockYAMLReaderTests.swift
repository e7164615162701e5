import Foundation
import RecallSynthetic
import RecallTestSupport
import Testing
import Yams

@testable import RecallKit

/// The fast reader must build exactly the library's tree (texts, styles, marks) whenever it
/// reads a file at all, and must give up on whatever the library refuses.
@Suite struct BlockYAMLReaderTests {
  /// The library's tree in the same dump format, or nil when it refuses the text.
  static func libraryDump(_ text: String) -> String? {
    guard let composed = try? Yams.compose(yaml: text, .basic) else { return nil }
    var budget = Int.max
    guard let node = try? DeckNode(composed, budget: &budget) else { return nil }
    return dump(node)
  }

  static func dump(_ node: DeckNode) -> String {
    func mark(_ mark: DeckNode.Mark?) -> String { mark.map { "@\($0.line):\($0.column)" } ?? "" }
    switch node {
    case .scalar(let scalar):
      return "\(scalar.style)\(String(reflecting: scalar.string))\(mark(scalar.mark))"
    case .sequence(let sequence):
      let items = sequence.map(dump).joined(separator: ", ")
      return "[\(items)]\(mark(sequence.mark))"
    case .mapping(let mapping):
      let pairs = mapping.map { "\(dump($0.key)): \(dump($0.value))" }.joined(separator: ", ")
      return "{\(pairs)}\(mark(mapping.mark))"
    }
  }

  /// Checks one text; true when the fast reader read it.
  @discardableResult
  static func check(_ text: String, _ name: String) -> Bool {
    guard let fast = BlockYAMLReader.read(text) else { return false }
    let library = libraryDump(text)
    #expect(library != nil, "the library refuses what the fast reader read: \(name)")
    #expect(dump(fast) == library, "trees differ: \(name)")
    return true
  }

  @Test func readsTheDecksItIsMeantFor() throws {
    let synthetic = SyntheticCollection(facts: 200, reviews: 0).deckYAML()
    #expect(Self.check(synthetic, "synthetic collection"))
    let written = DeckWriter().render(SyntheticDeck.make(factCount: 150))
    Self.check(written, "written synthetic deck")
    let starter = StarterDeck.yaml(id: "my-deck", title: "My deck")
    Self.check(starter, "starter deck")
    let sample = """
      # A comment
      id: demo   # trailing comment
      title: "Quoted: title"
      subject: 'It''s history'
      language: en
      source:
        title: Barë and Mazhiq, 1998–1999
      facts:
      - id: a
        kind: place
        name: Bajgora
        aliases: [Bajgorë, Bajgora region]
        tags: []
      -   id: b
          kind: statement
          text: The KLA took [[Zhvillidove]] at 12:30 on 10 July 1998.
      - - nested
        - list
      \r
      """
    #expect(Self.check(sample.replacingOccurrences(of: "\r", with: ""), "sample"))
    #expect(Self.check(sample.replacingOccurrences(of: "\n", with: "\r\n"), "sample with CRLF"))
  }

  @Test func everyDeckAndFixtureInTheRepositoryReadsAlike() throws {
    var urls: [URL] = []
    for folder in ["Decks", "Tests/RecallKitTests/Fixtures", "Tests/fuzz-corpus/deck"] {
      let base = Repository.url(folder)
      guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
      else { continue }
      for case let url as URL in walker
      where ["yaml", "yml", "json"].contains(url.pathExtension) {
        urls.append(url)
      }
    }
    #expect(urls.count >= 3)
    for url in urls {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      Self.check(text, url.lastPathComponent)
    }
  }

  @Test(arguments: [
    "a: |\n  block\n", "a: &x 1\nb: *x\n", "a: b\na: c\n", "a:\n", "a: x\n  continued\n",
    "a: \"esc\\u00e9\"\n", "a:\tb\n", "---\na: b\n", "a: [x, [y]]\n", "a: {b: c}\n",
    "a: b: c\n", "- a\nb: c\n", "a: 'open\n", "a: !!str x\n", "a: x\n b: y\n", "",
    "# only a comment\n", "a: x\u{85}y\n", "a: [x,]\n", "plain text\n", "a: -1\n",
  ])
  func givesUpOnWhatItDoesNotRead(text: String) {
    #expect(BlockYAMLReader.read(text) == nil)
  }

  /// Random documents built from the pieces decks use, including the troublesome ones
  /// (colons, hashes, quotes, brackets, accents, odd indentation): whatever the fast reader
  /// reads must match the library exactly.
  @Test func generatedDocumentsReadAlike() {
    var random = SeededGenerator(seed: 7, salt: "block-yaml")
    let words = [
      "id", "Barë", "a:b", "12:30", "C#", "x #y", "[[key]]", "it's", "\"q\"", "a, b", "é",
      "1998", "null", "~", "yes", " spaced", "trailing ", "-", "- x", "?", "a]", "{b}", "'s'",
      "'it''s'", "\"two words\"", "[p, q]", "[]", "[ r ,s ]", "#c", "x: y", "Zhvillidove",
    ]
    func pick<T>(_ items: [T]) -> T { items[random.next(below: items.count)] }
    func value(depth: Int, indent: Int) -> [String] {
      let pad = String(repeating: " ", count: indent)
      switch depth > 2 ? 0 : random.next(below: 4) {
      case 0, 1: return [" " + pick(words)]
      case 2:
        let step = pick([0, 2, 3])
        var lines: [String] = []
        for _ in 0..<(1 + random.next(below: 3)) {
          let item = value(depth: depth + 1, indent: indent + step + 2)
          lines.append(pad + String(repeating: " ", count: step) + "-" + item[0])
          lines.append(contentsOf: item.dropFirst())
        }
        return [""] + lines
      default:
        var lines: [String] = []
        for _ in 0..<(1 + random.next(below: 3)) {
          let item = value(depth: depth + 1, indent: indent + 2)
          lines.append(pad + "  " + pick(words) + ":" + item[0])
          lines.append(contentsOf: item.dropFirst())
        }
        return [""] + lines
      }
    }
    var read = 0
    var valid = 0
    for round in 0..<3000 {
      var lines: [String] = []
      for _ in 0..<(1 + random.next(below: 4)) {
        let item = value(depth: 0, indent: 0)
        lines.append(pick(words) + ":" + item[0])
        lines.append(contentsOf: item.dropFirst())
        if random.next(below: 5) == 0 { lines.append(pick(["", "# note", "   # indented"])) }
      }
      let text = lines.joined(separator: "\n") + "\n"
      if Self.check(text, "generated \(round)") { read += 1 }
      if Self.libraryDump(text) != nil { valid += 1 }
    }
    // The generator must exercise the fast path, not only the fallback.
    print("fast reader read \(read) of \(valid) valid documents")
    #expect(read > 200)
  }
}
