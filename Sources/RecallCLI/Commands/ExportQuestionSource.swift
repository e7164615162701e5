import RecallKit

/// The seam between `recall export` and question generation: every question a deck yields, for a
/// seed, limited to some kinds.
///
/// Until the generator (branch `generator`) is merged this passes hand-written cards through as
/// questions; the merge replaces the body with `QuestionGenerator(deck:seed:).questions(…)`.
enum ExportQuestionSource {
  static func questions(deck: Deck, seed: UInt64, kinds: Set<Question.Kind>?) -> [Question] {
    let all = deck.cards.map(question(from:))
    guard let kinds else { return all }
    return all.filter { kinds.contains($0.kind) }
  }

  private static func question(from card: HandCard) -> Question {
    let id = card.id + "/card"
    let explanation = card.explanation ?? ""
    switch card.kind {
    case .short:
      return Question(
        id: id, kind: .short, prompt: card.prompt, expected: .text(card.answers), fact: card.id,
        explanation: explanation, template: "card")
    case .cloze:
      return Question(
        id: id, kind: .cloze, prompt: card.prompt, expected: .text(card.answers), fact: card.id,
        explanation: explanation, template: "card")
    case .truefalse:
      return Question(
        id: id, kind: .truefalse, prompt: card.prompt, expected: .truth(card.truth ?? false),
        fact: card.id, explanation: explanation, template: "card")
    case .choice:
      let options = (card.answers.prefix(1) + card.distractors).sorted()
      let right = options.firstIndex(of: card.answers.first ?? "") ?? 0
      return Question(
        id: id, kind: .choice, prompt: card.prompt, options: Array(options),
        expected: .choice(right), fact: card.id, explanation: explanation, template: "card")
    }
  }
}
