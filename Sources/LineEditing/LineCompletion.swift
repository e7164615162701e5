/// Tab completion for line readers.
public enum LineCompletion {
  /// Given the text before the cursor, the strings that text could become. A candidate
  /// replaces the whole text before the cursor.
  public typealias Provider = @Sendable (String) -> [String]

  /// Completes the text before the cursor to any of `words` it starts; an empty line
  /// offers them all.
  public static func words(_ words: [String]) -> Provider {
    { text in words.filter { $0.hasPrefix(text) } }
  }
}
