import Foundation
import RecallSynthetic
import RecallTestSupport
import Testing

@_spi(Fuzzing) @testable import RecallKit

/// The deck index: a deck and its questions read back equal to what the YAML gives, keyed by
/// everything they depend on, and never used when the file is not exactly the one indexed.
@Suite struct StudyIndexTests {
  let folder =
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "recall-study-index-\(UUID().uuidString)"
    )
    .path

  /// Every deck the repository has: the shipped one, the review decks and the fixtures.
  static var deckPaths: [String] {
    var paths = [Repository.deck("bajgora-offensive").path]
    for folder in ["review-decks", "generation"] {
      let url = Repository.fixtures.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      paths += names.sorted().filter { $0.hasSuffix(".yaml") }.map { url.path + "/" + $0 }
    }
    return paths
  }

  @Test func everyDeckAndItsQuestionsReadBackEqual() throws {
    for path in Self.deckPaths {
      let result = try DeckLoader().load(path: path)
      let deck = try #require(result.deck, "\(path)")
      let section = try #require(StudyIndex.encodeDeck(result), "\(path) is not kept")
      let decoded = try section.bytes.withUnsafeBytes { try StudyIndex.decodeDeck($0) }
      #expect(decoded.deck == deck, "\(path)")
      #expect(decoded.diagnostics == result.diagnostics, "\(path)")
      for seed: UInt64 in [0, 1, 7, .max] {
        let questions = QuestionGenerator(deck: deck, seed: seed).questions()
        let kept = try #require(StudyIndex.encodeQuestions(questions, seed: seed))
        let back = try kept.bytes.withUnsafeBytes { try StudyIndex.decodeQuestions($0) }
        #expect(back.seed == seed && back.questions == questions, "\(path) seed \(seed)")
      }
    }
  }

  @Test func syntheticDecksOfEveryKindReadBackEqual() throws {
    for seed: UInt64 in 1...3 {
      let deck = SyntheticDeck.make(factCount: 300, seed: seed)
      let result = DeckLoadResult(
        deck: deck,
        diagnostics: [.warning("w", at: .file("elsewhere.yaml")), .note("n", at: .file(deck.path))])
      let section = try #require(StudyIndex.encodeDeck(result))
      let decoded = try section.bytes.withUnsafeBytes { try StudyIndex.decodeDeck($0) }
      #expect(decoded.deck == deck && decoded.diagnostics == result.diagnostics)
    }
  }

  @Test func noPrefixOfASectionIsADeck() throws {
    let path = try Repository.fixture("generation/small.yaml").path
    let section = try #require(StudyIndex.encodeDeck(try DeckLoader().load(path: path)))
    for length in 0..<section.bytes.count {
      #expect(
        (try? Array(section.bytes[..<length]).withUnsafeBytes { try StudyIndex.decodeDeck($0) })
          == nil, "\(length)")
    }
    let extra = section.bytes + [0]
    #expect((try? extra.withUnsafeBytes { try StudyIndex.decodeDeck($0) }) == nil)
  }

  /// Reads the file at `path` as the study command does, through the cache.
  private func load(_ path: String, build: IndexBuild = .current) throws -> (
    DeckLoadResult, DeckSource?
  ) {
    try StudyIndex.load(
      path: path, loader: DeckLoader(), cache: IndexCache(directory: folder), build: build)
  }

  private var indexFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".index") }
  }

  @Test func aWarmIndexGivesWhatTheYAMLGives() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for path in Self.deckPaths {
      let plain = try DeckLoader().load(path: path)
      let (cold, coldSource) = try load(path)
      let (warm, warmSource) = try load(path)
      #expect(cold.deck == plain.deck && warm.deck == plain.deck, "\(path)")
      #expect(cold.diagnostics == plain.diagnostics && warm.diagnostics == plain.diagnostics)
      #expect(coldSource != nil && coldSource == warmSource)
      let deck = try #require(plain.deck)
      let source = try #require(warmSource)
      let cache = IndexCache(directory: folder)
      let generated = QuestionGenerator(deck: deck, seed: 3).questions()
      for keep in [false, true, true] {
        let questions = StudyIndex.questions(
          deck: deck, seed: 3, source: source, cache: cache, keep: keep)
        #expect(questions == generated, "\(path)")
      }
      // Kept for seed 3, the questions are not used for another seed.
      #expect(
        StudyIndex.questions(deck: deck, seed: 4, source: source, cache: cache, keep: false)
          == QuestionGenerator(deck: deck, seed: 4).questions())
    }
    // Each deck's file and its questions for seed 3.
    #expect(indexFiles.count == 2 * Self.deckPaths.count)
  }

  @Test func anEditThatKeepsTheSizeAndTimeIsNotMissed() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/capitals.yaml"
    func write(_ capital: String) throws {
      try """
      id: capitals
      title: Capitals
      subject: Geography
      language: en
      source:
        title: Test
      facts:
        - id: capital
          kind: statement
          text: The capital of Kosovo is [[\(capital)]].
      """.write(toFile: path, atomically: false, encoding: .utf8)
      // The same modification time each time.
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: path)
    }
    try write("Prishtina")
    _ = try load(path)
    let first = try load(path).0.deck
    try write("Prizrenit")
    let edited = try load(path).0.deck
    #expect(first != edited)
    #expect(edited == (try DeckLoader().load(path: path)).deck)
  }

  @Test func theKeyChangesWithEachSource() throws {
    let build = IndexBuild(version: "1", executable: "a")
    let source = DeckSource(path: "/d/a.yaml", contentHash: IndexKey(low: 1, high: 2))
    let base = StudyIndex.key(build: build, source: source)
    var otherBytes = source
    otherBytes.contentHash.high ^= 1
    var otherPath = source
    otherPath.path = "/d/b.yaml"
    for key in [
      StudyIndex.key(build: IndexBuild(version: "2", executable: "a"), source: source),
      StudyIndex.key(build: IndexBuild(version: "1", executable: "b"), source: source),
      StudyIndex.key(build: build, source: otherBytes),
      StudyIndex.key(build: build, source: otherPath),
    ] {
      #expect(key != base)
    }
    #expect(StudyIndex.key(build: build, source: source) == base)
  }

  @Test func anotherBuildsIndexIsNotRead() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = Repository.deck("bajgora-offensive").path
    let other = IndexBuild(version: "9.9.9", executable: "elsewhere")
    _ = try load(path, build: other)
    let (result, source) = try load(path)
    #expect(result.deck == (try DeckLoader().load(path: path)).deck)
    let file = StudyIndex.file(for: path, in: IndexCache(directory: folder))
    let key = StudyIndex.key(build: .current, source: try #require(source))
    #expect(IndexCache(directory: folder).rejection(file, key: key) == nil)
  }

  @Test func theFuzzEntryReadsEverySection() throws {
    let path = Repository.deck("bajgora-offensive").path
    let result = try DeckLoader().load(path: path)
    let deck = try #require(result.deck)
    let questions = QuestionGenerator(deck: deck, seed: 1).questions()
    let bytes = IndexFile.encode(
      key: IndexKey(low: 5, high: 6),
      sections: [
        try #require(StudyIndex.encodeDeck(result)),
        try #require(StudyIndex.encodeQuestions(questions, seed: 1)),
      ])
    IndexFuzzing.read(bytes)
    for cut in stride(from: 0, to: bytes.count, by: 97) { IndexFuzzing.read(Array(bytes[..<cut])) }
  }
}
