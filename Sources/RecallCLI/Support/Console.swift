import Foundation

/// Where a command writes: injected so commands and the REPL can be tested in-process.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void

  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void)
  {
    self.out = out
    self.err = err
  }

  /// The process's standard output and error.
  public static let standard = Console(
    out: { FileHandle.standardOutput.write(Data($0.utf8)) },
    err: { FileHandle.standardError.write(Data($0.utf8)) })

  /// Writes a line to standard output.
  public func line(_ text: String = "") { out(text + "\n") }

  /// Writes a line to standard error.
  public func errorLine(_ text: String) { err(text + "\n") }
}

/// Collects output in memory, for tests.
public final class CapturedConsole: @unchecked Sendable {
  private let lock = NSLock()
  private var outText = ""
  private var errText = ""

  public init() {}

  public var console: Console {
    Console(
      out: { text in self.lock.withLock { self.outText += text } },
      err: { text in self.lock.withLock { self.errText += text } })
  }

  public var standardOutput: String { lock.withLock { outText } }
  public var standardError: String { lock.withLock { errText } }
}
