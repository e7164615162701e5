/// Word wrapping for fixed-width output, counting characters (deck text is not CJK-wide).
enum TextLayout {
  /// Wraps `text` to `width` columns; the first line starts with `first`, the others with
  /// `rest`. A word longer than a line is cut rather than overflowing the page.
  static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    var lines: [String] = []
    var line = first
    var lineHasWord = false
    for word in words {
      var word = Substring(word)
      while true {
        let separator = lineHasWord ? 1 : 0
        if line.count + separator + word.count <= width {
          line += (lineHasWord ? " " : "") + word
          lineHasWord = true
          break
        }
        if lineHasWord {
          lines.append(line)
          line = rest
          lineHasWord = false
          continue
        }
        // The word alone does not fit: cut it at the line's end.
        let room = max(1, width - line.count)
        line += word.prefix(room)
        word = word.dropFirst(room)
        lines.append(line)
        line = rest
        if word.isEmpty { break }
      }
    }
    if lineHasWord || lines.isEmpty { lines.append(line) }
    return lines.map { $0.trailingSpacesRemoved }
  }

  /// `text` padded with spaces to `width` characters.
  static func pad(_ text: String, to width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}

extension String {
  var trailingSpacesRemoved: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
