import Foundation
import Testing

@testable import RecallKit

/// A log that is one huge line (#19, defect 10) is refused at a bounded cost; answers are
/// saved short enough never to make such a line; long answers are echoed short (defect 11).
@Suite struct ProgressLongLineTests {
  private func logFolder(_ tail: [UInt8]) throws -> (String, ProgressFiles) {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let header = Array("{\"type\": \"reviews\", \"schema\": 2, \"deck\": \"deck\"}\n".utf8)
    try Data(header + tail).write(to: URL(fileURLWithPath: files.reviews))
    return (folder, files)
  }

  @Test func aLongAnswerIsSavedCut() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let saved = try store.record(
      sampleReview("a/short", answer: String(repeating: "x", count: 2_000_000)))
    #expect(saved.answer.count == ProgressFormat.maximumAnswerLength)
    try store.close()
    #expect(try ProgressStore.openReadOnly(deckID: "deck", directory: folder).reviews().count == 1)
  }

  @Test func aLongAnswerIsEchoedShortOnOneLine() {
    let answer = String(repeating: "y", count: 1_000_000) + "\rx"
    let message = InvalidAnswer.notANumber(answer).description
    #expect(message.count < 200)
    #expect(!message.contains("\r"))
    #expect(TextSanitizer.echoed("a\rb\tc\nd") == "a\\rb\\tc\\nd")
  }

  /// A header and then 3 MiB of NUL bytes, with or without a line break after them: the
  /// attack's 500 MB log, smaller. Every reader refuses it at line 2 with its length, and
  /// nothing is written, so the bytes stay for whoever wants to look at them.
  @Test(arguments: [false, true])
  func aLogThatIsOneHugeLineIsRefusedWithItsLength(ended: Bool) throws {
    let length = 3 << 20
    let (folder, files) = try logFolder(
      [UInt8](repeating: 0, count: length) + (ended ? [0x0A] : []))
    let before = try Data(contentsOf: URL(fileURLWithPath: files.reviews))
    let expected =
      "\(files.reviews):2:1: error: this line is 3,145,728 bytes long"
      + (ended ? ";" : " and never ends;")
    // Reading every review (stats, the optimizer), and the log's last line (a session's end).
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    let streamed = #expect(throws: ProgressError.self) { try reader.reviews() }
    #expect(streamed?.description.hasPrefix(expected) == true, "\(String(describing: streamed))")
    let tail = #expect(throws: ProgressError.self) {
      try ProgressReviewLogTail.read(path: files.reviews, expectedDeck: "deck")
    }
    #expect(tail?.description.hasPrefix(expected) == true, "\(String(describing: tail))")
    // A session that saves an answer cannot fold it into that log, and says why.
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    _ = try store.record(sampleReview("a/short"))
    let closing = #expect(throws: ProgressError.self) { try store.close() }
    #expect(closing?.description.hasPrefix(expected) == true, "\(String(describing: closing))")
    #expect(try Data(contentsOf: URL(fileURLWithPath: files.reviews)) == before)
  }

  /// A journal that is one huge line is refused when the store opens, not cut off as if it
  /// were a torn append (which would have destroyed it).
  @Test func aJournalThatIsOneHugeLineIsRefusedNotCut() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let header = Array(
      "{\"type\": \"journal\", \"schema\": 3, \"deck\": \"deck\", \"after\": 0}\n".utf8)
    let bytes = Data(header + [UInt8](repeating: 0, count: 2 << 20))
    try bytes.write(to: URL(fileURLWithPath: files.journal))
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "deck", directory: folder)
    }
    #expect(
      error?.description.hasPrefix(
        "\(files.journal):2:1: error: this line is 2,097,152 bytes long and never ends") == true,
      "\(String(describing: error))")
    #expect(try Data(contentsOf: URL(fileURLWithPath: files.journal)) == bytes)
  }

  /// The block reader keeps at most a line and a block: a line longer than the limit is
  /// reported, with its whole length, while reading blocks far smaller than it.
  @Test func streamingReportsTheLineNumberAndLengthInSmallBlocks() throws {
    let entries = (1...3).map {
      ProgressLogEntry.review(sequence: $0, sampleReview("a/short", minute: $0)).line
    }
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: ProgressFormat.maximumLineLength + 5)
    let (_, files) = try logFolder(Array(entries.joined().utf8) + long + [0x0A])
    var seen = 0
    let error = #expect(throws: ProgressError.self) {
      try ProgressLogFile.stream(
        path: files.reviews, kind: .reviews, expectedDeck: "deck", blockSize: 4096
      ) { _ in seen += 1 }
    }
    #expect(seen == 3)
    #expect(
      error?.description.hasPrefix("\(files.reviews):5:1: error: this line is 1,048,581 bytes")
        == true, "\(String(describing: error))")
  }
}
