extension HistoricalDate {
  /// The date in plain English at exactly its precision: "10–11 July 1998", "mid-May 1998".
  public var formatted: String {
    guard let end else { return start.formatted(includeYear: true) }
    if case .day(let y1, let m1, let d1) = start, case .day(let y2, let m2, let d2) = end,
      y1 == y2, m1 == m2
    {
      return "\(d1)–\(d2) \(Self.monthName(m1)) \(y1)"
    }
    let sameYear = start.year == end.year
    let head = start.formatted(includeYear: !sameYear || start.precision < .month)
    return "\(head) to \(end.formatted(includeYear: true))"
  }

  /// The date as it reads after a preposition: "on 10 July 1998", "in mid-May 1998",
  /// "from 10 to 11 July 1998", "between August and October 1998".
  public var withPreposition: String {
    guard let end else {
      return (start.precision == .day ? "on " : "in ") + formatted
    }
    if case .day(let y1, let m1, let d1) = start, case .day(let y2, let m2, let d2) = end,
      y1 == y2, m1 == m2
    {
      return "from \(d1) to \(d2) \(Self.monthName(m1)) \(y1)"
    }
    let sameYear = start.year == end.year
    let head = start.formatted(includeYear: !sameYear || start.precision < .month)
    return "from \(head) to \(end.formatted(includeYear: true))"
  }
}

extension HistoricalDate.Point {
  /// One point in English; the year may be left to the other end of a range.
  public func formatted(includeYear: Bool) -> String {
    let yearSuffix = { (text: String) in includeYear ? "\(text) \(self.year)" : text }
    switch self {
    case .day(_, let month, let day):
      return yearSuffix("\(day) \(HistoricalDate.monthName(month))")
    case .month(_, let month):
      return yearSuffix(HistoricalDate.monthName(month))
    case .partOfMonth(let part, _, let month):
      let name = HistoricalDate.monthName(month)
      return yearSuffix(part == .mid ? "mid-\(name)" : "\(part.rawValue) \(name)")
    case .season(let season, let year):
      return "\(season.rawValue) \(year)"
    case .partOfYear(let part, let year):
      return part == .mid ? "mid-\(year)" : "\(part.rawValue) \(year)"
    case .year(let year):
      return "\(year)"
    }
  }
}
