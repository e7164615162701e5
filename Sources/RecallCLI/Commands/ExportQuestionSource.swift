import RecallKit

/// The questions `recall export` writes: what the generator makes of the deck for a seed, the
/// same set `recall study` asks, narrowed to some kinds and tags (the tag rule of `recall
/// print --tag`), and to what the format can hold (AMC-TXT: choices).
enum ExportQuestionSource {
  static func questions(deck: Deck, seed: UInt64, kinds: Set<Question.Kind>?) -> [Question] {
    QuestionGenerator(deck: deck, seed: seed).questions(types: kinds)
  }

  static func questions(
    deck: Deck, seed: UInt64, kinds: Set<Question.Kind>?, tags: [String],
    format: ExportCommandFormat
  ) throws(CommandError) -> [Question] {
    let known = Set(deck.facts.flatMap(\.tags) + deck.cards.flatMap(\.tags))
    for tag in tags where !known.contains(tag) {
      let list =
        known.isEmpty ? "it has none" : "its tags are " + known.sorted().joined(separator: ", ")
      throw .usage("deck '\(deck.id)' has no tag '\(tag)'; \(list)")
    }
    var questions = questions(deck: deck, seed: seed, kinds: kinds)
    if !tags.isEmpty {
      let selector = WorksheetSelector(deck: deck)
      let wanted = Set(tags)
      questions = questions.filter { !selector.tags(of: $0).isDisjoint(with: wanted) }
    }
    if format == .amc {
      questions = questions.filter { AMCTextExporter.kinds.contains($0.kind) }
      guard !questions.isEmpty else {
        throw .data(
          "deck '\(deck.id)' has no choice or true/false questions\(tags.isEmpty ? "" : " with those tags"); "
            + "AMC-TXT holds only those")
      }
    }
    guard !questions.isEmpty else {
      throw .data(
        "deck '\(deck.id)' has no questions of the chosen types\(tags.isEmpty ? "" : " and tags")")
    }
    return questions
  }
}
