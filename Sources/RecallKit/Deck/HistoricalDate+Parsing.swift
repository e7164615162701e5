import Foundation

/// Why a piece of text is not a date Recall understands.
public enum DateParseError: Error, Hashable, Sendable, CustomStringConvertible {
  case empty
  case unrecognized(String)
  case invalidMonth(Int)
  case invalidDay(day: Int, month: Int, year: Int)
  case yearOutOfRange(Int)
  case missingYear(String)
  case endBeforeStart(String)

  public var description: String {
    switch self {
    case .empty: "the date is empty"
    case .unrecognized(let text):
      "'\(text)' is not a date (try '10 July 1998', 'mid-May 1998', '10–11 July 1998', "
        + "'August to October 1998' or '1998')"
    case .invalidMonth(let month): "there is no month \(month)"
    case .invalidDay(let day, let month, let year):
      "\(HistoricalDate.monthName(month)) \(year) has no day \(day)"
    case .yearOutOfRange(let year): "year \(year) is out of range (1 to 9999)"
    case .missingYear(let text): "'\(text)' has no year; write the year the source means"
    case .endBeforeStart(let text): "the range '\(text)' ends before it starts"
    }
  }
}

extension HistoricalDate {
  /// Parses the forms authors and learners write, at the precision written.
  ///
  /// Accepted: `1998`, `1998-07`, `1998-07-10`, `10 July 1998`, `July 10, 1998`, `10.7.1998`,
  /// `10/07/1998` (day first), `July 1998`, `mid-May 1998`, `early 1999`, `summer 1998`, and
  /// ranges joined by `to`, an en dash or a spaced hyphen: `10–11 July 1998`,
  /// `August to October 1998`, `July 1998 to January 1999`.
  public static func parse(_ text: String) throws(DateParseError) -> HistoricalDate {
    let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !trimmed.isEmpty else { throw .empty }
    guard trimmed.count <= 80 else { throw .unrecognized(String(trimmed.prefix(40)) + "…") }
    if let (left, right) = splitRange(trimmed.lowercased()) {
      let end = try parsePoint(right, original: trimmed, defaults: nil)
      let start = try parsePoint(left, original: trimmed, defaults: end)
      guard start.approximateDayNumber < end.approximateDayNumber else {
        throw .endBeforeStart(trimmed)
      }
      return HistoricalDate(start, to: end)
    }
    return HistoricalDate(try parsePoint(trimmed.lowercased(), original: trimmed, defaults: nil))
  }

  /// Parses or returns nil; for callers that only need to know whether text is a date.
  public init?(parsing text: String) {
    // Every date has a year, and no date has a word like `zq4x`: the generator probes every
    // key term, and most are not dates.
    guard text.utf8.contains(where: { (0x30...0x39).contains($0) }),
      !text.hasWordMixingLettersAndDigits(allowingOrdinals: true),
      let date = try? Self.parse(text)
    else { return nil }
    self = date
  }

  private static func splitRange(_ text: String) -> (String, String)? {
    for separator in [" to ", " until ", " through ", "–", "—", " - "] {
      if let range = text.firstLiteralRange(of: separator) {
        let left = text[..<range.lowerBound].trimmingBlanks()
        let right = text[range.upperBound...].trimmingBlanks()
        if !left.isEmpty && !right.isEmpty { return (left, right) }
      }
    }
    if isISO(text) { return nil }
    // A bare hyphen joins a range only between two numbers or two month names ("10-11 July").
    let characters = Array(text)
    for index in characters.indices where characters[index] == "-" {
      let left = word(in: characters, endingBefore: index)
      let right = word(in: characters, startingAfter: index)
      let bothNumbers = Int(left) != nil && Int(right) != nil
      let bothMonths = monthNumber(left) != nil && monthNumber(right) != nil
      if bothNumbers || bothMonths {
        let head = String(characters[..<index]).trimmingBlanks()
        let tail = String(characters[(index + 1)...]).trimmingBlanks()
        return (head, tail)
      }
    }
    return nil
  }

  private static func word(in characters: [Character], endingBefore index: Int) -> String {
    var start = index
    while start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber {
      start -= 1
    }
    return String(characters[start..<index])
  }

  private static func word(in characters: [Character], startingAfter index: Int) -> String {
    var end = index + 1
    while end < characters.count, characters[end].isLetter || characters[end].isNumber {
      end += 1
    }
    return String(characters[(index + 1)..<end])
  }

  private static func isISO(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
      && parts.dropFirst().allSatisfy { $0.count <= 2 }
  }

