import RecallKit

extension PrintCommand {
  /// The questions `recall print` chooses from: everything the generator makes for the deck and
  /// seed, hand-written cards included.
  static let generated: QuestionSource = { deck, seed in
    QuestionGenerator(deck: deck, seed: seed).questions()
  }
}
