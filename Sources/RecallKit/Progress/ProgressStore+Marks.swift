import Foundation

extension ProgressStore {
  /// The card's marks; `.none` for a card never marked.
  public func marks(for cardID: String) -> CardMarks {
    marks[cardID] ?? .none
  }

  /// Cards suspended, sorted by id.
  public var suspendedCards: [String] {
    marks.filter(\.value.suspended).keys.sorted()
  }

  /// Flagged cards with their flags, oldest flag first (ties by id).
  public var flaggedCards: [(cardID: String, flag: CardMarks.Flag)] {
    marks.compactMap { id, marks in marks.flag.map { (id, $0) } }
      .sorted { ($0.flag.at, $0.cardID) < ($1.flag.at, $1.cardID) }
  }

  /// Saves a card's marks: on disk (one journal line) when this returns. Setting the marks
  /// it already has writes nothing. Returns the marks as kept (times to the millisecond).
  @discardableResult
  public func setMarks(_ marks: CardMarks, for cardID: String, at now: Date)
    throws(ProgressError) -> CardMarks
  {
    try requireWritable()
    guard !cardID.isEmpty else { throw .invalidReview("the card id is empty") }
    let kept = try CardMarks.validated(marks).get()
    guard kept != self.marks(for: cardID) else { return kept }
    guard let at = ProgressTimestamp.normalized(now) else {
      throw .invalidReview("the time \(now) is out of range")
    }
    let entry = ProgressLogEntry.marks(sequence: lastSequence + 1, cardID: cardID, at: at, kept)
    try appendToJournal(entry)
    apply(entry)
    return kept
  }

  /// Changes one card's marks with `change`, and saves them.
  @discardableResult
  public func updateMarks(
    for cardID: String, at now: Date, _ change: (inout CardMarks) -> Void
  ) throws(ProgressError) -> CardMarks {
    var updated = marks(for: cardID)
    change(&updated)
    return try setMarks(updated, for: cardID, at: now)
  }

  /// Never shown again in a session until `unsuspend`.
  public func suspend(_ cardID: String, at now: Date) throws(ProgressError) {
    try updateMarks(for: cardID, at: now) { $0.suspended = true }
  }

  public func unsuspend(_ cardID: String, at now: Date) throws(ProgressError) {
    try updateMarks(for: cardID, at: now) { $0.suspended = false }
  }

  /// Hidden until `until` (a session buries to the end of the study day).
  public func bury(_ cardID: String, until: Date, at now: Date) throws(ProgressError) {
    try updateMarks(for: cardID, at: now) { $0.buriedUntil = until }
  }

  /// Flags the card as wrong; a second flag replaces the note (and the time) of the first.
  public func flag(_ cardID: String, note: String?, at now: Date) throws(ProgressError) {
    try updateMarks(for: cardID, at: now) { $0.flag = CardMarks.Flag(at: now, note: note) }
  }

  public func unflag(_ cardID: String, at now: Date) throws(ProgressError) {
    try updateMarks(for: cardID, at: now) { $0.flag = nil }
  }
}

extension ProgressStore {
  /// Cards buried until after `now`, with the moment each comes back, sorted by id.
  public func buriedCards(at now: Date) -> [(cardID: String, until: Date)] {
    marks.compactMap { id, marks in
      guard let until = marks.buriedUntil, marks.isBuried(at: now) else { return nil }
      return (id, until)
    }.sorted { $0.cardID < $1.cardID }
  }

  /// Shows the card again: lifts its suspension and its bury, keeping any flag.
  public func unhide(_ cardID: String, at now: Date) throws(ProgressError) {
    try updateMarks(for: cardID, at: now) {
      $0.suspended = false
      $0.buriedUntil = nil
    }
  }
}
