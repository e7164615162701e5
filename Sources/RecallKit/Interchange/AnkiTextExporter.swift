/// Writes questions as an Anki text file (Basic notes: Front, Back, tags).
///
/// The question id is the note's GUID (`#guid column:1`), so importing a newer export of the same
/// deck updates the notes it made before instead of adding copies. Fields are HTML
/// (`#html:true`), so the text is escaped and line breaks are written as `<br>`.
public struct AnkiTextExporter: Sendable {
  public init() {}

  public func render(_ questions: [Question], deck: Deck) -> String {
    let table = DelimitedText(delimiter: "\t", commentCharacter: "#")
    var out = "#separator:tab\n#html:true\n#notetype:Basic\n"
    out += "#deck:\(Self.headerValue(deck.title))\n"
    out += "#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n"
    for question in questions {
      let tags = deck.tags(forItem: question.fact).map(Self.tag).filter { !$0.isEmpty }
      out += table.line([
        question.id, Self.front(question), Self.back(question), tags.joined(separator: " "),
      ])
    }
    return out
  }

  /// The question side: the prompt, then the options a learner chooses from.
  static func front(_ question: Question) -> String {
    var html = HTMLText.escape(question.prompt)
    switch question.kind {
    case .choice:
      html += "<br><br>" + lettered(question.options).joined(separator: "<br>")
    case .order:
      html += "<br><br>" + question.options.map(HTMLText.escape).joined(separator: "<br>")
    case .match:
      let items = question.matchItems.enumerated().map {
        "\($0.offset + 1). " + HTMLText.escape($0.element)
      }
      html += "<br><br>" + items.joined(separator: "<br>")
      html += "<br><br>" + lettered(question.options).joined(separator: "<br>")
    case .truefalse:
      html += "<br><br>True or false?"
    default:
      break
    }
    return html
  }

  /// The answer side: the answer as Recall shows it, other accepted answers, the explanation.
  static func back(_ question: Question) -> String {
    var html: String
    switch question.expected {
    case .choice(let index) where question.options.indices.contains(index):
      html = lettered(question.options)[index]
    case .truth(let value):
      html = value ? "True" : "False"
    case .order:
      html = question.answerTexts.enumerated().map {
        "\($0.offset + 1). " + HTMLText.escape($0.element)
      }
      .joined(separator: "<br>")
    case .text(let answers) where answers.count > 1:
      html =
        HTMLText.escape(answers[0]) + "<br>(also accepted: "
        + answers.dropFirst().map(HTMLText.escape).joined(separator: ", ") + ")"
    default:
      html = question.answerTexts.map(HTMLText.escape).joined(separator: "<br>")
    }
    if !question.explanation.isEmpty {
      html += "<br><br>" + HTMLText.escape(question.explanation)
    }
    return html
  }

  private static func lettered(_ options: [String]) -> [String] {
    options.enumerated().map { index, option in
      let letter = index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : String(index + 1)
      return "\(letter). " + HTMLText.escape(option)
    }
  }

  /// Anki tags are single words: spaces become underscores.
  static func tag(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: "_")
  }

  /// A header value on one line.
  private static func headerValue(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
