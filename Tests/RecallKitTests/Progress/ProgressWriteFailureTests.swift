import Foundation
import RecallKit
import Testing

/// Disk trouble gives typed errors; the files on disk and the store in memory stay as they were.
@Suite struct ProgressWriteFailureTests {
  @Test func aFileWhereTheFolderShouldBeIsATypedError() throws {
    let folder = try makeProgressFolder()
    let blocker = (folder as NSString).appendingPathComponent("progress")
    try writeFile(blocker, "not a folder")
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "deck", directory: blocker)
    }
    guard case .cannotCreate(let path, _) = error else {
      Issue.record("expected cannotCreate, got \(String(describing: error))")
      return
    }
    #expect(path == blocker)
    #expect(fileText(blocker) == "not a folder")
  }

  @Test func aFailedFirstAppendChangesNothing() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    // The journal is created through a temporary file; a folder in its place makes that fail.
    try FileManager.default.createDirectory(
      atPath: files.journal + ".tmp", withIntermediateDirectories: false)
    let error = #expect(throws: ProgressError.self) { try store.record(sampleReview("a/q")) }
    guard case .io(let path, "remove the stale temporary file", _) = error else {
      Issue.record("expected an I/O error, got \(String(describing: error))")
      return
    }
    #expect(path == files.journal + ".tmp")
    #expect(store.states.isEmpty)
    #expect(!store.canUndo)
    #expect(!FileManager.default.fileExists(atPath: files.journal))

    try FileManager.default.removeItem(atPath: files.journal + ".tmp")
    let saved = try store.record(sampleReview("a/q"))
    try store.close()
    #expect(try ProgressStore.openReadOnly(deckID: "deck", directory: folder).reviews() == [saved])
  }

  @Test func aFailedCompactionLeavesTheOldFilesAndTheStoreIntact() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let first = try store.record(sampleReview("a/q", minute: 0))
    try store.compact()
    let second = try store.record(sampleReview("a/q", minute: 1))
    let snapshot = fileBytes(files.snapshot)
    let journal = fileBytes(files.journal)

    try FileManager.default.createDirectory(
      atPath: files.snapshot + ".tmp", withIntermediateDirectories: false)
    #expect(throws: ProgressError.self) { try store.compact() }
    #expect(fileBytes(files.snapshot) == snapshot)
    #expect(fileBytes(files.journal) == journal)
    #expect(store.state(for: "a/q") == second.state)
    #expect(try store.reviews() == [first, second])

    // Still usable: later reviews and undo work, and close() reports the same trouble.
    let third = try store.record(sampleReview("b/q", minute: 2))
    #expect(try store.undoLast(at: progressEpoch) == third)
    #expect(throws: ProgressError.self) { try store.close() }

    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(reopened.states == ["a/q": second.state])
    #expect(try reopened.reviews() == [first, second])
    try FileManager.default.removeItem(atPath: files.snapshot + ".tmp")
    try reopened.close()
    #expect(fileText(files.snapshot).contains("\"journalThrough\": 4"))
  }

  @Test(.disabled(if: geteuid() == 0, "root writes to read-only folders"))
  func aReadOnlyFolderGivesTypedErrorsAndKeepsTheOldFiles() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let first = try ProgressStore.open(deckID: "deck", directory: folder)
    _ = try first.record(sampleReview("a/q"))
    try first.close()
    let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    let snapshot = fileBytes(files.snapshot)

    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    }
    // A new deck needs a lock file, which cannot be created.
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "other", directory: folder)
    }
    guard case .cannotCreate(let path, _) = error else {
      Issue.record("expected cannotCreate, got \(String(describing: error))")
      return
    }
    #expect(path == (folder as NSString).appendingPathComponent("other.lock"))

    // The existing files are writable: answers still reach the journal, but the snapshot
    // cannot be replaced, and close() says so.
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let saved = try store.record(sampleReview("a/q", minute: 1))
    let closeError = #expect(throws: ProgressError.self) { try store.close() }
    guard case .io(let failedPath, _, _) = closeError else {
      Issue.record("expected an I/O error, got \(String(describing: closeError))")
      return
    }
    #expect(failedPath == files.snapshot + ".tmp")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
    #expect(fileBytes(files.snapshot) == snapshot)
    let reopened = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reopened.state(for: "a/q") == saved.state)
  }
}
