import Foundation

/// Cards and facts read from a foreign file, checked as the deck loader will check them, with
/// diagnostics located in that file.
struct ImportedItems {
  let path: String
  var cards: [HandCard] = []
  var facts: [Fact] = []
  var diagnostics: [Diagnostic] = []
  var ids = ItemIdentifiers()
  /// A deck title the file itself gives (Anki's `#deck:`).
  var suggestedTitle: String?
  /// Media files the imported text refers to (Anki's `<img>` and `[sound:]`), which a deck
  /// cannot show.
  var mediaReferences: [String] = []
  let limits = DeckLimits.standard

  init(path: String) {
    self.path = path
  }

  func location(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: path, line: line, column: column)
  }

  mutating func error(_ message: String, line: Int, column: Int) {
    diagnostics.append(.error(message, at: location(line, column)))
  }

  mutating func warning(_ message: String, line: Int, column: Int) {
    diagnostics.append(.warning(message, at: location(line, column)))
  }

  /// The text trimmed, or nil with an error when it cannot go into a deck.
  mutating func checkedText(_ raw: String, field: String, at location: SourceLocation) -> String? {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty {
      diagnostics.append(.error("the \(field) is empty", at: location))
      return nil
    }
    if text.count > limits.maximumTextLength {
      diagnostics.append(
        .error(
          "the \(field) is \(text.count) characters long; deck text is limited to "
            + "\(limits.maximumTextLength)", at: location))
      return nil
    }
    if let control = text.unicodeScalars.first(where: TextSanitizer.isForbiddenControl) {
      let code = String(control.value, radix: 16, uppercase: true)
      diagnostics.append(
        .error(
          "the \(field) contains the control character U+"
            + String(repeating: "0", count: max(0, 4 - code.count)) + code, at: location))
      return nil
    }
    return text
  }

  /// A short-answer card, or a true/false card when the only answer is "true" or "false".
  mutating func addShort(
    prompt: String, answers: [String], id: String?, name: String? = nil, tags: [String],
    explanation: String?, at location: SourceLocation, answerLocation: SourceLocation? = nil
  ) {
    guard let prompt = checkedText(prompt, field: "question", at: location),
      let answers = uniqueAnswers(answers, at: answerLocation ?? location)
    else { return }
    let explanation = clean(explanation, at: location)
    guard !answers.isEmpty else {
      diagnostics.append(.error("the question '\(clip(prompt))' has no answer", at: location))
      return
    }
    let cardID = ids.claim(preferred: id, fallback: name ?? prompt)
    if answers.count == 1, let truth = Self.truth(answers[0]) {
      cards.append(
        HandCard(
          id: cardID, kind: .truefalse, prompt: prompt, truth: truth,
          explanation: explanation, tags: Self.clean(tags: tags), location: location))
      return
    }
    cards.append(
      HandCard(
        id: cardID, kind: .short, prompt: prompt, answers: answers, explanation: explanation,
        tags: Self.clean(tags: tags), location: location))
  }

  mutating func addTrueFalse(
    prompt: String, truth: Bool, id: String?, name: String? = nil, tags: [String],
    explanation: String?,
    at location: SourceLocation
  ) {
    guard let prompt = checkedText(prompt, field: "statement", at: location) else { return }
    let explanation = clean(explanation, at: location)
    cards.append(
      HandCard(
        id: ids.claim(preferred: id, fallback: name ?? prompt), kind: .truefalse, prompt: prompt,
        truth: truth, explanation: explanation, tags: Self.clean(tags: tags), location: location))
  }

  mutating func addChoice(
    prompt: String, answer: String, distractors: [String], id: String?, name: String? = nil,
    tags: [String],
    explanation: String?, at location: SourceLocation
  ) {
    guard let prompt = checkedText(prompt, field: "question", at: location),
      let answer = checkedText(answer, field: "right answer", at: location)
    else { return }
    let explanation = clean(explanation, at: location)
    var kept: [String] = []
    var seen: Set<String> = [answer.lowercased()]
    for raw in distractors {
      guard let wrong = checkedText(raw, field: "wrong answer", at: location) else { return }
      if wrong.lowercased() == answer.lowercased() {
        diagnostics.append(
          .error(
            "'\(clip(wrong))' is listed both as the right answer and as a wrong one",
            at: location))
        return
      }
      if seen.insert(wrong.lowercased()).inserted {
        kept.append(wrong)
      } else {
        diagnostics.append(.warning("the wrong answer '\(clip(wrong))' repeats", at: location))
      }
    }
    cards.append(
      HandCard(
        id: ids.claim(preferred: id, fallback: name ?? prompt), kind: .choice, prompt: prompt,
        answers: [answer], distractors: kept, explanation: explanation,
        tags: Self.clean(tags: tags),
        location: location))
  }

  /// A cloze card from a sentence split around its blank.
  mutating func addCloze(
    before: String, key: String, after: String, alternatives: [String], id: String?,
    name: String? = nil, tags: [String], explanation: String?, at location: SourceLocation
  ) {
    let sentence = before + key + after
    guard let key = checkedText(key, field: "missing word", at: location),
      checkedText(sentence, field: "sentence", at: location) != nil
    else { return }
    if (before + key + after).contains("[[") || (before + key + after).contains("]]") {
      diagnostics.append(
        .error(
          "the sentence contains '[[' or ']]', which Recall uses to mark the blank", at: location))
      return
    }
    let statement = Fact.Statement(
      before: String(before.drop { $0 == " " || $0 == "\t" }), key: key,
      after: String(after.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
    guard let alternatives = uniqueAnswers(alternatives, at: location) else { return }
    let others = alternatives.filter { $0.lowercased() != key.lowercased() }
    let explanation = clean(explanation, at: location)
    cards.append(
      HandCard(
        id: ids.claim(preferred: id, fallback: name ?? statement.text), kind: .cloze,
        prompt: statement.before + "_____" + statement.after, answers: [key] + others,
        cloze: statement, explanation: explanation, tags: Self.clean(tags: tags), location: location
      ))
  }

  /// A quantity fact: asked as "How many …?".
  mutating func addQuantity(
    howMany: String, value: NumberValue, id: String?, name: String? = nil, tags: [String],
    at location: SourceLocation
  ) {
    guard let howMany = checkedText(howMany, field: "question", at: location) else { return }
    facts.append(
      Fact(
        id: ids.claim(preferred: id, fallback: name ?? "how many " + howMany),
        content: .quantity(Fact.Quantity(howMany: howMany, value: value)),
        tags: Self.clean(tags: tags),
        location: location))
  }

  /// The answers without blanks and repeats; nil when one cannot go into a deck (reported).
  private mutating func uniqueAnswers(_ answers: [String], at location: SourceLocation)
    -> [String]?
  {
    var result: [String] = []
    var seen: Set<String> = []
    for raw in answers where !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      guard let answer = checkedText(raw, field: "answer", at: location) else { return nil }
      if seen.insert(answer.lowercased()).inserted { result.append(answer) }
    }
    return result
  }

  /// An explanation worth keeping: trimmed, nil when empty or unusable (with a warning).
  mutating func clean(_ explanation: String?, at location: SourceLocation) -> String? {
    guard let text = explanation?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
    else { return nil }
    if text.count > limits.maximumTextLength
      || text.unicodeScalars.contains(where: TextSanitizer.isForbiddenControl)
    {
      diagnostics.append(
        .warning(
          "the feedback is too long or holds control characters; it is left out", at: location))
      return nil
    }
    return text
  }

  /// Tags a deck can hold: trimmed, non-empty, without control characters, each once.
  static func clean(tags: [String]) -> [String] {
    var result: [String] = []
    for tag in tags {
      let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty, trimmed.count <= 200,
        !trimmed.unicodeScalars.contains(where: TextSanitizer.isForbiddenControl),
        !result.contains(trimmed)
      else { continue }
      result.append(trimmed)
    }
    return result
  }

  static func truth(_ text: String) -> Bool? {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "true": true
    case "false": false
    default: nil
    }
  }

  func clip(_ text: String) -> String {
    let visible = TextSanitizer.visible(text)
    return visible.count > 50 ? String(visible.prefix(50)) + "…" : visible
  }
}

