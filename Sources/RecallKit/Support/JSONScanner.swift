/// The one JSON reader: a pull scanner over UTF-8 bytes that knows the offset of everything it
/// reads, for progress files (`ProgressJSONScanner`) and review logs (`JSONLineParser`).
///
/// It decodes straight into its callers' types, without a value tree, because a snapshot of a
/// 100,000-card deck has to open quickly; `JSONSerialization` reports neither where a problem
/// is nor exact doubles on Linux. Problems are `JSONSyntaxError`s at a byte offset, which each
/// caller turns into its own located error.
struct JSONScanner {
  let bytes: [UInt8]
  var index: Int
  let end: Int
  private var pendingFirst = false
  private var depth = 0
  /// Deeper nesting is refused rather than risking the stack on hostile input.
  static let maximumDepth = 64

  init(bytes: [UInt8], range: Range<Int>? = nil) {
    self.bytes = bytes
    let range = range ?? 0..<bytes.count
    self.index = range.lowerBound
    self.end = range.upperBound
  }

  /// The 1-based line and column (in Unicode scalars) of `offset`, counting lines from
  /// `origin`, where line `firstLine` starts.
  func lineAndColumn(of offset: Int, origin: Int, firstLine: Int) -> (line: Int, column: Int) {
    var line = firstLine
    var lineStart = origin
    var position = origin
    while position < offset {
      if bytes[position] == UInt8(ascii: "\n") {
        line += 1
        lineStart = position + 1
      }
      position += 1
    }
    var column = 1
    for byte in bytes[lineStart..<min(offset, bytes.count)] where byte & 0xC0 != 0x80 {
      column += 1
    }
    return (line, column)
  }

  func failure(_ message: String, at offset: Int) -> JSONSyntaxError {
    JSONSyntaxError(offset: offset, message: message)
  }

  /// The offset of the next value, after white space: where errors about it point.
  mutating func valueOffset() -> Int {
    skipWhitespace()
    return index
  }

  /// The first byte of the next value, after white space, or nil at the end.
  mutating func peek() -> UInt8? {
    skipWhitespace()
    return index < end ? bytes[index] : nil
  }

  /// A short name for the value that starts at the current position, for error messages.
  mutating func foundDescription() -> String {
    skipWhitespace()
    guard index < end else { return "the end of the input" }
    switch bytes[index] {
    case UInt8(ascii: "\""): return "a string"
    case UInt8(ascii: "{"): return "an object"
    case UInt8(ascii: "["): return "an array"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
    case UInt8(ascii: "n"): return "null"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
    default: return "'\(Character(Unicode.Scalar(bytes[index])))'"
    }
  }

  private mutating func typeMismatch(_ expected: String, _ what: String) -> JSONSyntaxError {
    let found = foundDescription()
    return failure("expected \(expected) for \(what), found \(found)", at: index)
  }

  // MARK: Structure

