import Foundation

extension Date {
  /// Microseconds between 1970-01-01 and 2001-01-01, Foundation's reference date.
  static let referenceOffsetMicroseconds: Int64 = 978_307_200_000_000

  /// The date as whole microseconds since 1970-01-01 UTC, rounded to the nearest.
  ///
  /// Schedules are computed on microseconds, as Python's datetime is, so whole-day
  /// boundaries and half-step rounding agree with py-fsrs instead of drifting with `Double`.
  /// A `Date` holds every microsecond exactly until 2137; later ones may be 1 µs off.
  public var microsecondsSince1970: Int64 {
    Int64((timeIntervalSinceReferenceDate * 1_000_000).rounded()) + Self.referenceOffsetMicroseconds
  }

  /// The date that many microseconds after 1970-01-01 UTC.
  public init(microsecondsSince1970 microseconds: Int64) {
    // One rounding step from the exact value: through the reference date, not via 1970.
    self.init(
      timeIntervalSinceReferenceDate: Double(microseconds - Self.referenceOffsetMicroseconds)
        / 1_000_000)
  }
}
