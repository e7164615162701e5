import Foundation

/// One line of a review log: which card was reviewed, when, and how it was rated.
///
/// The line is a JSON object `{"card": "<id>", "time": "<ISO 8601>", "rating": "good"}`;
/// ratings may also be the numbers 1–4. Other keys are ignored, so logs may carry more.
public struct ReviewLogEntry: Hashable, Sendable {
  public var card: String
  public var time: Date
  public var rating: Rating

  public init(card: String, time: Date, rating: Rating) {
    self.card = card
    self.time = time
    self.rating = rating
  }

  /// What is wrong with a line, at a 1-based column; `card` is set when the line named one.
  public struct LineError: Error, Hashable, Sendable {
    public var column: Int
    public var message: String
    public var card: String?
  }

  /// Reads one line (UTF-8, without its line break).
  public static func parse(_ line: [UInt8]) -> Result<ReviewLogEntry, LineError> {
    parseLocated(line).map(\.entry)
  }

  /// The entry and the column of its time, for errors found later (such as time order).
  static func parseLocated(_ line: [UInt8])
    -> Result<(entry: ReviewLogEntry, timeColumn: Int), LineError>
  {
    let object: (offset: Int, members: [JSONLineParser.Member])
    do {
      object = try JSONLineParser.object(in: line)
    } catch {
      let column = JSONLineParser.column(of: error.offset, in: line)
      return .failure(LineError(column: column, message: error.message, card: nil))
    }
    func failure(_ message: String, at offset: Int, card: String? = nil)
      -> Result<(entry: ReviewLogEntry, timeColumn: Int), LineError>
    {
      .failure(
        LineError(
          column: JSONLineParser.column(of: offset, in: line), message: message, card: card))
    }

    var fields: [String: JSONLineParser.Member] = [:]
    for member in object.members {
      if fields[member.key] != nil, ["card", "time", "rating"].contains(member.key) {
        return failure("duplicate key '\(member.key)'", at: member.keyOffset)
      }
      fields[member.key] = member
    }
    guard let cardField = fields["card"] else {
      return failure("missing key 'card'", at: object.offset)
    }
    guard case .string(let card) = cardField.value, !card.isEmpty else {
      return failure("'card' must be a non-empty string", at: cardField.valueOffset)
    }
    guard let timeField = fields["time"] else {
      return failure("missing key 'time'", at: object.offset, card: card)
    }
    guard case .string(let timeText) = timeField.value else {
      return failure(
        "'time' must be a string such as \"2024-03-05T09:30:00Z\"", at: timeField.valueOffset,
        card: card)
    }
    let time: Date
    switch UTCTimestamp.parse(timeText) {
    case .success(let value): time = value
    case .failure(let error):
      return failure("\(error)", at: timeField.valueOffset, card: card)
    }
    guard let ratingField = fields["rating"] else {
      return failure("missing key 'rating'", at: object.offset, card: card)
    }
    guard let rating = rating(ratingField.value) else {
      return failure(
        "'rating' must be again, hard, good or easy (or 1–4), found \(describe(ratingField.value))",
        at: ratingField.valueOffset, card: card)
    }
    let entry = ReviewLogEntry(card: card, time: time, rating: rating)
    return .success((entry, JSONLineParser.column(of: timeField.valueOffset, in: line)))
  }

  private static func rating(_ value: JSONLineParser.Value) -> Rating? {
    switch value {
    case .string(let text): Rating(name: text)
    case .number(let number): Rating.allCases.first { Double($0.rawValue) == number }
    default: nil
    }
  }

  private static func describe(_ value: JSONLineParser.Value) -> String {
    switch value {
    case .string(let text): "'\(text.count > 40 ? text.prefix(40) + "…" : Substring(text))'"
    case .number(let number): NumberValue.format(number)
    case .bool(let flag): String(flag)
    case .null: "null"
    case .nested: "a list or object"
    }
  }
}
