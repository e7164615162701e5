import Foundation
import Yams

/// What loading a deck produced: the deck when it has no errors, and every diagnostic.
public struct DeckLoadResult: Sendable {
  public var deck: Deck?
  public var diagnostics: [Diagnostic]

  public init(deck: Deck?, diagnostics: [Diagnostic]) {
    self.deck = deck
    self.diagnostics = diagnostics
  }
}

/// Why a deck file could not be read at all (as opposed to read and found wanting).
public enum DeckFileError: ReportableError, Hashable, Sendable {
  case notFound(String)
  case unreadable(String, reason: String)

  public var location: SourceLocation? {
    switch self {
    case .notFound(let path), .unreadable(let path, _): .file(path)
    }
  }

  public var message: String {
    switch self {
    case .notFound: "no such deck file"
    case .unreadable(_, let reason): "cannot read the deck: \(reason)"
    }
  }
}

/// Reads deck files (YAML, or JSON as YAML) into `Deck` values with located diagnostics.
///
/// The loader knows nothing of questions or scheduling; it checks shape, types, dates, ids and
/// references, and reports every problem it finds in one pass.
public struct DeckLoader: Sendable {
  public var limits: DeckLimits

  public init(limits: DeckLimits = .standard) {
    self.limits = limits
  }

  /// Loads a deck file from disk.
  public func load(path: String) throws(DeckFileError) -> DeckLoadResult {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path)
    }
    guard !isDirectory.boolValue else { throw .unreadable(path, reason: "it is a directory") }
    // A FIFO or a device would block the read (or never end); only regular files are decks.
    if let kind = DeckLoader.irregularKind(path) {
      throw .unreadable(path, reason: "it is \(kind), not a regular file")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    if size > limits.maximumFileSize {
      let location = SourceLocation(file: path, line: 1, column: 1)
      return DeckLoadResult(
        deck: nil,
        diagnostics: [
          .error(
            "the file is \(Self.describeSize(size)); decks are limited to "
              + Self.describeSize(limits.maximumFileSize), at: location)
        ])
    }
    // Opened without waiting (a FIFO swapped in since the check above would block the open)
    // and checked again on the descriptor.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw .unreadable(path, reason: String(cString: strerror(errno)).lowercased())
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    defer { try? handle.close() }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadable(path, reason: String(cString: strerror(errno)).lowercased())
    }
    if let kind = Self.irregularKind(mode: status.st_mode) {
      throw .unreadable(path, reason: "it is \(kind), not a regular file")
    }
    // The bytes live only inside this block, so they are freed before the deck is built.
    var parsed: Parsed
    do {
      let data = try handle.read(upToCount: limits.maximumFileSize + 1) ?? Data()
      parsed = tree(from: data, path: path)
    } catch {
      throw .unreadable(path, reason: "\(error.localizedDescription)")
    }
    return build(&parsed, path: path)
  }

  /// What `path` (a link followed) is when it is not a regular file, in words; nil for a
  /// regular file or when it cannot be told.
  public static func irregularKind(_ path: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return irregularKind(mode: status.st_mode)
  }

  /// What a file of this mode is when it is not a regular file, in words.
  static func irregularKind(mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "a special file"
    }
  }

  /// Loads a deck from bytes, as if read from `path`.
  public func load(data: Data, path: String) -> DeckLoadResult {
    var parsed = tree(from: data, path: path)
    return build(&parsed, path: path)
  }

  /// Loads a deck from text, as if read from `path`.
  public func load(text: String, path: String) -> DeckLoadResult {
    var text = text
    var parsed = text.withUTF8 { tree(fromText: $0, path: path) }
    return build(&parsed, path: path)
  }

  /// The YAML tree of a file, or the one problem that stops it from being read.
  typealias Parsed = (root: DeckNode?, problem: Diagnostic?)

  func tree(from data: Data, path: String) -> Parsed {
    let start = SourceLocation(file: path, line: 1, column: 1)
    if data.count > limits.maximumFileSize {
      return (
        nil,
        .error("the file is larger than \(Self.describeSize(limits.maximumFileSize))", at: start)
      )
    }
    if let problem = DeckInputScan.firstEncodingProblem(in: data, path: path) {
      return (nil, problem)
    }
    return data.withUnsafeBytes { raw in
      var bytes = raw.bindMemory(to: UInt8.self)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        bytes = UnsafeBufferPointer(rebasing: bytes[3...])
      }
      return tree(fromText: bytes, path: path)
    }
  }

  /// The tree of valid UTF-8 text: from `BlockYAMLReader` when the file keeps to the plain block
  /// style most decks use (no copy of the text is made), else from the YAML library.
  func tree(fromText bytes: UnsafeBufferPointer<UInt8>, path: String) -> Parsed {
    if let problem = DeckInputScan.firstNestingProblem(
      in: bytes, path: path, limit: limits.maximumNesting)
    {
      return (nil, problem)
    }
    if let node = BlockYAMLReader.read(bytes) { return (node, nil) }
    return Self.compose(String(decoding: bytes, as: UTF8.self), path: path, limits: limits)
  }

  /// Builds the deck, taking the tree out of `parsed` so the builder holds its only reference.
  func build(_ parsed: inout Parsed, path: String) -> DeckLoadResult {
    if let problem = parsed.problem { return DeckLoadResult(deck: nil, diagnostics: [problem]) }
    var root = parsed.root
    parsed.root = nil
    var builder = DeckBuilder(reader: NodeReader(file: path, limits: limits), path: path)
    let deck = builder.build(&root)
    let diagnostics = builder.reader.diagnostics.sortedByLocation()
    return DeckLoadResult(deck: diagnostics.hasErrors ? nil : deck, diagnostics: diagnostics)
  }

  /// The YAML library's tree, converted within the node budget.
  static func compose(_ text: String, path: String, limits: DeckLimits) -> Parsed {
    let composed: Node?
    do {
      // The basic resolver tags every plain scalar as text: the builder reads scalars as text
      // itself, and the default resolver's regular expressions cost a fifth of the load.
      composed = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      return (nil, Self.diagnostic(for: error, path: path, text: text))
    } catch {
      return (nil, .error("\(error)", at: SourceLocation(file: path, line: 1, column: 1)))
    }
    guard let composed else { return (nil, nil) }
    var budget = limits.maximumNodes
    do throws(DeckNode.TooManyNodes) {
      return (try DeckNode(composed, budget: &budget), nil)
    } catch {
      let location = SourceLocation(file: path, line: error.mark.line, column: error.mark.column)
      return (
        nil,
        .error(
          "the deck has more than \(limits.maximumNodes) YAML nodes (aliases expanding too far?)",
          at: location)
      )
    }
  }

  /// A size in MiB when it is a whole number of them, else in bytes, so that a file one byte
  /// over the limit never reads as the same size as the limit.
  static func describeSize(_ bytes: Int) -> String {
    bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }

  static func diagnostic(for error: YamlError, path: String, text: String) -> Diagnostic {
    func at(_ mark: Mark) -> SourceLocation {
      SourceLocation(file: path, line: mark.line, column: mark.column)
    }
    let start = SourceLocation(file: path, line: 1, column: 1)
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      let explained = YAMLErrorWording.explain(
        problem: problem, context: context?.text, contextMark: context?.mark, mark: mark,
        text: text)
      return .error(
        explained.message,
        at: SourceLocation(file: path, line: explained.line, column: explained.column))
    case .composer(_, let problem, let mark, _):
      return .error("YAML syntax: \(problem)", at: at(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let first = context.mark
      let line = secondOccurrence(of: key, after: first, in: text) ?? first.line
      return .error(
        "duplicate key '\(NodeReader.clip(key))'; it is already used at line \(first.line)",
        at: SourceLocation(file: path, line: line, column: first.column))
    case .reader(let problem, _, _, _):
      return .error("cannot read the text: \(problem)", at: start)
    default:
      return .error("YAML: \(error)", at: start)
    }
  }

  /// Where a duplicated key appears again at the same indentation, since YAML's error names only
  /// the first.
  static func secondOccurrence(of key: String, after first: Mark, in text: String) -> Int? {
    let indent = String(repeating: " ", count: max(0, first.column - 1))
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      guard lineNumber > first.line else { continue }
      let body = line.hasPrefix(indent) ? line.dropFirst(indent.count) : Substring("")
      if body.hasPrefix(key + ":") || body.hasPrefix("\"\(key)\":") || body.hasPrefix("'\(key)':") {
        return lineNumber
      }
    }
    return nil
  }
}
