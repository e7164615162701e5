/// Wraps plain text (no escape codes) to a width, counting characters as the user sees them
/// (grapheme clusters), so "Barë" is four columns whether its ë is one scalar or two.
///
/// Words are split only when one alone is wider than the line. Line breaks in the text are
/// kept; each line's leading spaces are repeated on the lines it wraps onto.
public struct TextWrapper: Equatable, Sendable {
  /// Columns per line, at least 1.
  public var width: Int

  public init(width: Int) {
    self.width = max(1, width)
  }

  /// Spaces a leading tab counts as.
  private static let tabWidth = 4

  /// The wrapped text, without a trailing newline and with no trailing spaces on any line.
  /// - Parameters:
  ///   - initialIndent: written before the first line, such as a label ("1. ").
  ///   - subsequentIndent: written before every later line; by default as many spaces as
  ///     `initialIndent` is wide, which gives a hanging indent under a label.
  public func wrap(_ text: String, initialIndent: String = "", subsequentIndent: String? = nil)
    -> String
  {
    let laterIndent = subsequentIndent ?? String(repeating: " ", count: initialIndent.count)
    var output: [String] = []
    for sourceLine in Self.lines(of: text) {
      let indent = output.isEmpty ? initialIndent : laterIndent
      output += wrapLine(sourceLine, firstIndent: indent, laterIndent: laterIndent)
    }
    return output.joined(separator: "\n")
  }

  /// Splits on "\n", "\r\n" and a lone "\r", which a terminal would otherwise use to
  /// overwrite the start of a line.
  private static func lines(of text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  }

  private func wrapLine(_ line: Substring, firstIndent: String, laterIndent: String) -> [String] {
    let leading = line.prefix { $0 == " " || $0 == "\t" }
    let lead = leading.map { $0 == "\t" ? String(repeating: " ", count: Self.tabWidth) : " " }
      .joined()
    let words = line.dropFirst(leading.count)
      .split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard !words.isEmpty else { return [trimmedTrailingSpaces(firstIndent + lead)] }

    var result: [String] = []
    var prefix = firstIndent + lead
    var current = ""
    // Widths are counted as they grow: asking a string its count each time made a long line
    // (or a megabyte-long word) quadratic.
    var currentWidth = 0
    var prefixWidth = prefix.count
    let laterWidth = laterIndent.count + lead.count
    var available: Int { max(1, width - prefixWidth) }

    func flush() {
      result.append(prefix + current)
      prefix = laterIndent + lead
      prefixWidth = laterWidth
      current = ""
      currentWidth = 0
    }

    for word in words {
      let characters = Array(word)
      if !current.isEmpty, currentWidth + 1 + characters.count <= available {
        current += " " + word
        currentWidth += 1 + characters.count
        continue
      }
      if !current.isEmpty { flush() }
      // A word wider than the line is cut in pieces.
      var start = 0
      while characters.count - start > available {
        current = String(characters[start..<(start + available)])
        currentWidth = available
        start += available
        flush()
      }
      current = String(characters[start...])
      currentWidth = characters.count - start
    }
    if !current.isEmpty { flush() }
    return result
  }

  private func trimmedTrailingSpaces(_ text: String) -> String {
    var text = text[...]
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
