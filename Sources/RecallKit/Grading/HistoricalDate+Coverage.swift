extension HistoricalDate.Point {
  /// The days a point covers, as day-number spans, so grading can ask whether one date lies
  /// within another.
  ///
  /// Early, mid and late split a month at the 10th and 20th and a year into thirds (January–April,
  /// May–August, September–December). Seasons are meteorological; winter Y covers January and
  /// February of Y and December of Y, so a winter date never reaches into another year.
  var coveredSpans: [ClosedRange<Int>] {
    switch self {
    case .day(let year, let month, let day):
      let number = HistoricalDate.dayNumber(year: year, month: month, day: day)
      return [number...number]
    case .month(let year, let month):
      return [Self.span(year, months: month...month)]
    case .partOfMonth(let part, let year, let month):
      let last = HistoricalDate.daysIn(month: month, year: year)
      let days =
        switch part {
        case .early: 1...10
        case .mid: 11...20
        case .late: 21...last
        }
      return [
        HistoricalDate.dayNumber(
          year: year, month: month, day: days.lowerBound)...HistoricalDate.dayNumber(
            year: year, month: month, day: days.upperBound)
      ]
    case .season(let season, let year):
      switch season {
      case .spring: return [Self.span(year, months: 3...5)]
      case .summer: return [Self.span(year, months: 6...8)]
      case .autumn: return [Self.span(year, months: 9...11)]
      case .winter: return [Self.span(year, months: 1...2), Self.span(year, months: 12...12)]
      }
    case .partOfYear(let part, let year):
      switch part {
      case .early: return [Self.span(year, months: 1...4)]
      case .mid: return [Self.span(year, months: 5...8)]
      case .late: return [Self.span(year, months: 9...12)]
      }
    case .year(let year):
      return [Self.span(year, months: 1...12)]
    case .decade, .hundreds, .century:
      let span = years
      return [
        Self.span(span.lowerBound, months: 1...1)
          .lowerBound...Self.span(
            span.upperBound, months: 12...12
          ).upperBound
      ]
    }
  }

  /// Whether every day this point covers is also covered by `other`.
  func lies(within other: Self) -> Bool {
    let outer = other.coveredSpans
    return coveredSpans.allSatisfy { span in
      outer.contains { $0.lowerBound <= span.lowerBound && span.upperBound <= $0.upperBound }
    }
  }

  /// The same point without its "early", "mid" or "late": May 1998 for mid-May 1998.
  var withoutPart: Self? {
    switch self {
    case .partOfMonth(_, let year, let month): .month(year: year, month: month)
    case .partOfYear(_, let year): .year(year)
    default: nil
    }
  }

  private static func span(_ year: Int, months: ClosedRange<Int>) -> ClosedRange<Int> {
    let last = HistoricalDate.daysIn(month: months.upperBound, year: year)
    return HistoricalDate.dayNumber(
      year: year, month: months.lowerBound, day: 1)...HistoricalDate.dayNumber(
        year: year, month: months.upperBound, day: last)
  }
}
