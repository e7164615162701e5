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

  /// Lines cut into pages of at most `length` lines without splitting a block (the lines
  /// between two blank lines: a question with its options, a heading with its instructions).
  /// A heading block stays with the block after it; a block longer than a page is cut.
  static func pages(_ lines: [String], length: Int) -> [[String]] {
    var blocks: [[String]] = [[]]
    for line in lines {
      if line.isEmpty {
        if !(blocks.last ?? []).isEmpty { blocks.append([]) }
      } else {
        blocks[blocks.count - 1].append(line)
      }
    }
    blocks = blocks.filter { !$0.isEmpty }
    var pages: [[String]] = []
    var page: [String] = []
    var index = 0
    while index < blocks.count {
      var block = blocks[index]
      // A section heading ("Part 2 · …") and its instructions go with the first question.
      if block.first?.hasPrefix("Part ") == true, index + 1 < blocks.count,
        block.count + 1 + blocks[index + 1].count <= length
      {
        block += [""] + blocks[index + 1]
        index += 1
      }
      index += 1
      let needed = block.count + (page.isEmpty ? 0 : 1)
      if page.count + needed > length, !page.isEmpty {
        pages.append(page)
        page = []
      }
      if !page.isEmpty { page.append("") }
      while page.count + block.count > length {
        let room = length - page.count
        pages.append(page + block.prefix(room))
        block.removeFirst(room)
        page = []
      }
      page += block
    }
    if !page.isEmpty || pages.isEmpty { pages.append(page) }
    return pages
  }
}

extension String {
  var trailingSpacesRemoved: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
