import RecallKit

/// The one place a command's problems are printed: located ones as
/// `file:line:column: error: …` (or `file: error: …`), others as `recall: error: …`. It
/// counts them and keeps the exit status they add up to, so commands never pick one by hand.
/// Every line is made visible first: a control character from an input never reaches the
/// terminal raw.
public final class Diagnostics: @unchecked Sendable {
  private let console: Console
  public private(set) var errorCount = 0
  public private(set) var warningCount = 0
  /// The exit status of everything reported so far.
  public private(set) var status = ExitStatus.ok

  public init(console: Console) {
    self.console = console
  }

  /// Runs `body` and returns the exit status of what it reported; an error it throws is
  /// reported like any other.
  public static func collecting(
    on console: Console, _ body: (Diagnostics) throws -> Void
  ) -> ExitStatus {
    let diagnostics = Diagnostics(console: console)
    do {
      try body(diagnostics)
    } catch {
      diagnostics.report(error)
    }
    return diagnostics.status
  }

  /// A problem at a place in an input file; an error makes the command fail with 65.
  public func emit(_ diagnostic: Diagnostic) {
    emitLine(diagnostic.description)
    count(diagnostic.severity, status: .dataError)
  }

  /// Several diagnostics, in the order given; warnings left out unless `warnings`.
  public func emit(_ diagnostics: [Diagnostic], warnings: Bool = true) {
    for diagnostic in diagnostics where warnings || diagnostic.severity == .error {
      emit(diagnostic)
    }
  }

  /// An error: printed at its location when it has one, and counted with its exit status
  /// from `ExitStatus(for:)`.
  public func report(_ error: any Error) {
    if let error = error as? any ReportableError {
      print(.error, error.message, at: error.location)
    } else {
      print(.error, "\(error)", at: nil)
    }
    count(.error, status: ExitStatus(for: error))
  }

  /// A problem that is not about a place in a file and does not stop the command.
  public func warning(_ message: String) {
    print(.warning, message, at: nil)
    count(.warning, status: .ok)
  }

  /// Fails the command with `status` without printing anything more, for a problem already
  /// shown another way (a line of output that says so).
  public func fail(_ status: ExitStatus) {
    self.status = self.status.combined(with: status)
  }

  private func print(
    _ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation?
  ) {
    if let location {
      emitLine(Diagnostic(severity, at: location, message).description)
    } else {
      emitLine("recall: \(severity.rawValue): \(message)")
    }
  }

  private func emitLine(_ line: String) {
    console.errorLine(TextSanitizer.visible(line))
  }

  private func count(_ severity: Diagnostic.Severity, status: ExitStatus) {
    switch severity {
    case .error:
      errorCount += 1
      fail(status)
    case .warning:
      warningCount += 1
    case .note:
      // A note (a question the linter left out) changes nothing.
      break
    }
  }
}
