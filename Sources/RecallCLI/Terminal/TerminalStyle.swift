#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Colour and weight for terminal output, or nothing at all: escape codes go only to a
/// terminal, and never when the user asked for none (NO_COLOR, see no-color.org) or the
/// terminal cannot show them (TERM=dumb).
public struct TerminalStyle: Equatable, Sendable {
  /// Whether the helpers add escape codes; when false they return their text unchanged.
  public var isEnabled: Bool

  public init(isEnabled: Bool) {
    self.isEnabled = isEnabled
  }

  /// No escape codes, for files, pipes and tests.
  public static let plain = TerminalStyle(isEnabled: false)

  /// Colour is on only when standard output is a terminal, NO_COLOR is unset or empty, and
  /// TERM is not `dumb`.
  public static func detect(environment: [String: String], stdoutIsTerminal: Bool)
    -> TerminalStyle
  {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let dumb = environment["TERM"] == "dumb"
    return TerminalStyle(isEnabled: stdoutIsTerminal && !noColor && !dumb)
  }

  /// The style for this process's standard output.
  public static func current(environment: [String: String]) -> TerminalStyle {
    detect(environment: environment, stdoutIsTerminal: isatty(STDOUT_FILENO) != 0)
  }

  public func bold(_ text: String) -> String { wrap(text, on: "1", off: "22") }
  public func dim(_ text: String) -> String { wrap(text, on: "2", off: "22") }
  public func green(_ text: String) -> String { wrap(text, on: "32", off: "39") }
  public func red(_ text: String) -> String { wrap(text, on: "31", off: "39") }
  public func yellow(_ text: String) -> String { wrap(text, on: "33", off: "39") }

  /// Switches an attribute on for `text` and off after it. Each attribute has its own "off"
  /// code, so styles nest: bold(green("x")) stays bold after the colour ends.
  private func wrap(_ text: String, on: String, off: String) -> String {
    guard isEnabled, !text.isEmpty else { return text }
    return "\u{1B}[\(on)m\(text)\u{1B}[\(off)m"
  }
}
