/// What the generator needs to vary dates: the span a date covers (to tell which events can be
/// put in order) and neighbours of the same precision (for distractors and false statements).
extension HistoricalDate {
  /// The days the date covers, first to last, so that two dates can be compared honestly:
  /// "early May 1999" and "2 May 1999" overlap and cannot be put in order.
  public var coveredDays: ClosedRange<Int> {
    let first = start.coveredDays.lowerBound
    let last = (end ?? start).coveredDays.upperBound
    return first...Swift.max(first, last)
  }

  /// Whether the two dates share no day, so one is strictly before the other.
  public func isDisjoint(from other: HistoricalDate) -> Bool {
    coveredDays.upperBound < other.coveredDays.lowerBound
      || other.coveredDays.upperBound < coveredDays.lowerBound
  }

  /// Dates of the same shape (precisions of both ends) can stand in for each other as options.
  var shape: String {
    "\(start.precision.rawValue)-\(end.map { $0.precision.rawValue } ?? "")"
  }

  /// Position on the scale of the date's precision; nil when the ends differ in precision.
  var ordinal: Int? {
    if let end, end.precision != start.precision { return nil }
    return start.ordinal
  }

  /// The date moved `units` steps of its own precision (days, months, parts of months…), or nil
  /// when the ends of a range differ in precision and cannot move together.
  func shifted(by units: Int) -> HistoricalDate? {
    if let end {
      guard end.precision == start.precision,
        let newStart = start.shifted(by: units), let newEnd = end.shifted(by: units)
      else { return nil }
      return HistoricalDate(newStart, to: newEnd)
    }
    return start.shifted(by: units).map { HistoricalDate($0) }
  }

  /// How many steps a range spans; shifting by more than this gives a range that does not
  /// overlap the original.
  var spanInUnits: Int {
    guard let end, end.precision == start.precision else { return 0 }
    return end.ordinal - start.ordinal
  }
}

extension HistoricalDate.Point {
  /// The days this point covers: a whole month for "July 1998", days 11–20 for "mid-July".
  var coveredDays: ClosedRange<Int> {
    func days(_ year: Int, _ month: Int, _ first: Int, _ last: Int) -> ClosedRange<Int> {
      HistoricalDate.dayNumber(
        year: year, month: month, day: first)...HistoricalDate.dayNumber(
          year: year, month: month, day: last)
    }
    func months(_ year: Int, _ first: Int, _ last: Int) -> ClosedRange<Int> {
      let start = HistoricalDate.dayNumber(year: year, month: first, day: 1)
      let endYear = last > 12 ? year + 1 : year
      let endMonth = last > 12 ? last - 12 : last
      let end = HistoricalDate.dayNumber(
        year: endYear, month: endMonth,
        day: HistoricalDate.daysIn(month: endMonth, year: endYear))
      return start...end
    }
    switch self {
    case .day(let year, let month, let day):
      return days(year, month, day, day)
    case .month(let year, let month):
      return days(year, month, 1, HistoricalDate.daysIn(month: month, year: year))
    case .partOfMonth(let part, let year, let month):
      switch part {
      case .early: return days(year, month, 1, 10)
      case .mid: return days(year, month, 11, 20)
      case .late: return days(year, month, 21, HistoricalDate.daysIn(month: month, year: year))
      }
    case .season(let season, let year):
      switch season {
      // Winter of a year is taken as the winter that ends in it, matching `sortKey`.
      case .winter:
        let start = HistoricalDate.dayNumber(year: year - 1, month: 12, day: 1)
        return start...months(year, 2, 2).upperBound
      case .spring: return months(year, 3, 5)
      case .summer: return months(year, 6, 8)
      case .autumn: return months(year, 9, 11)
      }
    case .partOfYear(let part, let year):
      switch part {
      case .early: return months(year, 1, 4)
      case .mid: return months(year, 5, 8)
      case .late: return months(year, 9, 12)
      }
    case .year(let year):
      return months(year, 1, 12)
    case .decade, .hundreds, .century:
      return months(years.lowerBound, 1, 12)
        .lowerBound...months(years.upperBound, 1, 12)
        .upperBound
    }
  }

  private static let seasons: [HistoricalDate.Season] = [.winter, .spring, .summer, .autumn]
  private static let parts: [HistoricalDate.Part] = [.early, .mid, .late]

  /// Consecutive whole numbers for consecutive points of one precision.
  var ordinal: Int {
    switch self {
    case .day(let year, let month, let day):
      HistoricalDate.dayNumber(year: year, month: month, day: day)
    case .month(let year, let month): year * 12 + month - 1
    case .partOfMonth(let part, let year, let month):
      (year * 12 + month - 1) * 3 + (Self.parts.firstIndex(of: part) ?? 0)
    case .season(let season, let year): year * 4 + (Self.seasons.firstIndex(of: season) ?? 0)
    case .partOfYear(let part, let year): year * 3 + (Self.parts.firstIndex(of: part) ?? 0)
    case .year(let year): year
    case .decade(let label): label / 10
    case .hundreds(let label): label / 100
    // Centuries skip 0: the 1st century BC (-1) is followed by the 1st century AD (1).
    case .century(let number, let part):
      (number > 0 ? number - 1 : number) * 3 + (part.flatMap { Self.parts.firstIndex(of: $0) } ?? 1)
    }
  }

  func shifted(by units: Int) -> HistoricalDate.Point? {
    // A whole century moves by centuries, not by thirds.
    if case .century(let number, nil) = self {
      let index = (number > 0 ? number - 1 : number) + units
      return .century(index >= 0 ? index + 1 : index, part: nil)
    }
    let target = ordinal + units
    func floorDivide(_ value: Int, _ divisor: Int) -> (Int, Int) {
      let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
      return (quotient, value - quotient * divisor)
    }
    switch self {
    case .day:
      let (year, month, day) = HistoricalDate.civil(fromDayNumber: target)
      return .day(year: year, month: month, day: day)
    case .month:
      let (year, month) = floorDivide(target, 12)
      return .month(year: year, month: month + 1)
    case .partOfMonth:
      let (monthIndex, part) = floorDivide(target, 3)
      let (year, month) = floorDivide(monthIndex, 12)
      return .partOfMonth(Self.parts[part], year: year, month: month + 1)
    case .season:
      let (year, season) = floorDivide(target, 4)
      return .season(Self.seasons[season], year: year)
    case .partOfYear:
      let (year, part) = floorDivide(target, 3)
      return .partOfYear(Self.parts[part], year: year)
    case .year:
      return .year(target)
    case .decade:
      return target == 0 ? nil : .decade(target * 10)
    case .hundreds:
      return target == 0 ? nil : .hundreds(target * 100)
    case .century(_, let part):
      let (index, third) = floorDivide(target, 3)
      let number = index >= 0 ? index + 1 : index
      return .century(number, part: part == nil ? nil : Self.parts[third])
    }
  }
}

extension HistoricalDate {
  /// The inverse of `dayNumber` (Howard Hinnant's civil-from-days).
  static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
    CivilCalendar.date(daysSince1970: number - dayNumberOf1970)
  }
}
