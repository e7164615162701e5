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
      ?? linked.map { self.explanation($0, summary(of: $0)) }
      ?? fallbackExplanation(card)
    return Question(
      id: card.id, kind: kind, prompt: card.prompt, options: options, expected: expected,
      fact: card.fact ?? card.id, explanation: explanation, template: .card)
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
