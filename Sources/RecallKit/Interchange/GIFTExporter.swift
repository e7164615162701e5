/// Writes questions in Moodle's GIFT format, one question a paragraph, titled by question id.
///
/// short → `{=a =b}`; choice → `{=right ~wrong}`; true/false → `{T}`/`{F}`; cloze → a short-answer
/// question whose blank is written `_____`; numeric → `{#value}`, `{#value:tolerance}` or
/// `{#low..high}` (the span Recall accepts); order → a matching question that pairs each item
/// with its place (1 = first); match → `{=item -> option}`, with unused options as extra
/// answers. The explanation is the general feedback (`####`). `~ = # { } :` and `\` are
/// escaped, line breaks written `\n`. Questions are grouped under `$CATEGORY:` lines, one
/// category per first tag (see `category`), so a Moodle question bank follows the deck.
public struct GIFTExporter: Sendable {
  public init() {}

  public func render(_ questions: [Question], deck: Deck) -> String {
    var out = "// \(Self.comment(deck.title)) (deck \(deck.id)): \(questions.count) questions\n"
    out += "// Exported by recall export; import in Moodle as GIFT, with \"Get category from "
    out += "file\" ticked.\n"
    // One category per first tag, in the order the categories first appear.
    var groups: [(category: String, questions: [Question])] = []
    var groupIndex: [String: Int] = [:]
    for question in questions {
      let category = Self.category(title: deck.title, tag: deck.tags(forItem: question.fact).first)
      if let index = groupIndex[category] {
        groups[index].questions.append(question)
      } else {
        groupIndex[category] = groups.count
        groups.append((category, [question]))
      }
    }
    for group in groups {
      out += "\n$CATEGORY: " + group.category + "\n"
      for question in group.questions {
        out += "\n" + Self.question(question) + "\n"
      }
    }
    return out
  }

  /// The Moodle question-bank category for a deck's questions with this first tag:
  /// `$course$/top/<deck title>/<tag>`, a tag's `::` levels (from Anki) as subcategories.
  /// A `/` inside a name is written `//`, as Moodle's own export writes it.
  public static func category(title: String, tag: String?) -> String {
    var names = [comment(title)]
    if let tag {
      names += tag.components(separatedBy: "::").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    let escaped = names.map { name -> String in
      var name = name.replacingOccurrences(of: "/", with: "//")
      if name.hasPrefix("/") { name = " " + name }
      if name.hasSuffix("/") { name += " " }
      return name
    }
    return (["$course$", "top"] + escaped).joined(separator: "/")
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

  /// `{#v}` for an exact figure; `{#v:t}` (value and tolerance, as Moodle writes it) when
  /// Recall accepts v ± t, as for "about 100" (`#100:10`); else `{#low..high}`, the span
  /// Recall's grader accepts. Moodle reads both forms as a value and a tolerance.
  public static func numeric(_ value: NumberValue) -> String {
    if value.qualifier == .exact && !value.isRange { return "#" + plain(value.low) }
    let range = value.acceptedRange
    if !value.isRange, value.qualifier == .about,
      range.upperBound - value.low == value.low - range.lowerBound
    {
      return "#" + plain(value.low) + ":" + plain(value.low - range.lowerBound)
    }
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
