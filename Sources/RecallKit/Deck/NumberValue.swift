/// A number as the source states it: exact, approximate, a bound, or a range.
public struct NumberValue: Hashable, Sendable, Codable, CustomStringConvertible {
  /// How the source qualifies the number.
  public enum Qualifier: String, Hashable, Sendable, Codable, CaseIterable {
    case exact
    case about
    case over
    case under
    case atLeast = "at least"
    case atMost = "at most"
  }

  public var low: Double
  /// Equal to `low` unless the source gives a range ("between 3,000 and 5,000").
  public var high: Double
  public var qualifier: Qualifier

  public init(_ value: Double, qualifier: Qualifier = .exact) {
    self.low = value
    self.high = value
    self.qualifier = qualifier
  }

  public init(from low: Double, to high: Double, qualifier: Qualifier = .exact) {
    self.low = low
    self.high = high
    self.qualifier = qualifier
  }

  public var isRange: Bool { low != high }

  /// "over 100", "at least 8": the true figure is this or more, so a larger figure is no
  /// mistake and a smaller one no distractor.
  public var isLowerBound: Bool { qualifier == .over || qualifier == .atLeast }

  /// "under 10", "at most 8", "up to 8".
  public var isUpperBound: Bool { qualifier == .under || qualifier == .atMost }

  /// Answers a grader should accept: a range's span, ±10% around an approximate figure, and a
  /// little way past a bound ("over 100" accepts 100 to 120).
  public var acceptedRange: ClosedRange<Double> {
    switch qualifier {
    case .exact: return low...high
    case .about: return (low * 9 / 10).rounded(.down)...(high * 11 / 10).rounded(.up)
    case .over, .atLeast: return low...(Swift.max(high * 12 / 10, high + 1)).rounded(.up)
    case .under, .atMost: return (low * 8 / 10).rounded(.down)...high
    }
  }

  /// The figure in words a reader expects: "over 100", "between 3,000 and 5,000", "about 100".
  public var description: String {
    if isRange {
      let range = "between \(Self.format(low)) and \(Self.format(high))"
      return qualifier == .exact ? range : "\(qualifier.rawValue) \(range)"
    }
    return qualifier == .exact ? Self.format(low) : "\(qualifier.rawValue) \(Self.format(low))"
  }

  /// A number with thousands separators and no needless decimals: 3000 → "3,000".
  public static func format(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 {
      let digits = String(Int64(abs(value)))
      var grouped = ""
      for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(character)
      }
      return value < 0 ? "-" + grouped : grouped
    }
    // Figures worked out by multiplying (0.1 × 6) print as the source would: 0.6, not
    // 0.6000000000000001.
    let rounded = (value * 1_000_000).rounded() / 1_000_000
    return String(rounded)
  }
}
