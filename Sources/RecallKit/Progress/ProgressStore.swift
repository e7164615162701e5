import Foundation

/// A learner's progress on one deck: every card's FSRS state and the full review log, kept so
/// that each answer is on disk before the next question is shown.
///
/// Files, in the progress folder, for deck `<deck>`:
/// - `<deck>.json`, the snapshot: schema version, every card's state and counts (reps and
///   lapses), and `journalThrough`, the last journal sequence number it includes. Replaced whole (write temp, fsync, rename,
///   fsync the folder), so it is always either the old or the new version, complete.
/// - `<deck>.journal.jsonl`, the journal: a header line, then one line per review or undo since
///   the snapshot. Each line is appended with one write(2) and fsync(2) before `record` returns,
///   so saving an answer costs one short append, whatever the size of the deck.
/// - `<deck>.reviews.jsonl`, the permanent review log in the same line format; compaction
///   appends the journal's lines to it. Only `forEachReview` reads it, streaming, so opening a deck with a
///   million reviews parses the snapshot and a short journal, never the log. Only `prune`
///   (asked for with `recall prune --yes`) ever removes lines from it; see
///   `ProgressStore+Pruning.swift`.
/// - `<deck>.lock`, flock(2)ed for the whole session (see `ProgressLock`).
///
/// Every entry carries a sequence number that increases over the deck's whole life. Loading
/// is the snapshot plus the journal entries numbered above `journalThrough`. Compaction, at
/// `close()` and whenever the journal reaches `compactionThreshold` entries, runs in an order
/// that survives a crash at any point: append to the review log only the entries numbered above
/// its last line, then replace the snapshot, then replace the journal with an empty one whose
/// header says where it starts.
///
/// A torn last line (bytes after the final newline: the process died mid-append) is ignored
/// when reading and cut off before the next append. Any other content that does not read is a
/// `ProgressError.malformed` at its line and column, and nothing is written over it.
///
/// Undo appends an undo entry holding the card's previous state; the review stays in the log,
/// and `reviews()` leaves out the reviews that were undone.
///
/// Counts are derived from the same entries (see `CardCounts`): recording adds to them, undo
/// takes them back, and loading replays the journal over the snapshot's counts. A schema-1
/// snapshot has none; see `ProgressStore+Migration.swift`.
///
/// A store is used from one task at a time. Write failures throw and leave both the files and
/// the in-memory state as they were before the call.
public final class ProgressStore {
  public let deckID: String
  public let files: ProgressFiles
  /// Opened with `openReadOnly`: no lock, and every write throws.
  public let isReadOnly: Bool
  /// Every card with a saved state, by card id (cards no longer in the deck included).
  public internal(set) var states: [String: CardState]
  /// Reps and lapses by card id, for cards with a saved state (missing means none).
  public internal(set) var counts: [String: CardCounts]
  /// Suspended, buried and flagged cards, by card id (see `CardMarks`; missing means none).
  public internal(set) var marks: [String: CardMarks]
  /// Set when `open` migrated a snapshot written by an older schema, for the caller to tell
  /// the user (RecallKit does not print).
  public internal(set) var migration: ProgressMigration?
  /// The times a session may run at (`--now`): a review then, and a due date up to the longest
  /// interval (100 years) after it, fit the files' time format (years 1 to 9999).
  public static let sessionTimeRange: ClosedRange<Date> =
    Date(timeIntervalSince1970: -62_135_596_800)...Date(timeIntervalSince1970: 249_394_636_799)

  /// The refusal of a `--now` outside `sessionTimeRange`, for the commands to show; nil when
  /// the time is fine.
  public static func refusal(ofSessionTime date: Date) -> String? {
    guard !sessionTimeRange.contains(date) else { return nil }
    return "the time is out of range: sessions can run from 0001-01-01 to 9872-12-31 (UTC), "
      + "so that every due date fits"
  }

  /// Journal entries after which `record` folds the journal into the snapshot.
  public var compactionThreshold = 2000

  /// The last sequence number the snapshot on disk includes.
  var snapshotThrough: Int
  /// The highest sequence number used so far.
  var lastSequence: Int
  /// The journal's entries, in order (some may already be in the snapshot after a crash).
  var journalEntries: [ProgressLogEntry]
  /// The journal header's `after`; nil while no journal with a header exists on disk.
  var journalAfter: Int?
  var journalFile: ProgressAppendFile?
  var lock: ProgressLock?
  /// This session's reviews, newest last, with the state each one replaced.
  var undoStack:
    [(sequence: Int, record: ReviewRecord, previous: CardState?, previousCounts: CardCounts?)] =
      []
  var isClosed = false
  /// The index the snapshot was read through, kept up to date by each compaction.
  var cache: IndexCache?
  /// After a failed automatic compaction, the journal size at which to try again.
  var compactionRetryCount = 0

