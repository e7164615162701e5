import Foundation

/// ISO 8601 times as review logs carry them: `2024-03-05T09:30:00Z`, with optional
/// fractional seconds (to the microsecond) and an optional numeric offset instead of `Z`.
///
/// Hand-written rather than `ISO8601DateFormatter` because schedules are exact to the
/// microsecond, and the formatter keeps milliseconds at most.
public enum UTCTimestamp {
  /// The moment the text names, or a message saying what is wrong with it.
  public static func parse(_ text: String) -> Result<Date, UTCTimestampError> {
    var scanner = Scanner(Array(text.utf8))
    let problem = UTCTimestampError.notATime(text)
    guard let year = scanner.digits(4), scanner.skip("-"), let month = scanner.digits(2),
      scanner.skip("-"), let day = scanner.digits(2), scanner.skip("T", "t", " "),
      let hour = scanner.digits(2), scanner.skip(":"), let minute = scanner.digits(2),
      scanner.skip(":"), let second = scanner.digits(2)
    else { return .failure(problem) }
    var microseconds: Int64 = 0
    if scanner.skip(".", ",") {
      let start = scanner.position
      while let digit = scanner.digit() {
        guard scanner.position - start <= 6 else { return .failure(.finerThanMicroseconds(text)) }
        microseconds = microseconds * 10 + Int64(digit)
      }
      let count = scanner.position - start
      guard count > 0 else { return .failure(problem) }
      for _ in count..<6 { microseconds *= 10 }
    }
    var offsetMinutes = 0
    if scanner.skip("Z", "z") {
      offsetMinutes = 0
    } else if let sign = scanner.sign() {
      guard let hours = scanner.digits(2) else { return .failure(problem) }
      let colon = scanner.skip(":")
      var minutes = 0
      if let value = scanner.digits(2) {
        minutes = value
      } else if colon {
        return .failure(problem)
      }
      guard hours <= 23, minutes <= 59 else { return .failure(problem) }
      offsetMinutes = sign * (hours * 60 + minutes)
    } else if scanner.atEnd {
      return .failure(.noTimeZone(text))
    }
    guard scanner.atEnd else { return .failure(problem) }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour <= 23, minute <= 59, second <= 59
    else { return .failure(.impossible(text)) }
    let days = daysSince1970(year: year, month: month, day: day)
    let seconds =
      Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
      - Int64(offsetMinutes * 60)
    return .success(Date(microsecondsSince1970: seconds * 1_000_000 + microseconds))
  }

  /// `2024-03-05T09:30:00Z`, with `.123` or `.123456` only when the time has them.
  public static func format(_ date: Date) -> String {
    let total = date.microsecondsSince1970
    var seconds = total / 1_000_000
    var microseconds = total % 1_000_000
    if microseconds < 0 {
      microseconds += 1_000_000
      seconds -= 1
    }
    var days = seconds / 86_400
    var secondOfDay = seconds % 86_400
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    let (year, month, day) = civilDate(daysSince1970: Int(days))
    // Built as ASCII bytes: this runs twice per line of a replay.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(27)
    func append(_ value: Int, width: Int) {
      var divisor = 1
      for _ in 1..<width { divisor *= 10 }
      guard value < divisor * 10 else {
        bytes.append(contentsOf: String(value).utf8)
        return
      }
      var rest = value
      while divisor > 0 {
        bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
        rest %= divisor
        divisor /= 10
      }
    }
    append(year, width: 4)
    bytes.append(UInt8(ascii: "-"))
    append(month, width: 2)
    bytes.append(UInt8(ascii: "-"))
    append(day, width: 2)
    bytes.append(UInt8(ascii: "T"))
    append(Int(secondOfDay / 3_600), width: 2)
    bytes.append(UInt8(ascii: ":"))
    append(Int(secondOfDay % 3_600 / 60), width: 2)
    bytes.append(UInt8(ascii: ":"))
    append(Int(secondOfDay % 60), width: 2)
    if microseconds != 0 {
      bytes.append(UInt8(ascii: "."))
      if microseconds % 1_000 == 0 {
        append(Int(microseconds / 1_000), width: 3)
      } else {
        append(Int(microseconds), width: 6)
      }
    }
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
  static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Reads ASCII fields from UTF-8 bytes.
  private struct Scanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
      self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    mutating func digit() -> Int? {
      guard position < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
      else { return nil }
      defer { position += 1 }
      return Int(bytes[position] - UInt8(ascii: "0"))
    }

    mutating func digits(_ count: Int) -> Int? {
      let start = position
      var value = 0
      for _ in 0..<count {
        guard let digit = digit() else {
          position = start
          return nil
        }
        value = value * 10 + digit
      }
      return value
    }

    mutating func skip(_ characters: Unicode.Scalar...) -> Bool {
      guard position < bytes.count,
        characters.contains(where: { UInt8(ascii: $0) == bytes[position] })
      else { return false }
      position += 1
      return true
    }

    mutating func sign() -> Int? {
      if skip("+") { return 1 }
      if skip("-") { return -1 }
      return nil
    }
  }
}

/// Why a text is not a review time.
public enum UTCTimestampError: Error, Hashable, Sendable, CustomStringConvertible {
  case notATime(String)
  case noTimeZone(String)
  case finerThanMicroseconds(String)
  case impossible(String)

  public var description: String {
    switch self {
    case .notATime(let text):
      return "'\(text)' is not an ISO 8601 time such as 2024-03-05T09:30:00Z"
    case .noTimeZone(let text):
      return "'\(text)' has no time zone; end it with Z for UTC"
    case .finerThanMicroseconds(let text):
      return "'\(text)' has more than 6 decimals of seconds; Recall keeps microseconds"
    case .impossible(let text):
      return "'\(text)' is not a real date and time"
    }
  }
}
