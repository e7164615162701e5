import Foundation

/// A day of the week, numbered as `Calendar` numbers them (1 Sunday … 7 Saturday), so a
/// study day's weekday comes straight from the calendar of the learner's time zone.
public enum Weekday: Int, CaseIterable, Comparable, Hashable, Sendable {
  case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

  /// The three-letter name `--easy-days` takes and prints.
  public var shortName: String {
    switch self {
    case .sunday: "sun"
    case .monday: "mon"
    case .tuesday: "tue"
    case .wednesday: "wed"
    case .thursday: "thu"
    case .friday: "fri"
    case .saturday: "sat"
    }
  }

  /// The weekday `days` days after this one.
  public func advanced(by days: Int) -> Weekday {
    let index = ((rawValue - 1 + days) % 7 + 7) % 7
    return Weekday(rawValue: index + 1) ?? self
  }

  /// Reads `sat,sun` (three letters or the whole English name, any case); an empty text or
  /// `none` is no day.
  public static func parseList(_ text: String) throws(SchedulerOptionsError) -> Set<Weekday> {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if trimmed.isEmpty || trimmed == "none" { return [] }
    var days: Set<Weekday> = []
    for field in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
      let name = field.trimmingCharacters(in: .whitespaces)
      guard
        let day = allCases.first(where: { name == $0.shortName || name == "\($0)" })
      else { throw .unreadableWeekday(name) }
      days.insert(day)
    }
    return days
  }

  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
