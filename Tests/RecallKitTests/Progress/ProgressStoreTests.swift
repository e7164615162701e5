import Foundation
import RecallKit
import Testing

@Suite struct ProgressStoreTests {
  @Test func aNewDeckHasNoProgressAndWritesNothingUntilTheFirstReview() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
    #expect(store.states.isEmpty)
    #expect(try store.reviews().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: store.files.snapshot))
    #expect(!FileManager.default.fileExists(atPath: store.files.journal))
    try store.close()
  }

  @Test func aRecordedReviewIsOnDiskBeforeRecordReturns() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
    let saved = try store.record(sampleReview("battle-of-mazhiq/date-short"))
    // Read by a second, independent reader while the session is still open.
    let reader = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: folder)
    #expect(reader.state(for: "battle-of-mazhiq/date-short") == saved.state)
    #expect(try reader.reviews() == [saved])
    try store.close()
  }

  @Test func aSessionThatDiesWithoutClosingLosesNothing() throws {
    let folder = try makeProgressFolder()
    var saved: [ReviewRecord] = []
    do {
      // Never closed: like a killed process, only the journal holds the reviews.
      let store = try ProgressStore.open(deckID: "deck", directory: folder)
      for minute in 0..<3 {
        saved.append(try store.record(sampleReview("fact-\(minute)/date-short", minute: minute)))
      }
    }
    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(reopened.states.count == 3)
    #expect(reopened.state(for: "fact-2/date-short") == saved[2].state)
    #expect(try reopened.reviews() == saved)
    try reopened.close()
  }

  @Test func closeFoldsTheJournalIntoTheSnapshotAndTheReviewLog() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let first = try store.record(sampleReview("a/date-short", minute: 0))
    let second = try store.record(sampleReview("a/date-short", minute: 1, rating: .hard))
    let third = try store.record(sampleReview("b/who", minute: 2, answer: "Thaçi \"Snake\"\n"))
    try store.close()

    let snapshot = fileText(store.files.snapshot)
    #expect(snapshot.contains("\"journalThrough\": 3"))
    #expect(fileText(store.files.journal).split(separator: "\n").count == 1)  // header only
    #expect(fileText(store.files.reviews).split(separator: "\n").count == 4)

    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(reopened.states == ["a/date-short": second.state, "b/who": third.state])
    #expect(try reopened.reviews() == [first, second, third])
    try reopened.close()
  }

  @Test func timesAreKeptToTheMillisecondAndReadBackExactly() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    var review = sampleReview("a/date-short")
    review.reviewedAt = progressEpoch.addingTimeInterval(0.123_456_7)
    review.state.due = progressEpoch.addingTimeInterval(86_400.000_9)
    let saved = try store.record(review)
    #expect(saved.reviewedAt == Date(timeIntervalSince1970: 1_740_822_600.123))
    #expect(fileText(store.files.journal).contains("\"at\": \"2025-03-01T09:50:00.123Z\""))
    #expect(fileText(store.files.journal).contains("\"due\": \"2025-03-02T09:50:00.001Z\""))
    try store.close()
    let reopened = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reopened.state(for: "a/date-short") == saved.state)
    #expect(try reopened.reviews() == [saved])
  }

  @Test func anAutomaticCompactionKeepsEveryReview() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    store.compactionThreshold = 4
    var saved: [ReviewRecord] = []
    for minute in 0..<10 {
      saved.append(try store.record(sampleReview("card-\(minute % 3)/q", minute: minute)))
    }
    // Compacted after reviews 4 and 8: two left in the journal.
    #expect(fileText(store.files.journal).split(separator: "\n").count == 3)
    #expect(fileText(store.files.snapshot).contains("\"journalThrough\": 8"))
    #expect(try store.reviews() == saved)
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reader.states == store.states)
    #expect(try reader.reviews() == saved)
    try store.close()
  }

  @Test func undoRevertsTheLastAnswerInMemoryAndOnDisk() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let first = try store.record(sampleReview("a/q", minute: 0))
    _ = try store.record(sampleReview("a/q", minute: 1, rating: .again))
    _ = try store.record(sampleReview("b/q", minute: 2))

    #expect(try store.undoLast(at: progressEpoch)?.cardID == "b/q")
    #expect(store.state(for: "b/q") == nil)  // it had no state before: new again
    #expect(try store.undoLast(at: progressEpoch)?.rating == .again)
    #expect(store.state(for: "a/q") == first.state)

    // A fresh reader (no close, no compaction) sees the undos from the journal.
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reader.states == ["a/q": first.state])
    #expect(try reader.reviews() == [first])

    try store.close()
    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(reopened.states == ["a/q": first.state])
    #expect(try reopened.reviews() == [first])
    // The log keeps the undone reviews and the undo entries, for the record.
    #expect(fileText(store.files.reviews).components(separatedBy: "\"type\": \"undo\"").count == 3)
    #expect(try reopened.undoLast() == nil)  // earlier sessions cannot be undone
    try reopened.close()
  }

  @Test func undoWorksAcrossAnAutomaticCompaction() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    store.compactionThreshold = 2
    let first = try store.record(sampleReview("a/q", minute: 0))
    _ = try store.record(sampleReview("a/q", minute: 1))  // compacts here
    #expect(fileText(store.files.snapshot).contains("\"journalThrough\": 2"))
    _ = try store.undoLast(at: progressEpoch)
    #expect(store.state(for: "a/q") == first.state)
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reader.state(for: "a/q") == first.state)
    #expect(try reader.reviews() == [first])
    try store.close()
  }

  @Test func cardsNoLongerInTheDeckAreKeptAsOrphans() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let gone = try store.record(sampleReview("deleted-fact/date-short"))
    _ = try store.record(sampleReview("kept/date-short"))
    try store.close()
    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(
      reopened.orphans(knownIDs: ["kept/date-short", "new/who"]) == ["deleted-fact/date-short"])
    _ = try reopened.record(sampleReview("kept/date-short", minute: 5))
    try reopened.close()
    let again = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(again.state(for: "deleted-fact/date-short") == gone.state)
  }

  @Test func aReadOnlyStoreRefusesToWriteAndTakesNoLock() throws {
    let folder = try makeProgressFolder()
    let writer = try ProgressStore.open(deckID: "deck", directory: folder)
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(throws: ProgressError.notWritable(deckID: "deck", reason: "it was opened read-only")) {
      try reader.record(sampleReview("a/q"))
    }
    try writer.close()
    #expect(throws: ProgressError.notWritable(deckID: "deck", reason: "the store is closed")) {
      try writer.record(sampleReview("a/q"))
    }
  }

  @Test(arguments: [Double.nan, .infinity])
  func aReviewThatCannotBeWrittenFaithfullyIsRefused(stability: Double) throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    var review = sampleReview("a/q")
    review.state.stability = stability
    #expect(throws: ProgressError.self) { try store.record(review) }
    #expect(store.states.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: store.files.journal))
    try store.close()
  }
}
