/// What the snapshot and the journal on disk say.
struct LoadedProgress {
  var states: [String: CardState]
  var snapshotThrough: Int
  /// Nil when there is no journal, or it holds no complete line yet.
  var journal: ProgressLogFile?
}

extension ProgressStore {
  /// Reads the snapshot, then the journal, and replays the journal entries the snapshot does
  /// not include.
  ///
  /// A reader without the lock can see a compaction land between its two reads: a journal that
  /// starts after the snapshot it read. It then reads both again. With the lock held, the same
  /// sight means the snapshot was replaced by an older copy, which is reported.
  static func load(_ files: ProgressFiles, deckID: String? = nil) throws(ProgressError)
    -> LoadedProgress
  {
    let attempts = 5
    for attempt in 1...attempts {
      let snapshot = try ProgressFileSystem.readFile(files.snapshot).map {
        (bytes) throws(ProgressError) in
        try ProgressSnapshot.decode(bytes, path: files.snapshot, expectedDeck: deckID)
      }
      let journal = try ProgressFileSystem.readFile(files.journal).flatMap {
        (bytes) throws(ProgressError) in
        try ProgressLogFile.parse(bytes, path: files.journal, kind: .journal)
      }
      let through = snapshot?.journalThrough ?? 0
      var states = snapshot?.cards ?? [:]
      if let journal, journal.after > through {
        if attempt < attempts { continue }
        throw .malformed(
          SourceLocation(file: files.journal, line: 1, column: 1),
          "the journal continues after entry \(journal.after), but \(files.snapshot) only "
            + "includes entries through \(through) (was it replaced by an older copy?)")
      }
      for entry in journal?.entries ?? [] where entry.sequence > through {
        states[entry.cardID] = entry.stateAfter
      }
      return LoadedProgress(states: states, snapshotThrough: through, journal: journal)
    }
    preconditionFailure("the loop returns or throws")
  }
}
