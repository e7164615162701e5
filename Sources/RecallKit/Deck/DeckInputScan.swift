import Foundation

/// Cheap checks on raw deck bytes before the YAML parser sees them, so that invalid text and
/// pathological nesting get a located error instead of reaching a recursive parser.
enum DeckInputScan {
  /// The first invalid UTF-8 sequence or NUL byte, located by line and column.
  static func firstEncodingProblem(in data: Data, path: String) -> Diagnostic? {
    data.withUnsafeBytes { raw in
      firstEncodingProblem(in: raw.bindMemory(to: UInt8.self), path: path)
    }
  }

  /// The same on a buffer: subscripting `Data` byte by byte costs more than the check itself.
  private static func firstEncodingProblem(in data: UnsafeBufferPointer<UInt8>, path: String)
    -> Diagnostic?
  {
    var line = 1
    var column = 1
    var index = data.startIndex
    let end = data.endIndex
    while index < end {
      let byte = data[index]
      if byte == 0 {
        return .error(
          "the file contains a NUL byte; decks are UTF-8 text",
          at: SourceLocation(file: path, line: line, column: column))
      }
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      var valid = length > 0 && index + length <= end
      if valid && length > 1 {
        for offset in 1..<length where data[index + offset] & 0xC0 != 0x80 { valid = false }
        if valid {
          let second = data[index + 1]
          if byte == 0xE0 && second < 0xA0 { valid = false }
          if byte == 0xED && second > 0x9F { valid = false }
          if byte == 0xF0 && second < 0x90 { valid = false }
          if byte == 0xF4 && second > 0x8F { valid = false }
        }
      }
      guard valid else {
        return .error(
          "the file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
          at: SourceLocation(file: path, line: line, column: column))
      }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
    return nil
  }

  /// Nesting deeper than `limit`, judged from flow brackets and block indentation.
  ///
  /// A rough YAML lexer: it tracks quotes, comments and brackets in flow position (after `:`,
  /// `,`, `-`, another bracket or the start of a line), which is all that nesting needs. It
  /// walks UTF-8 bytes (every byte it acts on is ASCII), since it sees every byte of the file
  /// before the parser does; columns count Unicode scalars.
  static func firstNestingProblem(
    in bytes: UnsafeBufferPointer<UInt8>, path: String, limit: Int
  ) -> Diagnostic? {
    let newline = UInt8(ascii: "\n")
    let space = UInt8(ascii: " ")
    let hyphen = UInt8(ascii: "-")
    var line = 1
    var column = 0
    var flowDepth = 0
    var indent = 0
    var atLineStart = true
    var previous = newline
    var lastNonSpace = newline
    var quote: UInt8?
    var inComment = false
    func problem() -> Diagnostic {
      .error(
        "the deck nests lists and mappings more than \(limit) levels deep",
        at: SourceLocation(file: path, line: line, column: max(column, 1)))
    }
    func isFlowPosition(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"), hyphen,
        newline:
        true
      default: false
      }
    }
    for byte in bytes {
      if byte & 0xC0 != 0x80 { column += 1 }
      defer { previous = byte }
      if byte == newline {
        line += 1
        column = 0
        indent = 0
        atLineStart = true
        inComment = false
        if flowDepth == 0 { quote = nil }
        lastNonSpace = newline
        continue
      }
      if inComment { continue }
      if let open = quote {
        if byte == open { quote = nil }
        continue
      }
      if atLineStart {
        if byte == space || byte == hyphen {
          indent += byte == hyphen ? 2 : 1
          if indent > limit * 4 { return problem() }
        } else {
          atLineStart = false
        }
      }
      let inFlowPosition = isFlowPosition(lastNonSpace)
      switch byte {
      case UInt8(ascii: "#") where previous == space || previous == newline:
        inComment = true
      case UInt8(ascii: "\"") where inFlowPosition, UInt8(ascii: "'") where inFlowPosition:
        quote = byte
      case UInt8(ascii: "[") where inFlowPosition || flowDepth > 0,
        UInt8(ascii: "{") where inFlowPosition || flowDepth > 0:
        flowDepth += 1
        if flowDepth + indent / 2 > limit { return problem() }
      case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
        flowDepth -= 1
      default:
        break
      }
      if byte != space { lastNonSpace = byte }
    }
    return nil
  }
}
