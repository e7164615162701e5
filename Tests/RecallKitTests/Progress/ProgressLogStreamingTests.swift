import Foundation
import Testing

@testable import RecallKit

/// Streaming the review log block by block must read exactly what parsing it whole reads:
/// the same entries, the torn last line skipped, the same located errors.
@Suite struct ProgressLogStreamingTests {
  /// A closed store whose log holds reviews, an undo and an answer that mentions "undo".
  func makeLog() throws -> (folder: String, store: ProgressStore, kept: [ReviewRecord]) {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    var kept: [ReviewRecord] = []
    for minute in 0..<12 {
      let answer = minute == 3 ? "undo this? é" : "answer \(minute)"
      kept.append(
        try store.record(sampleReview("c\(minute % 4)/short", minute: minute, answer: answer)))
      if minute == 5 || minute == 9 {
        _ = try store.undoLast(at: progressEpoch.addingTimeInterval(Double(minute) * 60 + 30))
        kept.removeLast()
      }
    }
    try store.close()
    return (folder, store, kept)
  }

  func streamed(_ path: String, blockSize: Int) throws -> [ProgressLogEntry] {
    var entries: [ProgressLogEntry] = []
    _ = try ProgressLogFile.stream(
      path: path, kind: .reviews, expectedDeck: "deck", blockSize: blockSize
    ) { entries.append($0) }
    return entries
  }

  @Test(arguments: [1, 7, 64, 1 << 22])
  func blocksOfAnySizeReadTheSameEntries(blockSize: Int) throws {
    let (_, store, kept) = try makeLog()
    let path = store.files.reviews
    // A torn line from an interrupted append, which both readers skip.
    try appendToFile(path, "{\"seq\": 99, \"type\": \"rev")
    let bytes = try #require(fileBytes(path))
    let whole = try #require(
      try ProgressLogFile.parse([UInt8](bytes), path: path, kind: .reviews, expectedDeck: "deck"))
    #expect(try streamed(path, blockSize: blockSize) == whole.entries)
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: store.files.directory)
    #expect(try reader.reviews() == kept)
  }

  @Test(arguments: [5, 1 << 22])
  func aBadLineIsLocatedAsWhenParsedWhole(blockSize: Int) throws {
    let (_, store, _) = try makeLog()
    let path = store.files.reviews
    var lines = fileText(path).split(separator: "\n", omittingEmptySubsequences: false)
    lines[6] = lines[6].replacing("\"rating\": \"good\"", with: "\"rating\": \"superb\"")
    try writeFile(path, lines.joined(separator: "\n"))
    let bytes = try #require(fileBytes(path))
    var parseError = ""
    do {
      _ = try ProgressLogFile.parse([UInt8](bytes), path: path, kind: .reviews)
    } catch { parseError = "\(error)" }
    var streamError = ""
    do { _ = try streamed(path, blockSize: blockSize) } catch { streamError = "\(error)" }
    #expect(!parseError.isEmpty)
    #expect(streamError == parseError)
    #expect(streamError.contains(":7:"))
  }

  @Test func aMissingLogStreamsNothing() throws {
    let folder = try makeProgressFolder()
    #expect(try streamed(folder + "/none.reviews.jsonl", blockSize: 16).isEmpty)
  }
}
