import Foundation

/// Cheap checks on raw deck bytes before the YAML parser sees them, so that invalid text and
/// pathological nesting get a located error instead of reaching a recursive parser.
enum DeckInputScan {
  /// The first invalid UTF-8 sequence or NUL byte, located by line and column.
  static func firstEncodingProblem(in data: Data, path: String) -> Diagnostic? {
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
  /// `,`, `-`, another bracket or the start of a line), which is all that nesting needs.
  static func firstNestingProblem(in text: String, path: String, limit: Int) -> Diagnostic? {
    var line = 1
    var column = 0
    var flowDepth = 0
    var indent = 0
    var atLineStart = true
    var previous: Character = "\n"
    var lastNonSpace: Character = "\n"
    var quote: Character?
    var inComment = false
    func problem() -> Diagnostic {
      .error(
        "the deck nests lists and mappings more than \(limit) levels deep",
        at: SourceLocation(file: path, line: line, column: max(column, 1)))
    }
    for character in text {
      column += 1
      defer { previous = character }
      if character == "\n" {
        line += 1
        column = 0
        indent = 0
        atLineStart = true
        inComment = false
        if flowDepth == 0 { quote = nil }
        lastNonSpace = "\n"
        continue
      }
      if inComment { continue }
      if let open = quote {
        if character == open { quote = nil }
        continue
      }
      if atLineStart {
        if character == " " || character == "-" {
          indent += character == "-" ? 2 : 1
          if indent > limit * 4 { return problem() }
        } else {
          atLineStart = false
        }
      }
      let inFlowPosition = ":,[{-\n".contains(lastNonSpace)
      switch character {
      case "#" where previous == " " || previous == "\n":
        inComment = true
      case "\"" where inFlowPosition, "'" where inFlowPosition:
        quote = character
      case "[" where inFlowPosition || flowDepth > 0, "{" where inFlowPosition || flowDepth > 0:
        flowDepth += 1
        if flowDepth + indent / 2 > limit { return problem() }
      case "]" where flowDepth > 0, "}" where flowDepth > 0:
        flowDepth -= 1
      default:
        break
      }
      if character != " " { lastNonSpace = character }
    }
    return nil
  }
}
