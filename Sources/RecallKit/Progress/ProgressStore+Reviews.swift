import Foundation

extension ProgressStore {
  /// The full review log, oldest first, without the reviews that were undone: the permanent
  /// log followed by the journal entries it does not hold yet.
  ///
  /// This is the one call that reads the whole log; opening a store never does.
  public func reviews() throws(ProgressError) -> [ReviewRecord] {
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
    let log = try ProgressFileSystem.readFile(files.reviews).flatMap {
      (bytes) throws(ProgressError) in
      try ProgressLogFile.parse(bytes, path: files.reviews, kind: .reviews, expectedDeck: deckID)
    }
    let logEntries = log?.entries ?? []
    let logEnd = log?.lastSequence ?? 0
    var records: [(sequence: Int, record: ReviewRecord)] = []
    records.reserveCapacity(logEntries.count + journal.count)
    var undone = Set<Int>()
    func collect(_ entry: ProgressLogEntry) {
      switch entry {
      case .review(let sequence, let record): records.append((sequence, record))
      case .undo(_, let undoes, _, _, _): undone.insert(undoes)
      }
    }
    logEntries.forEach(collect)
    journal.lazy.filter { $0.sequence > logEnd }.forEach(collect)
    if undone.isEmpty { return records.map(\.record) }
    return records.filter { !undone.contains($0.sequence) }.map(\.record)
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
