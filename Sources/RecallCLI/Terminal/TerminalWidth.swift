import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many columns output may use.
public enum TerminalWidth {
  /// Used when neither the terminal nor $COLUMNS says.
  public static let fallback = 80

  /// The width of the terminal on standard output, else $COLUMNS, else 80.
  public static func current(environment: [String: String]) -> Int {
    resolve(terminalColumns: standardOutputColumns(), columnsVariable: environment["COLUMNS"])
  }

  /// Picks the first usable answer: the terminal's own size, then a positive $COLUMNS.
  public static func resolve(terminalColumns: Int?, columnsVariable: String?) -> Int {
    if let terminalColumns, terminalColumns > 0 { return terminalColumns }
    if let text = columnsVariable?.trimmingCharacters(in: .whitespaces),
      let columns = Int(text), columns > 0
    {
      return columns
    }
    return fallback
  }

  /// TIOCGWINSZ on stdout; nil for a pipe, a file, or a terminal that reports no size.
  private static func standardOutputColumns() -> Int? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }
}
