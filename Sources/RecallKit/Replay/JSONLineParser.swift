/// Reads one JSON object from a line of a JSON Lines file, keeping where each member starts
/// so a bad value can be reported at its column.
///
/// `JSONSerialization` reports neither columns nor exact doubles on Linux; a log line is
/// small and flat, so a strict hand-written reader is simpler than working around it.
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

  /// A syntax error at a UTF-8 byte offset of the line.
  struct SyntaxError: Error, Equatable {
    var offset: Int
    var message: String
  }

  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0
  /// Deeper nesting is refused rather than risking the stack on hostile input.
  private static let maximumDepth = 64

  private init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The members of the object that makes up the whole line, and the offset of its `{`.
  static func object(in line: [UInt8]) throws(SyntaxError) -> (offset: Int, members: [Member]) {
    var parser = JSONLineParser(line)
    parser.skipWhitespace()
    let start = parser.position
    guard parser.peek == UInt8(ascii: "{") else {
      throw parser.failure(
        parser.atEnd ? "expected a JSON object, found an empty line" : "expected a JSON object")
    }
    let members = try parser.members()
    parser.skipWhitespace()
    guard parser.atEnd else { throw parser.failure("unexpected text after the JSON object") }
    return (start, members)
  }

  /// The 1-based column of a byte offset, counting characters (Unicode scalars).
  static func column(of offset: Int, in line: [UInt8]) -> Int {
    line.prefix(offset).reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
  }

  private var atEnd: Bool { position >= bytes.count }
  private var peek: UInt8? { atEnd ? nil : bytes[position] }

  private func failure(_ message: String) -> SyntaxError {
    SyntaxError(offset: position, message: message)
  }

  private mutating func skipWhitespace() {
    while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
      position += 1
    }
  }

  private mutating func expect(_ character: Unicode.Scalar, _ message: String) throws(SyntaxError) {
    guard peek == UInt8(ascii: character) else { throw failure(message) }
    position += 1
  }

  private mutating func members() throws(SyntaxError) -> [Member] {
    try descend()
    defer { depth -= 1 }
    try expect("{", "expected '{'")
    var members: [Member] = []
    skipWhitespace()
    if peek == UInt8(ascii: "}") {
      position += 1
      return members
    }
    while true {
      skipWhitespace()
      let keyOffset = position
      guard peek == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
      let key = try string()
      skipWhitespace()
      try expect(":", "expected ':' after the key")
      skipWhitespace()
      let valueOffset = position
      let value = try value()
      members.append(Member(key: key, keyOffset: keyOffset, value: value, valueOffset: valueOffset))
      skipWhitespace()
      if peek == UInt8(ascii: ",") {
        position += 1
      } else if peek == UInt8(ascii: "}") {
        position += 1
        return members
      } else {
        throw failure(atEnd ? "the object is not closed with '}'" : "expected ',' or '}'")
      }
    }
  }

  private mutating func value() throws(SyntaxError) -> Value {
    guard let byte = peek else { throw failure("expected a value") }
    switch byte {
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try number())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "{"):
      _ = try members()
      return .nested
    case UInt8(ascii: "["):
      try array()
      return .nested
    default:
      throw failure("expected a value")
    }
  }

  private mutating func descend() throws(SyntaxError) {
    depth += 1
    guard depth <= Self.maximumDepth else { throw failure("values are nested too deeply") }
  }

  private mutating func array() throws(SyntaxError) {
    try descend()
    defer { depth -= 1 }
    try expect("[", "expected '['")
    skipWhitespace()
    if peek == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      skipWhitespace()
      _ = try value()
      skipWhitespace()
      if peek == UInt8(ascii: ",") {
        position += 1
      } else {
        try expect("]", "expected ',' or ']'")
        return
      }
    }
  }

  private mutating func literal(_ word: String) throws(SyntaxError) {
    for byte in word.utf8 {
      guard peek == byte else { throw failure("expected a value") }
      position += 1
    }
  }

  private mutating func number() throws(SyntaxError) -> Double {
    let start = position
    if peek == UInt8(ascii: "-") { position += 1 }
    guard skipDigits() > 0 else { throw failure("expected a digit") }
    if peek == UInt8(ascii: ".") {
      position += 1
      guard skipDigits() > 0 else { throw failure("expected a digit after '.'") }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      position += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
      guard skipDigits() > 0 else { throw failure("expected a digit in the exponent") }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = Double(text) else {
      throw SyntaxError(offset: start, message: "'\(text)' is not a number")
    }
    return value
  }

  private mutating func skipDigits() -> Int {
    let start = position
    while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
      position += 1
    }
    return position - start
  }

  private mutating func string() throws(SyntaxError) -> String {
    let start = position
    position += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() throws(SyntaxError) {
      guard !run.isEmpty else { return }
      guard let text = String(validating: run, as: UTF8.self) else {
        throw SyntaxError(offset: start, message: "the string is not valid UTF-8")
      }
      scalars.append(contentsOf: text.unicodeScalars)
      run.removeAll(keepingCapacity: true)
    }
    while true {
      guard let byte = peek else {
        throw SyntaxError(offset: start, message: "the string is not closed with '\"'")
      }
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        try flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        try flush()
        scalars.append(try escape())
      case 0..<0x20:
        position -= 1
        throw failure("control characters must be escaped in strings")
      default:
        run.append(byte)
      }
    }
  }

  private mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
    guard let byte = peek else { throw failure("unfinished escape") }
    position += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try hexQuad()
      if (0xD800..<0xDC00).contains(high) {
        guard peek == UInt8(ascii: "\\") else { throw failure("unpaired surrogate in \\u escape") }
        position += 1
        guard peek == UInt8(ascii: "u") else { throw failure("unpaired surrogate in \\u escape") }
        position += 1
        let low = try hexQuad()
        guard (0xDC00..<0xE000).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        else { throw failure("unpaired surrogate in \\u escape") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(high) else {
        throw failure("unpaired surrogate in \\u escape")
      }
      return scalar
    default:
      position -= 1
      throw failure("unknown escape '\\\(Unicode.Scalar(byte))'")
    }
  }

  private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek, let digit = Self.hexValue(byte) else {
        throw failure("expected four hex digits after \\u")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
