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
}
