import Foundation

extension ProgressStore {
  /// Whether any progress file of the deck exists (the snapshot, the journal or the log).
  public static func hasProgress(deckID: String, directory: String) -> Bool {
    guard let files = try? ProgressFiles(deckID: deckID, directory: directory) else {
      return false
    }
    return [files.snapshot, files.journal, files.reviews].contains(where: ProgressFileSystem.exists)
  }

  /// Writes a whole history at once, for `recall import --with-history`: the review log with
  /// every review (oldest first), then the snapshot with `states` and the counts the reviews
  /// give, then an empty journal. Appending the reviews one at a time would sync the disk once
  /// per review; this syncs each file once.
  ///
  /// The deck's lock is held throughout. Unless `replacing`, a deck that has any progress
  /// file is refused. Every review is checked before the first byte is written, so a review
  /// that cannot be saved writes nothing. The snapshot is written after the log: until it is
  /// in place the deck has no states, and the import can be run again with `replacing`.
  public static func importHistory(
    deckID: String, directory: String, reviews: [ReviewRecord], states: [String: CardState],
    replacing: Bool
  ) throws(ProgressError) {
    let files = try ProgressFiles(deckID: deckID, directory: directory)
    try ProgressFileSystem.createDirectory(directory)
    let lock = try ProgressLock.acquire(path: files.lock, deckID: deckID)
    defer { lock.release() }
    if !replacing, hasProgress(deckID: deckID, directory: directory) {
      throw .notWritable(deckID: deckID, reason: "it already has progress")
    }
    var log = ProgressLogFile.header(.reviews, deckID: deckID, after: 0)
    log.reserveCapacity(reviews.count * 260)
    var tally = CardCounts.Tally()
    var sequence = 0
    for review in reviews {
      sequence += 1
      let saved = try validated(review)
      tally.add(saved)
      log += ProgressLogEntry.review(sequence: sequence, saved).line
    }
    var checkedStates: [String: CardState] = [:]
    for (id, state) in states {
      guard !id.isEmpty else { throw .invalidReview("a card id is empty") }
      checkedStates[id] = try ProgressFormat.validated(state).get()
    }
    let snapshot = ProgressSnapshot(
      deckID: deckID, journalThrough: sequence, cards: checkedStates,
      counts: tally.counts.filter { checkedStates[$0.key] != nil })
    try ProgressFileSystem.replace(files.reviews, with: Array(log.utf8))
    try ProgressFileSystem.replace(files.snapshot, with: Array(snapshot.encoded().utf8))
    let journal = ProgressLogFile.header(.journal, deckID: deckID, after: sequence)
    try ProgressFileSystem.replace(files.journal, with: Array(journal.utf8))
  }
}