  init(deckID: String, files: ProgressFiles, isReadOnly: Bool, loaded: LoadedProgress) {
    self.deckID = deckID
    self.files = files
    self.isReadOnly = isReadOnly
    states = loaded.states
    counts = loaded.counts
    marks = loaded.marks
    snapshotThrough = loaded.snapshotThrough
    journalEntries = loaded.journal?.entries ?? []
    journalAfter = loaded.journal?.after
    lastSequence = max(loaded.snapshotThrough, loaded.journal?.lastSequence ?? 0)
  }

  /// Opens a deck's progress for a study session: creates the folder if needed, takes the
  /// lock (refusing if another session holds it), reads the files and cuts off a torn journal
  /// line. Missing files mean no progress yet; nothing is written until the first review,
  /// except that a snapshot of an older schema is migrated (backed up, then rewritten) first.
  /// With an index `cache`, the snapshot is read through it (see `SnapshotIndex`), and each
  /// compaction keeps the index of the snapshot it writes.
  public static func open(deckID: String, directory: String, cache: IndexCache? = nil)
    throws(ProgressError) -> ProgressStore
  {
    let files = try ProgressFiles(deckID: deckID, directory: directory)
    try ProgressFileSystem.createDirectory(directory)
    let lock = try ProgressLock.acquire(path: files.lock, deckID: deckID)
    let loaded = try load(files, deckID: deckID, cache: cache)
    let store = ProgressStore(deckID: deckID, files: files, isReadOnly: false, loaded: loaded)
    store.lock = lock
    store.cache = cache
    if let older = loaded.olderSnapshotBytes, let snapshot = loaded.snapshot {
      store.migration = try store.migrate(snapshot, originalBytes: older)
    }
    if let journal = loaded.journal, journal.hasTornTail {
      let file = try ProgressAppendFile(path: files.journal)
      try file.truncate(to: journal.validLength)
      store.journalFile = file
    }
    return store
  }

  /// Reads a deck's progress without taking the lock, for reports while a session may be
  /// running. It sees every review saved before it opened; a compaction racing with the read
  /// is detected and the read retried. A snapshot of an older schema is read as it is (its
  /// counts computed from the review log) and not migrated.
  public static func openReadOnly(
    deckID: String, directory: String, cache: IndexCache? = nil
  ) throws(ProgressError) -> ProgressStore {
    let files = try ProgressFiles(deckID: deckID, directory: directory)
    return ProgressStore(
      deckID: deckID, files: files, isReadOnly: true,
      loaded: try load(files, deckID: deckID, cache: cache))
  }

  deinit {
    journalFile?.close()
    lock?.release()
  }

  public func state(for cardID: String) -> CardState? {
    states[cardID]
  }

  /// How often the card was reviewed and forgotten; zero for a card never reviewed.
  public func counts(for cardID: String) -> CardCounts {
    counts[cardID] ?? .zero
  }

  /// Ids with a saved state that are not in `knownIDs` (cards whose fact or template left the
  /// deck), sorted. They are kept untouched; this is for `check --progress` and `prune`.
  public func orphans(knownIDs: Set<String>) -> [String] {
    states.keys.filter { !knownIDs.contains($0) }.sorted()
  }

  /// Whether `undoLast` has a review of this session to take back.
  public var canUndo: Bool { !undoStack.isEmpty }

  /// Saves a review: it is on disk when this returns. Times are kept to the millisecond; the
  /// record as saved is returned.
  @discardableResult
  public func record(_ review: ReviewRecord) throws(ProgressError) -> ReviewRecord {
    try requireWritable()
    let saved = try Self.validated(review)
    let sequence = lastSequence + 1
    let entry = ProgressLogEntry.review(sequence: sequence, saved)
    try appendToJournal(entry)
    let previousCounts = counts[saved.cardID]
    undoStack.append((sequence, saved, states[saved.cardID], previousCounts))
    counts[saved.cardID] = (previousCounts ?? .zero).adding(
      saved.rating, before: states[saved.cardID]?.phase)
    apply(entry)
    try compactIfDue()
    return saved
  }

  /// Folds the journal into the snapshot once it is long enough; a failure is kept quiet (the
  /// entries are safe in the journal) and compaction is tried again later and at `close()`.
  private func compactIfDue() throws(ProgressError) {
    guard journalEntries.count >= max(compactionThreshold, compactionRetryCount) else { return }
    do {
      try compact()
    } catch {
      compactionRetryCount = journalEntries.count + compactionThreshold
    }
  }

