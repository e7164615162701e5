import Yams

/// Recall's own words for the YAML mistakes teachers make most, at the line that needs the
/// fix: the YAML library's messages ("mapping values are not allowed in this context") name
/// its grammar, and for an unclosed quote it points at the end of the file.
enum YAMLErrorWording {
  /// A message and the place (1-based line and column, in Unicode scalars) it is about.
  struct Explained: Equatable {
    var message: String
    var line: Int
    var column: Int
  }

  static let tab = "tabs are not allowed for indentation; use spaces"
  static let unquotedColon =
    "put this text in quotes: it contains ': ', which YAML reads as a new key"
  static let unclosedQuote =
    "this quoted text is never closed: add the closing quote (or remove the opening one)"
  static let missingDash =
    "expected a list item here: each item starts with '- ' at the same indentation as the "
    + "one before"
  static let badIndentation =
    "this line is not indented like the lines around it: keys of one fact line up, and a "
    + "list item starts with '- '"

  static func explain(
    problem: String, context: String?, contextMark: Mark?, mark: Mark, text: String
  ) -> Explained {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
    let indentation = line.prefix { $0 == " " || $0 == "\t" }
    let atMark = Explained(message: "", line: mark.line, column: mark.column)
    // An indentation problem is about the start of the line, not where YAML gave up on it.
    let atIndentation = Explained(
      message: badIndentation, line: mark.line, column: indentation.unicodeScalars.count + 1)
    if indentation.contains("\t") || problem.contains("tab character") {
      return Explained(message: tab, line: mark.line, column: mark.column)
    }
    if let context, context.contains("quoted scalar"), let contextMark {
      // The opening quote, which the library names as the context; its own mark is the end.
      return Explained(message: unclosedQuote, line: contextMark.line, column: contextMark.column)
    }
    if problem.contains("mapping values are not allowed") {
      // A colon after a key on the same line is text that needs quotes; a first colon means
      // the line is a key indented deeper than the one above, read as part of its value.
      var head = line.dropFirst(indentation.count).unicodeScalars
        .prefix(max(0, mark.column - 1 - indentation.count))
      if head.starts(with: "- ".unicodeScalars) { head = head.dropFirst(2) }
      let hasKey = String(head).contains(": ") || String(head).hasSuffix(":")
      if hasKey { return Explained(message: unquotedColon, line: mark.line, column: mark.column) }
      return atIndentation
    }
    if problem.contains("did not find expected '-' indicator") {
      // At the column of the list's dashes an item lacks its '- '; elsewhere the line is
      // indented between the dashes and the keys.
      if let contextMark, contextMark.column != mark.column { return atIndentation }
      var result = atMark
      result.message = missingDash
      return result
    }
    if problem.contains("did not find expected key")
      || problem.contains("did not find expected <document start>")
    {
      return atIndentation
    }
    var result = atMark
    result.message = "YAML syntax: \(problem)"
    return result
  }
}
