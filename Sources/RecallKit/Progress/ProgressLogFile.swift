/// Reads the two line-per-entry files: the journal (`<deck>.journal.jsonl`) and the review log
/// (`<deck>.reviews.jsonl`).
///
/// Both start with a header line naming the file's type and schema; the journal's header also
/// says after which sequence number it starts. Bytes after the last newline are a torn line
/// from an interrupted append: they are reported in `validLength`, never as an error. Anything
/// else that does not read is an error at its line and column.
struct ProgressLogFile: Sendable {
  enum Kind: String, Sendable {
    case journal, reviews
  }

  var kind: Kind
  var deckID: String?
  /// The journal holds entries after this sequence number (0 for the review log).
  var after: Int
  var entries: [ProgressLogEntry]
  /// Bytes up to and including the last newline; everything after is a torn line.
  var validLength: Int
  var totalLength: Int

  var hasTornTail: Bool { totalLength > validLength }
  var lastSequence: Int { entries.last?.sequence ?? after }

  /// The header line, ending in a newline.
  static func header(_ kind: Kind, deckID: String, after: Int) -> String {
    var writer = ProgressJSONWriter()
    writer.raw("{")
    writer.key("type")
    writer.string(kind.rawValue)
    writer.raw(", ")
    writer.key("schema")
    writer.number(ProgressFormat.schema)
    writer.raw(", ")
    writer.key("deck")
    writer.string(deckID)
    if kind == .journal {
      writer.raw(", ")
      writer.key("after")
      writer.number(after)
    }
    writer.raw("}\n")
    return writer.text
  }

