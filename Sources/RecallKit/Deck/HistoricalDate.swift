/// A date as precise as its source: a day, a month, part of a month, a season, a year, a decade,
/// a century (or part of one), or a range of these, in either era.
///
/// Questions must never ask for more precision than the source gives, so the precision travels
/// with the value instead of being flattened into a calendar date. Years are stored in
/// astronomical numbering (1 BC is year 0, 44 BC is year -43) so arithmetic and ordering work
/// across the era boundary; the text forms never show a year 0.
public struct HistoricalDate: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Early, mid or late: the source's own words for part of a month, a year or a century.
  public enum Part: String, Hashable, Sendable, Codable, CaseIterable {
    case early, mid, late
  }

  /// Seasons, northern-hemisphere convention, as history texts use them.
  public enum Season: String, Hashable, Sendable, Codable, CaseIterable {
    case spring, summer, autumn, winter
  }

  /// How the author writes eras: "44 BC" / "AD 14", or "44 BCE" / "14 CE".
  public enum EraStyle: String, Hashable, Sendable, Codable {
    case christian, common
  }

  /// One point in time at some precision. Years are astronomical (0 is 1 BC).
  public enum Point: Hashable, Sendable, Codable {
    case day(year: Int, month: Int, day: Int)
    case month(year: Int, month: Int)
    case partOfMonth(Part, year: Int, month: Int)
    case season(Season, year: Int)
    case partOfYear(Part, year: Int)
    case year(Int)
    /// A decade by its label in historical numbering: 1580 for "1580s", 140 for "AD 140s",
    /// -340 for "340s BC" (349–340 BC).
    case decade(Int)
    /// "The 1400s" (1400–1499) by its label: 1400, or -300 for "the 300s BC" (399–300 BC).
    case hundreds(Int)
    /// A century by its ordinal, negative before Christ: 5 is the 5th century (AD 401–500),
    /// -3 the 3rd century BC (300–201 BC); with an optional early/mid/late third.
    case century(Int, part: Part?)
  }

  /// How precise a point is; a range has the precision of its points.
  public enum Precision: String, Hashable, Sendable, Codable, Comparable {
    case century, decade, year, partOfYear, season, month, partOfMonth, day

    private var rank: Int {
      switch self {
      case .century: -2
      case .decade: -1
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
  /// The last point of a range ("10–11 July 1998", "27 BC to AD 14"), or nil.
  public var end: Point?
  /// The source hedges the date: "c. AD 122", "around 2500 BC".
  public var isApproximate: Bool
  /// The author supplied the year the source leaves out (`8 January [1999]` in a deck).
  public var isYearInferred: Bool
  /// BC/AD or BCE/CE, as the author wrote it; BC/AD when neither was written.
  public var eraStyle: EraStyle

  public init(
    _ start: Point, to end: Point? = nil, approximate: Bool = false, yearInferred: Bool = false,
    eraStyle: EraStyle = .christian
  ) {
    self.start = start
    self.end = end
    self.isApproximate = approximate
    self.isYearInferred = yearInferred
    self.eraStyle = eraStyle
  }

  public var isRange: Bool { end != nil }

  /// The coarser of the two ends' precisions.
  public var precision: Precision {
    guard let end else { return start.precision }
    return Swift.min(start.precision, end.precision)
  }

  /// The first (astronomical) year the date covers.
  public var year: Int { start.year }

  /// Whether any part of the date lies before AD 1.
  public var reachesBeforeChrist: Bool { start.year <= 0 || (end?.year ?? 1) <= 0 }

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
    case .decade: .decade
    case .hundreds, .century: .century
    }
  }

  /// The first astronomical year the point covers.
  public var year: Int { years.lowerBound }

  /// Every astronomical year the point touches.
  public var years: ClosedRange<Int> {
    switch self {
    case .day(let year, _, _), .month(let year, _), .partOfMonth(_, let year, _),
      .season(_, let year), .partOfYear(_, let year), .year(let year):
      return year...year
    case .decade(let label):
      return HistoricalDate.labelledSpan(label, length: 10)
    case .hundreds(let label):
      return HistoricalDate.labelledSpan(label, length: 100)
    case .century(let ordinal, let part):
      // AD n: (n-1)*100+1 ... n*100. BC n: n*100 BC ... (n-1)*100+1 BC, astronomically
      // -(n*100)+1 ... -(n-1)*100.
      let whole =
        ordinal > 0
        ? ((ordinal - 1) * 100 + 1)...(ordinal * 100)
        : (ordinal * 100 + 1)...((ordinal + 1) * 100)
      guard let part else { return whole }
      let first = whole.lowerBound
      switch part {
      case .early: return first...(first + 32)
      case .mid: return (first + 33)...(first + 65)
      case .late: return (first + 66)...whole.upperBound
      }
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
    case .decade, .hundreds, .century:
      let span = years
      return HistoricalDate.dayNumber(
        year: (span.lowerBound + span.upperBound) / 2, month: 7, day: 1)
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

  /// An astronomical year from a year as written with its era: 44 BC → -43, AD 14 → 14.
  public static func astronomical(_ year: Int, beforeChrist: Bool) -> Int {
    beforeChrist ? 1 - year : year
  }

  /// The years a decade or hundreds label covers: 1580 → 1580...1589, -340 (340s BC, which run
  /// 349–340 BC) → -348...-339.
  static func labelledSpan(_ label: Int, length: Int) -> ClosedRange<Int> {
    label > 0
      ? label...(label + length - 1)
      : (label - length + 2)...(label + 1)
  }

  /// Astronomical years (0 is 1 BC), in the proleptic Gregorian calendar.
  static func daysIn(month: Int, year: Int) -> Int {
    CivilCalendar.daysIn(month: month, year: year)
  }

  /// The day number of 1970-01-01.
  static let dayNumberOf1970 = 719_468

  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    // Counted from 1 March of year 0, so every date of history has a non-negative number.
    CivilCalendar.daysSince1970(year: year, month: month, day: day) + dayNumberOf1970
  }
}
