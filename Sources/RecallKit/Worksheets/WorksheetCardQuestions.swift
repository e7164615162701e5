/// A deck's hand-written cards as questions, as the author wrote them.
///
/// `recall print` uses this until the question generator is merged, and tests use it to render
/// real deck text without depending on the generator's wording. Choice options are shuffled
/// with the seed so the right answer is not always first.
public enum WorksheetCardQuestions {
  public static func questions(deck: Deck, seed: UInt64) -> [Question] {
    deck.cards.map { question(from: $0, seed: seed) }
  }

  public static func question(from card: HandCard, seed: UInt64) -> Question {
    let id = card.id + "/card"
    let explanation = card.explanation ?? ""
    switch card.kind {
    case .short, .cloze:
      return Question(
        id: id, kind: card.kind == .short ? .short : .cloze, prompt: card.prompt,
        expected: .text(card.answers), fact: card.id, explanation: explanation, template: .card)
    case .numeric:
      return Question(
        id: id, kind: .numeric, prompt: card.prompt,
        expected: .number(card.number ?? NumberValue(0)), fact: card.id,
        explanation: explanation, template: .card)
    case .truefalse:
      return Question(
        id: id, kind: .truefalse, prompt: card.prompt, expected: .truth(card.truth ?? false),
        fact: card.id, explanation: explanation, template: .card)
    case .choice:
      var random = SeededGenerator(seed: seed, salt: "worksheet/card/" + card.id)
      let options = random.shuffled(Array(card.answers.prefix(1)) + card.distractors)
      let right = options.firstIndex(of: card.answers.first ?? "") ?? 0
      return Question(
        id: id, kind: .choice, prompt: card.prompt, options: options, expected: .choice(right),
        fact: card.id, explanation: explanation, template: .card)
    }
  }

}
