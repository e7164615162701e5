import RecallKit

extension PrintCommand {
  /// The questions `recall print` chooses from.
  ///
  /// Until the question generator (branch `generator`) is merged, these are the deck's
  /// hand-written cards only. Once it is, replace the body with every question the generator
  /// makes for the deck and seed, e.g. `try QuestionGenerator(deck: deck, seed: seed).questions()`
  /// (hand-written cards included, with `fact` naming the card or its fact).
  static let generated: QuestionSource = { deck, seed in
    WorksheetCardQuestions.questions(deck: deck, seed: seed)
  }
}
