import Foundation

/// The parts of the progress format that files share: the schema version and card states.
enum ProgressFormat {
  /// The schema this Recall writes. Files with a higher number are refused.
  ///
  /// Schema 2 added `reps` and `lapses` to each card of the snapshot. The journal and the
  /// review log did not change, so their schema-1 headers are read as they are (a big log is
  /// never rewritten for its header); a schema-1 snapshot is migrated (see
  /// `ProgressStore+Migration.swift`).
  ///
  /// Schema 3 added card marks (suspended, buried, flagged; see `CardMarks`): a `marks` object
  /// in the snapshot and `marks` entries in the journal and the log. Older snapshots have no
  /// marks and are migrated the same way; older journals and logs are read as they are.
  static let schema = 3
  /// The oldest schema this Recall still reads.
  static let oldestSchema = 1

  /// Writes `{"phase": …, "step": …, "stability": …, "difficulty": …, "due": …,
  /// "lastReview": …}` on one line. The state must have passed `validated`.
  /// The largest sequence number (and `journalThrough`, `after`, `undoes`, `replaces`): the
  /// largest integer every JSON reader holds exactly, and far from overflowing when added to.
  static let maximumSequence = 9_007_199_254_740_991
  /// The longest answer time saved (a year); longer ones are saved as this.
  static let maximumResponseMilliseconds = 31_536_000_000
  /// The longest line a journal or review log may hold (1 MiB): far beyond any entry Recall
  /// writes (answers are kept to `maximumAnswerLength` characters), so a file that is one
  /// huge line (a log of NUL bytes) is refused without holding it.
  static let maximumLineLength = 1 << 20
  /// The longest answer saved, in characters; a longer one is saved cut to this.
  static let maximumAnswerLength = 10_000

  /// The most reviews or lapses a card can count.
  static let maximumCount = 1_000_000_000
  /// The highest learning step.
  static let maximumStep = 10_000
  /// FSRS keeps stability (in days) at or above this, and difficulty between 1 and 10.
  static let stabilityRange = FSRSParameters.minimumStability...1e12
  static let difficultyRange = 1.0...10.0

  static func write(_ state: CardState, into writer: inout ProgressJSONWriter) {
    writer.raw("{")
    writeFields(state, into: &writer)
    writer.raw("}")
  }

  /// Writes a snapshot card: the state's keys as `write` orders them, then `"reps"` and
  /// `"lapses"`, all in one object on one line.
  static func write(
    _ state: CardState, counts: CardCounts, into writer: inout ProgressJSONWriter
  ) {
    writer.raw("{")
    writeFields(state, into: &writer)
    writer.raw(", ")
    writer.key("reps")
    writer.number(counts.reps)
    writer.raw(", ")
    writer.key("lapses")
    writer.number(counts.lapses)
    writer.raw("}")
  }

  private static func writeFields(_ state: CardState, into writer: inout ProgressJSONWriter) {
    writer.key("phase")
    writer.string(state.phase.rawValue)
    writer.raw(", ")
    writer.key("step")
    writer.optional(state.step)
    writer.raw(", ")
    writer.key("stability")
    writer.optional(state.stability)
    writer.raw(", ")
    writer.key("difficulty")
    writer.optional(state.difficulty)
    writer.raw(", ")
    writer.key("due")
    writer.string(timestamp(state.due))
    writer.raw(", ")
    writer.key("lastReview")
    if let lastReview = state.lastReview {
      writer.string(timestamp(lastReview))
    } else {
      writer.raw("null")
    }
  }

  static func timestamp(_ date: Date) -> String {
    ProgressTimestamp.format(date) ?? "invalid"
  }

  /// Reads a card state written by `write`; keys may come in any order, `step`, `stability`,
  /// `difficulty` and `lastReview` may be absent (nil).
  static func readState(_ scanner: inout ProgressJSONScanner, card: String) throws(ProgressError)
    -> CardState
  {
    try readCard(&scanner, card: card, withCounts: false).state
  }

