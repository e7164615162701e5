/// Reads the plain block style of YAML that most decks are written in, an order of magnitude
/// faster and leaner than the YAML library: mappings and lists by indentation, one-line plain,
/// single- and double-quoted texts, one-line flow lists of plain words, and comments.
///
/// Anything else (anchors and aliases, block scalars, texts running over several lines, flow
/// mappings, escapes, tags, tabs, document markers, duplicate keys, empty values, invalid
/// YAML) returns nil, and the caller hands the file to the library instead. So nil is never an
/// error, and a tree returned is the one the library would have built, with the same marks: a
/// test compares the two on every deck and fixture in the repository and on generated files.
enum BlockYAMLReader {
  static func read(_ text: String) -> DeckNode? {
    var text = text
    return text.withUTF8 { read($0) }
  }

  /// Reads valid UTF-8 text.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> DeckNode? {
    guard var reader = Reader(bytes) else { return nil }
    return try? reader.document()
  }

  /// The reader gave up: the text is outside the style it reads.
  struct Unsupported: Error {}

  /// One line that holds more than blanks or a comment.
  /// Stored in 32 bits (decks are limited to 64 MiB): a large deck has half a million lines.
  struct Line {
    private var storage: (Int32, Int32, Int32, Int32, Int32)

    init(lineStart: Int, start: Int, end: Int, indent: Int, number: Int) {
      storage = (
        Int32(clamping: lineStart), Int32(clamping: start), Int32(clamping: end),
        Int32(clamping: indent), Int32(clamping: number)
      )
    }

    /// Offset of the line's first byte.
    var lineStart: Int { Int(storage.0) }
    /// Offset of the first byte to read (after the indentation, or inside a `- ` item).
    var start: Int {
      get { Int(storage.1) }
      set { storage.1 = Int32(clamping: newValue) }
    }
    /// Offset just past the last byte that is not a blank or a line break.
    var end: Int { Int(storage.2) }
    /// Column of `start`, counted from 0 (the indentation, in spaces).
    var indent: Int {
      get { Int(storage.3) }
      set { storage.3 = Int32(clamping: newValue) }
    }
    var number: Int { Int(storage.4) }
  }

  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var lines: [Line] = []
    var index = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
      guard let lines = Self.lines(of: bytes) else { return nil }
      self.lines = lines
    }

    /// The content lines, or nil when a byte or a line is outside the style read here.
    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Line]? {
      var lines: [Line] = []
      var lineStart = 0
      var number = 1
      while lineStart <= bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        var end = lineEnd
        if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
        var offset = lineStart
        while offset < end {
          if !isReadable(bytes, at: offset) { return nil }
          offset += 1
        }
        var start = lineStart
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        if start < end && bytes[start] != UInt8(ascii: "#") {
          if start == lineStart && startsDocumentSyntax(bytes, at: start, end: end) { return nil }
          lines.append(
            Line(
              lineStart: lineStart, start: start, end: end, indent: start - lineStart,
              number: number))
        }
        lineStart = lineEnd + 1
        number += 1
      }
      return lines
    }

    /// Rejects tabs, control characters, a carriage return not ending a line, and the
    /// characters YAML 1.1 reads as line breaks or marks (NEL, LS, PS, BOM, non-characters).
    static func isReadable(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
      let byte = bytes[offset]
      if byte < 0x20 || byte == 0x7F { return false }
      if byte == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] < 0xA0 { return false }
      if byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
        bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9
      {
        return false
      }
      if byte == 0xEF, offset + 2 < bytes.count,
        (bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF)
          || (bytes[offset + 1] == 0xBF && bytes[offset + 2] >= 0xBE)
      {
        return false
      }
      return true
    }

    /// `---`, `...` or a `%` directive at the start of a line.
    static func startsDocumentSyntax(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
      -> Bool
    {
      if bytes[start] == UInt8(ascii: "%") { return true }
      guard end - start >= 3 else { return false }
      let first = bytes[start]
      return (first == UInt8(ascii: "-") || first == UInt8(ascii: "."))
        && bytes[start + 1] == first && bytes[start + 2] == first
    }

    mutating func document() throws(Unsupported) -> DeckNode {
      guard let first = lines.first else { throw Unsupported() }
      let node = try block(indent: first.indent)
      guard index == lines.count else { throw Unsupported() }
      return node
    }

    /// The node that starts on the current line, at column `indent`.
    mutating func block(indent: Int) throws(Unsupported) -> DeckNode {
      let line = lines[index]
      if isItem(line) { return try sequence(indent: indent) }
      if keyEnd(line) != nil { return try mapping(indent: indent) }
      throw Unsupported()
    }

    mutating func mapping(indent: Int) throws(Unsupported) -> DeckNode {
      let start = mark(lines[index], lines[index].start)
      var pairs: [(key: DeckNode, value: DeckNode)] = []
      while index < lines.count && lines[index].indent == indent {
        let line = lines[index]
        guard let colon = keyEnd(line) else { throw Unsupported() }
        var keyEnd = colon
        while bytes[keyEnd - 1] == 0x20 { keyEnd -= 1 }
        let key = text(line.start, keyEnd)
        for pair in pairs {
          if case .scalar(let scalar) = pair.key, scalar.string == key { throw Unsupported() }
        }
        let keyNode = DeckNode.scalar(
          .init(string: key, style: .plain, mark: mark(line, line.start)))
        var valueStart = colon + 1
        while valueStart < line.end && bytes[valueStart] == 0x20 { valueStart += 1 }
        let value: DeckNode
        if valueStart == line.end || bytes[valueStart] == UInt8(ascii: "#") {
          index += 1
          guard index < lines.count else { throw Unsupported() }
          if lines[index].indent > indent {
            value = try block(indent: lines[index].indent)
          } else if lines[index].indent == indent && isItem(lines[index]) {
            value = try sequence(indent: indent)
          } else {
            throw Unsupported()
          }
        } else {
          value = try inline(line, from: valueStart)
          index += 1
          if index < lines.count && lines[index].indent > indent { throw Unsupported() }
        }
        pairs.append((keyNode, value))
      }
      return .mapping(.init(pairs: pairs, mark: start))
    }

    mutating func sequence(indent: Int) throws(Unsupported) -> DeckNode {
      let start = mark(lines[index], lines[index].start)
      var nodes: [DeckNode] = []
      while index < lines.count && lines[index].indent == indent && isItem(lines[index]) {
        let line = lines[index]
        var contentStart = line.start + 1
        while contentStart < line.end && bytes[contentStart] == 0x20 { contentStart += 1 }
        if contentStart == line.end {
          index += 1
          guard index < lines.count, lines[index].indent > indent else { throw Unsupported() }
          nodes.append(try block(indent: lines[index].indent))
          continue
        }
        var nested = line
        nested.start = contentStart
        nested.indent = line.indent + (contentStart - line.start)
        if isItem(nested) || keyEnd(nested) != nil {
          lines[index] = nested
          nodes.append(try block(indent: nested.indent))
        } else {
          nodes.append(try inline(line, from: contentStart))
          index += 1
          if index < lines.count && lines[index].indent > indent { throw Unsupported() }
        }
      }
      return .sequence(.init(nodes: nodes, mark: start))
    }

    /// `-` alone or followed by a space.
    func isItem(_ line: Line) -> Bool {
      bytes[line.start] == UInt8(ascii: "-")
        && (line.start + 1 == line.end || bytes[line.start + 1] == 0x20)
    }

    /// The offset of the `:` that ends a plain key at the start of the line, if it has one.
    func keyEnd(_ line: Line) -> Int? {
      guard !Self.isIndicator(bytes[line.start]) else { return nil }
      var offset = line.start
      while offset < line.end && offset - line.start < 1024 {
        switch bytes[offset] {
        case UInt8(ascii: ":"):
          if offset + 1 == line.end || bytes[offset + 1] == 0x20 {
            return offset > line.start ? offset : nil
          }
        case UInt8(ascii: "#") where bytes[offset - 1] == 0x20:
          return nil
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
          UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"):
          return nil
        default:
          break
        }
        offset += 1
      }
      return nil
    }

    /// A value that fits on the rest of the line.
    func inline(_ line: Line, from start: Int) throws(Unsupported) -> DeckNode {
      switch bytes[start] {
      case UInt8(ascii: "["): return try flowList(line, from: start)
      case UInt8(ascii: "\""), UInt8(ascii: "'"): return try quoted(line, from: start)
      case let byte where Self.isIndicator(byte): throw Unsupported()
      default: break
      }
      var end = start
      while end < line.end {
        if bytes[end] == UInt8(ascii: "#") && bytes[end - 1] == 0x20 { break }
        if bytes[end] == UInt8(ascii: ":") && (end + 1 == line.end || bytes[end + 1] == 0x20) {
          throw Unsupported()
        }
        end += 1
      }
      while bytes[end - 1] == 0x20 { end -= 1 }
      return .scalar(.init(string: text(start, end), style: .plain, mark: mark(line, start)))
    }

    /// A one-line quoted text without escapes (a doubled `'` inside single quotes is read).
    func quoted(_ line: Line, from start: Int) throws(Unsupported) -> DeckNode {
      let quote = bytes[start]
      var result: [UInt8] = []
      var offset = start + 1
      while true {
        guard offset < line.end else { throw Unsupported() }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { throw Unsupported() }
        if byte == quote {
          if quote == UInt8(ascii: "'") && offset + 1 < line.end && bytes[offset + 1] == quote {
            result.append(quote)
            offset += 2
            continue
          }
          break
        }
        result.append(byte)
        offset += 1
      }
      try expectLineEnd(line, after: offset + 1)
      let style: DeckNode.Scalar.Style =
        quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
      return .scalar(
        .init(
          string: String(decoding: result, as: UTF8.self), style: style, mark: mark(line, start)))
    }

    /// `[a, b, c]` of plain words on one line.
    func flowList(_ line: Line, from start: Int) throws(Unsupported) -> DeckNode {
      var nodes: [DeckNode] = []
      var offset = start + 1
      while offset < line.end && bytes[offset] == 0x20 { offset += 1 }
      if offset < line.end && bytes[offset] == UInt8(ascii: "]") {
        try expectLineEnd(line, after: offset + 1)
        return .sequence(.init(nodes: [], mark: mark(line, start)))
      }
      while true {
        while offset < line.end && bytes[offset] == 0x20 { offset += 1 }
        let itemStart = offset
        guard itemStart < line.end, !Self.isIndicator(bytes[itemStart]) else {
          throw Unsupported()
        }
        while offset < line.end && bytes[offset] != UInt8(ascii: ",")
          && bytes[offset] != UInt8(ascii: "]")
        {
          switch bytes[offset] {
          case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
            UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            throw Unsupported()
          default: offset += 1
          }
        }
        guard offset < line.end else { throw Unsupported() }
        var itemEnd = offset
        while bytes[itemEnd - 1] == 0x20 { itemEnd -= 1 }
        nodes.append(
          .scalar(
            .init(string: text(itemStart, itemEnd), style: .plain, mark: mark(line, itemStart))))
        let separator = bytes[offset]
        offset += 1
        if separator == UInt8(ascii: "]") { break }
      }
      try expectLineEnd(line, after: offset)
      return .sequence(.init(nodes: nodes, mark: mark(line, start)))
    }

    /// Only blanks and a comment may follow a closed quote or bracket.
    func expectLineEnd(_ line: Line, after offset: Int) throws(Unsupported) {
      var offset = offset
      while offset < line.end && bytes[offset] == 0x20 { offset += 1 }
      guard offset == line.end || (bytes[offset] == UInt8(ascii: "#") && bytes[offset - 1] == 0x20)
      else { throw Unsupported() }
    }

    /// Bytes that start something other than a plain text in YAML, or that a plain text may
    /// start with only in ways not read here (`-1`, `?x`, `:x`).
    static func isIndicator(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
        UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
        UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
        UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
        UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
        true
      default: false
      }
    }

    func text(_ start: Int, _ end: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Columns count Unicode scalars, as libyaml does.
    func mark(_ line: Line, _ offset: Int) -> DeckNode.Mark {
      var column = 1
      for position in line.lineStart..<offset where bytes[position] & 0xC0 != 0x80 {
        column += 1
      }
      return DeckNode.Mark(line: line.number, column: column)
    }
  }
}
