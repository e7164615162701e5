/// The note types Recall turns into cards, recognised by Anki's stock names (with the
/// `-xxxxx` suffix Anki adds when an import clashes with a note type of the same name) or, for
/// cloze, by the note type's kind.
enum AnkiNoteKind: Sendable {
  /// "Basic": front asks, back answers.
  case basic
  /// "Basic (and reversed card)": also back asks, front answers.
  case reversed
  /// "Basic (optional reversed card)": the reverse card exists when Anki made it.
  case optionalReversed
  /// "Basic (type in the answer)": Recall always has the learner type the answer.
  case typed
  /// "Cloze": one card per deletion number.
  case cloze
  /// Recall's own export ("Recall short", "Recall choice"…: Prompt, Answer, Explanation,
  /// Source): the prompt asks, the answer answers, the explanation is kept.
  case recall

  init?(_ type: AnkiCollection.NoteType) {
    if type.isCloze {
      guard !type.fieldNames.isEmpty else { return nil }
      self = .cloze
      return
    }
    guard type.fieldNames.count >= 2 else { return nil }
    if type.name.hasPrefix("Recall "),
      Array(type.fieldNames.prefix(3)) == ["Prompt", "Answer", "Explanation"]
    {
      self = .recall
      return
    }
    let names: [(String, AnkiNoteKind)] = [
      ("Basic (and reversed card)", .reversed),
      ("Basic (optional reversed card)", .optionalReversed),
      ("Basic (type in the answer)", .typed), ("Basic", .basic),
    ]
    for (name, kind) in names where Self.matches(type.name, stockName: name) {
      self = kind
      return
    }
    return nil
  }

  /// `name` is the stock name, or the stock name plus `-` and a few letters or digits.
  static func matches(_ name: String, stockName: String) -> Bool {
    guard name.hasPrefix(stockName) else { return false }
    let rest = name.dropFirst(stockName.count)
    guard let dash = rest.first else { return true }
    return dash == "-" && (1...8).contains(rest.count - 1)
      && rest.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }
}
