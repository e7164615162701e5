/// A unit a figure may be typed in, with its size in its dimension's base unit (days, metres,
/// kilograms), so an answer in another unit is converted before it is graded: "14 days" for a
/// figure counted in weeks, "230 feet" for one in metres.
struct MeasureUnit: Hashable, Sendable {
  enum Dimension: Hashable, Sendable { case time, length, mass }

  var dimension: Dimension
  /// How many base units one of this unit is.
  var size: Double

  private static let lengths: [String: Double] = [
    "mm": 0.001, "millimetre": 0.001, "millimetres": 0.001, "millimeter": 0.001,
    "millimeters": 0.001, "cm": 0.01, "centimetre": 0.01, "centimetres": 0.01,
    "centimeter": 0.01, "centimeters": 0.01, "m": 1, "metre": 1, "metres": 1, "meter": 1,
    "meters": 1, "km": 1000, "kilometre": 1000, "kilometres": 1000, "kilometer": 1000,
    "kilometers": 1000, "inch": 0.0254, "inches": 0.0254, "ft": 0.3048,
    "foot": 0.3048, "feet": 0.3048, "yd": 0.9144, "yard": 0.9144, "yards": 0.9144,
    "mi": 1609.344, "mile": 1609.344, "miles": 1609.344,
  ]

  private static let masses: [String: Double] = [
    "g": 0.001, "gram": 0.001, "grams": 0.001, "kg": 1, "kilo": 1, "kilos": 1, "kilogram": 1,
    "kilograms": 1, "tonne": 1000, "tonnes": 1000, "ton": 1000, "tons": 1000,
    "lb": 0.45359237, "lbs": 0.45359237, "pound": 0.45359237, "pounds": 0.45359237,
    "oz": 0.028349523, "ounce": 0.028349523, "ounces": 0.028349523,
  ]

  /// The unit a word names ("weeks", "ft", "fortnight" is two weeks), or nil.
  static func named(_ word: String) -> MeasureUnit? {
    let word = word.lowercased()
    if let (unit, times) = TimeSpan.Unit.named(word) {
      return MeasureUnit(dimension: .time, size: unit.days * times)
    }
    if let size = lengths[word] { return MeasureUnit(dimension: .length, size: size) }
    if let size = masses[word] { return MeasureUnit(dimension: .mass, size: size) }
    return nil
  }

  /// The unit a quantity counts in: its `unit`, or the first word of what it counts
  /// ("metres long is the Bayeux Tapestry", "days did the crisis last").
  static func of(_ quantity: Fact.Quantity) -> MeasureUnit? {
    if let unit = quantity.unit { return named(unit) }
    guard let first = quantity.howMany.split(whereSeparator: \.isWhitespace).first else {
      return nil
    }
    return named(String(first))
  }

  /// A typed figure with a unit after it ("230 feet", "about two weeks", "a fortnight"), or nil
  /// when the last word names no unit or the rest is no figure.
  static func reading(_ input: String) -> (value: NumberValue, unit: MeasureUnit)? {
    var words = input.lowercased().replacing("-", with: " ").split(whereSeparator: \.isWhitespace)
      .map(String.init)
    guard let last = words.last, let unit = named(last) else { return nil }
    words.removeLast()
    if words.isEmpty || words == ["a"] || words == ["an"] || words == ["one"] {
      return (NumberValue(1), unit)
    }
    guard let value = NumberAnswerGrader.read(words.joined(separator: " ")) else { return nil }
    return (value, unit)
  }

  /// `value`, counted in `self`, counted in `other` instead (rounded to a millionth, so three
  /// hours is 180 minutes, not 180.00000000000003).
  func convert(_ value: NumberValue, to other: MeasureUnit) -> NumberValue {
    func scaled(_ figure: Double) -> Double { (figure * size / other.size * 1e6).rounded() / 1e6 }
    return NumberValue(from: scaled(value.low), to: scaled(value.high), qualifier: value.qualifier)
  }
}