  /// Parses a whole file; nil when it holds no complete line (not even a header). A line or
  /// torn tail longer than `ProgressFormat.maximumLineLength` is refused.
  /// `expectedDeck`, when given, refuses a header naming another deck, as the snapshot does.
  static func parse(_ bytes: [UInt8], path: String, kind: Kind, expectedDeck: String? = nil)
    throws(ProgressError) -> ProgressLogFile?
  {
    let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n"))
    let tail = bytes.count - (lastNewline.map { $0 + 1 } ?? 0)
    if tail > ProgressFormat.maximumLineLength {
      let lines = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      throw overlong(path: path, line: lines, length: tail, ended: false)
    }
    guard let lastNewline else { return nil }
    var file = ProgressLogFile(
      kind: kind, after: 0, entries: [], validLength: lastNewline + 1, totalLength: bytes.count)
    file.entries.reserveCapacity(bytes.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 })
    var lines = LineReader(path: path, kind: kind, expectedDeck: expectedDeck)
    var lineStart = 0
    while lineStart <= lastNewline {
      var lineEnd = lineStart
      while bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      if lineEnd - lineStart > ProgressFormat.maximumLineLength {
        throw overlong(path: path, line: lines.lineNumber, length: lineEnd - lineStart, ended: true)
      }
      if let entry = try lines.read(bytes, lineStart..<lineEnd) { file.entries.append(entry) }
      lineStart = lineEnd + 1
    }
    file.deckID = lines.deckID
    file.after = lines.after
    return file
  }

  /// Reads lines one after another: the header first, then entries whose sequence numbers
  /// must increase.
  struct LineReader {
    let path: String
    let kind: Kind
    let expectedDeck: String?
    private(set) var deckID: String?
    private(set) var after = 0
    private(set) var lineNumber = 1
    private(set) var previous: Int?

    init(path: String, kind: Kind, expectedDeck: String?) {
      self.path = path
      self.kind = kind
      self.expectedDeck = expectedDeck
    }

    /// Passes over a line without reading it.
    mutating func skip() {
      lineNumber += 1
    }

    /// The entry on the line at `range` of `bytes` (no newline), nil for the header or a
    /// blank line.
    mutating func read(_ bytes: [UInt8], _ range: Range<Int>) throws(ProgressError)
      -> ProgressLogEntry?
    {
      defer { lineNumber += 1 }
      var scanner = ProgressJSONScanner(
        bytes: bytes, range: range, file: path, firstLine: lineNumber)
      if lineNumber == 1 {
        (deckID, after) = try readHeader(&scanner, kind: kind, expectedDeck: expectedDeck)
        previous = after
        return nil
      }
      guard bytes[range].contains(where: { !isWhitespace($0) }) else { return nil }
      let start = scanner.valueOffset()
      let entry = try ProgressLogEntry.read(&scanner)
      try scanner.expectEnd()
      if let previous, entry.sequence <= previous {
        throw scanner.failure(
          "entry \(entry.sequence) is out of order: sequence numbers must increase "
            + "(the one before is \(previous))", at: start)
      }
      previous = entry.sequence
      return entry
    }
  }

  /// A blank byte on a log line (a line of them alone is skipped).
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D
  }

  /// Reads the header: the schema first (a newer file may differ in everything else), then
  /// every key strictly. A header without `deck` is accepted; one naming a deck other than
  /// `expectedDeck` is refused at that name.
  static func readHeader(
    _ scanner: inout ProgressJSONScanner, kind: Kind, expectedDeck: String? = nil
  ) throws(ProgressError) -> (deckID: String?, after: Int) {
    let start = scanner.valueOffset()
    var probe = scanner
    let what = "the header of the \(kind == .journal ? "journal" : "review log")"
    try probe.beginObject(what)
    var schemaFound = false
    while let (key, _) = try probe.nextKey() {
      if key == "schema" {
        try checkSchema(&probe)
        schemaFound = true
      } else {
        try probe.skipValue()
      }
    }
    guard schemaFound else { throw scanner.failure("\(what) has no 'schema'", at: start) }
    try scanner.beginObject(what)
    var type: String?
    var deckID: String?
    var after: Int?
    var seen = Set<String>()
    while let (key, offset) = try scanner.nextKey() {
      guard seen.insert(key).inserted else {
        throw scanner.failure("duplicate key '\(TextSanitizer.visible(key))'", at: offset)
      }
      switch key {
      case "type":
        let valueStart = scanner.valueOffset()
        let value = try scanner.string("'type'")
        guard value == kind.rawValue else {
          throw scanner.failure(
            "this \(kind == .journal ? "journal" : "review log") has the header of a "
              + "'\(TextSanitizer.visible(value))' file", at: valueStart)
        }
        type = value
      case "schema": _ = try scanner.int("'schema'")
      case "deck":
        let valueStart = scanner.valueOffset()
        let value = try scanner.string("'deck'")
        if let expectedDeck, value != expectedDeck {
          throw scanner.failure(
            "this \(kind == .journal ? "journal" : "review log") holds progress for deck "
              + "'\(TextSanitizer.visible(value))', not '\(expectedDeck)'", at: valueStart)
        }
        deckID = value
      case "after" where kind == .journal:
        let valueStart = scanner.valueOffset()
        let value = try scanner.int("'after'", in: Int.min...ProgressFormat.maximumSequence)
        guard value >= 0 else {
          throw scanner.failure("'after' cannot be negative", at: valueStart)
        }
        after = value
      default:
        throw scanner.failure(
          "unknown key '\(TextSanitizer.visible(key))' in \(what)", at: offset)
      }
    }
    try scanner.expectEnd()
    guard type != nil else { throw scanner.failure("\(what) has no 'type'", at: start) }
    if kind == .journal, after == nil {
      throw scanner.failure("\(what) has no 'after'", at: start)
    }
    return (deckID, after ?? 0)
  }

  /// Reads `schema`, refusing numbers this Recall does not know, and returns it.
  @discardableResult
  static func checkSchema(_ scanner: inout ProgressJSONScanner) throws(ProgressError) -> Int {
    let offset = scanner.valueOffset()
    let schema = try scanner.int("'schema'")
    if schema > ProgressFormat.schema {
      throw .newerSchema(
        scanner.location(at: offset), found: schema, supported: ProgressFormat.schema)
    }
    guard schema >= ProgressFormat.oldestSchema else {
      throw scanner.failure(
        "schema \(schema) is not a Recall progress schema (this Recall reads schemas "
          + "\(ProgressFormat.oldestSchema) to \(ProgressFormat.schema))", at: offset)
    }
    return schema
  }
}
