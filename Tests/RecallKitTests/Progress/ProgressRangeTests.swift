import Foundation
import Testing

@testable import RecallKit

/// Values a progress file may not hold (#19, defects 7, 8 and 9): each is refused at its
/// location with nothing written, instead of crashing later or being destroyed by a save.
@Suite struct ProgressRangeTests {
  /// A folder with one saved review in the snapshot and one in the journal.
  private func savedFolder() throws -> (String, ProgressFiles) {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(sampleReview("a/short", minute: 0))
    try store.close()
    let again = try ProgressStore.open(deckID: "deck", directory: folder)
    try again.record(sampleReview("b/short", minute: 1))
    again.release()
    return (folder, again.files)
  }

  /// Opens the folder both ways and expects a malformed-file error containing `message`, with
  /// every file as it was.
  private func expectRefused(_ folder: String, _ files: ProgressFiles, _ message: String) {
    let before = [files.snapshot, files.journal, files.reviews].map(fileBytes)
    for readOnly in [true, false] {
      #expect {
        let store =
          readOnly
          ? try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
          : try ProgressStore.open(deckID: "deck", directory: folder)
        _ = try store.reviews()
        try store.close()
      } throws: { error in
        guard let error = error as? ProgressError, error.isBadData else { return false }
        return "\(error)".contains(message)
      }
    }
    #expect([files.snapshot, files.journal, files.reviews].map(fileBytes) == before)
  }

  private func replace(_ path: String, _ old: String, with new: String) throws {
    let text = fileText(path)
    #expect(text.contains(old), "\(old) not in \(text)")
    try writeFile(path, text.replacingOccurrences(of: old, with: new))
  }

  @Test func trailingTextAfterTheSnapshotIsRefused() throws {
    let (folder, files) = try savedFolder()
    try writeFile(files.snapshot, fileText(files.snapshot) + "<<<<<<< HEAD\n")
    expectRefused(folder, files, "after the end of the JSON value")
  }

  @Test(arguments: [
    ("journal", "\"seq\": 2,", "\"seq\": 9223372036854775807,", "'seq'"),
    ("journal", "\"responseMs\": 4201", "\"responseMs\": 9223372036854775807", "'responseMs'"),
    (
      "snapshot", "\"journalThrough\": 1", "\"journalThrough\": 9223372036854775807",
      "'journalThrough'"
    ),
    ("snapshot", "\"reps\": 1", "\"reps\": 9223372036854775807", "'reps'"),
    ("journal", "\"after\": 1", "\"after\": 9223372036854775807", "'after'"),
  ])
  func hugeIntegersAreRefusedWithTheirLocation(
    file: String, old: String, new: String, name: String
  ) throws {
    let (folder, files) = try savedFolder()
    try replace(file == "journal" ? files.journal : files.snapshot, old, with: new)
    expectRefused(folder, files, "is out of range for \(name)")
  }

  @Test(arguments: [
    ("\"stability\": 3.1729", "\"stability\": -5", "'stability'"),
    ("\"stability\": 3.1729", "\"stability\": 0", "'stability'"),
    ("\"difficulty\": 5.28", "\"difficulty\": 11", "'difficulty'"),
    ("\"difficulty\": 5.28", "\"difficulty\": 0.5", "'difficulty'"),
  ])
  func impossibleMemoryStatesAreRefusedAtLoad(old: String, new: String, name: String) throws {
    for file in ["snapshot", "journal"] {
      let (folder, files) = try savedFolder()
      let path = file == "journal" ? files.journal : files.snapshot
      let text = fileText(path)
      // The first card's value, whatever it is.
      let key = String(old.prefix(while: { $0 != ":" }))
      let index = try #require(text.range(of: key + #": [0-9.]+"#, options: .regularExpression))
      try writeFile(path, text.replacingCharacters(in: index, with: new))
      expectRefused(folder, files, "\(name) must be")
    }
  }

  /// What Recall writes stays within what it reads back.
  @Test func anHourLongAnswerTimeIsSavedWithinRange() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    var review = sampleReview("a/short")
    review.responseMilliseconds = .max
    let saved = try store.record(review)
    #expect(saved.responseMilliseconds == ProgressFormat.maximumResponseMilliseconds)
    try store.close()
    #expect(try ProgressStore.openReadOnly(deckID: "deck", directory: folder).reviews().count == 1)
  }
}
