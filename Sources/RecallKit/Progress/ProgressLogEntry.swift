import Foundation

/// One line of the journal or the review log after its header: a review, or the undoing of one.
///
/// Both carry a sequence number, unique and increasing over the deck's whole history, which is
/// what lets a crash at any point of compaction be recovered without losing or doubling a line.
enum ProgressLogEntry: Hashable, Sendable {
  case review(sequence: Int, ReviewRecord)
  /// `undoes` is the sequence number of the review taken back; `restored` is the card's state
  /// before it (nil: the card had no state, so it is new again).
  case undo(sequence: Int, undoes: Int, cardID: String, at: Date, restored: CardState?)
  /// The card's marks as they are from `at` on (suspended, buried, flagged; see `CardMarks`).
  /// It leaves the card's state and counts alone.
  case marks(sequence: Int, cardID: String, at: Date, CardMarks)

  var sequence: Int {
    switch self {
    case .review(let sequence, _), .undo(let sequence, _, _, _, _), .marks(let sequence, _, _, _):
      sequence
    }
  }

  var cardID: String {
    switch self {
    case .review(_, let record): record.cardID
    case .undo(_, _, let cardID, _, _), .marks(_, let cardID, _, _): cardID
    }
  }

  /// When the entry was written: the answer's time, or the undo's.
  var time: Date {
    switch self {
    case .review(_, let record): record.reviewedAt
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

  private static let keys = [
    "seq", "type", "card", "at", "rating", "answer", "accepted", "responseMs", "state", "undoes",
    "restored", "suspended", "buriedUntil", "flaggedAt", "note",
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
        let value = try scanner.int("'seq'")
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
        let value = try scanner.int("'responseMs'")
        guard value >= 0 else {
          throw scanner.failure("'responseMs' cannot be negative", at: valueStart)
        }
        responseMilliseconds = value
      case "state": state = try ProgressFormat.readState(&scanner, card: card)
      case "undoes":
        let valueStart = scanner.valueOffset()
        let value = try scanner.int("'undoes'")
        guard value > 0 else { throw scanner.failure("'undoes' must be positive", at: valueStart) }
        undoes = value
      case "restored":
        restored =
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
    switch type {
    case "review":
      try misplaced(["undoes", "restored"] + CardMarks.keys.sorted(), in: "a review")
      guard let rating else { throw missing("rating") }
      guard let answer else { throw missing("answer") }
      guard let accepted else { throw missing("accepted") }
      guard let responseMilliseconds else { throw missing("responseMs") }
      guard let state else { throw missing("state") }
      return .review(
        sequence: sequence,
        ReviewRecord(
          cardID: cardID, reviewedAt: at, rating: rating, answer: answer, accepted: accepted,
          responseMilliseconds: responseMilliseconds, state: state))
    case "undo":
      try misplaced(
        ["rating", "answer", "accepted", "responseMs", "state"] + CardMarks.keys.sorted(),
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
        ["rating", "answer", "accepted", "responseMs", "state", "undoes", "restored"],
        in: "a marks")
      let read = try marks.finish(scanner, at: start, what: "the entry")
      return .marks(sequence: sequence, cardID: cardID, at: at, read)
    default:
      throw scanner.failure(
        "'\(TextSanitizer.visible(type))' is not an entry type (review, undo, marks)",
        at: typeOffset)
    }
  }
}
