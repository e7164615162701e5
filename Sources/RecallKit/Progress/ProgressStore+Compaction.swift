import Foundation

extension ProgressStore {
  /// Folds the journal into the snapshot: appends its entries to the review log, replaces the
  /// snapshot, and starts an empty journal. Each step is durable before the next starts, and a
  /// crash between any two leaves files that load to the same states (see `ProgressStore`).
  public func compact() throws(ProgressError) {
    try requireWritable()
    let pending = journalEntries
    guard !pending.isEmpty else { return }
    try appendToReviewLog(pending)

    var snapshot = ProgressSnapshot(
      deckID: deckID, journalThrough: lastSequence, cards: states, counts: counts)
    snapshot.marks = lastingMarks(asOf: pending.last?.time)
    let bytes = Array(snapshot.encoded().utf8)
    try ProgressFileSystem.replace(files.snapshot, with: bytes)
    snapshotThrough = lastSequence
    if let cache { SnapshotIndex.keep(bytes, path: files.snapshot, deckID: deckID, cache: cache) }

    // Everything in the journal is now in the log and the snapshot. Whatever happens below,
    // the next append starts a fresh journal, so it can never land in a file renamed away.
    journalFile?.close()
    journalFile = nil
    journalAfter = nil
    journalEntries = []
    compactionRetryCount = 0
    let header = ProgressLogFile.header(.journal, deckID: deckID, after: lastSequence)
    try ProgressFileSystem.replace(files.journal, with: Array(header.utf8))
    journalAfter = lastSequence
  }

  /// The marks worth keeping in a snapshot: a bury that ended before `time` (the newest entry's,
  /// the log's own clock) is over and left out.
  func lastingMarks(asOf time: Date?) -> [String: CardMarks] {
    marks.filter { !$0.value.isEmpty(at: time) }
  }

  /// Appends the entries the review log does not have yet (a crash may have left some there).
  private func appendToReviewLog(_ entries: [ProgressLogEntry]) throws(ProgressError) {
    let path = files.reviews
    guard let tail = try ProgressReviewLogTail.read(path: path, expectedDeck: deckID) else {
      let text =
        ProgressLogFile.header(.reviews, deckID: deckID, after: 0)
        + entries.map(\.line).joined()
      try ProgressFileSystem.replace(path, with: Array(text.utf8))
      return
    }
    let fresh = entries.filter { $0.sequence > tail.lastSequence }
    guard tail.hasTornTail || !fresh.isEmpty else { return }
    let file = try ProgressAppendFile(path: path)
    defer { file.close() }
    if tail.hasTornTail { try file.truncate(to: tail.validLength) }
    if !fresh.isEmpty { try file.append(Array(fresh.map(\.line).joined().utf8)) }
  }
}
