import Foundation
import RecallKit
import Testing

/// What happens after a crash, and with files that cannot be read.
@Suite struct ProgressRecoveryTests {
  @Test func aTornLastLineIsIgnoredAndCutOffBeforeTheNextAppend() throws {
    let folder = try makeProgressFolder()
    var saved: [ReviewRecord] = []
    do {
      let store = try ProgressStore.open(deckID: "deck", directory: folder)
      saved.append(try store.record(sampleReview("a/q", minute: 0)))
      saved.append(try store.record(sampleReview("b/q", minute: 1)))
    }
    let journal = (folder as NSString).appendingPathComponent("deck.journal.jsonl")
    let complete = fileText(journal)
    // The process died in the middle of appending a third review.
    try appendToFile(journal, #"{"seq": 3, "type": "review", "card": "c/q", "at": "2025-03-"#)

    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reader.states.keys.sorted() == ["a/q", "b/q"])
    #expect(try reader.reviews() == saved)
    #expect(fileText(journal).hasSuffix("\"at\": \"2025-03-"))  // a reader changes nothing

    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(store.states == ["a/q": saved[0].state, "b/q": saved[1].state])
    #expect(fileText(journal) == complete)
    saved.append(try store.record(sampleReview("c/q", minute: 2)))
    #expect(fileText(journal).split(separator: "\n").count == 4)
    try store.close()
    let reopened = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(try reopened.reviews() == saved)
    #expect(reopened.states.count == 3)
  }

  @Test func aCrashAfterTheLogAppendButBeforeTheSnapshotDoublesNothing() throws {
    let folder = try makeProgressFolder()
    var saved: [ReviewRecord] = []
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    do {
      let store = try ProgressStore.open(deckID: "deck", directory: folder)
      for minute in 0..<3 { saved.append(try store.record(sampleReview("a/q", minute: minute))) }
    }
    // Compaction got as far as copying the journal's entries into the review log.
    let entries = fileText(files.journal).split(separator: "\n").dropFirst()
    try writeFile(
      files.reviews,
      "{\"type\": \"reviews\", \"schema\": 1, \"deck\": \"deck\"}\n"
        + entries.map { $0 + "\n" }.joined())

    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(try store.reviews() == saved)
    saved.append(try store.record(sampleReview("b/q", minute: 3)))
    try store.close()
    #expect(fileText(files.reviews).split(separator: "\n").count == 5)
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(try reader.reviews() == saved)
    #expect(reader.state(for: "a/q") == saved[2].state)
  }

  @Test func aCrashAfterTheSnapshotButBeforeTheJournalResetDoublesNothing() throws {
    let folder = try makeProgressFolder()
    var saved: [ReviewRecord] = []
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let oldJournal: String
    do {
      let store = try ProgressStore.open(deckID: "deck", directory: folder)
      for minute in 0..<3 { saved.append(try store.record(sampleReview("a/q", minute: minute))) }
      oldJournal = fileText(files.journal)
      try store.close()
    }
    // The old journal is still there: the crash came before it was replaced.
    try writeFile(files.journal, oldJournal)

    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(store.state(for: "a/q") == saved[2].state)
    saved.append(try store.record(sampleReview("a/q", minute: 3)))
    #expect(try store.reviews() == saved)
    try store.close()
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(try reader.reviews() == saved)
    #expect(reader.state(for: "a/q") == saved[3].state)
  }

