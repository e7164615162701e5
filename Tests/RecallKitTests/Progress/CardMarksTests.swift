import Foundation
import Testing

@testable import RecallKit

/// Suspended, buried and flagged cards: durable like answers, read strictly, migrated.
@Suite struct CardMarksTests {
  let folder: String
  let files: ProgressFiles

  init() throws {
    folder = try makeProgressFolder()
    files = try ProgressFiles(deckID: "deck", directory: folder)
  }

  private func minutes(_ count: Double) -> Date { progressEpoch.addingTimeInterval(count * 60) }

  @Test func marksAreInTheJournalAtOnceAndInTheSnapshotAfterClosing() throws {
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(sampleReview("a/q"))
    try store.suspend("a/q", at: minutes(1))
    try store.flag("b/q", note: "  the date is 1999, not 1998 ", at: minutes(2))
    try store.bury("c/q", until: minutes(600), at: minutes(3))
    // On disk before close: a second reader sees them.
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reader.suspendedCards == ["a/q"])
    #expect(reader.flaggedCards.map(\.cardID) == ["b/q"])
    #expect(reader.flaggedCards.first?.flag.note == "the date is 1999, not 1998")
    #expect(reader.marks(for: "c/q").isBuried(at: minutes(4)))
    #expect(!reader.marks(for: "c/q").isBuried(at: minutes(600)))
    #expect(fileText(files.journal).contains(#""type": "marks", "card": "a/q""#))
    // Marks leave states and counts alone.
    #expect(reader.state(for: "a/q") == store.state(for: "a/q"))
    #expect(reader.state(for: "b/q") == nil)
    #expect(try reader.reviews().count == 1)
    try store.close()

