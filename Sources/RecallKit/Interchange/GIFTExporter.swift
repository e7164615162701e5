/// Writes questions in Moodle's GIFT format, one question a paragraph, titled by question id.
///
/// short → `{=a =b}`; choice → `{=right ~wrong}`; true/false → `{T}`/`{F}`; cloze → a short-answer
/// question whose blank is written `_____`; numeric → `{#value}` or `{#low..high}` (the range
/// Recall accepts); order → a matching question that pairs each item with its place (1 = first);
/// match → `{=item -> option}`, with unused options as extra answers. The explanation is the
/// general feedback (`####`). `~ = # { } :` and `\` are escaped, line breaks written `\n`.
public struct GIFTExporter: Sendable {
  public init() {}

  public func render(_ questions: [Question], deck: Deck) -> String {
    var out = "// \(Self.comment(deck.title)) (deck \(deck.id)): \(questions.count) questions\n"
    out += "// Exported by recall export; import in Moodle as GIFT.\n"
    for question in questions {
      out += "\n" + Self.question(question) + "\n"
    }
    return out
  }

  static func question(_ question: Question) -> String {
    // Moodle shows question text, options and feedback as HTML but keeps typed answers as plain
    // text, so text with `< > &` goes out as `[html]` with those parts escaped.
    let shown =
      [question.prompt, question.explanation]
      + (question.kind == .short || question.kind == .cloze ? [] : question.options)
      + question.matchItems
    let html = shown.contains { $0.contains(where: { "<>&".contains($0) }) }
    func rich(_ text: String) -> String { escape(html ? HTMLText.escape(text) : text) }

    let title = "::" + escape(question.id) + "::" + (html ? "[html]" : "")
    let feedback = question.explanation.isEmpty ? "" : "####" + rich(question.explanation)
    var prompt = question.prompt
    let answer: String
    switch (question.kind, question.expected) {
    case (.choice, .choice(let right)):
      let options = question.options.enumerated().map { index, option in
        (index == right ? "=" : "~") + rich(option)
      }
      answer = options.joined(separator: " ")
    case (_, .truth(let value)):
      answer = value ? "T" : "F"
    case (_, .number(let value)):
      answer = numeric(value)
    case (.order, .order(let indices)):
      prompt += " (match each with its place in the order: 1 = first)"
      let pairs = question.options.indices.map { index in
        "=" + rich(question.options[index]) + " -> "
          + String((indices.firstIndex(of: index) ?? index) + 1)
      }
      answer = pairs.joined(separator: " ")
    case (.match, .match(let indices)):
      var pairs: [String] = []
      for (item, index) in zip(question.matchItems, indices) {
        let option = question.options.indices.contains(index) ? question.options[index] : ""
        pairs.append("=" + rich(item) + " -> " + escape(option))
      }
      for (index, option) in question.options.enumerated() where !indices.contains(index) {
        pairs.append("= -> " + escape(option))
      }
      answer = pairs.joined(separator: " ")
    default:
      if question.kind == .cloze { prompt = normalizedBlank(prompt) }
      answer = question.answerTexts.map { "=" + escape($0) }.joined(separator: " ")
    }
    return title + rich(prompt) + " {" + answer + feedback + "}"
  }

  /// `{#v}` for an exact figure, else `{#low..high}`, the span Recall's grader accepts.
  public static func numeric(_ value: NumberValue) -> String {
    if value.qualifier == .exact && !value.isRange { return "#" + plain(value.low) }
    let range = value.acceptedRange
    return "#" + plain(range.lowerBound) + ".." + plain(range.upperBound)
  }

  private static func plain(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// A cloze prompt's blank as `_____`, however many underscores the generator used.
  public static func normalizedBlank(_ prompt: String) -> String {
    var out = ""
    var run = 0
    for character in prompt {
      if character == "_" {
        run += 1
        continue
      }
      if run > 0 { out += run >= 3 ? "_____" : String(repeating: "_", count: run) }
      run = 0
      out.append(character)
    }
    if run > 0 { out += run >= 3 ? "_____" : String(repeating: "_", count: run) }
    return out
  }

  /// Text with GIFT's special characters escaped.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "~", "=", "#", "{", "}", ":": out += "\\" + String(character)
      case "\n", "\r\n", "\r": out += "\\n"
      default: out.append(character)
      }
    }
    return out
  }

  private static func comment(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
