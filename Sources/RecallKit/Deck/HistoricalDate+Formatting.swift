extension HistoricalDate {
  /// The date in plain English at exactly its precision: "10–11 July 1998", "mid-May 1998",
  /// "15 March 44 BC", "c. AD 122", "1580s", "early 5th century AD", "27 BC to AD 14".
  public var formatted: String {
    let text = rendered(bracketingYear: false)
    return isApproximate ? "c. " + text : text
  }

  /// The date as a deck writes it: `formatted`, with an inferred year in brackets
  /// ("8 January [1999]"), so reading it back gives the same date.
  public var deckText: String {
    let text = rendered(bracketingYear: isYearInferred)
    return isApproximate ? "c. " + text : text
  }

  /// For explanations: says that the year is the author's inference, or nil when it is not.
  public var inferredYearNote: String? {
    guard isYearInferred else { return nil }
    return "the source gives no year; \(Self.yearText(year, style: eraStyle)) is inferred"
  }

  /// The date as it reads after a preposition: "on 10 July 1998", "in mid-May 1998",
  /// "from 10 to 11 July 1998", "in the 1580s", "in the 5th century AD", "around AD 122".
  public var withPreposition: String {
    let body = rendered(bracketingYear: false)
    guard end == nil else { return "from " + rangeBody(prefixingFrom: true) }
    if isApproximate { return "around " + body }
    switch start {
    case .day: return "on " + body
    case .decade: return "in the " + body
    case .hundreds, .century: return "in " + (body.hasPrefix("the ") ? body : "the " + body)
    default: return "in " + body
    }
  }

  /// A year as written: 1998, AD 43 (`markingAD`), 44 BC, or 44 BCE and 43 CE in the common
  /// era style.
  public static func yearText(_ year: Int, style: EraStyle = .christian, markingAD: Bool? = nil)
    -> String
  {
    if year <= 0 { return "\(1 - year) \(style == .common ? "BCE" : "BC")" }
    guard markingAD ?? (year < 1000) else { return "\(year)" }
    return style == .common ? "\(year) CE" : "AD \(year)"
  }

  private func rendered(bracketingYear: Bool) -> String {
    let context = Context(
      style: eraStyle, crossesEra: reachesBeforeChrist && (end?.year ?? start.year) > 0,
      bracketYear: bracketingYear)
    guard end != nil else { return start.formatted(includeYear: true, context) }
    return rangeBody(prefixingFrom: false, context)
  }

  private func rangeBody(prefixingFrom: Bool, _ given: Context? = nil) -> String {
    let context =
      given
      ?? Context(
        style: eraStyle, crossesEra: reachesBeforeChrist && (end?.year ?? start.year) > 0,
        bracketYear: false)
    guard let end else { return start.formatted(includeYear: true, context) }
    if case .day(let y1, let m1, let d1) = start, case .day(let y2, let m2, let d2) = end,
      y1 == y2, m1 == m2
    {
      let year = context.year(y1)
      let joiner = prefixingFrom ? " to " : "–"
      return "\(d1)\(joiner)\(d2) \(Self.monthName(m1)) \(year)"
    }
    // "264 to 241 BC" and "5th to 4th century BC": the era is said once when both ends share it.
    if start.year <= 0, end.year <= 0 {
      switch (start, end) {
      case (.year(let a), .year):
        return "\(1 - a) to \(end.formatted(includeYear: true, context))"
      case (.century(let a, nil), .century(_, nil)):
        return "\(Self.ordinal(-a)) to \(end.formatted(includeYear: true, context))"
      default: break
      }
    }
    let sameYear = start.year == end.year
    let head = start.formatted(includeYear: !sameYear || start.precision < .month, context)
    return "\(head) to \(end.formatted(includeYear: true, context))"
  }

  /// How the points of one date show their years.
  struct Context {
    var style: EraStyle
    /// A range from BC into AD marks its AD end ("27 BC to AD 14").
    var crossesEra: Bool
    var bracketYear: Bool

    func year(_ year: Int) -> String {
      let text = HistoricalDate.yearText(
        year, style: style, markingAD: crossesEra ? true : nil)
      return bracketYear ? "[\(text)]" : text
    }

    /// "BC"/"AD" after a decade or century, when one is needed.
    func era(beforeChrist: Bool, markingAD: Bool) -> String {
      if beforeChrist { return style == .common ? " BCE" : " BC" }
      guard markingAD || crossesEra else { return "" }
      return style == .common ? " CE" : " AD"
    }
  }

  /// 1st, 2nd, 3rd, 4th, 11th, 21st.
  static func ordinal(_ number: Int) -> String {
    let suffix =
      (11...13).contains(number % 100)
      ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
    return "\(number)\(suffix)"
  }
}

extension HistoricalDate.Point {
  /// One point in English; the year may be left to the other end of a range.
  public func formatted(includeYear: Bool) -> String {
    formatted(
      includeYear: includeYear,
      HistoricalDate.Context(style: .christian, crossesEra: false, bracketYear: false))
  }

  func formatted(includeYear: Bool, _ context: HistoricalDate.Context) -> String {
    let yearSuffix = { (text: String) in
      includeYear ? "\(text) \(context.year(self.year))" : text
    }
    switch self {
    case .day(_, let month, let day):
      return yearSuffix("\(day) \(HistoricalDate.monthName(month))")
    case .month(_, let month):
      return yearSuffix(HistoricalDate.monthName(month))
    case .partOfMonth(let part, _, let month):
      let name = HistoricalDate.monthName(month)
      return yearSuffix(part == .mid ? "mid-\(name)" : "\(part.rawValue) \(name)")
    case .season(let season, let year):
      return "\(season.rawValue) \(context.year(year))"
    case .partOfYear(let part, let year):
      return part == .mid ? "mid-\(context.year(year))" : "\(part.rawValue) \(context.year(year))"
    case .year(let year):
      return context.year(year)
    case .decade(let label):
      if label < 0 { return "\(-label)s" + context.era(beforeChrist: true, markingAD: false) }
      let marked = label < 1000 || context.crossesEra
      guard marked else { return "\(label)s" }
      return context.style == .common ? "\(label)s CE" : "AD \(label)s"
    case .hundreds(let label):
      let era = context.era(beforeChrist: label < 0, markingAD: abs(label) < 1000)
      return "the \(abs(label))s\(era)"
    case .century(let number, let part):
      let era = context.era(beforeChrist: number < 0, markingAD: abs(number) <= 10)
      let body = "\(HistoricalDate.ordinal(abs(number))) century\(era)"
      guard let part else { return body }
      return part == .mid ? "mid-\(body)" : "\(part.rawValue) \(body)"
    }
  }
}
