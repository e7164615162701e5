import Foundation

extension ProgressStore {
  /// Every review in the log and the journal, oldest first, without those undone, one at a
  /// time: memory stays flat however long the log (a million reviews are hundreds of
  /// megabytes of JSON).
  ///
  /// This and `reviews()` are the only calls that read the whole log; opening a store never
  /// does.
  public func forEachReview(_ body: (ReviewRecord) throws(ProgressError) -> Void)
    throws(ProgressError)
  {
    // The journal is read before the log: a compaction in between only moves entries into the
    // log, so nothing is missed, and sequence numbers drop the duplicates.
    let journal: [ProgressLogEntry]
    if isReadOnly {
      journal =
        try ProgressFileSystem.readFile(files.journal).flatMap { (bytes) throws(ProgressError) in
          try ProgressLogFile.parse(
            bytes, path: files.journal, kind: .journal, expectedDeck: deckID)
        }?.entries ?? journalEntries
    } else {
      journal = journalEntries
    }
    try ProgressReviewStream.forEach(logPath: files.reviews, deckID: deckID, journal: journal, body)
  }

  /// The full review log as an array; see `forEachReview`, which callers that only pass over
  /// it once should prefer.
  public func reviews() throws(ProgressError) -> [ReviewRecord] {
    var records: [ReviewRecord] = []
    try forEachReview { records.append($0) }
    return records
  }

  /// The reviews and undos of the log and the journal written at or after `date`, oldest
  /// first, read from the end of the log; nil when a line there does not read (`reviews()`
  /// then reports it at its line).
  func entries(since date: Date) throws(ProgressError) -> [ProgressLogEntry]? {
    guard let logged = try ProgressReviewLogTail.entries(since: date, path: files.reviews)
    else { return nil }
    let logEnd: Int
    if let last = logged.last {
      logEnd = last.sequence
    } else {
      logEnd =
        try ProgressReviewLogTail.read(path: files.reviews, expectedDeck: deckID)?.lastSequence
        ?? 0
    }
    return logged + journalEntries.filter { $0.sequence > logEnd && $0.time >= date }
  }

  /// Whether the journal or the log holds an entry written at or after `date`, judged from
  /// the journal and the log's last line only, so it costs the same for a million reviews.
  ///
  /// Entries are appended in the order they happen, so the last one is the latest; a clock
  /// set back between sessions could hide a later entry behind an earlier one.
  public func hasEntries(since date: Date) throws(ProgressError) -> Bool {
    if journalEntries.contains(where: { $0.time >= date }) { return true }
    guard
      let tail = try ProgressReviewLogTail.read(
        path: files.reviews, expectedDeck: deckID)
    else { return false }
    return tail.lastTime.map { $0 >= date } ?? false
  }
}
