import Foundation

/// The progress index: a deck's snapshot (`<deck>.json`) as `ProgressSnapshot.decode` reads it —
/// every card's state and due time, counts and marks — kept in binary under the hash of the
/// snapshot's bytes, so a session reads 20 MB of JSON only when the file changed. The journal
/// and the review log are read as before: the snapshot is the part that grows with the deck.
///
/// A compaction writes the index of the snapshot it wrote, read back from those very bytes, so
/// the next session finds it warm. Only snapshots of the current schema are kept (an older one
/// is migrated, and so rewritten, on open).
enum SnapshotIndex {
  static let tag: UInt32 = 0x5041_4E53  // "SNAP"

  static func key(build: IndexBuild, deckID: String, bytes: [UInt8]) -> IndexKey {
    var key = IndexKey.Builder()
    key.add("section", text: "snapshot")
    build.add(to: &key)
    key.add("deck", text: deckID)
    key.add("bytes", bytes: bytes)
    return key.key
  }

  static func file(for path: String, deckID: String, in cache: IndexCache) -> String {
    cache.path(label: deckID + ".progress", slot: "snapshot\u{1F}" + path)
  }

  /// The snapshot in `bytes` (read from `path`): from the index when it holds exactly these
  /// bytes for this deck, else decoded from the JSON (and then kept).
  static func decode(
    _ bytes: [UInt8], path: String, expectedDeck: String, cache: IndexCache?,
    build: IndexBuild = .current
  ) throws(ProgressError) -> ProgressSnapshot {
    guard let cache else {
      return try ProgressSnapshot.decode(bytes, path: path, expectedDeck: expectedDeck)
    }
    let key = key(build: build, deckID: expectedDeck, bytes: bytes)
    let file = file(for: path, deckID: expectedDeck, in: cache)
    if let index = cache.index(at: file, key: key),
      let decoded = index.withSection(tag, { try? decodeSection($0) }), let snapshot = decoded,
      snapshot.deckID == expectedDeck
    {
      return snapshot
    }
    let snapshot = try ProgressSnapshot.decode(bytes, path: path, expectedDeck: expectedDeck)
    store(snapshot, key: key, file: file, cache: cache)
    return snapshot
  }

  /// Keeps the index of a snapshot just written as `bytes`, decoded from them as the next
  /// session will decode them, so that session need not.
  static func keep(_ bytes: [UInt8], path: String, deckID: String, cache: IndexCache) {
    guard
      let snapshot = try? ProgressSnapshot.decode(bytes, path: path, expectedDeck: deckID)
    else { return }
    let key = key(build: .current, deckID: deckID, bytes: bytes)
    store(snapshot, key: key, file: file(for: path, deckID: deckID, in: cache), cache: cache)
  }

  private static func store(
    _ snapshot: ProgressSnapshot, key: IndexKey, file: String, cache: IndexCache
  ) {
    guard snapshot.schema == ProgressFormat.schema, let section = encode(snapshot) else { return }
    cache.store(file, key: key, sections: [section])
  }

  /// The section's bytes, or nil when they do not read back equal to `snapshot`.
  static func encode(_ snapshot: ProgressSnapshot) -> IndexFile.Section? {
    var writer = IndexByteWriter()
    writer.append(snapshot.deckID)
    writer.append(int: snapshot.journalThrough)
    writer.append(int: snapshot.schema)
    writer.append(UInt32(snapshot.cards.count))
    for id in snapshot.cards.keys.sorted() {
      guard let state = snapshot.cards[id] else { continue }
      writer.append(id)
      writer.append(state.phase.rawValue)
      writer.append(optional: state.step) { $0.append(int: $1) }
      writer.append(optional: state.stability) { $0.append($1) }
      writer.append(optional: state.difficulty) { $0.append($1) }
      writer.append(state.due)
      writer.append(optional: state.lastReview) { $0.append($1) }
    }
    writer.append(UInt32(snapshot.counts.count))
    for id in snapshot.counts.keys.sorted() {
      guard let counts = snapshot.counts[id] else { continue }
      writer.append(id)
      writer.append(int: counts.reps)
      writer.append(int: counts.lapses)
    }
    writer.append(UInt32(snapshot.marks.count))
    for id in snapshot.marks.keys.sorted() {
      guard let marks = snapshot.marks[id] else { continue }
      writer.append(id)
      writer.append(marks.suspended)
      writer.append(optional: marks.buriedUntil) { $0.append($1) }
      writer.append(optional: marks.flag) { writer, flag in
        writer.append(flag.at)
        writer.append(optional: flag.note)
      }
    }
    let again = writer.bytes.withUnsafeBytes { try? decodeSection($0) }
    guard let again, again.deckID == snapshot.deckID,
      again.journalThrough == snapshot.journalThrough, again.schema == snapshot.schema,
      again.cards == snapshot.cards, again.counts == snapshot.counts,
      again.marks == snapshot.marks
    else { return nil }
    return IndexFile.Section(tag: tag, bytes: writer.bytes)
  }

  /// The snapshot read back from a section; throws unless its bytes hold exactly one, each
  /// card once.
  static func decodeSection(_ bytes: UnsafeRawBufferPointer) throws -> ProgressSnapshot {
    var reader = IndexByteReader(bytes)
    let deckID = try reader.string()
    let journalThrough = try reader.int()
    let schema = try reader.int()
    let cardCount = try reader.count(minimumSize: 24)
    var cards: [String: CardState] = [:]
    cards.reserveCapacity(cardCount)
    for _ in 0..<cardCount {
      let id = try reader.string()
      let state = CardState(
        phase: try reader.raw(CardState.Phase.self), step: try reader.optional { try $0.int() },
        stability: try reader.optional { try $0.double() },
        difficulty: try reader.optional { try $0.double() }, due: try reader.date(),
        lastReview: try reader.optional { try $0.date() })
      guard cards.updateValue(state, forKey: id) == nil else { throw IndexByteReader.OutOfBounds() }
    }
    let countCount = try reader.count(minimumSize: 20)
    var counts: [String: CardCounts] = [:]
    counts.reserveCapacity(countCount)
    for _ in 0..<countCount {
      let id = try reader.string()
      let value = CardCounts(reps: try reader.int(), lapses: try reader.int())
      guard counts.updateValue(value, forKey: id) == nil else {
        throw IndexByteReader.OutOfBounds()
      }
    }
    let markCount = try reader.count(minimumSize: 7)
    var marks: [String: CardMarks] = [:]
    for _ in 0..<markCount {
      let id = try reader.string()
      let value = CardMarks(
        suspended: try reader.bool(), buriedUntil: try reader.optional { try $0.date() },
        flag: try reader.optional {
          CardMarks.Flag(at: try $0.date(), note: try $0.optionalString())
        })
      guard marks.updateValue(value, forKey: id) == nil else { throw IndexByteReader.OutOfBounds() }
    }
    guard reader.isAtEnd else { throw IndexByteReader.OutOfBounds() }
    var snapshot = ProgressSnapshot(
      deckID: deckID, journalThrough: journalThrough, cards: cards, counts: counts)
    snapshot.schema = schema
    snapshot.marks = marks
    return snapshot
  }
}

extension IndexByteWriter {
  /// A moment, exactly: its seconds since the reference date, bit for bit.
  mutating func append(_ date: Date) {
    append(date.timeIntervalSinceReferenceDate)
  }
}

extension IndexByteReader {
  mutating func date() throws(OutOfBounds) -> Date {
    Date(timeIntervalSinceReferenceDate: try double())
  }
}
