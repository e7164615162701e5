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
  /// There is no year 0: 1 BC is followed by AD 1.
  case yearZero
  /// A year before 100 written without its era ("43"), which reads as a short form of 1943.
  case needsEra(Int)
  /// Brackets anywhere but around the year.
  case misplacedInference(String)
  case invalidCentury(Int)

  public var description: String {
    switch self {
    case .empty: "the date is empty"
    case .unrecognized(let text):
      "'\(text)' is not a date (try '10 July 1998', 'mid-May 1998', '44 BC', 'c. AD 122', "
        + "'1580s', 'early 5th century', '27 BC to AD 14' or 'August to October 1998')"
    case .invalidMonth(let month): "there is no month \(month)"
    case .invalidDay(let day, let month, let year):
      "\(HistoricalDate.monthName(month)) \(HistoricalDate.yearText(year)) has no day \(day)"
    case .yearOutOfRange(let year): "year \(year) is out of range (1 to 9999 in either era)"
    case .missingYear(let text): "'\(text)' has no year; write the year the source means"
    case .endBeforeStart(let text): "the range '\(text)' ends before it starts"
    case .yearZero: "there is no year 0: 1 BC is followed by AD 1"
    case .needsEra(let year):
      "write the era of a year before 100, as in 'AD \(year)' or '\(year) BC'"
    case .misplacedInference(let text):
      "only the year may be in brackets, as in '8 January [1999]' for a year the source "
        + "leaves out; found '\(text)'"
    case .invalidCentury(let number): "there is no century \(number)"
    }
  }
}

