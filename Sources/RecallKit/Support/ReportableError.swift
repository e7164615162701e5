/// An error a command reports to its user: what went wrong and, when it is about a place in a
/// file, where.
///
/// The message never starts with a path or `error:`: the CLI's diagnostics printer adds
/// `file:line:column: error:` (or `recall: error:`) once, so no message can carry it twice.
public protocol ReportableError: Error, CustomStringConvertible {
  /// The place in a file the error is about; nil when it is about no file position.
  var location: SourceLocation? { get }
  /// What went wrong, without a location or severity prefix.
  var message: String { get }
}

extension ReportableError {
  /// The line a user sees (without the `recall:` prefix an unlocated error is printed with).
  public var description: String {
    location.map { Diagnostic.error(message, at: $0).description } ?? message
  }
}
