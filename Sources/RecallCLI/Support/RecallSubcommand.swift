import ArgumentParser
import Foundation
import LineEditing
import RecallKit

/// What a command reaches outside itself, injected so tests run every command in process.
public struct CommandContext {
  public var console: Console
  public var environment: [String: String]
  /// All of standard input, for commands that read it (`schedule replay` without a file).
  public var standardInput: () throws -> Data
  /// The line reader of an interactive command (`study`, `line-echo`), given what Tab
  /// completes.
  public var lineReader: (LineCompletion.Provider?) -> LineReader

  public init(
    console: Console, environment: [String: String] = [:],
    standardInput: @escaping () throws -> Data = { Data() },
    lineReader: @escaping (LineCompletion.Provider?) -> LineReader = { _ in PlainLineReader() }
  ) {
    self.console = console
    self.environment = environment
    self.standardInput = standardInput
    self.lineReader = lineReader
  }

  /// The process's own streams and environment.
  public static var standard: CommandContext {
    CommandContext(
      console: .standard, environment: ProcessInfo.processInfo.environment,
      standardInput: { try FileHandle.standardInput.readToEnd() ?? Data() },
      lineReader: { LineReaders.make(completions: $0) })
  }
}

/// A `recall` subcommand: its work is `perform`, with its output and input injected; problems
/// go to `diagnostics` (or are thrown), which prints them in one format and picks the exit
/// status. `run()` and `execute(in:)` are the same for every command.
public protocol RecallSubcommand: ParsableCommand {
  /// Does the command's work. A thrown error is reported like any other.
  func perform(in context: CommandContext, diagnostics: Diagnostics) throws
}

extension RecallSubcommand {
  public func run() throws {
    let context = CommandContext.standard
    let status = Diagnostics.collecting(on: context.console) { diagnostics in
      // Only the process reads the testing hook; tests in process install plans themselves.
      try FaultInjectionHook.install(from: context.environment)
      try perform(in: context, diagnostics: diagnostics)
    }
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Runs the command in process and returns its exit status: the entry point tests use.
  @discardableResult
  public func execute(in context: CommandContext) -> ExitStatus {
    Diagnostics.collecting(on: context.console) { diagnostics in
      try perform(in: context, diagnostics: diagnostics)
    }
  }
}
