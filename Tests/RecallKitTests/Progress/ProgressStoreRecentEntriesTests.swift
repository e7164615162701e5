import Foundation
import RecallKit
import Testing

@Suite("Progress store: entries since a time")
struct ProgressStoreRecentEntriesTests {
  @Test("a store with no files has no entries")
  func empty() throws {
    let folder = try makeProgressFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? store.close() }
    #expect(try store.hasEntries(since: progressEpoch) == false)
  }

  @Test("answers in the journal count, and still count once compacted into the log")
  func journalThenLog() throws {
    let folder = try makeProgressFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    _ = try store.record(sampleReview("a/cloze", minute: 10))
    let before = progressEpoch.addingTimeInterval(5 * 60)
    let after = progressEpoch.addingTimeInterval(15 * 60)
    #expect(try store.hasEntries(since: before))
    #expect(try store.hasEntries(since: after) == false)
    try store.close()

    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? reopened.close() }
    #expect(try reopened.hasEntries(since: before))
    #expect(try reopened.hasEntries(since: after) == false)
  }

  @Test("an undo is an entry at its own time")
  func undo() throws {
    let folder = try makeProgressFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    _ = try store.record(sampleReview("a/cloze", minute: 0))
    _ = try store.undoLast(at: progressEpoch.addingTimeInterval(20 * 60))
    try store.close()
    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    defer { try? reopened.close() }
    #expect(try reopened.hasEntries(since: progressEpoch.addingTimeInterval(10 * 60)))
  }
}
