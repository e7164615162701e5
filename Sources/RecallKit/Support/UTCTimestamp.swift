import Foundation

/// The one ISO 8601 codec: `2024-03-05T09:30:00Z`, with optional fractional seconds and an
/// optional numeric offset instead of `Z`. Review logs and `--now` read it leniently to the
/// microsecond (`parse`); progress files keep a strict millisecond form of it
/// (`ProgressTimestamp`), on the same reader and writer.
///
/// Hand-written rather than `ISO8601DateFormatter` because schedules are exact to the
/// microsecond, the formatter keeps milliseconds at most, and progress files are read in bulk.
public enum UTCTimestamp {
  /// The moment the text names, or a message saying what is wrong with it.
  public static func parse(_ text: String) -> Result<Date, UTCTimestampError> {
    var bytes = text
    let read = bytes.withUTF8 { fields(in: $0) }
    guard let fields = read else { return .failure(.notATime(text)) }
    guard fields.fractionDigits <= 6 else { return .failure(.finerThanMicroseconds(text)) }
    guard fields.zone != .missing else { return .failure(.noTimeZone(text)) }
    guard fields.isReal else { return .failure(.impossible(text)) }
    return .success(date(of: fields))
  }

  /// The moment the bytes name, or nil for anything `parse` would refuse; reads without
  /// making a string, for the review logs' plain lines.
  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard let fields = fields(in: bytes), fields.fractionDigits <= 6, fields.zone != .missing,
      fields.isReal
    else { return nil }
    return date(of: fields)
  }

  private static func date(of fields: Fields) -> Date {
    var microseconds = fields.fraction
    for _ in fields.fractionDigits..<6 { microseconds *= 10 }
    return Date(microsecondsSince1970: fields.secondsSince1970 * 1_000_000 + microseconds)
  }

  /// `2024-03-05T09:30:00Z`, with `.123` or `.123456` only when the time has them.
  public static func format(_ date: Date) -> String {
    format(microseconds: date.microsecondsSince1970, fraction: .asNeeded)
  }

  /// How many decimals of seconds `format(microseconds:fraction:)` writes.
  enum Fraction {
    /// None for whole seconds, else 3 or 6.
    case asNeeded
    /// Always 3, as progress files keep them.
    case milliseconds
  }

  /// The text of a time given in microseconds since 1970, in UTC with `Z`.
  static func format(microseconds total: Int64, fraction: Fraction) -> String {
    let seconds = Int(CivilCalendar.floorDivision(Int(total), 1_000_000))
    let microseconds = Int(total) - seconds * 1_000_000
    let days = CivilCalendar.floorDivision(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = CivilCalendar.date(daysSince1970: days)
    // Built as ASCII bytes: this runs for every time in a replay or a progress snapshot.
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
    append(secondOfDay / 3_600, width: 2)
    bytes.append(UInt8(ascii: ":"))
    append(secondOfDay % 3_600 / 60, width: 2)
    bytes.append(UInt8(ascii: ":"))
    append(secondOfDay % 60, width: 2)
    switch fraction {
    case .milliseconds:
      bytes.append(UInt8(ascii: "."))
      append(microseconds / 1_000, width: 3)
    case .asNeeded where microseconds == 0:
      break
    case .asNeeded where microseconds % 1_000 == 0:
      bytes.append(UInt8(ascii: "."))
      append(microseconds / 1_000, width: 3)
    case .asNeeded:
      bytes.append(UInt8(ascii: "."))
      append(microseconds, width: 6)
    }
    bytes.append(UInt8(ascii: "Z"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// What a time's text says, before any rule about which forms a reader accepts.
  struct Fields {
    enum Zone: Equatable {
      case missing
      /// `Z`; `uppercase` is false for `z`.
      case utc(uppercase: Bool)
      case offset(minutes: Int)
    }

    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// The decimals of seconds as written (`.25` is 25 with 2 digits); 0 with 0 digits when
    /// there are none. Digits past the 18th are counted but not kept.
    var fraction: Int64 = 0
    var fractionDigits = 0
    /// `T`, `t` or a space.
    var separator: UInt8
    var zone: Zone = .missing

    /// Whether the date exists and the time of day is one (no 24:00, no leap seconds).
    var isReal: Bool {
      (1...12).contains(month) && (1...CivilCalendar.daysIn(month: month, year: year)).contains(day)
        && hour <= 23 && minute <= 59 && second <= 59
    }

    /// Whole seconds since 1970 in UTC, the offset taken away.
    var secondsSince1970: Int64 {
      let days = CivilCalendar.daysSince1970(year: year, month: month, day: day)
      var offset = 0
      if case .offset(let minutes) = zone { offset = minutes * 60 }
      return Int64(days * 86_400 + hour * 3_600 + minute * 60 + second - offset)
    }
  }

  /// Reads `YYYY-MM-DD(T|t| )HH:MM:SS[(.|,)digits][Z|z|±HH[:]MM]`, or nil when the bytes are
  /// not of that shape. Whether the date is real is left to `Fields.isReal`.
  static func fields(in bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
    var position = 0
    func digits(_ count: Int) -> Int? {
      guard position + count <= bytes.count else { return nil }
      var value = 0
      for index in position..<(position + count) {
        let digit = Int(bytes[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      position += count
      return value
    }
    func skip(_ byte: UInt8) -> Bool {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
      return true
    }
    guard let year = digits(4), skip(0x2D), let month = digits(2), skip(0x2D),
      let day = digits(2), position < bytes.count
    else { return nil }
    let separator = bytes[position]
    guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20
    else { return nil }
    position += 1
    guard let hour = digits(2), skip(0x3A), let minute = digits(2), skip(0x3A),
      let second = digits(2)
    else { return nil }
    var fields = Fields(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      separator: separator)
    if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
      while position < bytes.count, (48...57).contains(bytes[position]) {
        if fields.fractionDigits < 18 {
          fields.fraction = fields.fraction * 10 + Int64(bytes[position] - 48)
        }
        fields.fractionDigits += 1
        position += 1
      }
      guard fields.fractionDigits > 0 else { return nil }
    }
    if skip(UInt8(ascii: "Z")) {
      fields.zone = .utc(uppercase: true)
    } else if skip(UInt8(ascii: "z")) {
      fields.zone = .utc(uppercase: false)
    } else if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D {
      let sign = bytes[position] == 0x2B ? 1 : -1
      position += 1
      guard let hours = digits(2) else { return nil }
      let colon = skip(0x3A)
      var minutes = 0
      if let value = digits(2) {
        minutes = value
      } else if colon {
        return nil
      }
      guard hours <= 23, minutes <= 59 else { return nil }
      fields.zone = .offset(minutes: sign * (hours * 60 + minutes))
    }
    guard position == bytes.count else { return nil }
    return fields
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
