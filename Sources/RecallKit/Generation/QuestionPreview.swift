import Foundation

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

  /// One question in the JSON contract.
  struct Entry: Encodable {
    var id: String
    var type: String
    var prompt: String
    var options: [String]
    var items: [String]
    var answers: [String]
    var fact: String
    var explanation: String
  }

  struct Document: Encodable {
    var deck: String
    var questions: [Entry]
  }

  /// The scripting contract: `{"deck", "questions": [{"id", "type", "prompt", "options",
  /// "items", "answers", "fact", "explanation"}]}` with keys sorted, so output is byte-stable.
  public static func json(deck: Deck, questions: [Question]) -> String {
    let document = Document(
      deck: deck.id,
      questions: questions.map {
        Entry(
          id: $0.id, type: $0.kind.rawValue, prompt: $0.prompt, options: $0.options,
          items: $0.matchItems, answers: $0.answerTexts, fact: $0.fact,
          explanation: $0.explanation)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Strings and arrays of strings always encode; a failure here is a programming error.
    guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8)
    else { return "{}\n" }
    return text + "\n"
  }
}
