/// A sentence prepared for the rules: its tokens, name spans and dates.
struct DraftSentence: Sendable {
  var index: Int
  var source: Article.Sentence
  var characters: [Character]
  var tokens: [Token]
  var spans: [NameSpan]
  var dates: [DateMention] = []

  var text: String { source.text }
  var line: Int { source.line }

  /// The text between two character offsets, trimmed.
  func slice(_ start: Int, _ end: Int) -> String {
    guard start < end, start >= 0, end <= characters.count else { return "" }
    return String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
  }

  /// The text of tokens `start..<end`.
  func text(tokens start: Int, _ end: Int) -> String {
    guard start < end, start >= 0, end <= tokens.count else { return "" }
    return slice(tokens[start].start, tokens[end - 1].end)
  }

  /// The index of the token that starts at or after a character offset.
  func tokenIndex(atOrAfter offset: Int) -> Int {
    tokens.firstIndex { $0.start >= offset } ?? tokens.count
  }

  /// The span that covers token `index`, if any.
  func span(covering index: Int) -> NameSpan? {
    spans.first { $0.start <= index && index < $0.end }
  }

  /// The clause around a character offset: the sentence cut at semicolons, colons and dashes.
  func clauseBounds(around offset: Int) -> (Int, Int) {
    var start = 0
    var end = characters.count
    for (position, character) in characters.enumerated() {
      let isBreak =
        character == ";" || character == ":"
        || (character == "–" || character == "—" || character == "-")
          && position > 0 && characters[position - 1] == " "
          && position + 1 < characters.count && characters[position + 1] == " "
      guard isBreak else { continue }
      if position < offset {
        start = position + 1
      } else if position >= offset {
        end = position
        break
      }
    }
    return (start, end)
  }
}
