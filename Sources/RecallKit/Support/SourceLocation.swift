/// A place in a file, 1-based, so a diagnostic can point an author at it; line 0 means the
/// file as a whole (a file that cannot be created or read).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// The file as a whole, for problems that have no line: `path: error: …`.
  public static func file(_ path: String) -> SourceLocation {
    SourceLocation(file: path, line: 0, column: 0)
  }

  public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }
}
