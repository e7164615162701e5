/// Reads one JSON object from a line of a JSON Lines file with the one JSON reader,
/// `JSONScanner`, keeping where each member starts so a bad value can be reported at its
/// column.
struct JSONLineParser {
  enum Value: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// An array or object; review logs have none, so only the fact is kept.
    case nested
  }

  struct Member {
    var key: String
    var keyOffset: Int
    var value: Value
    var valueOffset: Int
  }

  /// The members of the object that makes up the whole line, and the offset of its `{`.
  static func object(in line: [UInt8]) throws(JSONSyntaxError) -> (
    offset: Int, members: [Member]
  ) {
    var scanner = JSONScanner(bytes: line)
    let start = scanner.valueOffset()
    guard scanner.peek() == UInt8(ascii: "{") else {
      throw scanner.failure(
        start == line.count
          ? "expected a JSON object, found an empty line" : "expected a JSON object", at: start)
    }
    try scanner.beginObject("the line")
    var members: [Member] = []
    while let (key, keyOffset) = try scanner.nextKey() {
      let valueOffset = scanner.valueOffset()
      let value: Value
      switch scanner.peek() {
      case UInt8(ascii: "\""): value = .string(try scanner.string("'\(key)'"))
      case UInt8(ascii: "t"), UInt8(ascii: "f"): value = .bool(try scanner.bool("'\(key)'"))
      case UInt8(ascii: "n") where scanner.consumeNull(): value = .null
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        try scanner.skipValue()
        value = .nested
      default: value = .number(try scanner.double("'\(key)'"))
      }
      members.append(Member(key: key, keyOffset: keyOffset, value: value, valueOffset: valueOffset))
    }
    try scanner.expectEnd()
    return (start, members)
  }

  /// The 1-based column of a byte offset, counting characters (Unicode scalars).
  static func column(of offset: Int, in line: [UInt8]) -> Int {
    JSONScanner(bytes: line).lineAndColumn(of: offset, origin: 0, firstLine: 1).column
  }
}
