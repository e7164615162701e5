/// Card states and counts brought forward one log entry at a time, as loading replays the
/// journal over the snapshot.
///
/// A review adds to the counts from the state it found; an undo takes them back, which needs
/// the review it undoes (its rating) and the state before it (the undo's `restored`); a
/// re-rate does both in one step, from the state it names as `previous`.
struct CardCountReplay {
  var states: [String: CardState]
  var counts: [String: CardCounts]
  var marks: [String: CardMarks] = [:]

  /// Applies `entry`; `review` finds an earlier entry by sequence number, for undos.
  mutating func apply(
    _ entry: ProgressLogEntry,
    review: (Int) throws(ProgressError) -> ProgressLogEntry?
  ) throws(ProgressError) {
    switch entry {
    case .review(_, let record):
      let before = states[record.cardID]?.phase
      counts[record.cardID] = (counts[record.cardID] ?? .zero).adding(
        record.rating, before: before)
      states[record.cardID] = record.state
    case .rerate(_, let replaces, let previous, let record):
      var cardCounts = counts[record.cardID] ?? .zero
      if let replaced = try review(replaces)?.review?.record, replaced.cardID == record.cardID {
        cardCounts = cardCounts.removing(replaced.rating, before: previous?.phase)
      }
      counts[record.cardID] = cardCounts.adding(record.rating, before: previous?.phase)
      states[record.cardID] = record.state
    case .undo(_, let undoes, let cardID, _, let restored):
      // An undo whose review cannot be found (or is not this card's) moves the state only, as
      // `reviews()` then has nothing to leave out.
      if let record = try review(undoes)?.review?.record, record.cardID == cardID {
        counts[cardID] = (counts[cardID] ?? .zero).removing(record.rating, before: restored?.phase)
      }
      states[cardID] = restored
      if restored == nil { counts[cardID] = nil }
    case .marks(_, let cardID, _, let cardMarks):
      marks[cardID] = cardMarks
    }
  }

  /// The counts a schema-1 snapshot would have held: every review numbered up to `through`
  /// in the log and the journal, without those undone by entries up to `through` (later undos
  /// are replayed over it). Only cards in `cards` are kept.
  static func counts(
    through: Int, logPath: String, deckID: String, journal: [ProgressLogEntry],
    cards: [String: CardState]
  ) throws(ProgressError) -> [String: CardCounts] {
    var tally = CardCounts.Tally()
    try ProgressReviewStream.forEach(
      logPath: logPath, deckID: deckID, journal: journal, through: through
    ) { tally.add($0) }
    return tally.counts.filter { cards[$0.key] != nil }
  }
}

extension ProgressLogFile {
  /// The entry numbered `sequence`, found by binary search (numbers increase down the file).
  func entry(_ sequence: Int) -> ProgressLogEntry? {
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if entries[middle].sequence < sequence { low = middle + 1 } else { high = middle }
    }
    return low < entries.count && entries[low].sequence == sequence ? entries[low] : nil
  }
}
