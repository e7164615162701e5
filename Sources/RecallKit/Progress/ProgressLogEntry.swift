import Foundation

/// One line of the journal or the review log after its header: a review, a re-rating of one,
/// the undoing of one, or a card's marks.
///
/// Each carries a sequence number, unique and increasing over the deck's whole history, which
/// is what lets a crash at any point of compaction be recovered without losing or doubling a
/// line. A change that takes one review back and puts another in its place (a re-rate) is one
/// line, so a crash or a failed write leaves either the old review or the new one, never
/// neither. Code that reads entries should use `review` and `takesBack`, which cover every
/// kind.
enum ProgressLogEntry: Hashable, Sendable {
  case review(sequence: Int, ReviewRecord)
  /// A review that replaces the review numbered `replaces` (the learner changed its rating):
  /// that one no longer counts and this one does. `previous` is the card's state before the
  /// replaced review (nil: none), the state both were scheduled from.
  case rerate(sequence: Int, replaces: Int, previous: CardState?, ReviewRecord)
  /// `undoes` is the sequence number of the review taken back; `restored` is the card's state
  /// before it (nil: the card had no state, so it is new again).
  case undo(sequence: Int, undoes: Int, cardID: String, at: Date, restored: CardState?)
  /// The card's marks as they are from `at` on (suspended, buried, flagged; see `CardMarks`).
  /// It leaves the card's state and counts alone.
  case marks(sequence: Int, cardID: String, at: Date, CardMarks)

  var sequence: Int {
    switch self {
    case .review(let sequence, _), .rerate(let sequence, _, _, _), .undo(let sequence, _, _, _, _),
      .marks(let sequence, _, _, _):
      sequence
    }
  }

  /// The answer this entry saves, with its sequence number: reviews and re-rates.
  var review: (sequence: Int, record: ReviewRecord)? {
    switch self {
    case .review(let sequence, let record), .rerate(let sequence, _, _, let record):
      (sequence, record)
    case .undo, .marks: nil
    }
  }

  /// The sequence number of the review this entry takes back: undos and re-rates.
  var takesBack: Int? {
    switch self {
    case .review, .marks: nil
    case .rerate(_, let replaces, _, _): replaces
    case .undo(_, let undoes, _, _, _): undoes
    }
  }

  var cardID: String {
    switch self {
    case .review(_, let record), .rerate(_, _, _, let record): record.cardID
    case .undo(_, _, let cardID, _, _), .marks(_, let cardID, _, _): cardID
    }
  }

  /// When the entry was written: the answer's time, or the undo's or the marks'.
  var time: Date {
    switch self {
    case .review(_, let record), .rerate(_, _, _, let record): record.reviewedAt
    case .undo(_, _, _, let at, _), .marks(_, _, let at, _): at
    }
  }

  /// The entry as one line of JSON, ending in a newline.
  var line: String {
    var writer = ProgressJSONWriter(reservingCapacity: 320)
    writer.raw("{")
    writer.key("seq")
    writer.number(sequence)
    writer.raw(", ")
    writer.key("type")
    switch self {
    case .review(_, let record):
      writer.string("review")
      writer.raw(", ")
      Self.write(record, into: &writer)
    case .rerate(_, let replaces, let previous, let record):
      writer.string("rerate")
      writer.raw(", ")
      writer.key("replaces")
      writer.number(replaces)
      writer.raw(", ")
      writer.key("previous")
      if let previous {
        ProgressFormat.write(previous, into: &writer)
      } else {
        writer.raw("null")
      }
      writer.raw(", ")
      Self.write(record, into: &writer)
    case .undo(_, let undoes, let cardID, let at, let restored):
      writer.string("undo")
      writer.raw(", ")
      writer.key("undoes")
      writer.number(undoes)
      writer.raw(", ")
      writer.key("card")
      writer.string(cardID)
      writer.raw(", ")
      writer.key("at")
      writer.string(ProgressFormat.timestamp(at))
      writer.raw(", ")
      writer.key("restored")
      if let restored {
        ProgressFormat.write(restored, into: &writer)
      } else {
        writer.raw("null")
      }
    case .marks(_, let cardID, let at, let marks):
      writer.string("marks")
      writer.raw(", ")
      writer.key("card")
      writer.string(cardID)
      writer.raw(", ")
      writer.key("at")
      writer.string(ProgressFormat.timestamp(at))
      writer.raw(", ")
      marks.writeFields(into: &writer)
    }
    writer.raw("}\n")
    return writer.text
  }

