/// What reading one line produced.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C: the line being typed was discarded.
  case interrupted
  /// Ctrl-D or end of input.
  case endOfInput
}

/// A source of typed lines: an editing terminal or a plain pipe.
public protocol LineReader: AnyObject {
  /// Shows `prompt` (terminals only) and reads one line.
  func readLine(prompt: String) -> LineInput
  /// Remembers a line for history recall, where the reader has history.
  func addHistory(_ line: String)
}
