import RecallKit

/// The single way deck text reaches the terminal: made harmless first (a deck cannot send
/// control sequences, see `TextSanitizer`), then wrapped to the terminal's width.
public struct TerminalText: Equatable, Sendable {
  /// Columns to wrap to.
  public var width: Int
  /// Colour for whatever the caller adds around the rendered text.
  public var style: TerminalStyle

  public init(width: Int, style: TerminalStyle) {
    self.width = width
    self.style = style
  }

  /// Width and colour for this process's standard output.
  public static func current(environment: [String: String]) -> TerminalText {
    TerminalText(
      width: TerminalWidth.current(environment: environment),
      style: TerminalStyle.current(environment: environment))
  }

  /// `text` with its control characters made visible, wrapped; indents as in
  /// `TextWrapper.wrap`, sanitised too since labels may come from a deck.
  public func render(_ text: String, initialIndent: String = "", subsequentIndent: String? = nil)
    -> String
  {
    TextWrapper(width: width).wrap(
      TextSanitizer.visible(text), initialIndent: TextSanitizer.visible(initialIndent),
      subsequentIndent: subsequentIndent.map(TextSanitizer.visible))
  }
}