  private mutating func skipWhitespace() {
    while index < end {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard index < end, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// Fails unless only white space is left.
  mutating func expectEnd() throws(JSONSyntaxError) {
    skipWhitespace()
    if index < end {
      throw failure("unexpected \(foundDescription()) after the end of the JSON value", at: index)
    }
  }

  mutating func beginObject(_ what: String) throws(JSONSyntaxError) {
    guard consume(UInt8(ascii: "{")) else { throw typeMismatch("an object", what) }
    pendingFirst = true
  }

  /// The next key of the current object and its offset, or nil after the closing brace.
  mutating func nextKey() throws(JSONSyntaxError) -> (key: String, offset: Int)? {
    if consume(UInt8(ascii: "}")) {
      pendingFirst = false
      return nil
    }
    if pendingFirst {
      pendingFirst = false
    } else if !consume(UInt8(ascii: ",")) {
      throw index < end
        ? failure("expected ',' or '}' in an object, found \(foundDescription())", at: index)
        : failure("the object is not closed with '}'", at: index)
    }
    skipWhitespace()
    let offset = index
    guard index < end, bytes[index] == UInt8(ascii: "\"") else {
      throw failure("expected a key in double quotes, found \(foundDescription())", at: index)
    }
    let key = try string("a key")
    guard consume(UInt8(ascii: ":")) else {
      throw failure("expected ':' after the key '\(key)'", at: index)
    }
    return (key, offset)
  }

  mutating func beginArray(_ what: String) throws(JSONSyntaxError) {
    guard consume(UInt8(ascii: "[")) else { throw typeMismatch("an array", what) }
    pendingFirst = true
  }

  /// Whether another element follows in the current array.
  mutating func nextElement() throws(JSONSyntaxError) -> Bool {
    if consume(UInt8(ascii: "]")) {
      pendingFirst = false
      return false
    }
    if pendingFirst {
      pendingFirst = false
    } else if !consume(UInt8(ascii: ",")) {
      throw index < end
        ? failure("expected ',' or ']' in an array, found \(foundDescription())", at: index)
        : failure("the array is not closed with ']'", at: index)
    }
    return true
  }

  /// Skips any value, checking its syntax.
  mutating func skipValue() throws(JSONSyntaxError) {
    skipWhitespace()
    guard index < end else { throw typeMismatch("a value", "the document") }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      try descend()
      defer { depth -= 1 }
      try beginObject("an object")
      while try nextKey() != nil { try skipValue() }
    case UInt8(ascii: "["):
      try descend()
      defer { depth -= 1 }
      try beginArray("an array")
      while try nextElement() { try skipValue() }
    case UInt8(ascii: "\""): _ = try string("a string")
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool("a boolean")
    case UInt8(ascii: "n"):
      if !consumeNull() {
        throw failure("expected a value, found \(foundDescription())", at: index)
      }
    default: _ = try double("a number")
    }
  }

  private mutating func descend() throws(JSONSyntaxError) {
    depth += 1
    guard depth <= Self.maximumDepth else {
      throw failure("values are nested too deeply", at: index)
    }
  }

  // MARK: Scalars

  /// Consumes `null` if it comes next.
  mutating func consumeNull() -> Bool {
    skipWhitespace()
    return literal("null")
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard end - index >= count else { return false }
    let matches = word.withUTF8Buffer { buffer in
      buffer.indices.allSatisfy { bytes[index + $0] == buffer[$0] }
    }
    guard matches else { return false }
    let after = index + count
    if after < end, Self.isIdentifierByte(bytes[after]) { return false }
    index = after
    return true
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  mutating func bool(_ what: String) throws(JSONSyntaxError) -> Bool {
    skipWhitespace()
    if literal("true") { return true }
    if literal("false") { return false }
    throw typeMismatch("true or false", what)
  }

  mutating func string(_ what: String) throws(JSONSyntaxError) -> String {
    skipWhitespace()
    guard index < end, bytes[index] == UInt8(ascii: "\"") else {
      throw typeMismatch("a string", what)
    }
    let start = index
    index += 1
    let contentStart = index
    var hasEscapes = false
    while true {
      guard index < end else { throw failure("the string is not closed with '\"'", at: start) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { break }
      if byte < 0x20 {
        throw failure("control character U+\(Self.hex(UInt32(byte))) inside a string", at: index)
      }
      if byte == UInt8(ascii: "\\") {
        hasEscapes = true
        index += 1
      }
      index += 1
    }
    let contentEnd = index
    index += 1
    if !hasEscapes {
      guard let text = text(contentStart..<contentEnd) else {
        throw failure("the string is not valid UTF-8", at: start)
      }
      return text
    }
    return try unescape(contentStart..<contentEnd)
  }

  /// The bytes as a string, or nil if they are not UTF-8.
  func text(_ range: Range<Int>) -> String? {
    bytes.withUnsafeBufferPointer { all in
      let slice = UnsafeBufferPointer(rebasing: all[range])
      // ASCII needs no validation, and String(decoding:) is much cheaper than String(validating:).
      if !slice.contains(where: { $0 >= 0x80 }) { return String(decoding: slice, as: UTF8.self) }
      return String(validating: slice, as: UTF8.self)
    }
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private func unescape(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
    var scalars = String.UnicodeScalarView()
    var plain: [UInt8] = []
    var position = range.lowerBound
    func flush() throws(JSONSyntaxError) {
      guard !plain.isEmpty else { return }
      guard let text = String(validating: plain, as: UTF8.self) else {
        throw failure("the string is not valid UTF-8", at: range.lowerBound)
      }
      scalars.append(contentsOf: text.unicodeScalars)
      plain.removeAll(keepingCapacity: true)
    }
    func hexQuad(at offset: Int) throws(JSONSyntaxError) -> UInt32 {
      guard offset + 4 <= range.upperBound else {
        throw failure("'\\u' needs four hex digits", at: offset - 2)
      }
      var value: UInt32 = 0
      for byte in bytes[offset..<(offset + 4)] {
        guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
          throw failure("'\\u' needs four hex digits", at: offset - 2)
        }
        value = value * 16 + UInt32(digit)
      }
      return value
    }
    while position < range.upperBound {
      let byte = bytes[position]
      guard byte == UInt8(ascii: "\\") else {
        plain.append(byte)
        position += 1
        continue
      }
      try flush()
      let escapeStart = position
      let code = bytes[position + 1]
      position += 2
      switch code {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        var value = try hexQuad(at: position)
        position += 4
        if (0xD800..<0xDC00).contains(value), position + 6 <= range.upperBound,
          bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
          let low = try hexQuad(at: position + 2)
          if (0xDC00..<0xE000).contains(low) {
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            position += 6
          }
        }
        guard let scalar = Unicode.Scalar(value) else {
          throw failure(
            "'\\u\(Self.hex(value))' is a lone surrogate, not a character", at: escapeStart)
        }
        scalars.append(scalar)
      default:
        throw failure(
          "unknown escape '\\\(Character(Unicode.Scalar(code)))' in a string", at: escapeStart)
      }
    }
    try flush()
    return String(scalars)
  }

  /// The text of a JSON number at the current position, checked against the JSON grammar.
  private mutating func numberText(_ what: String) throws(JSONSyntaxError) -> (
    String, isInteger: Bool
  ) {
    skipWhitespace()
    let start = index
    func digits() -> Int {
      let first = index
      while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      return index - first
    }
    if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    let integerDigits = digits()
    guard integerDigits > 0 else {
      index = start
      throw typeMismatch("a number", what)
    }
    if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
      throw failure("numbers cannot have leading zeros", at: start)
    }
    var isInteger = true
    if index < end, bytes[index] == UInt8(ascii: ".") {
      index += 1
      isInteger = false
      guard digits() > 0 else { throw failure("expected digits after '.'", at: index) }
    }
    if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      isInteger = false
      if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard digits() > 0 else { throw failure("expected digits in the exponent", at: index) }
    }
    let range = start..<index
    let text = bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
    }
    return (text, isInteger)
  }

  mutating func double(_ what: String) throws(JSONSyntaxError) -> Double {
    let start = valueOffset()
    let (text, _) = try numberText(what)
    guard let value = Double(text), value.isFinite else {
      throw failure("\(text) is out of range for \(what)", at: start)
    }
    return value
  }

  mutating func int(_ what: String) throws(JSONSyntaxError) -> Int {
    let start = valueOffset()
    let (text, isInteger) = try numberText(what)
    guard isInteger else {
      throw failure("expected a whole number for \(what), found \(text)", at: start)
    }
    guard let value = Int(text) else {
      throw failure("\(text) is out of range for \(what)", at: start)
    }
    return value
  }
}

/// A problem in JSON text at a byte offset; each reader reports it at its own location.
struct JSONSyntaxError: Error, Equatable {
  var offset: Int
  var message: String
}
