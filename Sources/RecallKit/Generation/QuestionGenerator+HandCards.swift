import Foundation

/// Hand-written cards pass through as written, keeping their own ids.
extension QuestionGenerator {
  func question(for card: HandCard) -> Question {
    let kind: Question.Kind
    var options: [String] = []
    let expected: ExpectedAnswer
    switch card.kind {
    case .short, .cloze:
      kind = card.kind == .short ? .short : .cloze
      expected = .text(card.answers)
    case .choice:
      kind = .choice
      var random = randomness(for: card.id)
      let answer = card.answers.first ?? ""
      options = random.shuffled([answer] + card.distractors)
      expected = .choice(options.firstIndex(of: answer) ?? 0)
    case .truefalse:
      kind = .truefalse
      expected = .truth(card.truth ?? true)
    case .numeric:
      kind = .numeric
      expected = .number(card.number ?? NumberValue(0))
    }
    let linked = card.fact.flatMap { id in index.factPosition[id].map { deck.facts[$0] } }
    let explanation =
      card.explanation.map(English.sentence)
      ?? statedAnswer(card, linked: linked)
      ?? linked.map { self.explanation($0, summary(of: $0)) }
      ?? fallbackExplanation(card)
    return Question(
      id: card.id, kind: kind, prompt: card.prompt, options: options, expected: expected,
      fact: card.fact ?? card.id, explanation: explanation, template: .card)
  }

  /// An explanation that states what the card asks, for a card without one of its own: the
  /// cloze sentence filled in, a "Who…?" question answered as a sentence, the linked fact's
  /// summary only when it names the answer; otherwise a question with its answer (a "Name
  /// one…" card, with several answers, keeps the linked fact's summary).
  /// The linked fact's summary alone would state a neighbouring fact (the city's shape for a
  /// card about its old name).
  private func statedAnswer(_ card: HandCard, linked: Fact?) -> String? {
    let shown = card.kind == .numeric ? card.number?.description : card.answers.first
    guard card.kind != .truefalse, let answer = shown, !answer.isEmpty else { return nil }
    let answers = card.kind == .numeric ? [answer] : card.answers
    if card.kind == .cloze, card.prompt.contains(English.blank) {
      return English.sentence(card.prompt.replacingOccurrences(of: English.blank, with: answer))
    }
    if let linked {
      let sentences = summary(of: linked)
      let probe = TextProbe(sentences.compactMap { $0 }.joined(separator: " "))
      if probe.mentionsAny(answers) { return explanation(linked, sentences) }
    }
    let prompt = English.trimmed(card.prompt)
    let words = prompt.split(separator: " ", maxSplits: 1).map(String.init)
    if words.count == 2, words[0] == "Who", let verb = words[1].split(separator: " ").first,
      Verb.isPast(String(verb)) || ["was", "were"].contains(String(verb))
    {
      var rest = words[1]
      while let last = rest.last, "?.".contains(last) { rest.removeLast() }
      return English.sentence(answer + " " + rest)
    }
    // "Name one of the villages…" has several answers: the one shown would not be the fact.
    guard prompt.hasSuffix("?") else { return nil }
    return prompt + " " + English.sentence(English.capitalizingFirst(answer))
  }

  private func fallbackExplanation(_ card: HandCard) -> String {
    if card.kind == .truefalse { return (card.truth ?? true) ? "This is true." : "This is false." }
    return English.sentence("The answer is \(card.answers.first ?? "")")
  }

  /// The fact in sentences, for explanations of cards attached to it.
  func summary(of fact: Fact) -> [String?] {
    switch fact.content {
    case .event(let event):
      return Self.eventSentences(event)
    case .person(let person):
      return ["\(person.name) was \(person.role)"]
    case .group(let group):
      // An unnamed group's name is its role: say it once, not "the role was the role".
      guard group.isNamed else { return [group.name] }
      let verb = Self.isPlural(group.name) ? "were" : "was"
      return [group.role.map { "\(Self.prose(group)) \(verb) \($0)" } ?? Self.prose(group)]
    case .place(let place):
      return place.knownFor.isEmpty
        ? ["\(Self.prose(place)) is \(English.indefiniteArticle(before: place.type)) \(place.type)"]
        : place.knownFor
    case .quantity(let quantity):
      return [
        Self.statement(quantity, value: quantity.value)
          ?? "\(Self.howMany(quantity.value)) \(quantity.howMany)? \(quantity.value.description)"
      ]
    case .statement(let statement):
      return [statement.text]
    }
  }
}
