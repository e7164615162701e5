import Foundation

/// What the learner has set on a card apart from its schedule: suspended (never shown until
/// unsuspended), buried (not shown until a moment, the end of the study day it was buried
/// on), flagged (the learner thinks the card is wrong, with an optional note for whoever
/// keeps the deck). None of them touches the card's FSRS state, so lifting one leaves the
/// card exactly as due as it was.
///
/// Kept like answers: each change is one `marks` line in the journal holding the card's
/// marks as they are after it, and the snapshot holds the marks of every card that has any
/// (schema 3; see `ProgressFormat.schema`).
public struct CardMarks: Hashable, Sendable {
  /// A flag the learner raised on a card.
  public struct Flag: Hashable, Sendable {
    /// When it was raised; kept to the millisecond.
    public var at: Date
    /// What the learner said is wrong; nil when they gave no note.
    public var note: String?

    public init(at: Date, note: String? = nil) {
      self.at = at
      self.note = note
    }
  }

  public var suspended: Bool
  /// The card is hidden before this moment; nil when it was never buried.
  public var buriedUntil: Date?
  public var flag: Flag?

  public init(suspended: Bool = false, buriedUntil: Date? = nil, flag: Flag? = nil) {
    self.suspended = suspended
    self.buriedUntil = buriedUntil
    self.flag = flag
  }

  public static let none = CardMarks()

  /// Whether a bury is still in force at `now`.
  public func isBuried(at now: Date) -> Bool {
    buriedUntil.map { now < $0 } ?? false
  }

  /// Whether a session at `now` leaves the card out.
  public func hidesCard(at now: Date) -> Bool {
    suspended || isBuried(at: now)
  }

  /// Nothing set that matters at `now` or later: such marks are not written to the snapshot.
  /// A bury that has run out is dropped there too.
  func isEmpty(at now: Date?) -> Bool {
    !suspended && flag == nil && (buriedUntil == nil || now.map { !isBuried(at: $0) } == true)
  }

  /// The marks as the store keeps them: times to the millisecond, an empty note as none, the
  /// note's control characters kept as they are (they are shown through `TextSanitizer`).
  static func validated(_ marks: CardMarks) -> Result<CardMarks, ProgressError> {
    var result = marks
    if let until = marks.buriedUntil {
      guard let normalized = ProgressTimestamp.normalized(until) else {
        return .failure(.invalidReview("the bury time \(until) is out of range"))
      }
      result.buriedUntil = normalized
    }
    if let flag = marks.flag {
      guard let at = ProgressTimestamp.normalized(flag.at) else {
        return .failure(.invalidReview("the flag time \(flag.at) is out of range"))
      }
      let note = flag.note?.trimmingCharacters(in: .whitespacesAndNewlines)
      result.flag = Flag(at: at, note: note?.isEmpty == false ? note : nil)
    }
    return .success(result)
  }

  /// Writes `"suspended": …, "buriedUntil": …, "flaggedAt": …, "note": …` (no braces).
  func writeFields(into writer: inout ProgressJSONWriter) {
    writer.key("suspended")
    writer.bool(suspended)
    writer.raw(", ")
    writer.key("buriedUntil")
    if let buriedUntil {
      writer.string(ProgressFormat.timestamp(buriedUntil))
    } else {
      writer.raw("null")
    }
    writer.raw(", ")
    writer.key("flaggedAt")
    if let flag {
      writer.string(ProgressFormat.timestamp(flag.at))
    } else {
      writer.raw("null")
    }
    writer.raw(", ")
    writer.key("note")
    if let note = flag?.note {
      writer.string(note)
    } else {
      writer.raw("null")
    }
  }

  /// The keys `writeFields` writes.
  static let keys: Set<String> = ["suspended", "buriedUntil", "flaggedAt", "note"]

  /// Collects the marks' keys as an object (or a log entry) is read: `read` is given each
  /// key it knows, `finish` checks them together.
  struct Reader {
    private var suspended: Bool?
    private var buriedUntil: Date??
    private var flaggedAt: Date??
    private var note: String??
    private var noteOffset = 0

    /// Reads the value of `key`, one of `CardMarks.keys`.
    mutating func read(_ key: String, from scanner: inout ProgressJSONScanner)
      throws(ProgressError)
    {
      switch key {
      case "suspended": suspended = try scanner.bool("'suspended'")
      case "buriedUntil":
        buriedUntil =
          scanner.consumeNull()
          ? .some(nil) : try ProgressFormat.readTimestamp(&scanner, "'buriedUntil'")
      case "flaggedAt":
        flaggedAt =
          scanner.consumeNull()
          ? .some(nil) : try ProgressFormat.readTimestamp(&scanner, "'flaggedAt'")
      default:
        noteOffset = scanner.valueOffset()
        note = scanner.consumeNull() ? .some(nil) : try scanner.string("'note'")
      }
    }

    /// The marks read; every key is required, and a note needs a flag.
    func finish(_ scanner: ProgressJSONScanner, at start: Int, what: String)
      throws(ProgressError) -> CardMarks
    {
      func missing(_ key: String) -> ProgressError {
        scanner.failure("\(what) has no '\(key)'", at: start)
      }
      guard let suspended else { throw missing("suspended") }
      guard let buriedUntil else { throw missing("buriedUntil") }
      guard let flaggedAt else { throw missing("flaggedAt") }
      guard let note else { throw missing("note") }
      if note != nil, flaggedAt == nil {
        throw scanner.failure("a 'note' belongs to a flag, and 'flaggedAt' is null", at: noteOffset)
      }
      return CardMarks(
        suspended: suspended, buriedUntil: buriedUntil,
        flag: flaggedAt.map { Flag(at: $0, note: note) })
    }
  }
}
