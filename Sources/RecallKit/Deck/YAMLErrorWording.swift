import Yams

/// Recall's own words for the YAML mistakes teachers make most, at the line that needs the
/// fix: the YAML library's messages ("mapping values are not allowed in this context") name
/// its grammar, and for an unclosed quote it points at the end of the file.
enum YAMLErrorWording {
  static func explain(
    problem: String, context: String?, contextMark: Mark?, mark: Mark, text: String
  ) -> (message: String, mark: Mark) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
    let indentation = line.prefix { $0 == " " || $0 == "\t" }
    if indentation.contains("\t") || problem.contains("tab character") {
      return ("tabs are not allowed for indentation; use spaces", mark)
    }
    if let context, context.contains("quoted scalar"), let contextMark {
      return (
        "this quoted text is never closed: add the closing quote (or remove the opening one)",
        contextMark
      )
    }
    if problem.contains("mapping values are not allowed") {
      return ("put this text in quotes: it contains ': ', which YAML reads as a new key", mark)
    }
    if problem.contains("did not find expected '-' indicator") {
      return (
        "expected a list item here: each item starts with '- ' at the same indentation as "
          + "the one before", mark
      )
    }
    if problem.contains("did not find expected key")
      || problem.contains("did not find expected <document start>")
    {
      return (
        "this line is not indented like the lines around it: keys of one fact line up, "
          + "and a list item starts with '- '", mark
      )
    }
    return ("YAML syntax: \(problem)", mark)
  }
}
