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

  /// A JSON string literal, escaped as every hand-written JSON file here escapes it.
  static func quoted(_ value: String) -> String { JSONText.quoted(value) }
}