  private enum Token: Equatable {
    case number(Int, digits: Int)
    case month(Int)
    case part(Part)
    case season(Season)
  }

  private static func parsePoint(
    _ text: String, original: String, defaults: Point?
  ) throws(DateParseError) -> Point {
    if isISO(text) {
      let numbers = text.split(separator: "-").compactMap { Int($0) }
      return try makePoint(
        year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
        day: numbers.count > 2 ? numbers[2] : nil)
    }
    for separator: Character in [".", "/"] where text.contains(separator) {
      let numbers = text.split(separator: separator).map {
        Int($0.trimmingBlanks())
      }
      guard numbers.allSatisfy({ $0 != nil }) else { throw .unrecognized(original) }
      let values = numbers.compactMap { $0 }
      switch values.count {
      case 3: return try makePoint(year: values[2], month: values[1], day: values[0])
      case 2: return try makePoint(year: values[1], month: values[0], day: nil)
      default: throw .unrecognized(original)
      }
    }
    var tokens: [Token] = []
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" })
      .map(String.init)
    for word in words where !["in", "on", "of", "the"].contains(word) {
      guard let token = token(for: word) else { throw .unrecognized(original) }
      tokens.append(token)
    }
    return try point(from: tokens, original: original, defaults: defaults)
  }

  private static func token(for word: String) -> Token? {
    var digits = word
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) && digits.count > 2 {
      digits.removeLast(2)
    }
    if digits.allSatisfy(\.isASCII), let value = Int(digits), digits.count <= 9 {
      return .number(value, digits: digits.count)
    }
    if let month = monthNumber(word) { return .month(month) }
    if let part = Part(rawValue: word) { return .part(part) }
    if word == "middle" { return .part(.mid) }
    if word == "fall" { return .season(.autumn) }
    if let season = Season(rawValue: word) { return .season(season) }
    return nil
  }

  static func monthNumber(_ word: String) -> Int? {
    let lower = word.lowercased()
    guard lower.count >= 3 else { return nil }
    if let index = monthNames.firstIndex(where: { $0.lowercased() == lower }) { return index + 1 }
    if lower == "sept" { return 9 }
    if lower.count == 3,
      let index = monthNames.firstIndex(where: { $0.lowercased().hasPrefix(lower) })
    {
      return index + 1
    }
    return nil
  }

  private static func point(
    from input: [Token], original: String, defaults: Point?
  ) throws(DateParseError) -> Point {
    var tokens = input
    var year: Int?
    if case .number(let value, let digits) = tokens.last, digits >= 3 || value > 31 {
      year = value
      tokens.removeLast()
    }
    let resolvedYear = { () throws(DateParseError) -> Int in
      if let year { return year }
      if let defaults { return defaults.year }
      throw .missingYear(original)
    }
    switch (tokens.first, tokens.dropFirst().first, tokens.count) {
    case (nil, _, _):
      guard let year else { throw .unrecognized(original) }
      return try makePoint(year: year, month: nil, day: nil)
    case (.part(let part), nil, 1):
      return .partOfYear(part, year: try checkedYear(try resolvedYear()))
    case (.season(let season), nil, 1):
      return .season(season, year: try checkedYear(try resolvedYear()))
    case (.month(let month), nil, 1):
      return try makePoint(year: try resolvedYear(), month: month, day: nil)
    case (.part(let part), .month(let month), 2):
      return .partOfMonth(part, year: try checkedYear(try resolvedYear()), month: month)
    case (.number(let day, _), .month(let month), 2), (.month(let month), .number(let day, _), 2):
      return try makePoint(year: try resolvedYear(), month: month, day: day)
    case (.number(let day, _), nil, 1):
      guard year == nil, let defaults, let month = defaults.month else {
        throw .unrecognized(original)
      }
      return try makePoint(year: defaults.year, month: month, day: day)
    default:
      throw .unrecognized(original)
    }
  }

  private static func checkedYear(_ year: Int) throws(DateParseError) -> Int {
    guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
    return year
  }

  private static func makePoint(year: Int, month: Int?, day: Int?) throws(DateParseError) -> Point {
    let year = try checkedYear(year)
    guard let month else { return .year(year) }
    guard (1...12).contains(month) else { throw .invalidMonth(month) }
    guard let day else { return .month(year: year, month: month) }
    guard (1...daysIn(month: month, year: year)).contains(day) else {
      throw .invalidDay(day: day, month: month, year: year)
    }
    return .day(year: year, month: month, day: day)
  }
}
