import Foundation

/// Times in progress files: UTC ISO 8601 with milliseconds, such as `2025-03-01T09:30:00.250Z`,
/// read and written by the one codec, `UTCTimestamp`, in its strict form.
///
/// Integer arithmetic throughout, so that a time read back is bit-for-bit the time kept in
/// memory: the store rounds every time to the millisecond before using it.
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
    UTCTimestamp.format(microseconds: milliseconds * 1000, fraction: .milliseconds)
  }

  static func format(_ date: Date) -> String? {
    milliseconds(date).map { format(milliseconds: $0) }
  }

  /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction]Z`; the fraction is rounded to the millisecond.
  static func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  /// Only the form Recall writes, but for the number of decimals (1 to 9): an uppercase `T`
  /// and `Z`, no offset.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard let fields = UTCTimestamp.fields(in: bytes), fields.separator == UInt8(ascii: "T"),
      fields.zone == .utc(uppercase: true), fields.fractionDigits <= 9, fields.year >= 1,
      fields.isReal
    else { return nil }
    var milli: Int64 = 0
    if fields.fractionDigits > 0 {
      var scale: Int64 = 1
      for _ in 0..<fields.fractionDigits { scale *= 10 }
      milli = (fields.fraction * 1000 + scale / 2) / scale
    }
    let total = fields.secondsSince1970 * 1000 + milli
    guard millisecondRange.contains(total) else { return nil }
    return date(milliseconds: total)
  }
}
