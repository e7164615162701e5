/// What the snapshot and the journal on disk say.
struct LoadedProgress {
  var states: [String: CardState]
  var counts: [String: CardCounts]
  var marks: [String: CardMarks]
  var snapshotThrough: Int
  /// Nil when there is no journal, or it holds no complete line yet.
  var journal: ProgressLogFile?
  /// The snapshot as read, its counts filled in from the logs when the file is schema 1; nil
  /// when there is no snapshot.
  var snapshot: ProgressSnapshot?
  /// The bytes of a snapshot of an older schema, for the backup made before migrating it.
  var olderSnapshotBytes: [UInt8]?
}

extension ProgressStore {
  /// Reads the snapshot, then the journal, and replays the journal entries the snapshot does
  /// not include. Checks that the journal and the review log's header name `deckID` too.
  ///
  /// A reader without the lock can see a compaction land between its two reads: a journal that
  /// starts after the snapshot it read. It then reads both again. With the lock held, the same
  /// sight means the snapshot was replaced by an older copy, which is reported.
  static func load(_ files: ProgressFiles, deckID: String, cache: IndexCache? = nil)
    throws(ProgressError) -> LoadedProgress
  {
    let attempts = 5
    for attempt in 1...attempts {
      let snapshotBytes = try ProgressFileSystem.readFile(files.snapshot)
      var snapshot = try snapshotBytes.map { (bytes) throws(ProgressError) in
        try SnapshotIndex.decode(
          bytes, path: files.snapshot, expectedDeck: deckID, cache: cache)
      }
      let journal = try ProgressLogFile.read(
        path: files.journal, kind: .journal, expectedDeck: deckID)
      let through = snapshot?.journalThrough ?? 0
      if let journal, journal.after > through {
        if attempt < attempts { continue }
        throw .malformed(
          SourceLocation(file: files.journal, line: 1, column: 1),
          "the journal continues after entry \(journal.after), but \(files.snapshot) only "
            + "includes entries through \(through) (was it replaced by an older copy?)")
      }
      try ProgressReviewLogTail.checkHeader(path: files.reviews, expectedDeck: deckID)

      // The review log is read only when counts need it: for a schema-1 snapshot, or for an
      // undo in the journal of a review that is no longer there. It is streamed, never held.
      var olderBytes: [UInt8]?
      if var older = snapshot, older.schema < 2 {
        older.counts = try CardCountReplay.counts(
          through: through, logPath: files.reviews, deckID: deckID,
          journal: journal?.entries ?? [], cards: older.cards)
        snapshot = older
      }
      // Schema 3 added marks, which an older file has none of: nothing to compute.
      if let older = snapshot, older.schema < ProgressFormat.schema { olderBytes = snapshotBytes }

      var replay = CardCountReplay(
        states: snapshot?.cards ?? [:], counts: snapshot?.counts ?? [:],
        marks: snapshot?.marks ?? [:])
      for entry in journal?.entries ?? [] where entry.sequence > through {
        try replay.apply(entry) { (sequence) throws(ProgressError) in
          if let found = journal?.entry(sequence) { return found }
          return try ProgressReviewStream.entry(sequence, logPath: files.reviews, deckID: deckID)
        }
      }
      return LoadedProgress(
        states: replay.states, counts: replay.counts, marks: replay.marks,
        snapshotThrough: through, journal: journal,
        snapshot: snapshot, olderSnapshotBytes: olderBytes)
    }
    preconditionFailure("the loop returns or throws")
  }
}
