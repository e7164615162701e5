/// Renders generated questions for `recall preview`: text for people, JSON for scripts.
public enum QuestionPreview {
  /// Numbered questions with lettered options, the answer and the explanation.
  public static func text(deck: Deck, questions: [Question]) -> String {
    var lines = ["\(deck.id): \(questions.count) question\(questions.count == 1 ? "" : "s")"]
    for (number, question) in questions.enumerated() {
      lines.append("")
      lines.append("\(number + 1). \(question.id) [\(question.kind.rawValue)]")
      lines.append("   " + question.prompt)
      for (position, item) in question.matchItems.enumerated() {
        lines.append("   (\(position + 1)) \(item)")
      }
      for (position, option) in question.options.enumerated() {
        lines.append("   \(letter(position))) \(option)")
      }
      lines.append("   Answer: " + answerLine(question))
      lines.append("   Why: " + question.explanation)
    }
    return lines.map(TextSanitizer.visible).joined(separator: "\n") + "\n"
  }

  /// The answer as an answer key shows it.
  static func answerLine(_ question: Question) -> String {
    switch question.expected {
    case .text(let answers):
      let others = answers.dropFirst()
      return (answers.first ?? "")
        + (others.isEmpty ? "" : " (also accepted: \(others.joined(separator: ", ")))")
    case .date(let date):
      return date.formatted
    case .number(let value):
      let range = value.acceptedRange
      let accepted =
        range.lowerBound == range.upperBound
        ? ""
        : " (accepted: \(NumberValue.format(range.lowerBound))–\(NumberValue.format(range.upperBound)))"
      return value.description + accepted
    case .choice(let index):
      return "\(letter(index))) " + (question.answerTexts.first ?? "")
    case .truth(let value):
      return value ? "true" : "false"
    case .order(let indices):
      return indices.map(letter).joined(separator: ", ")
    case .match(let indices):
      return indices.enumerated().map { "\($0.offset + 1)–\(letter($0.element))" }
        .joined(separator: ", ")
    }
  }

  private static func letter(_ index: Int) -> String {
    guard index >= 0 else { return "?" }
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return index < letters.count ? String(letters[index]) : "#\(index + 1)"
  }

  /// The scripting contract: `{"deck", "questions": [{"id", "type", "prompt", "options",
  /// "items", "answers", "fact", "explanation"}]}`, keys always in that order and one question
  /// per block, so output is byte-stable and diffs read well. Written by hand because
  /// JSONEncoder can only sort keys alphabetically and prints empty arrays over three lines.
  public static func json(deck: Deck, questions: [Question]) -> String {
    var lines = ["{", "  \"deck\": \(jsonString(deck.id)),", "  \"questions\": ["]
    for (position, question) in questions.enumerated() {
      let fields: [(String, String)] = [
        ("id", jsonString(question.id)),
        ("type", jsonString(question.kind.rawValue)),
        ("prompt", jsonString(question.prompt)),
        ("options", jsonArray(question.options)),
        ("items", jsonArray(question.matchItems)),
        ("answers", jsonArray(question.answerTexts)),
        ("fact", jsonString(question.fact)),
        ("explanation", jsonString(question.explanation)),
      ]
      lines.append("    {")
      for (index, (key, value)) in fields.enumerated() {
        lines.append("      \"\(key)\": \(value)\(index < fields.count - 1 ? "," : "")")
      }
      lines.append(position < questions.count - 1 ? "    }," : "    }")
    }
    lines.append("  ]")
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func jsonArray(_ values: [String]) -> String {
    "[" + values.map(jsonString).joined(separator: ", ") + "]"
  }

  /// A JSON string literal, escaped as every hand-written JSON file here escapes it.
  static func jsonString(_ text: String) -> String { JSONText.quoted(text) }

}
