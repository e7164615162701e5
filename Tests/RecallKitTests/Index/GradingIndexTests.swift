import Foundation
import RecallTestSupport
import Testing

@_spi(Fuzzing) @testable import RecallKit

/// The grading table kept in the index: read back equal to the one worked out, and keyed by
/// everything it depends on.
@Suite struct GradingIndexTests {
  let folder =
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "recall-grading-\(UUID().uuidString)"
    )
    .path

  private func bajgora() throws -> (Deck, DeckSource) {
    let path = Repository.deck("bajgora-offensive").path
    let (result, source) = try DeckSource.reading(path) { try DeckLoader().load(path: path) }
    return (try #require(result.deck), try #require(source))
  }

  @Test func theTableReadsBackAsWorkedOut() throws {
    let (deck, _) = try bajgora()
    let questions = QuestionGenerator(deck: deck, seed: 1).questions()
    let accepted = AcceptedAnswers(deck: deck, questions: questions)
    #expect(!accepted.extra.isEmpty)
    let section = GradingIndex.encode(accepted)
    let decoded = try section.bytes.withUnsafeBytes { try GradingIndex.decode($0) }
    #expect(decoded.extra == accepted.extra)
    #expect(decoded.titleWords == accepted.titleWords)
    // Trailing bytes, or any prefix, are not a table.
    for length in 0..<section.bytes.count {
      #expect(
        (try? Array(section.bytes[..<length]).withUnsafeBytes { try GradingIndex.decode($0) })
          == nil)
    }
  }

  @Test func aWarmIndexGivesTheSameTableAsNone() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (deck, source) = try bajgora()
    let cache = IndexCache(directory: folder)
    let questions = QuestionGenerator(deck: deck, seed: 1).questions()
    let worked = AcceptedAnswers(deck: deck, questions: questions)
    let cold = GradingIndex.acceptedAnswers(
      deck: deck, questions: questions, source: source, cache: cache)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(files.count == 1)
    let warm = GradingIndex.acceptedAnswers(
      deck: deck, questions: questions, source: source, cache: cache)
    #expect(cold.extra == worked.extra && warm.extra == worked.extra)
    #expect(warm.titleWords == worked.titleWords)
  }

  @Test func theKeyChangesWithEachSource() throws {
    let (deck, source) = try bajgora()
    let build = IndexBuild(version: "1", executable: "a")
    let questions = QuestionGenerator(deck: deck, seed: 1).questions()
    let base = GradingIndex.key(build: build, deckSource: source, questions: questions)
    var otherDeck = source
    otherDeck.contentHash.low ^= 1
    var fewer = questions
    fewer.removeLast()
    var reworded = questions
    if let index = reworded.firstIndex(where: {
      if case .text = $0.expected { true } else { false }
    }) {
      reworded[index].expected = .text(["something else"])
    }
    let keys = [
      GradingIndex.key(
        build: IndexBuild(version: "2", executable: "a"), deckSource: source, questions: questions),
      GradingIndex.key(
        build: IndexBuild(version: "1", executable: "b"), deckSource: source, questions: questions),
      GradingIndex.key(build: build, deckSource: otherDeck, questions: questions),
      GradingIndex.key(build: build, deckSource: source, questions: fewer),
      GradingIndex.key(build: build, deckSource: source, questions: reworded),
    ]
    for key in keys { #expect(key != base) }
    #expect(GradingIndex.key(build: build, deckSource: source, questions: questions) == base)
  }

  @Test func aFileChangedWhileItIsReadHasNoSource() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/deck.yaml"
    try Data("one".utf8).write(to: URL(fileURLWithPath: path))
    let (_, changed) = DeckSource.reading(path) {
      try? Data("two".utf8).write(to: URL(fileURLWithPath: path))
    }
    #expect(changed == nil)
    let (_, same) = DeckSource.reading(path) {}
    #expect(same?.contentHash == DeckSource.hash(ofFileAt: path))
    #expect(DeckSource.hash(ofFileAt: folder + "/missing.yaml") == nil)
  }
}

/// The fuzz target's entry over its seed input and every damaged copy of it: none crashes.
@Suite struct IndexFuzzingTests {
  @Test func theSeedInputAndItsDamagedCopiesAreReadSafely() throws {
    let path = Repository.root.appendingPathComponent(
      "Tests/fuzz-corpus/index/bajgora-grading.index")
    let bytes = try [UInt8](Data(contentsOf: path))
    let key = IndexKey(
      low: bytes[16..<24].withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))
      },
      high: bytes[24..<32].withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))
      })
    let index = try MappedIndex(bytes: bytes, key: key)
    #expect(index.withSection(GradingIndex.tag) { try? GradingIndex.decode($0) } != nil)
    IndexFuzzing.read(bytes)
    for length in 0..<bytes.count { IndexFuzzing.read(Array(bytes[..<length])) }
    for position in bytes.indices {
      var damaged = bytes
      damaged[position] ^= 0x40
      IndexFuzzing.read(damaged)
    }
  }
}
