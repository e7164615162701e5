import RecallKit

/// A problem a command finds itself (an option that names nothing, a file it will not
/// replace), with the exit status it stops with.
public struct CommandError: ReportableError, Hashable, Sendable {
  public var status: ExitStatus
  public var message: String
  public var location: SourceLocation?

  public init(_ status: ExitStatus, _ message: String, at location: SourceLocation? = nil) {
    self.status = status
    self.message = message
    self.location = location
  }

  /// A bad option or argument (64).
  public static func usage(_ message: String) -> CommandError { CommandError(.usage, message) }
  /// Input that is there but cannot be used (65).
  public static func data(_ message: String) -> CommandError { CommandError(.dataError, message) }
  /// Input that is not there (66).
  public static func noInput(_ message: String) -> CommandError { CommandError(.noInput, message) }
  /// An output that cannot be created (73).
  public static func cannotCreate(_ message: String) -> CommandError {
    CommandError(.cannotCreate, message)
  }
  /// A read or write that failed (74).
  public static func io(_ message: String) -> CommandError { CommandError(.ioError, message) }
}