  /// Replaces this session's last review with `review` (the learner changed its rating) in one
  /// durable journal line: until it is on disk, the old review stands. Returns the record as
  /// saved; throws `notWritable` when there is no review of this session to replace.
  @discardableResult
  public func rerateLast(_ review: ReviewRecord) throws(ProgressError) -> ReviewRecord {
    try requireWritable()
    guard let last = undoStack.last, last.record.cardID == review.cardID else {
      throw .notWritable(
        deckID: deckID, reason: "this session has no review of '\(review.cardID)' to re-rate")
    }
    let saved = try Self.validated(review)
    if ProgressFaults.isPlanted(.splitRerate, path: files.journal) {
      // The old defect, planted back for the sweeps: an undo, then a review.
      _ = try undoLast(at: saved.reviewedAt)
      return try record(saved)
    }
    let entry = ProgressLogEntry.rerate(
      sequence: lastSequence + 1, replaces: last.sequence, previous: last.previous, saved)
    try appendToJournal(entry)
    undoStack[undoStack.count - 1] = (entry.sequence, saved, last.previous, last.previousCounts)
    counts[saved.cardID] = (last.previousCounts ?? .zero).adding(
      saved.rating, before: last.previous?.phase)
    apply(entry)
    try compactIfDue()
    return saved
  }

  /// Takes back this session's last review, on disk and in memory, and returns it; nil when
  /// there is none (reviews of earlier sessions cannot be undone).
  public func undoLast(at now: Date = Date()) throws(ProgressError) -> ReviewRecord? {
    try requireWritable()
    guard let last = undoStack.last else { return nil }
    let entry = ProgressLogEntry.undo(
      sequence: lastSequence + 1, undoes: last.sequence, cardID: last.record.cardID,
      at: ProgressTimestamp.normalized(now) ?? last.record.reviewedAt, restored: last.previous)
    try appendToJournal(entry)
    undoStack.removeLast()
    counts[last.record.cardID] = last.previousCounts
    apply(entry)
    return last.record
  }

  /// Folds what remains of the journal into the snapshot and releases the lock. The files are
  /// safe even if this throws (the journal is replayed next time); the lock is released either
  /// way.
  public func close() throws(ProgressError) {
    guard !isClosed else { return }
    defer {
      isClosed = true
      journalFile?.close()
      journalFile = nil
      lock?.release()
      lock = nil
    }
    if !isReadOnly { try compact() }
  }

  /// Releases the lock without folding the journal into the snapshot: for a store opened
  /// ahead of a deck that then failed to load, which must not be written on its account.
  public func release() {
    guard !isClosed else { return }
    isClosed = true
    journalFile?.close()
    journalFile = nil
    lock?.release()
    lock = nil
  }

  func requireWritable() throws(ProgressError) {
    if isReadOnly { throw .notWritable(deckID: deckID, reason: "it was opened read-only") }
    if isClosed { throw .notWritable(deckID: deckID, reason: "the store is closed") }
  }

  /// Updates memory after `entry` reached the journal.
  func apply(_ entry: ProgressLogEntry) {
    switch entry {
    case .review(_, let record), .rerate(_, _, _, let record): states[record.cardID] = record.state
    case .undo(_, _, let cardID, _, let restored): states[cardID] = restored
    case .marks(_, let cardID, _, let cardMarks): marks[cardID] = cardMarks
    }
    lastSequence = entry.sequence
    journalEntries.append(entry)
  }

  /// Appends one entry durably, creating the journal (atomically, header first) if needed.
  func appendToJournal(_ entry: ProgressLogEntry) throws(ProgressError) {
    if journalFile == nil {
      if journalAfter == nil {
        let header = ProgressLogFile.header(.journal, deckID: deckID, after: snapshotThrough)
        try ProgressFileSystem.replace(files.journal, with: Array(header.utf8))
        journalAfter = snapshotThrough
      }
      journalFile = try ProgressAppendFile(path: files.journal)
    }
    try journalFile?.append(Array(entry.line.utf8))
  }

  static func validated(_ review: ReviewRecord) throws(ProgressError) -> ReviewRecord {
    var result = review
    guard !review.cardID.isEmpty else { throw .invalidReview("the card id is empty") }
    guard review.responseMilliseconds >= 0 else {
      throw .invalidReview("the response time \(review.responseMilliseconds) ms is negative")
    }
    if review.answer.count > ProgressFormat.maximumAnswerLength {
      result.answer = String(review.answer.prefix(ProgressFormat.maximumAnswerLength))
    }
    result.responseMilliseconds = min(
      review.responseMilliseconds, ProgressFormat.maximumResponseMilliseconds)
    guard let reviewedAt = ProgressTimestamp.normalized(review.reviewedAt) else {
      throw .invalidReview("the review time \(review.reviewedAt) is out of range")
    }
    result.reviewedAt = reviewedAt
    result.state = try ProgressFormat.validated(review.state).get()
    return result
  }
}
