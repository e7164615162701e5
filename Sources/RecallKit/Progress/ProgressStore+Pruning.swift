/// What `prune` removes (or, before it runs, would remove).
public struct ProgressPruning: Hashable, Sendable {
  /// Orphaned card ids, sorted.
  public var cards: [String]
  /// Their reviews in the log (undone ones left out, as `reviews()` does).
  public var reviews: Int

  public init(cards: [String], reviews: Int) {
    self.cards = cards
    self.reviews = reviews
  }
}

extension ProgressStore {
  /// The orphans of `knownIDs` and how many reviews they have; changes nothing, so it works on
  /// a read-only store (the dry run of `recall prune`).
  public func pruning(knownIDs: Set<String>) throws(ProgressError) -> ProgressPruning {
    let cards = orphans(knownIDs: knownIDs)
    guard !cards.isEmpty else { return ProgressPruning(cards: [], reviews: 0) }
    let dropped = Set(cards)
    var reviews = 0
    try forEachReview { if dropped.contains($0.cardID) { reviews += 1 } }
    return ProgressPruning(cards: cards, reviews: reviews)
  }

  /// Forgets every card not in `knownIDs`: its state and its lines in the review log.
  ///
  /// Runs in three durable steps, each a whole-file replacement (write temp, fsync, rename):
  /// compact, so the journal is empty and every entry is in the log; replace the snapshot
  /// without the orphans; replace the review log with the same header and every line except
  /// the orphans' reviews and undos. Sequence numbers are never reused, and the log's remaining
  /// lines are byte for byte as before. A crash before the last step leaves the orphans'
  /// reviews in the log, where nothing reads them but `reviews()`; running prune again with the
  /// same ids removes them.
  @discardableResult
  public func prune(knownIDs: Set<String>) throws(ProgressError) -> ProgressPruning {
    try requireWritable()
    try compact()
    let cards = orphans(knownIDs: knownIDs)
    let log = try ProgressFileSystem.readFile(files.reviews).flatMap {
      (bytes) throws(ProgressError) in
      try ProgressLogFile.parse(bytes, path: files.reviews, kind: .reviews, expectedDeck: deckID)
    }
    let entries = log?.entries ?? []
    let isDropped = { (entry: ProgressLogEntry) in !knownIDs.contains(entry.cardID) }
    guard !cards.isEmpty || entries.contains(where: isDropped) else {
      return ProgressPruning(cards: [], reviews: 0)
    }
    let dropped = Set(entries.filter(isDropped).map(\.cardID)).union(cards)
    var reviewCount = 0
    try forEachReview { if dropped.contains($0.cardID) { reviewCount += 1 } }

    if !cards.isEmpty {
      var kept = states
      var keptCounts = counts
      for id in cards {
        kept[id] = nil
        keptCounts[id] = nil
      }
      var snapshot = ProgressSnapshot(
        deckID: deckID, journalThrough: lastSequence, cards: kept, counts: keptCounts)
      let keptMarks = lastingMarks(asOf: nil).filter { knownIDs.contains($0.key) }
      snapshot.marks = keptMarks
      try ProgressFileSystem.replace(files.snapshot, with: Array(snapshot.encoded().utf8))
      states = kept
      counts = keptCounts
      marks = keptMarks
    }
    if let log {
      let text =
        ProgressLogFile.header(.reviews, deckID: deckID, after: 0)
        + log.entries.filter { !isDropped($0) }.map(\.line).joined()
      try ProgressFileSystem.replace(files.reviews, with: Array(text.utf8))
    }
    // Undo cannot reach across a rewritten log.
    undoStack.removeAll()
    return ProgressPruning(cards: cards, reviews: reviewCount)
  }
}
