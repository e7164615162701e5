/// Hand-written cards: questions the author writes for what facts cannot say.
extension DeckBuilder {
  /// A sentence with exactly one `[[key term]]`.
  mutating func readMarked(_ text: String, node: DeckNode?) -> Fact.Statement? {
    guard let open = text.firstLiteralRange(of: "[[") else {
      reader.error(
        "mark the key term with [[ and ]], as in 'The KLA captured [[Zhvillidove]]'", at: node)
      return nil
    }
    guard let close = text[open.upperBound...].firstLiteralRange(of: "]]") else {
      reader.error("'[[' has no matching ']]'", at: node)
      return nil
    }
    let after = String(text[close.upperBound...])
    if after.firstLiteralRange(of: "[[") != nil {
      reader.error("mark only one key term with [[ ]] per sentence", at: node)
      return nil
    }
    let key = text[open.upperBound..<close.lowerBound].trimmingBlanks()
    guard !key.isEmpty else {
      reader.error("the key term between [[ and ]] is empty", at: node)
      return nil
    }
    return Fact.Statement(before: String(text[..<open.lowerBound]), key: key, after: after)
  }

  mutating func readCard(_ node: DeckNode) -> HandCard? {
    guard
      let fields = reader.fields(of: node, in: "a card", DeckSchema.card)
    else { return nil }
    let id = readID(fields[.id], what: "card")
    guard let typeName = reader.text(fields, .type) else { return nil }
    guard let kind = HandCard.Kind(rawValue: typeName) else {
      let kinds = HandCard.Kind.allCases.map(\.rawValue)
      let hint =
        closestMatch(to: typeName, in: kinds).map { "; did you mean '\($0)'?" }
        ?? " (expected one of \(kinds.joined(separator: ", ")))"
      reader.error("unknown card type '\(NodeReader.clip(typeName))'\(hint)", at: fields[.type])
      return nil
    }
    let fact = reader.text(fields, .fact)
    if let fact, let factNode = fields[.fact] { cardFactReferences.append((fact, factNode)) }
    let tags = reader.textList(fields, .tags)
    let explanation = reader.text(fields, .explanation)
    var prompt = reader.text(fields, .prompt)
    var answers: [String] = []
    var distractors: [String] = []
    var truth: Bool?
    var cloze: Fact.Statement?
    var number: NumberValue?
    func require(_ key: String, _ present: Bool) -> Bool {
      if !present { reader.error("a \(kind.rawValue) card needs '\(key)'", at: node) }
      return present
    }
    switch kind {
    case .short, .choice:
      answers = reader.textList(fields, .answer)
      // Every missing or wrong field is reported before giving up on the card.
      let hasPrompt = require("prompt", prompt != nil)
      let hasAnswer = require("answer", fields[.answer] != nil)
      let hasDistractors = kind != .choice || require("distractors", fields[.distractors] != nil)
      if kind == .choice {
        if answers.count != 1, let answerNode = fields[.answer] {
          reader.error("a choice card has exactly one correct 'answer'", at: answerNode)
        }
        distractors = reader.textList(fields, .distractors)
        let lowered = Set(answers.map { $0.lowercased() })
        for wrong in distractors where lowered.contains(wrong.lowercased()) {
          reader.error(
            "distractor '\(NodeReader.clip(wrong))' is also the answer", at: fields[.distractors])
        }
        if Set(distractors.map { $0.lowercased() }).count != distractors.count {
          reader.error("the distractors repeat each other", at: fields[.distractors])
        }
        if distractors.count < 3, let distractorNode = fields[.distractors] {
          reader.warning(
            "a choice card reads best with three distractors; it has \(distractors.count)",
            at: distractorNode)
        }
      }
      guard hasPrompt, hasAnswer, hasDistractors else { return nil }
    case .numeric:
      let hasPrompt = require("prompt", prompt != nil)
      let hasAnswer = require("answer", fields[.answer] != nil)
      number = reader.numberValue(fields, .answer)
      guard hasPrompt, hasAnswer, let number else { return nil }
      answers = [number.description]
    case .truefalse:
      let hasPrompt = require("prompt", prompt != nil)
      let hasAnswer = require("answer", fields[.answer] != nil)
      truth = reader.bool(fields[.answer], field: DeckKey.answer.rawValue)
      guard hasPrompt, hasAnswer else { return nil }
    case .cloze:
      let extra = reader.textList(fields, .answer)
      guard require("text", fields[.text] != nil),
        let text = reader.text(fields, .text),
        let marked = readMarked(text, node: fields[.text])
      else { return nil }
      cloze = marked
      answers = [marked.key] + extra
      prompt = prompt ?? (marked.before + "_____" + marked.after)
    }
    guard let id, let prompt else { return nil }
    if kind == .truefalse && truth == nil { return nil }
    return HandCard(
      id: id, kind: kind, prompt: prompt, answers: answers, distractors: distractors,
      truth: truth, cloze: cloze, number: number, fact: fact, explanation: explanation, tags: tags,
      location: reader.location(node))
  }

}
