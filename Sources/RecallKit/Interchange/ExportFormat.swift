/// The files `recall export` writes from a deck's questions.
public enum ExportFormat: String, Hashable, Sendable, CaseIterable {
  /// Anki's text import format, with headers that make a re-import update notes in place.
  case anki
  /// Moodle's GIFT question format.
  case gift
  /// RFC 4180 CSV: id,type,prompt,options,answers,fact,explanation.
  case csv
  /// AMC-TXT, auto-multiple-choice's source format: choice and true/false questions.
  case amc

  /// Renders questions generated from `deck` in this format.
  public func render(_ questions: [Question], deck: Deck) -> String {
    switch self {
    case .anki: AnkiTextExporter().render(questions, deck: deck)
    case .gift: GIFTExporter().render(questions, deck: deck)
    case .csv: CSVExporter().render(questions)
    case .amc: AMCTextExporter().render(questions, deck: deck)
    }
  }
}

extension Deck {
  /// The tags of the fact or hand-written card a question comes from.
  func tags(forItem id: String) -> [String] {
    if let fact = fact(id: id) { return fact.tags }
    return cards.first { $0.id == id }?.tags ?? []
  }
}