  /// A review's keys after its type, in the order they are written.
  private static func write(_ record: ReviewRecord, into writer: inout ProgressJSONWriter) {
    writer.key("card")
    writer.string(record.cardID)
    writer.raw(", ")
    writer.key("at")
    writer.string(ProgressFormat.timestamp(record.reviewedAt))
    writer.raw(", ")
    writer.key("rating")
    writer.string(record.rating.name)
    writer.raw(", ")
    writer.key("answer")
    writer.string(record.answer)
    writer.raw(", ")
    writer.key("accepted")
    writer.bool(record.accepted)
    writer.raw(", ")
    writer.key("responseMs")
    writer.number(record.responseMilliseconds)
    writer.raw(", ")
    writer.key("state")
    ProgressFormat.write(record.state, into: &writer)
  }

  private static let keys = [
    "seq", "type", "card", "at", "rating", "answer", "accepted", "responseMs", "state", "undoes",
    "restored", "replaces", "previous", "suspended", "buriedUntil", "flaggedAt", "note",
  ]

  /// Reads one entry line; the scanner covers exactly that line.
  static func read(_ scanner: inout ProgressJSONScanner) throws(ProgressError) -> ProgressLogEntry {
    let start = scanner.valueOffset()
    try scanner.beginObject("a log entry")
    var sequence: Int?
    var type: String?
    var typeOffset = start
    var cardID: String?
    var at: Date?
    var rating: Rating?
    var answer: String?
    var accepted: Bool?
    var responseMilliseconds: Int?
    var state: CardState?
    var undoes: Int?
    var restored: CardState??
    var replaces: Int?
    var previous: CardState??
    var marks = CardMarks.Reader()
    // Offsets of the keys seen, by position in `keys`: for duplicates and misplaced keys.
    var offsets = [Int](repeating: -1, count: keys.count)
    while let (key, offset) = try scanner.nextKey() {
      if let position = keys.firstIndex(of: key) {
        guard offsets[position] < 0 else {
          throw scanner.failure("duplicate key '\(TextSanitizer.visible(key))'", at: offset)
        }
        offsets[position] = offset
      }
      let card = cardID ?? "the card"
      switch key {
      case "seq":
        let valueStart = scanner.valueOffset()
        let value = try scanner.int("'seq'", in: Int.min...ProgressFormat.maximumSequence)
        guard value > 0 else { throw scanner.failure("'seq' must be positive", at: valueStart) }
        sequence = value
      case "type":
        typeOffset = scanner.valueOffset()
        type = try scanner.string("'type'")
      case "card": cardID = try scanner.string("'card'")
      case "at": at = try ProgressFormat.readTimestamp(&scanner, "'at'")
      case "rating":
        let valueStart = scanner.valueOffset()
        let name = try scanner.string("'rating'")
        guard let value = Rating(name: name), value.name == name else {
          throw scanner.failure(
            "'\(TextSanitizer.visible(name))' is not a rating (again, hard, good, easy)",
            at: valueStart)
        }
        rating = value
      case "answer": answer = try scanner.string("'answer'")
      case "accepted": accepted = try scanner.bool("'accepted'")
      case "responseMs":
        let valueStart = scanner.valueOffset()
        let value = try scanner.int(
          "'responseMs'", in: Int.min...ProgressFormat.maximumResponseMilliseconds)
        guard value >= 0 else {
          throw scanner.failure("'responseMs' cannot be negative", at: valueStart)
        }
        responseMilliseconds = value
      case "state": state = try ProgressFormat.readState(&scanner, card: card)
      case "undoes":
        let valueStart = scanner.valueOffset()
        let value = try scanner.int("'undoes'", in: Int.min...ProgressFormat.maximumSequence)
        guard value > 0 else { throw scanner.failure("'undoes' must be positive", at: valueStart) }
        undoes = value
      case "restored":
        restored =
          scanner.consumeNull() ? .some(nil) : try ProgressFormat.readState(&scanner, card: card)
      case "replaces":
        let valueStart = scanner.valueOffset()
        let value = try scanner.int("'replaces'", in: Int.min...ProgressFormat.maximumSequence)
        guard value > 0 else {
          throw scanner.failure("'replaces' must be positive", at: valueStart)
        }
        replaces = value
      case "previous":
        previous =
          scanner.consumeNull() ? .some(nil) : try ProgressFormat.readState(&scanner, card: card)
      case _ where CardMarks.keys.contains(key):
        try marks.read(key, from: &scanner)
      default:
        throw scanner.failure(
          "unknown key '\(TextSanitizer.visible(key))' in a log entry", at: offset)
      }
    }
    func missing(_ key: String) -> ProgressError {
      scanner.failure("the entry has no '\(key)'", at: start)
    }
    func misplaced(_ misplacedKeys: [String], in kind: String) throws(ProgressError) {
      for key in misplacedKeys {
        if let position = keys.firstIndex(of: key), offsets[position] >= 0 {
          let offset = offsets[position]
          throw scanner.failure("'\(key)' does not belong in \(kind) entry", at: offset)
        }
      }
    }
    guard let sequence else { throw missing("seq") }
    guard let type else { throw missing("type") }
    guard let cardID else { throw missing("card") }
    guard let at else { throw missing("at") }
    func record() throws(ProgressError) -> ReviewRecord {
      guard let rating else { throw missing("rating") }
      guard let answer else { throw missing("answer") }
      guard let accepted else { throw missing("accepted") }
      guard let responseMilliseconds else { throw missing("responseMs") }
      guard let state else { throw missing("state") }
      return ReviewRecord(
        cardID: cardID, reviewedAt: at, rating: rating, answer: answer, accepted: accepted,
        responseMilliseconds: responseMilliseconds, state: state)
    }
    switch type {
    case "review":
      try misplaced(
        ["undoes", "restored", "replaces", "previous"] + CardMarks.keys.sorted(), in: "a review")
      return .review(sequence: sequence, try record())
    case "rerate":
      try misplaced(["undoes", "restored"] + CardMarks.keys.sorted(), in: "a rerate")
      guard let replaces else { throw missing("replaces") }
      guard let previous else { throw missing("previous") }
      guard replaces < sequence else {
        throw scanner.failure(
          "entry \(sequence) cannot replace entry \(replaces), which comes after it", at: start)
      }
      return .rerate(sequence: sequence, replaces: replaces, previous: previous, try record())
    case "undo":
      try misplaced(
        ["rating", "answer", "accepted", "responseMs", "state", "replaces", "previous"]
          + CardMarks.keys.sorted(),
        in: "an undo")
      guard let undoes else { throw missing("undoes") }
      guard let restored else { throw missing("restored") }
      guard undoes < sequence else {
        throw scanner.failure(
          "entry \(sequence) cannot undo entry \(undoes), which comes after it", at: start)
      }
      return .undo(sequence: sequence, undoes: undoes, cardID: cardID, at: at, restored: restored)
    case "marks":
      try misplaced(
        [
          "rating", "answer", "accepted", "responseMs", "state", "undoes", "restored", "replaces",
          "previous",
        ],
        in: "a marks")
      let read = try marks.finish(scanner, at: start, what: "the entry")
      return .marks(sequence: sequence, cardID: cardID, at: at, read)
    default:
      throw scanner.failure(
        "'\(TextSanitizer.visible(type))' is not an entry type (review, rerate, undo, marks)",
        at: typeOffset)
    }
  }
}
