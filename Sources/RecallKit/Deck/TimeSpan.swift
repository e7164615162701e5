/// A length of time as the source gives it: "two weeks", "about 3 months", "six or seven years".
///
/// Kept as the source's own figure and unit, so a question asks "How long…?" in that unit, while
/// a grader can convert ("14 days" is two weeks).
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
  /// Units of time, each with its length in days (months and years on average).
  public enum Unit: String, Hashable, Sendable, CaseIterable {
    case minute, hour, day, week, month, year, decade, century

    public var days: Double {
      switch self {
      case .minute: 1.0 / 1440
      case .hour: 1.0 / 24
      case .day: 1
      case .week: 7
      case .month: 30.436875
      case .year: 365.2425
      case .decade: 3652.425
      case .century: 36524.25
      }
    }

    /// The unit's name for a count: "1 week", "2 weeks".
    public func name(plural: Bool) -> String {
      guard plural else { return rawValue }
      return self == .century ? "centuries" : rawValue + "s"
    }

    /// The unit a word names ("weeks", "hrs", "fortnight" is two weeks), with its multiplier.
    public static func named(_ word: String) -> (unit: Unit, times: Double)? {
      switch word.lowercased() {
      case "minute", "minutes", "min", "mins": (.minute, 1)
      case "hour", "hours", "hr", "hrs", "h": (.hour, 1)
      case "day", "days": (.day, 1)
      case "week", "weeks", "wk", "wks": (.week, 1)
      case "fortnight", "fortnights": (.week, 2)
      case "month", "months": (.month, 1)
      case "year", "years", "yr", "yrs": (.year, 1)
      case "decade", "decades": (.decade, 1)
      case "century", "centuries": (.century, 1)
      default: nil
      }
    }
  }

  public var value: NumberValue
  public var unit: Unit

  public init(_ value: NumberValue, _ unit: Unit) {
    self.value = value
    self.unit = unit
  }

  /// "2 weeks", "about 3 months", "between 6 and 7 years".
  public var description: String {
    "\(value) \(unit.name(plural: value.low != 1 || value.isRange))"
  }

  /// The span in days, for comparing spans written in different units.
  public var days: ClosedRange<Double> {
    (value.low * unit.days)...(value.high * unit.days)
  }

  /// Reads "two weeks", "14 days", "about 3 months", "a fortnight", "six or seven years",
  /// "two-week"; nil when the text is not a figure followed by a unit of time.
  public static func parse(_ text: String) -> TimeSpan? {
    var words = NumberWords.replacingWords(in: text.lowercased().replacing("-", with: " "))
      .split(whereSeparator: \.isWhitespace).map(String.init)
    guard let last = words.last, let (unit, times) = Unit.named(last) else { return nil }
    words.removeLast()
    // "a fortnight", "a week".
    if words.isEmpty || words == ["a"] || words == ["one"] {
      return TimeSpan(NumberValue(times), unit)
    }
    guard var value = NumberValue.parse(words.joined(separator: " ")) else { return nil }
    value.low *= times
    value.high *= times
    return TimeSpan(value, unit)
  }
}

/// A time of day the source gives ("at 11:30"), to the minute.
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var hour: Int
  public var minute: Int

  public init(hour: Int, minute: Int = 0) {
    self.hour = hour
    self.minute = minute
  }

  /// "11:30", "06:05".
  public var description: String {
    (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
  }

  public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
    (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
  }

  /// Reads "11:30", "11.30", "9:05 am", "2 pm", "2:15 p.m.", "noon", "midnight"; nil otherwise.
  public static func parse(_ text: String) -> TimeOfDay? {
    var rest = text.lowercased().replacing(".", with: ":").split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    if rest == "noon" || rest == "midday" { return TimeOfDay(hour: 12) }
    if rest == "midnight" { return TimeOfDay(hour: 0) }
    var meridiem: String?
    for suffix in ["am", "pm", "a:m:", "p:m:", "a:m", "p:m"] where rest.hasSuffix(suffix) {
      meridiem = suffix.hasPrefix("a") ? "am" : "pm"
      rest = String(rest.dropLast(suffix.count)).trimmingBlanks()
      break
    }
    let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 }),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      var hour = Int(parts[0])
    else { return nil }
    let minute = parts.count == 2 ? Int(parts[1]) ?? 99 : 0
    guard parts.count == 2 || meridiem != nil, (0...59).contains(minute) else { return nil }
    if let meridiem {
      guard (1...12).contains(hour) else { return nil }
      if meridiem == "am" && hour == 12 { hour = 0 }
      if meridiem == "pm" && hour != 12 { hour += 12 }
    }
    guard (0...23).contains(hour) else { return nil }
    return TimeOfDay(hour: hour, minute: minute)
  }
}