extension HistoricalDate {
  /// Parses the forms authors and learners write, at the precision written.
  ///
  /// Accepted: `1998`, `1998-07`, `1998-07-10`, `10 July 1998`, `July 10, 1998`, `10.7.1998`,
  /// `10/07/1998` (day first), `July 1998`, `mid-May 1998`, `early 1999`, `summer 1998`; eras
  /// `44 BC`, `44 BCE`, `BC 44`, `AD 43`, `43 CE`, `15 March 44 BC`; hedges `c. AD 122`,
  /// `circa 1500`, `around 2500 BC`, `about 1200`; decades `1580s`, `AD 140s`, `340s BC`;
  /// `the 1400s`; centuries `3rd century AD`, `early 5th century`, `mid-2nd century BC`; an
  /// inferred year in brackets, `8 January [1999]`; and ranges joined by `to`, an en dash or a
  /// spaced hyphen: `10–11 July 1998`, `August to October 1998`, `264 to 241 BC`,
  /// `27 BC to AD 14`.
  public static func parse(_ text: String) throws(DateParseError) -> HistoricalDate {
    var trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !trimmed.isEmpty else { throw .empty }
    guard trimmed.count <= 80 else { throw .unrecognized(String(trimmed.prefix(40)) + "…") }
    let inferred = try removeInferenceMarks(&trimmed)
    var lower = normalizedEras(trimmed.lowercased())
    let approximate = removeHedge(&lower)
    let style: EraStyle =
      lower.split(separator: " ").contains { $0 == "bce" || $0 == "ce" } ? .common : .christian
    if let (left, right) = splitRange(lower) {
      let end = try parsePoint(right, original: trimmed, defaults: nil, inheritedBC: false)
      let start = try parsePoint(
        left, original: trimmed, defaults: end.point, inheritedBC: end.era == .beforeChrist)
      guard start.point.approximateDayNumber < end.point.approximateDayNumber else {
        throw .endBeforeStart(trimmed)
      }
      return HistoricalDate(
        start.point, to: end.point, approximate: approximate, yearInferred: inferred,
        eraStyle: style)
    }
    let point = try parsePoint(lower, original: trimmed, defaults: nil, inheritedBC: false)
    return HistoricalDate(
      point.point, approximate: approximate, yearInferred: inferred, eraStyle: style)
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

  /// Whether `text` holds a date in figures whose day and month could be swapped (`6/5/1815`):
  /// Recall reads it day first, but a reader from the United States would not.
  public static func isAmbiguousNumeric(_ text: String) -> Bool {
    for piece in text.split(whereSeparator: { $0 == " " || $0 == "–" || $0 == "—" }) {
      for separator: Character in ["/", "."] {
        let parts = piece.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1]),
          Int(parts[2]) != nil, parts[0].count <= 2, parts[1].count <= 2
        else { continue }
        if (1...12).contains(first), (1...12).contains(second), first != second { return true }
      }
    }
    return false
  }

  /// Removes `[` `]` from around the year and says whether there were any.
  private static func removeInferenceMarks(_ text: inout String) throws(DateParseError) -> Bool {
    guard let open = text.firstIndex(of: "[") else {
      if text.contains("]") { throw .misplacedInference(text) }
      return false
    }
    guard let close = text[open...].firstIndex(of: "]") else { throw .misplacedInference(text) }
    let inside = text[text.index(after: open)..<close]
    let rest = text[text.index(after: close)...]
    let words = inside.lowercased().split(separator: " ")
    let isYear =
      !words.isEmpty
      && words.allSatisfy { word in
        word.allSatisfy(\.isNumber) || ["bc", "bce", "ad", "ce", "b.c.", "a.d."].contains(word)
      } && words.contains { $0.allSatisfy(\.isNumber) }
    guard isYear, !rest.contains("["), !rest.contains("]") else {
      throw .misplacedInference(text)
    }
    text = String(text[..<open]) + inside + rest
    return true
  }

  /// "b.c." → "bc" and so on, so an era is always one word.
  private static func normalizedEras(_ text: String) -> String {
    // Every dotted form has a full stop; most dates have none, and the generic `replacing`
    // is a sixth of the question linter's time when it runs on every date option.
    guard text.utf8.contains(UInt8(ascii: ".")) else { return text.trimmingBlanks() }
    var result = text
    for (dotted, plain) in [("b.c.e.", "bce"), ("b.c.", "bc"), ("a.d.", "ad"), ("c.e.", "ce")] {
      result = result.replacing(dotted, with: plain)
    }
    return result.trimmingBlanks()
  }

  /// Removes a leading hedge ("c.", "circa", "around"…) and says whether there was one.
  private static func removeHedge(_ text: inout String) -> Bool {
    for hedge in [
      "circa ", "c. ", "c.", "ca. ", "ca ", "c ", "around ", "about ", "approximately ",
      "approx. ", "roughly ",
    ] where text.hasPrefix(hedge) {
      text = String(text.dropFirst(hedge.count)).trimmingBlanks()
      return true
    }
    return false
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

  /// The era a point was written with, if any.
  enum Era: Equatable {
    case beforeChrist, anno
  }

  private enum Token: Equatable {
    case number(Int, digits: Int)
    case month(Int)
    case part(Part)
    case season(Season)
    case decade(Int)
    case hundreds(Int)
    case century
  }

  private static let ordinalWords = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
  ]

  private static func parsePoint(
    _ text: String, original: String, defaults: Point?, inheritedBC: Bool
  ) throws(DateParseError) -> (point: Point, era: Era?) {
    if isISO(text) {
      let numbers = text.split(separator: "-").compactMap { Int($0) }
      let point = try makePoint(
        year: numbers[0], era: nil, month: numbers.count > 1 ? numbers[1] : nil,
        day: numbers.count > 2 ? numbers[2] : nil)
      return (point, nil)
    }
    for separator: Character in [".", "/"] where text.contains(separator) {
      let numbers = text.split(separator: separator).map {
        Int($0.trimmingBlanks())
      }
      guard numbers.allSatisfy({ $0 != nil }) else { throw .unrecognized(original) }
      let values = numbers.compactMap { $0 }
      switch values.count {
      case 3:
        return (try makePoint(year: values[2], era: nil, month: values[1], day: values[0]), nil)
      case 2: return (try makePoint(year: values[1], era: nil, month: values[0], day: nil), nil)
      default: throw .unrecognized(original)
      }
    }
    var tokens: [Token] = []
    var era: Era?
    var text = text
    // "twenty-first" is one ordinal; the hyphen below would split it.
    text = text.replacing("twenty-first", with: "21st")
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" })
      .map(String.init)
    for word in words where !["in", "on", "of", "the"].contains(word) {
      switch word {
      case "bc", "bce": era = .beforeChrist
      case "ad", "ce": era = .anno
      default:
        guard let token = token(for: word) else { throw .unrecognized(original) }
        tokens.append(token)
      }
    }
    let point = try point(
      from: tokens, era: era, inherited: era ?? (inheritedBC ? .beforeChrist : nil),
      original: original, defaults: defaults)
    return (point, era)
  }

  private static func token(for word: String) -> Token? {
    if word == "century" || word == "centuries" { return .century }
    if let index = ordinalWords.firstIndex(of: word) { return .number(index + 1, digits: 1) }
    var digits = word
    if digits.hasSuffix("'s") {
      digits.removeLast(2)
    } else if digits.hasSuffix("s") {
      digits.removeLast()
      if digits.count >= 2, digits.hasSuffix("0"), digits.allSatisfy(\.isASCII),
        let value = Int(digits), value > 0
      {
        return digits.hasSuffix("00") ? .hundreds(value) : .decade(value)
      }
      digits = word
    }
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
    from input: [Token], era: Era?, inherited: Era?, original: String, defaults: Point?
  ) throws(DateParseError) -> Point {
    var tokens = input
    // The start of "264 to 241 BC" or "5th to 4th century BC" takes its era from the end.
    let sign = inherited == .beforeChrist ? -1 : 1
    // Centuries and decades stand alone, with at most a part before a century.
    if tokens.last == .century {
      tokens.removeLast()
      var part: Part?
      if case .part(let value) = tokens.first {
        part = value
        tokens.removeFirst()
      }
      guard tokens.count == 1, case .number(let number, _) = tokens[0] else {
        throw .unrecognized(original)
      }
      guard (1...100).contains(number) else { throw .invalidCentury(number) }
      return .century(number * sign, part: part)
    }
    if tokens.count == 1, case .decade(let label) = tokens[0] {
      return .decade(label * sign)
    }
    if tokens.count == 1, case .hundreds(let label) = tokens[0] {
      return .hundreds(label * sign)
    }
    var year: Int?
    if case .number(let value, let digits) = tokens.last, era != nil || digits >= 3 || value > 31 {
      year = value
      tokens.removeLast()
    }
    let resolvedYear = { () throws(DateParseError) -> Int in
      if let year { return try checkedYear(year, era: inherited) }
      if let defaults { return defaults.year }
      throw .missingYear(original)
    }
    switch (tokens.first, tokens.dropFirst().first, tokens.count) {
    case (nil, _, _):
      guard let year else { throw .unrecognized(original) }
      return .year(try checkedYear(year, era: inherited))
    case (.part(let part), nil, 1):
      return .partOfYear(part, year: try resolvedYear())
    case (.season(let season), nil, 1):
      return .season(season, year: try resolvedYear())
    case (.month(let month), nil, 1):
      return try makeAstronomical(year: try resolvedYear(), month: month, day: nil)
    case (.part(let part), .month(let month), 2):
      return .partOfMonth(part, year: try resolvedYear(), month: month)
    case (.number(let day, _), .month(let month), 2), (.month(let month), .number(let day, _), 2):
      return try makeAstronomical(year: try resolvedYear(), month: month, day: day)
    case (.number(let number, _), nil, 1):
      // The start of a range that borrows from its end: "10" of "10–11 July 1998", "5th" of
      // "5th to 4th century BC".
      guard year == nil, let defaults else {
        if year == nil, era == nil, defaults == nil {
          throw number == 0 ? .yearZero : .needsEra(number)
        }
        throw .unrecognized(original)
      }
      if case .year = defaults, inherited != nil {
        return .year(try checkedYear(number, era: inherited))
      }
      if case .century(let end, _) = defaults {
        guard (1...100).contains(number) else { throw .invalidCentury(number) }
        return .century(end < 0 ? -number : number, part: nil)
      }
      guard let month = defaults.month else { throw .unrecognized(original) }
      return try makeAstronomical(year: defaults.year, month: month, day: number)
    default:
      throw .unrecognized(original)
    }
  }

  /// The astronomical year of a year written with (or without) its era.
  private static func checkedYear(_ year: Int, era: Era?) throws(DateParseError) -> Int {
    guard year != 0 else { throw .yearZero }
    guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
    guard era != nil || year >= 100 else { throw .needsEra(year) }
    return astronomical(year, beforeChrist: era == .beforeChrist)
  }

  private static func makePoint(year: Int, era: Era?, month: Int?, day: Int?)
    throws(DateParseError) -> Point
  {
    try makeAstronomical(year: try checkedYear(year, era: era), month: month, day: day)
  }

  private static func makeAstronomical(year: Int, month: Int?, day: Int?)
    throws(DateParseError) -> Point
  {
    guard let month else { return .year(year) }
    guard (1...12).contains(month) else { throw .invalidMonth(month) }
    guard let day else { return .month(year: year, month: month) }
    guard (1...daysIn(month: month, year: year)).contains(day) else {
      throw .invalidDay(day: day, month: month, year: year)
    }
    return .day(year: year, month: month, day: day)
  }
}
