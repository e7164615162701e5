/// Builds the JSON text of progress files by hand, so that the layout stays readable (one card
/// or one review per line) and writing a 100,000-card snapshot stays fast.
struct ProgressJSONWriter {
  private(set) var text = ""

  init(reservingCapacity capacity: Int = 0) {
    text.reserveCapacity(capacity)
  }

  mutating func raw(_ fragment: String) {
    text += fragment
  }

  mutating func string(_ value: String) {
    text += Self.quoted(value)
  }

  mutating func key(_ name: String) {
    text += Self.quoted(name)
    text += ": "
  }

  mutating func number(_ value: Int) {
    text += String(value)
  }

  /// Writes a finite double in its shortest form that reads back exactly.
  mutating func number(_ value: Double) {
    text += value.description
  }

  mutating func optional(_ value: Double?) {
    if let value { number(value) } else { text += "null" }
  }

  mutating func optional(_ value: Int?) {
    if let value { number(value) } else { text += "null" }
  }

  mutating func bool(_ value: Bool) {
    text += value ? "true" : "false"
  }

  /// JSON string syntax; control characters are escaped so that a value never spans lines.
  static func quoted(_ value: String) -> String {
    let needsEscape = value.utf8.contains { byte in
      byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }
    guard needsEscape else { return "\"" + value + "\"" }
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{00}"..."\u{1F}":
        let digits = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
