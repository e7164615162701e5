import Foundation

/// Reads typed values out of a YAML node tree, collecting located diagnostics instead of throwing,
/// so one run reports every problem in a file.
struct NodeReader {
  let file: String
  let limits: DeckLimits
  private(set) var diagnostics: [Diagnostic] = []
  private var visited = 0
  private(set) var exhausted = false

  init(file: String, limits: DeckLimits) {
    self.file = file
    self.limits = limits
  }

  func location(_ node: DeckNode?) -> SourceLocation {
    let mark = node?.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  mutating func error(_ message: String, at node: DeckNode?) {
    report(.error(message, at: location(node)))
  }

  mutating func warning(_ message: String, at node: DeckNode?) {
    report(.warning(message, at: location(node)))
  }

  /// Keeps the first `maximumDiagnostics` diagnostics and then one note that more were
  /// dropped. The note is an error only if a dropped one was: a deck with many warnings still
  /// loads.
  mutating func report(_ diagnostic: Diagnostic) {
    guard diagnostics.count < limits.maximumDiagnostics else {
      let note = "too many problems; stopping after \(limits.maximumDiagnostics)"
      if !exhausted {
        exhausted = true
        diagnostics.append(Diagnostic(diagnostic.severity, at: diagnostic.location, note))
      } else if diagnostic.severity == .error, let last = diagnostics.indices.last,
        diagnostics[last].severity == .warning
      {
        diagnostics[last].severity = .error
      }
      return
    }
    diagnostics.append(diagnostic)
  }

  /// Counts a node against the budget; false once the budget is spent (alias bombs end here).
  mutating func visit(_ node: DeckNode) -> Bool {
    visited += 1
    if visited == limits.maximumNodes {
      error(
        "the deck has more than \(limits.maximumNodes) YAML nodes (aliases expanding too far?)",
        at: node)
    }
    return visited < limits.maximumNodes
  }

  /// A mapping's values by key, reporting unknown keys (with the closest known one) and missing
  /// required keys.
  mutating func fields(
    of node: DeckNode, in context: String, known: [String], required: [String]
  ) -> [String: DeckNode]? {
    guard visit(node) else { return nil }
    guard case .mapping(let mapping) = node else {
      error("\(context) must be a mapping of keys to values, found \(describe(node))", at: node)
      return nil
    }
    var result: [String: DeckNode] = [:]
    var suggested: Set<String> = []
    for (key, value) in mapping {
      guard visit(key) else { return nil }
      guard case .scalar(let scalar) = key else {
        error("keys in \(context) must be plain words, found \(describe(key))", at: key)
        continue
      }
      let name = scalar.string
      if known.contains(name) {
        result[name] = value
      } else if let suggestion = closestMatch(to: name, in: known) {
        suggested.insert(suggestion)
        error("unknown key '\(name)' in \(context); did you mean '\(suggestion)'?", at: key)
      } else {
        let list = known.map { "'\($0)'" }.joined(separator: ", ")
        error("unknown key '\(name)' in \(context); expected one of \(list)", at: key)
      }
    }
    // A misspelt key already has its error; saying the right one is missing would repeat it.
    for name in required
    where (result[name] == nil && !suggested.contains(name))
      || isNull(result[name])
    {
      if let value = result[name] {
        error("'\(name)' in \(context) is empty", at: value)
      } else {
        error("\(context) is missing required key '\(name)'", at: node)
      }
    }
    return result
  }

  func isNull(_ node: DeckNode?) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  func describe(_ node: DeckNode) -> String {
    switch node {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar(let scalar):
      if isNull(node) {
        "nothing"
      } else {
        "'\(Self.clip(scalar.string))'"
      }
    }
  }

  static func clip(_ text: String) -> String {
    let printable = TextSanitizer.visible(text)
    return printable.count > 40 ? String(printable.prefix(40)) + "…" : printable
  }

  /// A required or optional text field; nil (with an error) when present but not text.
  mutating func text(_ node: DeckNode?, field: String) -> String? {
    guard let node, !isNull(node) else { return nil }
    guard visit(node) else { return nil }
    guard case .scalar(let scalar) = node else {
      error("'\(field)' must be text, found \(describe(node))", at: node)
      return nil
    }
    let value = Self.trimmed(scalar.string)
    if value.isEmpty {
      error("'\(field)' is empty", at: node)
      return nil
    }
    // Characters are never more than UTF-8 bytes, so most texts skip the count.
    if value.utf8.count > limits.maximumTextLength && value.count > limits.maximumTextLength {
      error("'\(field)' is longer than \(limits.maximumTextLength) characters", at: node)
      return nil
    }
    if let control = value.unicodeScalars.first(where: TextSanitizer.isForbiddenControl) {
      let code = String(control.value, radix: 16, uppercase: true)
      error(
        "'\(field)' contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)",
        at: node)
      return nil
    }
    return value
  }

  /// Text without surrounding white space; most texts have none, and for them the
  /// Foundation call (a copy through NSString) is skipped.
  static func trimmed(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      isWhitespaceOrNewline(first) || isWhitespaceOrNewline(last)
    else { return text }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The members of `CharacterSet.whitespacesAndNewlines` (which also holds U+200B), without
  /// building the set each time; a test compares the two over the Basic Multilingual Plane.
  static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0x200B: return true
    case 0..<0x80: return false
    default:
      switch scalar.properties.generalCategory {
      case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
      default: return false
      }
    }
  }

