import Foundation
import Testing

@testable import RecallKit

/// The progress index: a store opened through it holds exactly what one opened from the JSON
/// holds, whatever happened to the snapshot or to the index in between.
@Suite struct SnapshotIndexTests {
  let cacheFolder =
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "recall-snapshot-index-\(UUID().uuidString)"
    )
    .path

  private var cache: IndexCache { IndexCache(directory: cacheFolder) }

  private var indexFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? [])
      .filter { $0.hasSuffix(".index") }.map { cacheFolder + "/" + $0 }
  }

  /// The states, counts and marks of the deck's progress, opened read-only.
  private func contents(_ folder: String, cache: IndexCache?) throws -> (
    [String: CardState], [String: CardCounts], [String: CardMarks]
  ) {
    let store = try ProgressStore.openReadOnly(deckID: "deck", directory: folder, cache: cache)
    return (store.states, store.counts, store.marks)
  }

  private func expectSame(_ folder: String, _ comment: Comment? = nil) throws {
    let plain = try contents(folder, cache: nil)
    let indexed = try contents(folder, cache: cache)
    #expect(indexed.0 == plain.0 && indexed.1 == plain.1 && indexed.2 == plain.2, comment)
  }

  /// A progress folder with a few sessions' answers, marks and an undo, compacted through the
  /// cache.
  private func studied(sessions: Int) throws -> String {
    let folder = try makeProgressFolder()
    for session in 0..<sessions {
      let store = try ProgressStore.open(deckID: "deck", directory: folder, cache: cache)
      for card in 0..<5 {
        try store.record(
          sampleReview(
            "f\(card)/short", minute: session * 10 + card,
            rating: Rating(rawValue: card % 4 + 1) ?? .good))
      }
      if session == 1 { _ = try store.undoLast(at: progressEpoch) }
      if session == 2 {
        try store.suspend("f1/short", at: progressEpoch)
        try store.flag("f2/short", note: "a note", at: progressEpoch)
      }
      try store.close()
    }
    return folder
  }

  @Test func aCompactionLeavesAWarmIndexThatReadsAsTheJSON() throws {
    defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
    let folder = try studied(sessions: 3)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let bytes = try #require(fileBytes(files.snapshot)).map { $0 }
    let key = SnapshotIndex.key(build: .current, deckID: "deck", bytes: bytes)
    let file = try #require(indexFiles.first)
    #expect(indexFiles.count == 1)
    #expect(cache.rejection(file, key: key) == nil)
    try expectSame(folder)
  }

  @Test func aSnapshotEditedByHandMissesTheIndex() throws {
    defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
    let folder = try studied(sessions: 2)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let text = fileText(files.snapshot)
    // Same length, another due time: only the bytes tell them apart.
    let edited = text.replacingOccurrences(of: "2025-03-04", with: "2025-03-05")
    #expect(edited != text && edited.utf8.count == text.utf8.count)
    try edited.write(toFile: files.snapshot, atomically: false, encoding: .utf8)
    try expectSame(folder, "edited")
    // The next read finds the index written for the edited file.
    try expectSame(folder, "edited, warm")
    let states = try contents(folder, cache: cache).0
    #expect(states.values.contains { $0.due > progressEpoch.addingTimeInterval(3.5 * 86_400) })
  }

  @Test func aDamagedIndexIsReadAroundAndRebuilt() throws {
    defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
    let folder = try studied(sessions: 3)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = try #require(indexFiles.first)
    let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    var damages: [[UInt8]] = [[], Array(good.prefix(good.count / 2)), Array(good.dropLast())]
    for position in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
      var flipped = good
      flipped[position] ^= 0x10
      damages.append(flipped)
    }
    for (number, bytes) in damages.enumerated() {
      try Data(bytes).write(to: URL(fileURLWithPath: file))
      try expectSame(folder, "damage \(number)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: file)).count == good.count)
    }
  }

  @Test func theSectionReadsBackAndRefusesItsPrefixes() throws {
    defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
    let folder = try studied(sessions: 3)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let snapshot = try ProgressSnapshot.decode(
      try #require(fileBytes(files.snapshot)).map { $0 }, path: files.snapshot)
    #expect(!snapshot.marks.isEmpty && !snapshot.counts.isEmpty)
    let section = try #require(SnapshotIndex.encode(snapshot))
    let back = try section.bytes.withUnsafeBytes { try SnapshotIndex.decodeSection($0) }
    #expect(back.cards == snapshot.cards && back.counts == snapshot.counts)
    #expect(back.marks == snapshot.marks && back.journalThrough == snapshot.journalThrough)
    for length in 0..<section.bytes.count {
      #expect(
        (try? Array(section.bytes[..<length]).withUnsafeBytes {
          try SnapshotIndex.decodeSection($0)
        }) == nil)
    }
  }

  @Test func anotherDecksIndexIsNeverUsed() throws {
    defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
    let folder = try studied(sessions: 2)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let bytes = try #require(fileBytes(files.snapshot)).map { $0 }
    #expect(
      SnapshotIndex.key(build: .current, deckID: "deck", bytes: bytes)
        != SnapshotIndex.key(build: .current, deckID: "other", bytes: bytes))
    #expect(
      SnapshotIndex.key(build: .current, deckID: "deck", bytes: bytes)
        != SnapshotIndex.key(
          build: IndexBuild(version: "9", executable: ""), deckID: "deck", bytes: bytes))
  }
}