  /// Reads a state, and with `withCounts` (a schema-2 snapshot) also its required `reps` and
  /// `lapses`; without, those keys are unknown keys.
  static func readCard(_ scanner: inout ProgressJSONScanner, card: String, withCounts: Bool)
    throws(ProgressError) -> (state: CardState, counts: CardCounts?)
  {
    let start = scanner.valueOffset()
    try scanner.beginObject("the state of '\(card)'")
    var phase: CardState.Phase?
    var step: Int?
    var stability: Double?
    var difficulty: Double?
    var due: Date?
    var lastReview: Date?
    var reps: Int?
    var lapses: Int?
    var lapsesOffset = 0
    var seen: UInt8 = 0
    while let (key, offset) = try scanner.nextKey() {
      let bit: UInt8 =
        switch key {
        case "phase": 1
        case "step": 2
        case "stability": 4
        case "difficulty": 8
        case "due": 16
        case "lastReview": 32
        case "reps" where withCounts: 64
        case "lapses" where withCounts: 128
        default: 0
        }
      guard seen & bit == 0 else {
        throw scanner.failure("duplicate key '\(key)' in the state of '\(card)'", at: offset)
      }
      seen |= bit
      switch key {
      case "phase":
        let valueStart = scanner.valueOffset()
        let name = try scanner.string("'phase'")
        guard let value = CardState.Phase(rawValue: name) else {
          throw scanner.failure(
            "'\(TextSanitizer.visible(name))' is not a phase (new, learning, review, relearning)",
            at: valueStart)
        }
        phase = value
      case "step":
        if !scanner.consumeNull() {
          let valueStart = scanner.valueOffset()
          let value = try scanner.int("'step'")
          guard value >= 0 else {
            throw scanner.failure("'step' cannot be negative", at: valueStart)
          }
          guard value <= maximumStep else {
            throw scanner.failure(
              "\(value) is out of range for 'step' (0 to \(maximumStep))", at: valueStart)
          }
          step = value
        }
      case "stability":
        if !scanner.consumeNull() {
          stability = try readMemory(&scanner, "'stability'", in: stabilityRange, unit: " days")
        }
      case "difficulty":
        if !scanner.consumeNull() {
          difficulty = try readMemory(&scanner, "'difficulty'", in: difficultyRange, unit: "")
        }
      case "due": due = try readTimestamp(&scanner, "'due'")
      case "lastReview":
        if !scanner.consumeNull() { lastReview = try readTimestamp(&scanner, "'lastReview'") }
      case "reps" where withCounts:
        reps = try readCount(&scanner, "'reps'")
      case "lapses" where withCounts:
        lapsesOffset = scanner.valueOffset()
        lapses = try readCount(&scanner, "'lapses'")
      default:
        throw scanner.failure(
          "unknown key '\(TextSanitizer.visible(key))' in the state of '\(card)'", at: offset)
      }
    }
    guard let phase else {
      throw scanner.failure("the state of '\(card)' has no 'phase'", at: start)
    }
    guard let due else { throw scanner.failure("the state of '\(card)' has no 'due'", at: start) }
    let state = CardState(
      phase: phase, step: step, stability: stability, difficulty: difficulty, due: due,
      lastReview: lastReview)
    guard withCounts else { return (state, nil) }
    guard let reps else { throw scanner.failure("the card '\(card)' has no 'reps'", at: start) }
    guard let lapses else {
      throw scanner.failure("the card '\(card)' has no 'lapses'", at: start)
    }
    guard lapses <= reps else {
      throw scanner.failure(
        "'lapses' (\(lapses)) cannot exceed 'reps' (\(reps)) in '\(card)': each lapse is a review",
        at: lapsesOffset)
    }
    return (state, CardCounts(reps: reps, lapses: lapses))
  }

  private static func readCount(_ scanner: inout ProgressJSONScanner, _ what: String)
    throws(ProgressError) -> Int
  {
    let start = scanner.valueOffset()
    let value = try scanner.int(what)
    guard value >= 0 else { throw scanner.failure("\(what) cannot be negative", at: start) }
    guard value <= maximumCount else {
      throw scanner.failure(
        "\(value) is out of range for \(what) (0 to \(maximumCount))", at: start)
    }
    return value
  }

  /// A stability or difficulty within what FSRS can hold: a value outside (a hand edit, a
  /// file from elsewhere) would make every later review of the card fail.
  private static func readMemory(
    _ scanner: inout ProgressJSONScanner, _ what: String, in range: ClosedRange<Double>,
    unit: String
  ) throws(ProgressError) -> Double {
    let start = scanner.valueOffset()
    let value = try scanner.double(what)
    guard range.contains(value) else {
      let bounds =
        range.upperBound >= 1e9
        ? "at least \(range.lowerBound)\(unit)"
        : "between \(range.lowerBound) and \(range.upperBound)"
      throw scanner.failure("\(what) must be \(bounds), found \(value)", at: start)
    }
    return value
  }

  static func readTimestamp(_ scanner: inout ProgressJSONScanner, _ what: String)
    throws(ProgressError) -> Date
  {
    let start = scanner.valueOffset()
    switch try scanner.timestamp(what) {
    case .success(let date): return date
    case .failure(let error):
      throw scanner.failure(
        "\(what) must be a UTC time such as 2025-03-01T09:30:00.000Z, found "
          + "'\(TextSanitizer.visible(error.text))'", at: start)
    }
  }

  /// The state as the store keeps and writes it: times rounded to the millisecond; nil with
  /// the reason when it cannot be written faithfully.
  static func validated(_ state: CardState) -> Result<CardState, ProgressError> {
    var result = state
    guard let due = ProgressTimestamp.normalized(state.due) else {
      return .failure(.invalidReview("the due time \(state.due) is out of range"))
    }
    result.due = due
    if let lastReview = state.lastReview {
      guard let normalized = ProgressTimestamp.normalized(lastReview) else {
        return .failure(.invalidReview("the last review time \(lastReview) is out of range"))
      }
      result.lastReview = normalized
    }
    for (name, value, range) in [
      ("stability", state.stability, stabilityRange),
      ("difficulty", state.difficulty, difficultyRange),
    ] {
      if let value, !range.contains(value) {
        return .failure(.invalidReview("the \(name) \(value) is out of range"))
      }
    }
    if let step = state.step, !(0...maximumStep).contains(step) {
      return .failure(.invalidReview("the learning step \(step) is out of range"))
    }
    return .success(result)
  }
}