    let snapshot = fileText(files.snapshot)
    #expect(snapshot.contains(#""marks": {"#))
    #expect(
      snapshot.contains(
        #""b/q": {"suspended": false, "buriedUntil": null, "flaggedAt": "2025-03-01T09:52:00.000Z", "note": "the date is 1999, not 1998"}"#
      ))
    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? reopened.close() }
    #expect(reopened.marks == reader.marks)
    try reopened.unsuspend("a/q", at: minutes(5))
    try reopened.unflag("b/q", at: minutes(6))
    #expect(reopened.suspendedCards.isEmpty && reopened.flaggedCards.isEmpty)
  }

  @Test func settingTheSameMarksWritesNothing() throws {
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? store.close() }
    try store.unsuspend("a/q", at: minutes(1))
    #expect(!FileManager.default.fileExists(atPath: files.journal))
    try store.suspend("a/q", at: minutes(1))
    try store.suspend("a/q", at: minutes(2))
    #expect(fileText(files.journal).components(separatedBy: "\"marks\"").count == 2)
  }

  @Test func aBuryThatIsOverLeavesTheSnapshot() throws {
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.bury("a/q", until: minutes(10), at: minutes(1))
    try store.bury("b/q", until: minutes(100), at: minutes(2))
    // The newest entry is after the first bury ends: it is over by the log's own clock.
    try store.record(sampleReview("c/q", minute: 20))
    try store.close()
    let reopened = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reopened.marks["a/q"] == nil)
    #expect(reopened.marks["b/q"]?.buriedUntil == minutes(100))
  }

  @Test func undoTakesBackTheAnswerNotTheMarks() throws {
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? store.close() }
    try store.record(sampleReview("a/q"))
    try store.suspend("a/q", at: minutes(1))
    #expect(try store.undoLast(at: minutes(2))?.cardID == "a/q")
    #expect(store.state(for: "a/q") == nil)
    #expect(store.suspendedCards == ["a/q"])
  }

  @Test func pruneForgetsTheMarksOfCardsThatLeftTheDeck() throws {
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? store.close() }
    try store.record(sampleReview("gone/q"))
    try store.flag("gone/q", note: nil, at: minutes(1))
    try store.flag("kept/q", note: "typo", at: minutes(2))
    try store.prune(knownIDs: ["kept/q"])
    #expect(store.flaggedCards.map(\.cardID) == ["kept/q"])
    #expect(!fileText(files.snapshot).contains("gone/q"))
    #expect(!fileText(files.reviews).contains("gone/q"))
  }

  @Test(arguments: [
    (
      #"{"seq": 1, "type": "marks", "card": "a", "at": "2025-03-01T09:50:00.000Z", "suspended": true, "buriedUntil": null, "flaggedAt": null}"#,
      2, 1, "the entry has no 'note'"
    ),
    (
      #"{"seq": 1, "type": "marks", "card": "a", "at": "2025-03-01T09:50:00.000Z", "suspended": true, "buriedUntil": null, "flaggedAt": null, "note": "x"}"#,
      2, 143, "a 'note' belongs to a flag, and 'flaggedAt' is null"
    ),
    (
      #"{"seq": 1, "type": "marks", "card": "a", "at": "2025-03-01T09:50:00.000Z", "suspended": "yes", "buriedUntil": null, "flaggedAt": null, "note": null}"#,
      2, 89, "expected true or false for 'suspended', found a string"
    ),
    (
      #"{"seq": 1, "type": "marks", "card": "a", "at": "2025-03-01T09:50:00.000Z", "rating": "good", "suspended": true, "buriedUntil": null, "flaggedAt": null, "note": null}"#,
      2, 76, "'rating' does not belong in a marks entry"
    ),
    (
      #"{"seq": 1, "type": "review", "card": "a", "at": "2025-03-01T09:50:00.000Z", "suspended": true}"#,
      2, 77, "'suspended' does not belong in a review entry"
    ),
  ])
  func aDamagedMarksLineIsReportedWhereItIsWrong(
    line: String, lineNumber: Int, column: Int, message: String
  ) throws {
    let text = #"{"type": "journal", "schema": 3, "deck": "deck", "after": 0}"# + "\n" + line + "\n"
    try writeFile(files.journal, text)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "deck", directory: folder)
    }
    #expect(error?.description == "\(files.journal):\(lineNumber):\(column): error: \(message)")
    #expect(fileText(files.journal) == text)
  }

  @Test func aSnapshotsMarksAreReadStrictly() throws {
    let text = """
      {
        "schema": 3,
        "deck": "deck",
        "journalThrough": 0,
        "cards": {},
        "marks": {
          "a/q": {"suspended": true, "buriedUntil": null, "flaggedAt": null, "note": null, "colour": "red"}
        }
      }

      """
    try writeFile(files.snapshot, text)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "deck", directory: folder)
    }
    #expect(
      error?.description
        == "\(files.snapshot):7:86: error: unknown key 'colour' in the marks of 'a/q'")
    #expect(fileText(files.snapshot) == text)
  }

  @Test func marksInASchemaTwoSnapshotAreRefused() throws {
    let text = """
      {"schema": 2, "deck": "deck", "journalThrough": 0, "cards": {}, "marks": {}}

      """
    try writeFile(files.snapshot, text)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "deck", directory: folder)
    }
    #expect(error?.description.contains("unknown key 'marks' in the progress file") == true)
  }

  /// A schema-2 snapshot still loads, and is migrated with its backup kept.
  @Test func aSchemaTwoSnapshotIsMigrated() throws {
    let original = """
      {
        "schema": 2,
        "deck": "deck",
        "journalThrough": 0,
        "cards": {
          "a/q": {"phase": "review", "step": null, "stability": 3.0, "difficulty": 5.0, "due": "2025-03-04T09:50:00.000Z", "lastReview": "2025-03-01T09:50:00.000Z", "reps": 1, "lapses": 0}
        }
      }

      """
    try writeFile(files.snapshot, original)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? store.close() }
    #expect(store.migration?.fromSchema == 2)
    #expect(store.migration?.backup == files.snapshot + ".v2.bak")
    #expect(fileText(files.snapshot + ".v2.bak") == original)
    #expect(fileText(files.snapshot).hasPrefix("{\n  \"schema\": 3,"))
    #expect(store.state(for: "a/q")?.phase == .review)
    #expect(store.counts(for: "a/q").reps == 1)
    #expect(store.marks.isEmpty)
  }
}
