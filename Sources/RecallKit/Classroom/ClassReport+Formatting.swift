import Foundation

extension ClassReport {
  /// `87%`, or `–` for no value.
  static func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "–" }
    return "\(Int((share * 100).rounded()))%"
  }

  /// An index already on a 0–100 scale, or `–`.
  static func index(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    return "\(Int(value.rounded()))"
  }

  /// `2027-06-10`, in UTC (report dates are whole days).
  static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  /// A fixed number for JSON and CSV: four decimals, or null/empty.
  static func decimal(_ value: Double?, empty: String) -> String {
    guard let value, value.isFinite else { return empty }
    return String(format: "%.4f", value)
  }
}