extension ImportedItems {
  /// A numeric answer: a quantity fact when the prompt reads "How many …?", else a short card
  /// that accepts the whole numbers in the range (when there are few) or the central value.
  /// A figure: a quantity fact when the prompt asks "How many …?", a short card for an exact
  /// figure, else a numeric card graded on `value`'s span (±10 % for "about"), so a GIFT
  /// tolerance is kept.
  mutating func addNumber(
    prompt: String, value: NumberValue, id: String?, name: String? = nil, tags: [String],
    explanation: String?, at location: SourceLocation
  ) {
    let trimmed = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.lowercased().hasPrefix("how many "), trimmed.hasSuffix("?"),
      trimmed.count > "how many ?".count
    {
      let howMany = String(trimmed.dropFirst("how many ".count).dropLast())
      let count = facts.count
      addQuantity(howMany: howMany, value: value, id: id, name: name, tags: tags, at: location)
      if facts.count > count { facts[facts.count - 1].note = clean(explanation, at: location) }
      return
    }
    if value.qualifier == .exact, !value.isRange {
      // An exact figure is a short answer written as digits, since most are years ("1822",
      // not "1,822"); larger figures are accepted grouped too.
      let digits =
        value.low.rounded() == value.low && abs(value.low) < 1e15
        ? String(Int64(value.low)) : String(value.low)
      let answers = abs(value.low) >= 10_000 ? [digits, NumberValue.format(value.low)] : [digits]
      addShort(
        prompt: trimmed, answers: answers, id: id, name: name, tags: tags,
        explanation: explanation, at: location)
      return
    }
    guard let prompt = checkedText(prompt, field: "question", at: location) else { return }
    cards.append(
      HandCard(
        id: ids.claim(preferred: id, fallback: name ?? prompt), kind: .numeric, prompt: prompt,
        answers: [value.description], number: value,
        explanation: clean(explanation, at: location), tags: Self.clean(tags: tags),
        location: location))
  }

}