  @Test func aTornLineAtTheEndOfTheReviewLogIsCutOffByTheNextCompaction() throws {
    let folder = try makeProgressFolder()
    var saved: [ReviewRecord] = []
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    saved.append(try store.record(sampleReview("a/q", minute: 0)))
    try store.compact()
    try appendToFile(files.reviews, #"{"seq": 2, "type": "rev"#)
    #expect(try store.reviews() == saved)
    saved.append(try store.record(sampleReview("a/q", minute: 1)))
    try store.close()
    #expect(fileText(files.reviews).hasSuffix("}\n"))
    #expect(try ProgressStore.openReadOnly(deckID: "deck", directory: folder).reviews() == saved)
  }

  @Test func aReviewLogEndingInABlankLineStillTakesAppends() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let first = try store.record(sampleReview("a/q", minute: 0))
    try store.compact()
    try appendToFile(files.reviews, "\n")
    let second = try store.record(sampleReview("a/q", minute: 1))
    try store.close()
    #expect(
      try ProgressStore.openReadOnly(deckID: "deck", directory: folder).reviews() == [
        first, second,
      ])
  }

  @Test func aBadLastLineOfTheReviewLogIsReportedAtItsLine() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    _ = try store.record(sampleReview("a/q", minute: 0))
    try store.compact()
    try appendToFile(files.reviews, "{\"seq\": true}\n")
    let log = fileText(files.reviews)
    _ = try store.record(sampleReview("a/q", minute: 1))
    #expect(
      throws: ProgressError.malformed(
        SourceLocation(file: files.reviews, line: 3, column: 9),
        "expected a number for 'seq', found a boolean")
    ) { try store.compact() }
    #expect(fileText(files.reviews) == log)
  }

  @Test func aJournalNewerThanItsSnapshotIsReported() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let journal = "{\"type\": \"journal\", \"schema\": 1, \"deck\": \"deck\", \"after\": 5}\n"
    try writeFile(files.journal, journal)
    #expect(
      throws: ProgressError.malformed(
        SourceLocation(file: files.journal, line: 1, column: 1),
        "the journal continues after entry 5, but \(files.snapshot) only includes entries "
          + "through 0 (was it replaced by an older copy?)")
    ) { try ProgressStore.open(deckID: "deck", directory: folder) }
    #expect(fileText(files.journal) == journal)
  }

  static let validState =
    #"{"phase": "review", "step": null, "stability": 3.2, "difficulty": 5.3, "#
    + #""due": "2025-03-04T09:50:00.000Z", "lastReview": "2025-03-01T09:50:00.000Z"}"#
  static let journalHeader = #"{"type": "journal", "schema": 1, "deck": "deck", "after": 0}"#
  static let validEntry =
    #"{"seq": 1, "type": "review", "card": "a/q", "at": "2025-03-01T09:50:00.000Z", "#
    + #""rating": "good", "answer": "x", "accepted": true, "responseMs": 10, "state": "#
    + validState + "}"

  /// (file, content, line, column, message); `nil` line means a newer-schema refusal.
  static let unreadable: [(String, String, Int, Int, String)] = [
    ("json", "", 1, 1, "the file is empty; a progress file is a JSON object"),
    (
      "json", "{\n  \"schema\": 1,\n  \"deck\": \"deck\"\n  \"journalThrough\": 0,\n}", 4, 3,
      "expected ',' or '}' in an object, found a string"
    ),
    (
      "json",
      "{\"schema\": 1, \"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {\n"
        + "  \"a/q\": {\"phase\": \"review\", \"stability\": \"high\", \"due\": "
        + "\"2025-03-04T09:50:00.000Z\"}\n}}", 2, 43,
      "expected a number for 'stability', found a string"
    ),
    (
      "json",
      "{\"schema\": 1, \"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {\n"
        + "  \"a/q\": {\"phase\": \"reviewed\", \"due\": \"2025-03-04T09:50:00.000Z\"}\n}}", 2,
      20, "'reviewed' is not a phase (new, learning, review, relearning)"
    ),
    (
      "json",
      "{\"schema\": 1, \"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {\n"
        + "  \"a/q\": {\"phase\": \"review\", \"due\": \"4 March 2025\"}\n}}", 2, 37,
      "'due' must be a UTC time such as 2025-03-01T09:30:00.000Z, found '4 March 2025'"
    ),
    (
      "json", "{\"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {}}", 1, 1,
      "the progress file has no 'schema'"
    ),
    (
      "json", "{\"schema\": 0}", 1, 12,
      "schema 0 is not a Recall progress schema (this Recall reads schemas 1 to 3)"
    ),
    (
      "json", "{\"schema\": 1, \"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {}, \"x\": 1}",
      1, 65, "unknown key 'x' in the progress file"
    ),
    ("json", "[1, 2]", 1, 1, "expected an object for the progress file, found an array"),
    (
      "journal.jsonl", journalHeader + "\n" + #"{"seq": 1, "type": "review"]"# + "\n", 2, 28,
      "expected ',' or '}' in an object, found ']'"
    ),
    (
      "journal.jsonl",
      journalHeader + "\n" + validEntry.replacingOccurrences(of: "\"good\"", with: "\"great\"")
        + "\n", 2, 89, "'great' is not a rating (again, hard, good, easy)"
    ),
    (
      "journal.jsonl", journalHeader + "\n" + validEntry + "\n" + validEntry + "\n", 3, 1,
      "entry 1 is out of order: sequence numbers must increase (the one before is 1)"
    ),
    (
      "journal.jsonl", journalHeader + "\n\"junk\"\n" + validEntry + "\n", 2, 1,
      "expected an object for a log entry, found a string"
    ),
    (
      "journal.jsonl",
      journalHeader + "\n" + validEntry.replacingOccurrences(of: "\"x\"", with: "\"\\q\"") + "\n",
      2, 108, "unknown escape '\\q' in a string"
    ),
    (
      "journal.jsonl", #"{"type": "reviews", "schema": 1, "deck": "deck"}"# + "\n", 1, 10,
      "this journal has the header of a 'reviews' file"
    ),
    // Another deck's journal or review log, copied in by hand.
    (
      "journal.jsonl", #"{"type": "journal", "schema": 2, "deck": "other", "after": 0}"# + "\n",
      1, 42, "this journal holds progress for deck 'other', not 'deck'"
    ),
    (
      "reviews.jsonl", #"{"type": "reviews", "schema": 1, "deck": "other"}"# + "\n", 1, 42,
      "this review log holds progress for deck 'other', not 'deck'"
    ),
    // Schema 2 requires each card's counts, whole numbers with no more lapses than reps.
    (
      "json",
      "{\"schema\": 2, \"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {\n"
        + "  \"a/q\": {\"phase\": \"review\", \"due\": \"2025-03-04T09:50:00.000Z\", "
        + "\"lapses\": 0}\n}}", 2, 10, "the card 'a/q' has no 'reps'"
    ),
    (
      "json",
      "{\"schema\": 2, \"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {\n"
        + "  \"a/q\": {\"phase\": \"review\", \"due\": \"2025-03-04T09:50:00.000Z\", "
        + "\"reps\": 1, \"lapses\": 2}\n}}", 2, 86,
      "'lapses' (2) cannot exceed 'reps' (1) in 'a/q': each lapse is a review"
    ),
    (
      "json",
      "{\"schema\": 2, \"deck\": \"deck\", \"journalThrough\": 0, \"cards\": {\n"
        + "  \"a/q\": {\"phase\": \"review\", \"due\": \"2025-03-04T09:50:00.000Z\", "
        + "\"reps\": -1, \"lapses\": 0}\n}}", 2, 73, "'reps' cannot be negative"
    ),
    (
      "journal.jsonl",
      journalHeader + "\n"
        + validEntry.replacingOccurrences(
          of: "\"lastReview\"", with: "\"reps\": 1, \"lastReview\"")
        + "\n", 2, 263, "unknown key 'reps' in the state of 'a/q'"
    ),
  ]

  @Test(arguments: unreadable)
  func anUnreadableFileIsReportedWhereItIsWrongAndNeverOverwritten(
    _ file: String, _ content: String, _ line: Int, _ column: Int, _ message: String
  ) throws {
    let folder = try makeProgressFolder()
    let path = (folder as NSString).appendingPathComponent("deck.\(file)")
    try writeFile(path, content)
    let expected = ProgressError.malformed(
      SourceLocation(file: path, line: line, column: column), message)
    #expect(expected.description == "\(path):\(line):\(column): error: \(message)")
    #expect(expected.isBadData)
    for _ in 0..<2 {  // the lock is released after a failed open: the same error again
      #expect(throws: expected) { try ProgressStore.open(deckID: "deck", directory: folder) }
      #expect(throws: expected) {
        try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
      }
    }
    #expect(fileBytes(path) == Data(content.utf8))
  }

  @Test(arguments: [
    ("json", #"{"schema": 4, "cards": [], "new": {}}"#, 1, 12),
    ("journal.jsonl", #"{"type": "journal2", "schema": 4}"# + "\nanything\n", 1, 32),
    ("json", "{\n  \"cards\": \"later\",\n  \"schema\": 4\n}", 3, 13),
  ])
  func aFileFromANewerRecallIsRefusedAndKept(
    _ file: String, _ content: String, _ line: Int, _ column: Int
  ) throws {
    let folder = try makeProgressFolder()
    let path = (folder as NSString).appendingPathComponent("deck.\(file)")
    try writeFile(path, content)
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "deck", directory: folder)
    }
    #expect(
      error?.description
        == "\(path):\(line):\(column): error: written by a newer Recall (schema 4); "
        + "this Recall reads schema 3")
    #expect(fileBytes(path) == Data(content.utf8))
  }

  @Test func aNewerReviewLogIsRefusedAtOpenAndNeverAppendedTo() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let log = #"{"type": "reviews", "schema": 4, "deck": "deck"}"# + "\n"
    try writeFile(files.reviews, log)
    // Only the log's header is read when a store opens, and that is enough to refuse it.
    let expected = ProgressError.newerSchema(
      SourceLocation(file: files.reviews, line: 1, column: 31), found: 4, supported: 3)
    #expect(throws: expected) { try ProgressStore.open(deckID: "deck", directory: folder) }
    #expect(throws: expected) { try ProgressStore.openReadOnly(deckID: "deck", directory: folder) }
    #expect(fileText(files.reviews) == log)
    #expect(!FileManager.default.fileExists(atPath: files.journal))
    #expect(!FileManager.default.fileExists(atPath: files.snapshot))
  }

  @Test func anyTextSurvivesTheRoundTrip() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    let answer = "Barë \"Thaçi\" \\ \u{1F600}\ttab\u{01}\u{7F}\u{2028}\nline two"
    let saved = try store.record(sampleReview("odd-card/ë \"q\"", answer: answer))
    try store.close()
    let reopened = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(try reopened.reviews() == [saved])
    #expect(reopened.states.keys.first == "odd-card/ë \"q\"")
  }
}
