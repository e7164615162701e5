import CLibEdit
import Foundation

/// Chooses the reader that fits where the process's input comes from.
public enum LineReaders {
  /// The kinds of reader, by what stdin and stdout are.
  public enum Kind: Equatable, Sendable {
    /// A terminal that can edit: libedit.
    case editing
    /// A terminal that cannot edit (TERM=dumb or unset, as in an Emacs shell buffer): plain
    /// lines, but prompts are shown because someone is typing.
    case plainWithPrompts
    /// A pipe or file: plain lines, no prompts, no escape codes.
    case plain
  }

  /// Editing needs both ends on a terminal (stdout is where libedit draws) and a terminal
  /// type it can look up.
  public static func kind(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?)
    -> Kind
  {
    guard stdinIsTerminal, stdoutIsTerminal else { return .plain }
    guard let term, !term.isEmpty, term != "dumb" else { return .plainWithPrompts }
    return .editing
  }

  /// The kind for this process.
  public static func currentKind(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Kind {
    kind(
      stdinIsTerminal: recall_isatty(STDIN_FILENO) != 0,
      stdoutIsTerminal: recall_isatty(STDOUT_FILENO) != 0, term: environment["TERM"])
  }

  /// A reader for this process's stdin; `completions` serves Tab where the reader edits.
  public static func make(completions: LineCompletion.Provider? = nil) -> LineReader {
    switch currentKind() {
    case .editing:
      if let reader = EditLineReader(completions: completions) { return reader }
      return PlainLineReader(promptWriter: writeToStandardOutput)
    case .plainWithPrompts:
      return PlainLineReader(promptWriter: writeToStandardOutput)
    case .plain:
      return PlainLineReader()
    }
  }

  private static func writeToStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
