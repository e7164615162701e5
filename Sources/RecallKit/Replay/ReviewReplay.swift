import Foundation

/// Recomputes every card's memory state from a review log, without fuzz, so a log can be
/// checked against another FSRS implementation or turned into states for scripts.
///
/// Lines are consumed in order; each card's reviews must be in time order (cards may
/// interleave). After a bad line for a card, that card's later lines are skipped, since
/// every state after it would be wrong; other cards carry on.
public struct ReviewReplay {
  /// One replayed review: the card after it, and its retrievability just before it.
  public struct Record: Hashable, Sendable {
    public var entry: ReviewLogEntry
    public var state: CardState
    /// Nil for a card's first review.
    public var retrievabilityBefore: Double?

    /// The output line: `{"card":…,"time":…,"rating":…,"state":…,"step":…,"stability":…,
    /// "difficulty":…,"due":…,"retrievability":…}`.
    public var jsonLine: String {
      func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return String(value)
      }
      var line = "{\"card\":"
      line.reserveCapacity(256)
      line += Self.quoted(entry.card)
      line += ",\"time\":\""
      line += UTCTimestamp.format(entry.time)
      line += "\",\"rating\":\""
      line += entry.rating.name
      line += "\",\"state\":\""
      line += state.phase.rawValue
      line += "\",\"step\":"
      line += state.step.map(String.init) ?? "null"
      line += ",\"stability\":"
      line += number(state.stability)
      line += ",\"difficulty\":"
      line += number(state.difficulty)
      line += ",\"due\":\""
      line += UTCTimestamp.format(state.due)
      line += "\",\"retrievability\":"
      line += number(retrievabilityBefore)
      line += "}"
      return line
    }

    /// A JSON string literal, escaped as every hand-written JSON file here escapes it.
    static func quoted(_ text: String) -> String { JSONText.quoted(text) }
  }

  /// What one line produced.
  public enum Outcome: Hashable, Sendable {
    case record(Record)
    /// A blank line, ignored.
    case blank
    /// A line for a card that already had a bad line.
    case skipped(card: String)
    case failure(ReviewLogEntry.LineError)
  }

  public let scheduler: FSRSScheduler
  private var cards: [String: CardState] = [:]
  private var failedCards: Set<String> = []

  /// A replay with these options; fuzz is always off, since a replay must be repeatable.
  public init(options: SchedulerOptions) throws(SchedulerOptionsError) {
    var options = options
    options.isFuzzEnabled = false
    scheduler = try FSRSScheduler(options: options)
  }

  /// Replays one line of the log (UTF-8, without its line break).
  public mutating func consume(_ line: some Collection<UInt8>) -> Outcome {
    let bytes = Array(line)
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
    switch ReviewLogEntry.parseLocated(bytes) {
    case .failure(let error):
      if let card = error.card {
        if failedCards.contains(card) { return .skipped(card: card) }
        failedCards.insert(card)
      }
      return .failure(error)
    case .success(let (entry, timeColumn)):
      if failedCards.contains(entry.card) { return .skipped(card: entry.card) }
      let previous = cards[entry.card]
      if let last = previous?.lastReview, entry.time < last {
        failedCards.insert(entry.card)
        return .failure(
          ReviewLogEntry.LineError(
            column: timeColumn,
            message:
              "this review of '\(entry.card)' at \(UTCTimestamp.format(entry.time)) is earlier "
              + "than its previous one at \(UTCTimestamp.format(last)); list each card's "
              + "reviews in time order",
            card: entry.card))
      }
      let before = previous ?? .new(at: entry.time)
      let retrievability =
        previous == nil ? nil : scheduler.retrievability(of: before, at: entry.time)
      let after = scheduler.review(before, rating: entry.rating, at: entry.time)
      cards[entry.card] = after
      return .record(Record(entry: entry, state: after, retrievabilityBefore: retrievability))
    }
  }

  /// Each card's state after the lines consumed so far.
  public var states: [String: CardState] { cards }

  /// Replays a whole log. `output` receives each record's JSON line, `diagnostic` each bad
  /// line located in `file`; returns false when any line was bad.
  public mutating func run(
    _ input: Data, file: String, output: (String) -> Void, diagnostic: (Diagnostic) -> Void
  ) -> Bool {
    var clean = true
    JSONLines.forEachLine(in: input) { lineNumber, line in
      switch consume(line) {
      case .record(let record):
        output(record.jsonLine)
      case .failure(let error):
        clean = false
        diagnostic(
          .error(
            error.message,
            at: SourceLocation(file: file, line: lineNumber, column: error.column)))
      case .blank, .skipped:
        break
      }
    }
    return clean
  }
}
