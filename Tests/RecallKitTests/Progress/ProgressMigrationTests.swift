import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// Opening the schema-1 files the last schema-1 Recall wrote (Fixtures/progress-v1; its README
/// says how they were made and counts reps and lapses by hand).
@Suite struct ProgressMigrationTests {
  static let names = ["tiny.json", "tiny.journal.jsonl", "tiny.reviews.jsonl"]

  /// Reps and lapses of every review, the journal's included.
  static let finalCounts: [String: CardCounts] = [
    "alpha": CardCounts(reps: 4, lapses: 1), "beta": CardCounts(reps: 4, lapses: 1),
    "gamma": CardCounts(reps: 4, lapses: 0),
  ]

  /// A copy of the fixture in a fresh folder.
  private func schemaOneFolder() throws -> (folder: String, files: ProgressFiles) {
    let folder = try makeProgressFolder()
    for name in Self.names {
      try Repository.fixtureData("progress-v1/\(name)").write(
        to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
    }
    return (folder, try ProgressFiles(deckID: "tiny", directory: folder))
  }

  private func contents(of folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      result[name] = fileBytes((folder as NSString).appendingPathComponent(name))
    }
    return result
  }

  @Test func openingMigratesAndKeepsTheOldFileByteForByte() throws {
    let (folder, files) = try schemaOneFolder()
    let original = try Repository.fixtureData("progress-v1/tiny.json")
    let before = try ProgressStore.openReadOnly(deckID: "tiny", directory: folder).states

    let store = try ProgressStore.open(deckID: "tiny", directory: folder)
    let migration = try #require(store.migration)
    #expect(migration.backup == files.snapshot + ".v1.bak")
    #expect(
      migration.description
        == "migrated \(files.snapshot) from schema 1 to 3; the old file is kept as "
        + "\(files.snapshot).v1.bak")
    #expect(fileBytes(migration.backup) == original)
    #expect(store.states == before)
    #expect(store.counts == Self.finalCounts)
    // The journal and the log are left as they were; their schema-1 headers still read.
    for name in ["tiny.journal.jsonl", "tiny.reviews.jsonl"] {
      #expect(
        fileBytes((folder as NSString).appendingPathComponent(name))
          == (try Repository.fixtureData("progress-v1/\(name)")))
    }

    // The new snapshot: the same states and journalThrough, with counts as of entry 15.
    let text = fileText(files.snapshot)
    #expect(text.hasPrefix("{\n  \"schema\": 3,\n  \"deck\": \"tiny\",\n  \"journalThrough\": 15,"))
    #expect(
      text.contains("\"lastReview\": \"2025-03-12T10:00:00.000Z\", \"reps\": 3, \"lapses\": 1}"))
    #expect(
      text.split(separator: "\n").filter { $0.hasSuffix("\"reps\": 3, \"lapses\": 0},") }.count == 1
    )
    #expect(
      text.split(separator: "\n").filter { $0.hasSuffix("\"reps\": 3, \"lapses\": 0}") }.count == 1)
    let oldLines = String(decoding: original, as: UTF8.self).split(separator: "\n")
    let newLines = text.split(separator: "\n")
    // Schema 3 adds the (empty) marks object: one line more.
    #expect(oldLines.count + 1 == newLines.count)
    for (old, new) in zip(oldLines, newLines) where old.contains("\"phase\"") {
      // Each card keeps its state text; only the counts are added before the closing brace.
      let stem = old.hasSuffix("},") ? old.dropLast(2) : old.hasSuffix("}") ? old.dropLast() : old
      #expect(new.hasPrefix(stem), "\(new)")
    }
    try store.close()
  }

  @Test func aSecondOpenDoesNotMigrateAgain() throws {
    let (folder, files) = try schemaOneFolder()
    try ProgressStore.open(deckID: "tiny", directory: folder).close()
    let afterFirst = try contents(of: folder)

    let again = try ProgressStore.open(deckID: "tiny", directory: folder)
    #expect(again.migration == nil)
    #expect(again.counts == Self.finalCounts)
    try again.close()
    #expect(try contents(of: folder) == afterFirst)
    #expect(!FileManager.default.fileExists(atPath: files.snapshot + ".v1.bak.2"))
  }

  @Test func aReadOnlyOpenCountsInMemoryAndWritesNothing() throws {
    let (folder, _) = try schemaOneFolder()
    let before = try contents(of: folder)
    let reader = try ProgressStore.openReadOnly(deckID: "tiny", directory: folder)
    #expect(reader.migration == nil)
    #expect(reader.counts == Self.finalCounts)
    #expect(reader.counts == CardCounts.tally(try reader.reviews()))
    #expect(try contents(of: folder) == before)
  }

  @Test func aMigratedStoreKeepsCounting() throws {
    let (folder, _) = try schemaOneFolder()
    let store = try ProgressStore.open(deckID: "tiny", directory: folder)
    // gamma is in review: again is a lapse; undoing it takes the lapse back.
    let gamma = try #require(store.state(for: "gamma"))
    let at = Date(timeIntervalSince1970: 1_756_000_000)
    var lapse = ReviewRecord(
      cardID: "gamma", reviewedAt: at, rating: .again, answer: "x", accepted: false,
      responseMilliseconds: 900, state: gamma)
    lapse.state.phase = .relearning
    try store.record(lapse)
    #expect(store.counts(for: "gamma") == CardCounts(reps: 5, lapses: 1))
    try store.close()
    let reopened = try ProgressStore.open(deckID: "tiny", directory: folder)
    #expect(reopened.counts(for: "gamma") == CardCounts(reps: 5, lapses: 1))
    #expect(reopened.counts == CardCounts.tally(try reopened.reviews()))
    try reopened.close()
  }

  @Test func aFailedSnapshotWriteLeavesTheOldFileAndTheNextOpenMigrates() throws {
    let (folder, files) = try schemaOneFolder()
    let original = try Repository.fixtureData("progress-v1/tiny.json")
    try FileManager.default.createDirectory(
      atPath: files.snapshot + ".tmp", withIntermediateDirectories: false)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "tiny", directory: folder)
    }
    #expect(
      error?.description.hasPrefix(
        "\(files.snapshot).tmp: error: cannot remove the stale temporary file while migrating "
          + "\(files.snapshot) from schema 1 to 3: ") == true, "\(String(describing: error))")
    #expect(fileBytes(files.snapshot) == original)

    // The backup made before the failure is used again, not copied a second time.
    try FileManager.default.removeItem(atPath: files.snapshot + ".tmp")
    let store = try ProgressStore.open(deckID: "tiny", directory: folder)
    #expect(store.migration?.backup == files.snapshot + ".v1.bak")
    #expect(fileBytes(files.snapshot + ".v1.bak") == original)
    #expect(!FileManager.default.fileExists(atPath: files.snapshot + ".v1.bak.2"))
    try store.close()
  }

  @Test func aFailedBackupLeavesEverythingAsItWas() throws {
    let (folder, files) = try schemaOneFolder()
    try FileManager.default.createDirectory(
      atPath: files.snapshot + ".v1.bak.tmp", withIntermediateDirectories: false)
    let before = try contents(of: folder)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "tiny", directory: folder)
    }
    guard case .io(let path, let operation, _) = error else {
      Issue.record("expected an I/O error, got \(String(describing: error))")
      return
    }
    #expect(path == files.snapshot + ".v1.bak.tmp")
    #expect(operation.contains("migrating"))
    #expect(try contents(of: folder).filter { $0.key != "tiny.lock" } == before)
  }

  @Test(.disabled(if: geteuid() == 0, "root writes to read-only folders"))
  func aReadOnlyFolderIsAClearErrorAndTheFileStays() throws {
    let (folder, files) = try schemaOneFolder()
    // The lock file exists (a session ran here before), so only the migration needs to write.
    #expect(FileManager.default.createFile(atPath: files.lock, contents: Data()))
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    }
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "tiny", directory: folder)
    }
    guard case .io(let path, let operation, _) = error else {
      Issue.record("expected an I/O error, got \(String(describing: error))")
      return
    }
    #expect(path == files.snapshot + ".v1.bak.tmp")
    #expect(operation == "create it while migrating \(files.snapshot) from schema 1 to 3")
    #expect(fileBytes(files.snapshot) == (try Repository.fixtureData("progress-v1/tiny.json")))
    #expect(!FileManager.default.fileExists(atPath: files.snapshot + ".v1.bak"))
  }

  @Test func anotherBackupIsNeverOverwritten() throws {
    let (folder, files) = try schemaOneFolder()
    try writeFile(files.snapshot + ".v1.bak", "an older backup\n")
    let store = try ProgressStore.open(deckID: "tiny", directory: folder)
    #expect(store.migration?.backup == files.snapshot + ".v1.bak.2")
    #expect(fileText(files.snapshot + ".v1.bak") == "an older backup\n")
    #expect(
      fileBytes(files.snapshot + ".v1.bak.2")
        == (try Repository.fixtureData("progress-v1/tiny.json")))
    try store.close()
  }

  @Test func aMalformedSchemaOneFileIsNeitherMigratedNorBackedUp() throws {
    let (folder, files) = try schemaOneFolder()
    let broken = fileText(files.snapshot).replacingOccurrences(
      of: "\"phase\": \"relearning\"", with: "\"phase\": \"forgotten\"")
    try writeFile(files.snapshot, broken)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "tiny", directory: folder)
    }
    #expect(
      error?.description
        == "\(files.snapshot):6:24: error: 'forgotten' is not a phase (new, learning, review, "
        + "relearning)")
    #expect(fileText(files.snapshot) == broken)
    #expect(!FileManager.default.fileExists(atPath: files.snapshot + ".v1.bak"))
  }

  @Test func countsAreNotASchemaOneKey() throws {
    let (folder, files) = try schemaOneFolder()
    let edited = fileText(files.snapshot).replacingOccurrences(
      of: "\"lastReview\": \"2025-03-12T10:00:00.000Z\"}",
      with: "\"lastReview\": \"2025-03-12T10:00:00.000Z\", \"reps\": 3}")
    try writeFile(files.snapshot, edited)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.openReadOnly(deckID: "tiny", directory: folder)
    }
    #expect(error?.description.contains("unknown key 'reps' in the state of 'alpha'") == true)
  }
}
