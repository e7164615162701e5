/// The snapshot file `<deck>.json`: every card's state and counts, and how much of the journal
/// it holds.
///
/// Cards are written one per line, sorted by id, so the file stays readable and diffs well.
struct ProgressSnapshot: Sendable {
  var deckID: String
  /// The snapshot includes every journal entry up to this sequence number.
  var journalThrough: Int
  var cards: [String: CardState]
  /// Each card's reps and lapses through `journalThrough`; a card missing here has none.
  /// Empty when read from a schema-1 file, which has no counts.
  var counts: [String: CardCounts]
  /// Each card's marks (suspended, buried, flagged); a card missing here has none. Empty when
  /// read from a file older than schema 3.
  var marks: [String: CardMarks] = [:]
  /// The schema of the file it was read from; `ProgressFormat.schema` for a new one.
  var schema = ProgressFormat.schema

  init(
    deckID: String, journalThrough: Int, cards: [String: CardState],
    counts: [String: CardCounts]
  ) {
    self.deckID = deckID
    self.journalThrough = journalThrough
    self.cards = cards
    self.counts = counts
  }

  func encoded() -> String {
    var writer = ProgressJSONWriter(reservingCapacity: 128 + cards.count * 220)
    writer.raw("{\n  ")
    writer.key("schema")
    writer.number(ProgressFormat.schema)
    writer.raw(",\n  ")
    writer.key("deck")
    writer.string(deckID)
    writer.raw(",\n  ")
    writer.key("journalThrough")
    writer.number(journalThrough)
    writer.raw(",\n  ")
    writer.key("cards")
    if cards.isEmpty {
      writer.raw("{}")
    } else {
      writer.raw("{")
      var first = true
      for id in cards.keys.sorted() {
        guard let state = cards[id] else { continue }
        writer.raw(first ? "\n    " : ",\n    ")
        first = false
        writer.key(id)
        ProgressFormat.write(state, counts: counts[id] ?? .zero, into: &writer)
      }
      writer.raw("\n  }")
    }
    writer.raw(",\n  ")
    writer.key("marks")
    if marks.isEmpty {
      writer.raw("{}\n}\n")
      return writer.text
    }
    writer.raw("{")
    var first = true
    for id in marks.keys.sorted() {
      guard let cardMarks = marks[id] else { continue }
      writer.raw(first ? "\n    " : ",\n    ")
      first = false
      writer.key(id)
      writer.raw("{")
      cardMarks.writeFields(into: &writer)
      writer.raw("}")
    }
    writer.raw("\n  }\n}\n")
    return writer.text
  }

  /// Reads a snapshot. The schema is checked before anything else, so a newer file is refused
  /// as newer rather than reported for keys this Recall does not know.
  /// `expectedDeck`, when given, refuses a file copied over from another deck before a
  /// session can overwrite it.
  static func decode(_ bytes: [UInt8], path: String, expectedDeck: String? = nil)
    throws(ProgressError) -> ProgressSnapshot
  {
    var scanner = ProgressJSONScanner(bytes: bytes, file: path)
    let start = scanner.valueOffset()
    if start == bytes.count {
      throw scanner.failure("the file is empty; a progress file is a JSON object", at: start)
    }
    var probe = scanner
    try probe.beginObject("the progress file")
    var schema: Int?
    while let (key, _) = try probe.nextKey() {
      if key == "schema" {
        schema = try ProgressLogFile.checkSchema(&probe)
        // Recall writes the schema first, so the cards need not be scanned twice; the pass
        // below reads the rest and finds any fault in it.
        break
      }
      try probe.skipValue()
    }
    if schema == nil { try probe.expectEnd() }
    guard let schema else { throw scanner.failure("the progress file has no 'schema'", at: start) }

    try scanner.beginObject("the progress file")
    var deckID: String?
    var journalThrough: Int?
    var cards: [String: CardState]?
    var counts: [String: CardCounts] = [:]
    var marks: [String: CardMarks] = [:]
    var seen = Set<String>()
    while let (key, offset) = try scanner.nextKey() {
      guard seen.insert(key).inserted else {
        throw scanner.failure("duplicate key '\(TextSanitizer.visible(key))'", at: offset)
      }
      switch key {
      case "schema": _ = try scanner.int("'schema'")
      case "deck":
        let valueStart = scanner.valueOffset()
        let value = try scanner.string("'deck'")
        if let expectedDeck, value != expectedDeck {
          throw scanner.failure(
            "this file holds progress for deck '\(TextSanitizer.visible(value))', "
              + "not '\(expectedDeck)'", at: valueStart)
        }
        deckID = value
      case "journalThrough":
        let valueStart = scanner.valueOffset()
        let value = try scanner.int(
          "'journalThrough'", in: Int.min...ProgressFormat.maximumSequence)
        guard value >= 0 else {
          throw scanner.failure("'journalThrough' cannot be negative", at: valueStart)
        }
        journalThrough = value
      case "cards":
        try scanner.beginObject("'cards'")
        var states: [String: CardState] = [:]
        while let (id, idOffset) = try scanner.nextKey() {
          let card = try ProgressFormat.readCard(
            &scanner, card: TextSanitizer.visible(id), withCounts: schema >= 2)
          guard states.updateValue(card.state, forKey: id) == nil else {
            throw scanner.failure("card '\(TextSanitizer.visible(id))' appears twice", at: idOffset)
          }
          if let cardCounts = card.counts, cardCounts != .zero { counts[id] = cardCounts }
        }
        cards = states
      case "marks" where schema >= 3:
        try scanner.beginObject("'marks'")
        while let (id, idOffset) = try scanner.nextKey() {
          let visible = TextSanitizer.visible(id)
          let start = scanner.valueOffset()
          try scanner.beginObject("the marks of '\(visible)'")
          var reader = CardMarks.Reader()
          var seenKeys = Set<String>()
          while let (key, keyOffset) = try scanner.nextKey() {
            guard CardMarks.keys.contains(key) else {
              throw scanner.failure(
                "unknown key '\(TextSanitizer.visible(key))' in the marks of '\(visible)'",
                at: keyOffset)
            }
            guard seenKeys.insert(key).inserted else {
              throw scanner.failure(
                "duplicate key '\(key)' in the marks of '\(visible)'", at: keyOffset)
            }
            try reader.read(key, from: &scanner)
          }
          let read = try reader.finish(scanner, at: start, what: "the marks of '\(visible)'")
          guard marks.updateValue(read, forKey: id) == nil else {
            throw scanner.failure("card '\(visible)' has marks twice", at: idOffset)
          }
        }
      default:
        throw scanner.failure(
          "unknown key '\(TextSanitizer.visible(key))' in the progress file", at: offset)
      }
    }
    guard let deckID else { throw scanner.failure("the progress file has no 'deck'", at: start) }
    guard let journalThrough else {
      throw scanner.failure("the progress file has no 'journalThrough'", at: start)
    }
    guard let cards else { throw scanner.failure("the progress file has no 'cards'", at: start) }
    // A merge conflict marker or a second object after the closing brace would be lost by the
    // next save; refuse it instead.
    try scanner.expectEnd()
    var snapshot = ProgressSnapshot(
      deckID: deckID, journalThrough: journalThrough, cards: cards, counts: counts)
    snapshot.schema = schema
    snapshot.marks = marks
    return snapshot
  }
}
