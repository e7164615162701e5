/// The reviews of the log and the journal, oldest first, without those undone or replaced by
/// a re-rate, read in two
/// streaming passes over the log so that memory does not grow with its length.
enum ProgressReviewStream {
  /// Hands each review numbered up to `through` to `body`, leaving out those undone by entries
  /// numbered up to `through`. `journal` holds the journal's entries (some may also be in the
  /// log after an interrupted compaction; sequence numbers drop the repeats).
  static func forEach(
    logPath: String, deckID: String, journal: [ProgressLogEntry], through: Int = .max,
    _ body: (ReviewRecord) throws(ProgressError) -> Void
  ) throws(ProgressError) {
    var undone = Set<Int>()
    func noteUndo(_ entry: ProgressLogEntry) {
      if let undoes = entry.takesBack, entry.sequence <= through { undone.insert(undoes) }
    }
    // Undos and re-rates are rare, so this pass parses only the lines that mention one.
    _ = try ProgressLogFile.stream(
      path: logPath, kind: .reviews, expectedDeck: deckID, only: mentionsUndo
    ) { (entry) throws(ProgressError) in noteUndo(entry) }
    journal.forEach(noteUndo)
    func emit(_ entry: ProgressLogEntry) throws(ProgressError) {
      if let (sequence, record) = entry.review, sequence <= through, !undone.contains(sequence) {
        try body(record)
      }
    }
    let log = try ProgressLogFile.stream(path: logPath, kind: .reviews, expectedDeck: deckID) {
      (entry) throws(ProgressError) in try emit(entry)
    }
    let logEnd = log?.lastSequence ?? 0
    for entry in journal where entry.sequence > logEnd { try emit(entry) }
  }

  /// Whether a line holds the letters `undo` or `rerate` anywhere (a review's answer may too;
  /// such a line is then read and found to be a review).
  static func mentionsUndo(_ line: ArraySlice<UInt8>) -> Bool {
    contains(line, undoWord) || contains(line, rerateWord)
  }

  private static let undoWord: [UInt8] = Array("undo".utf8)
  private static let rerateWord: [UInt8] = Array("rerate".utf8)

  private static func contains(_ line: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
    var index = line.startIndex
    while let found = line[index...].firstIndex(of: word[0]) {
      if line[found...].starts(with: word) { return true }
      index = found + 1
    }
    return false
  }

  /// The log entry numbered `sequence`, found by reading the log through.
  static func entry(_ sequence: Int, logPath: String, deckID: String) throws(ProgressError)
    -> ProgressLogEntry?
  {
    var found: ProgressLogEntry?
    _ = try ProgressLogFile.stream(path: logPath, kind: .reviews, expectedDeck: deckID) {
      (entry) throws(ProgressError) in
      if entry.sequence == sequence { found = entry }
    }
    return found
  }
}
