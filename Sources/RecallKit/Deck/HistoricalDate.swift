/// A date as precise as its source: a day, a month, part of a month, a season, a year, or a range.
///
/// Questions must never ask for more precision than the source gives, so the precision travels
/// with the value instead of being flattened into a calendar date.
public struct HistoricalDate: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Early, mid or late: the source's own words for part of a month or year.
  public enum Part: String, Hashable, Sendable, Codable, CaseIterable {
    case early, mid, late
  }

  /// Seasons, northern-hemisphere convention, as history texts use them.
  public enum Season: String, Hashable, Sendable, Codable, CaseIterable {
    case spring, summer, autumn, winter
  }

  /// One point in time at some precision.
  public enum Point: Hashable, Sendable, Codable {
    case day(year: Int, month: Int, day: Int)
    case month(year: Int, month: Int)
    case partOfMonth(Part, year: Int, month: Int)
    case season(Season, year: Int)
    case partOfYear(Part, year: Int)
    case year(Int)
  }

  /// How precise a point is; a range has the precision of its points.
  public enum Precision: String, Hashable, Sendable, Codable, Comparable {
    case year, partOfYear, season, month, partOfMonth, day

    private var rank: Int {
      switch self {
      case .year: 0
      case .partOfYear: 1
      case .season: 2
      case .month: 3
      case .partOfMonth: 4
      case .day: 5
      }
    }

    public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rank < rhs.rank }
  }

  public var start: Point
  /// The last point of a range ("10–11 July 1998", "August to October 1998"), or nil.
  public var end: Point?

  public init(_ start: Point, to end: Point? = nil) {
    self.start = start
    self.end = end
  }

  public var isRange: Bool { end != nil }

  /// The coarser of the two ends' precisions.
  public var precision: Precision {
    guard let end else { return start.precision }
    return Swift.min(start.precision, end.precision)
  }

  public var year: Int { start.year }

  /// A day number (proleptic Gregorian, days since 1 Jan year 0) for sorting events in time.
  public var sortKey: Int { start.approximateDayNumber }

  public var description: String { formatted }
}

extension HistoricalDate.Point {
  public var precision: HistoricalDate.Precision {
    switch self {
    case .day: .day
    case .month: .month
    case .partOfMonth: .partOfMonth
    case .season: .season
    case .partOfYear: .partOfYear
    case .year: .year
    }
  }

  public var year: Int {
    switch self {
    case .day(let year, _, _), .month(let year, _), .partOfMonth(_, let year, _),
      .season(_, let year), .partOfYear(_, let year), .year(let year):
      year
    }
  }

  /// The month, where the point has one.
  public var month: Int? {
    switch self {
    case .day(_, let month, _), .month(_, let month), .partOfMonth(_, _, let month): month
    default: nil
    }
  }

  /// A representative day for ordering: the middle of what the point covers.
  public var approximateDayNumber: Int {
    switch self {
    case .day(let year, let month, let day):
      return HistoricalDate.dayNumber(year: year, month: month, day: day)
    case .month(let year, let month):
      return HistoricalDate.dayNumber(year: year, month: month, day: 15)
    case .partOfMonth(let part, let year, let month):
      let day = part == .early ? 5 : part == .mid ? 15 : 25
      return HistoricalDate.dayNumber(year: year, month: month, day: day)
    case .season(let season, let year):
      let month =
        [HistoricalDate.Season.spring: 4, .summer: 7, .autumn: 10, .winter: 1][season] ?? 1
      return HistoricalDate.dayNumber(year: year, month: month, day: 15)
    case .partOfYear(let part, let year):
      let month = part == .early ? 2 : part == .mid ? 6 : 11
      return HistoricalDate.dayNumber(year: year, month: month, day: 15)
    case .year(let year):
      return HistoricalDate.dayNumber(year: year, month: 7, day: 1)
    }
  }
}

extension HistoricalDate {
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// The English name of a month numbered 1–12.
  public static func monthName(_ month: Int) -> String {
    (1...12).contains(month) ? monthNames[month - 1] : "month \(month)"
  }

  static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    // Days from civil (Howard Hinnant's algorithm), shifted so the epoch does not matter.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe
  }
}
