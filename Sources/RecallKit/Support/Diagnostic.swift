/// One problem found in an input file, printed as `path:line:column: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    /// Something worth knowing that needs no change (a question the generator left out).
    case note
    case warning
    case error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, at: location, message)
  }

  public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.warning, at: location, message)
  }

  public static func note(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.note, at: location, message)
  }

  /// The line as printed. Deck text quoted in a message (a key, a value) may hold escape
  /// sequences; they are shown as `\u{1B}`, never sent to the terminal.
  public var description: String {
    "\(location): \(severity.rawValue): \(TextSanitizer.visible(message))"
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic stops the input from being used.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Diagnostics in file order, so authors can fix them top to bottom.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      let (a, b) = (lhs.element.location, rhs.element.location)
      if a.file != b.file { return a.file < b.file }
      if a.line != b.line { return a.line < b.line }
      if a.column != b.column { return a.column < b.column }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}
