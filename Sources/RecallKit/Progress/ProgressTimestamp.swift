import Foundation

/// Times in progress files: UTC ISO 8601 with milliseconds, such as `2025-03-01T09:30:00.250Z`.
///
/// Written and parsed with integer arithmetic so that a time read back is bit-for-bit the time
/// kept in memory: the store rounds every time to the millisecond before using it.
enum ProgressTimestamp {
  /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: four-digit years only.
  static let millisecondRange: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

  /// Milliseconds since 1970, rounded; nil when the time cannot be written.
  static func milliseconds(_ date: Date) -> Int64? {
    let value = (date.timeIntervalSince1970 * 1000).rounded()
    guard value.isFinite, Double(millisecondRange.lowerBound) <= value,
      value <= Double(millisecondRange.upperBound)
    else { return nil }
    return Int64(value)
  }

  static func date(milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// The time as the store keeps it (rounded to the millisecond), or nil when out of range.
  static func normalized(_ date: Date) -> Date? {
    milliseconds(date).map { self.date(milliseconds: $0) }
  }

  /// The text for a time already known to be in range.
  static func format(milliseconds: Int64) -> String {
    let (days, inDay) = floorDivision(milliseconds, 86_400_000)
    let (year, month, day) = civil(fromDays: days)
    let hour = inDay / 3_600_000
    let minute = inDay / 60_000 % 60
    let second = inDay / 1000 % 60
    let milli = inDay % 1000
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":"
      + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(milli, 3) + "Z"
  }

  static func format(_ date: Date) -> String? {
    milliseconds(date).map { format(milliseconds: $0) }
  }

  /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction]Z`; the fraction is rounded to the millisecond.
  static func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard bytes.count >= 20, bytes[bytes.count - 1] == UInt8(ascii: "Z") else { return nil }
    func number(_ start: Int, _ count: Int) -> Int64? {
      var value: Int64 = 0
      for index in start..<(start + count) {
        let byte = bytes[index]
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - 48)
      }
      return value
    }
    guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var milli: Int64 = 0
    let fractionEnd = bytes.count - 1
    if fractionEnd > 19 {
      let digits = fractionEnd - 20
      guard bytes[19] == UInt8(ascii: "."), (1...9).contains(digits),
        let fraction = number(20, digits)
      else { return nil }
      var scale: Int64 = 1
      for _ in 0..<digits { scale *= 10 }
      milli = (fraction * 1000 + scale / 2) / scale
    } else if fractionEnd != 19 {
      return nil
    }
    let days = daysFromCivil(year: year, month: month, day: day)
    let total = days * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + milli
    guard millisecondRange.contains(total) else { return nil }
    return date(milliseconds: total)
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits
      : String(repeating: "0", count: width - digits.count)
        + digits
  }

  private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let remainder = value % divisor
    return remainder < 0
      ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
  }

  private static func isLeap(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  private static func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar (eras of 400 years).
  private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = floorDivision(shiftedYear, 400).0
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let shifted = days + 719_468
    let era = floorDivision(shifted, 146_097).0
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day)
  }
}