  /// One text or a list of texts.
  mutating func textList(_ node: DeckNode?, field: String) -> [String] {
    guard let node, !isNull(node) else { return [] }
    if case .sequence(let sequence) = node {
      guard visit(node) else { return [] }
      return sequence.compactMap { text($0, field: field) }
    }
    return text(node, field: field).map { [$0] } ?? []
  }

  mutating func bool(_ node: DeckNode?, field: String) -> Bool? {
    guard let node, !isNull(node) else { return nil }
    guard case .scalar(let scalar) = node, let value = Self.boolean(scalar.string) else {
      error("'\(field)' must be true or false, found \(describe(node))", at: node)
      return nil
    }
    return value
  }

  static func boolean(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true", "yes": true
    case "false", "no": false
    default: nil
    }
  }

  mutating func number(_ node: DeckNode?, field: String, range: ClosedRange<Double>) -> Double? {
    guard let node, !isNull(node) else { return nil }
    guard case .scalar(let scalar) = node, let value = NumberValue.plainNumber(scalar.string)
    else {
      error("'\(field)' must be a number, found \(describe(node))", at: node)
      return nil
    }
    guard range.contains(value) else {
      error(
        "'\(field)' must be between \(NumberValue.format(range.lowerBound)) and "
          + "\(NumberValue.format(range.upperBound)), found \(NumberValue.format(value))",
        at: node)
      return nil
    }
    return value
  }

  mutating func date(_ node: DeckNode?, field: String) -> HistoricalDate? {
    guard let raw = text(node, field: field) else { return nil }
    do {
      let date = try HistoricalDate.parse(raw)
      if HistoricalDate.isAmbiguousNumeric(raw) {
        warning(
          "'\(Self.clip(raw))' in '\(field)' reads both ways; Recall takes it day first, as "
            + "\(date.formatted); write the month in words to be sure", at: node)
      }
      return date
    } catch {
      self.error("'\(field)' is not a valid date: \(error)", at: node)
      return nil
    }
  }

  mutating func numberValue(_ node: DeckNode?, field: String) -> NumberValue? {
    guard let raw = text(node, field: field) else { return nil }
    guard let value = NumberValue.parseWritten(raw) else {
      error(
        "'\(field)' is not a number Recall understands: '\(Self.clip(raw))' (try '100', "
          + "'over 100', 'about 100', 'six or seven' or '3,000 to 5,000')", at: node)
      return nil
    }
    if value.low < 0 {
      warning("'\(field)' is negative; is that what the source says?", at: node)
    }
    return value
  }
}
