/// Writes questions in AMC-TXT, the plain-text source format of auto-multiple-choice (AMC),
/// which prints answer sheets and grades them from scans.
///
/// AMC grades ticked boxes, so only questions with options go out: a choice question becomes a
/// single-answer question (`*`) with its options in Recall's order (`+` the right one, `-` the
/// others; AMC shuffles them), and a true/false question one with the options True and False,
/// kept in that order (`ordered`). Each question keeps its Recall id (`*[id=…]`). AMC-TXT reads
/// a file line by line: a line starting with `#` is a comment and one starting with a word and
/// a colon is a global option, so every question and option is written on one line, and the
/// few text sequences AMC-TXT would read as markup (`[[ ]]` LaTeX, `[_ _]` and its kin, `!x!`
/// images) are broken with a space. AMC-TXT has no feedback, so explanations stay out.
public struct AMCTextExporter: Sendable {
  /// The question kinds AMC can grade from a scanned sheet.
  public static let kinds: Set<Question.Kind> = [.choice, .truefalse]

  public init() {}

  public func render(_ questions: [Question], deck: Deck) -> String {
    let kept = questions.filter { Self.kinds.contains($0.kind) }
    var out = "# \(Self.line(deck.title)) (deck \(deck.id)): \(kept.count) questions\n"
    out += "# Exported by recall export; open in auto-multiple-choice as an AMC-TXT source.\n"
    if kept.count < questions.count {
      out += "# \(questions.count - kept.count) questions of other types are left out: "
      out += "AMC grades choices.\n"
    }
    out += "Title: " + Self.text(deck.title) + "\n"
    for question in kept {
      out += "\n" + Self.question(question)
    }
    return out
  }

  static func question(_ question: Question) -> String {
    switch (question.kind, question.expected) {
    case (.truefalse, .truth(let value)):
      return "*[id=\(question.id),ordered] " + text(question.prompt) + "\n"
        + (value ? "+ True\n- False\n" : "- True\n+ False\n")
    case (_, .choice(let right)):
      var out = "*[id=\(question.id)] " + text(question.prompt) + "\n"
      for (index, option) in question.options.enumerated() {
        out += (index == right ? "+ " : "- ") + text(option) + "\n"
      }
      return out
    default:
      return ""
    }
  }

  /// Text on one line, with what AMC-TXT reads as markup broken apart.
  public static func text(_ raw: String) -> String {
    var text = line(raw)
    // `[[`…`]]` is LaTeX; `[_ _]`, `[* *]`, `[/ /]`, `[| |]` change the font; `[== ==]` is a
    // title; `[verbatim]` starts verbatim text.
    for (markup, broken) in [
      ("[[", "[ ["), ("]]", "] ]"), ("[verbatim]", "[ verbatim]"), ("[==", "[ =="),
      ("==]", "== ]"),
    ] {
      text = text.replacingOccurrences(of: markup, with: broken)
    }
    for mark in ["_", "*", "/", "|"] {
      text = text.replacingOccurrences(of: "[" + mark, with: "[ " + mark)
      text = text.replacingOccurrences(of: mark + "]", with: mark + " ]")
    }
    return breakingImages(text)
  }

  /// `!name!` (no spaces inside) is an image: a space after the first `!` keeps it text.
  static func breakingImages(_ text: String) -> String {
    var characters = Array(text)
    var index = 0
    while index < characters.count {
      guard characters[index] == "!" else {
        index += 1
        continue
      }
      var end = index + 1
      while end < characters.count, characters[end] != "!", !characters[end].isWhitespace {
        end += 1
      }
      if end < characters.count, characters[end] == "!", end > index + 1 {
        characters.insert(" ", at: index + 1)
        index = end + 2  // past the closing `!`, as AMC goes on after an image
      } else {
        index = max(end, index + 1)
      }
    }
    return String(characters)
  }

  /// Line breaks and runs of blanks as one space.
  static func line(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
