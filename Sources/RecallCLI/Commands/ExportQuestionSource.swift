import RecallKit

/// The questions `recall export` writes: what the generator makes of the deck for a seed, the
/// same set `recall study` asks, narrowed to some kinds.
enum ExportQuestionSource {
  static func questions(deck: Deck, seed: UInt64, kinds: Set<Question.Kind>?) -> [Question] {
    QuestionGenerator(deck: deck, seed: seed).questions(types: kinds)
  }
}
