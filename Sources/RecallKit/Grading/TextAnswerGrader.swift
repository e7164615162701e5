/// Grades typed text against a list of accepted answers (the first is the form to show).
///
/// In order: an exact match (after `TextNormalizer`) with any accepted form is right; then a match
/// within `TypoTolerance` is accepted as a typo, unless the typed text is as close to a name known
/// to be different; then typing only some words of a multi-word answer ("Ibishi" for "Nusret
/// Ibishi") is partial; everything else is wrong. A surname alone is therefore not enough: decks
/// list a short form as an alias when it should count.
public struct TextAnswerGrader: Sendable {
  /// Other names the learner may confuse with the answer (other villages in the deck, the other
  /// options of a choice). A typed text that is one of these, or as close to one as to the answer,
  /// is wrong rather than a typo.
  public var otherNames: [String]

  public init(otherNames: [String] = []) {
    self.otherNames = otherNames
  }

  /// Words that do not make a partial answer on their own ("of" from "Hero of Kosovo").
  private static let minorWords: Set<String> = [
    "the", "a", "an", "of", "and", "in", "on", "at", "for", "to", "e", "i", "te", "se",
  ]

  public func grade(_ input: String, accepted: [String], hintUsed: Bool = false) -> Grade {
    let shown = accepted.first ?? ""
    let typed = TextNormalizer.words(input)
    let candidates = accepted.map { ($0, TextNormalizer.words($0)) }.filter { !$0.1.isEmpty }
    guard !typed.isEmpty, !candidates.isEmpty else {
      return Grade(.wrong, shown: shown, hintUsed: hintUsed)
    }
    let exact = candidates.filter { $0.1 == typed || $0.1.joined() == typed.joined() }
    if let (form, _) = exact.first {
      let note =
        exact.contains { spellingNote(input, $0.0) == nil } ? nil : spellingNote(input, form)
      return Grade(.correct, shown: shown, note: note, hintUsed: hintUsed)
    }
    let others = otherNames.map { ($0, TextNormalizer.words($0)) }.filter { !$0.1.isEmpty }
    if others.contains(where: { $0.1 == typed || $0.1.joined() == typed.joined() }) {
      return Grade(.wrong, shown: shown, hintUsed: hintUsed)
    }
    var best: (form: String, edits: Int)?
    for (form, words) in candidates {
      guard let closeness = TypoTolerance.closeness(typed, words) else { continue }
      if best == nil || closeness.edits < (best?.edits ?? .max) {
        best = (form, closeness.edits)
      }
    }
    if let best {
      let rivals = others.compactMap { name, words in
        TypoTolerance.closeness(typed, words).map { (name, $0.edits) }
      }
      if let rival = rivals.min(by: { $0.1 < $1.1 }), rival.1 <= best.edits {
        return Grade(
          .wrong, shown: shown, note: "as close to “\(rival.0)” as to the answer",
          hintUsed: hintUsed)
      }
      return Grade(
        .acceptedWithTypo, shown: shown, note: "accepted as a typo: it is spelled “\(best.form)”",
        hintUsed: hintUsed)
    }
    if let form = partOf(typed, candidates: candidates) {
      return Grade(
        .partiallyCorrect, shown: shown, note: "only part of the answer “\(form)”",
        hintUsed: hintUsed)
    }
    return Grade(.wrong, shown: shown, hintUsed: hintUsed)
  }

  /// The accepted form whose words include every typed word, when the typed words are fewer and
  /// say something ("Ibishi", not "of"). Words must match exactly: a misspelled fragment is too
  /// weak a sign to call close.
  private func partOf(_ typed: [String], candidates: [(String, [String])]) -> String? {
    guard typed.contains(where: { !Self.minorWords.contains($0) }) else { return nil }
    for (form, words) in candidates where words.count > typed.count {
      var remaining = words
      let allFound = typed.allSatisfy { word in
        guard let index = remaining.firstIndex(of: word) else { return false }
        remaining.remove(at: index)
        return true
      }
      if allFound { return form }
    }
    return nil
  }

  /// Says how the answer is written when the learner left out its diacritics ("Bare" for "Barë").
  private func spellingNote(_ input: String, _ form: String) -> String? {
    let typed = TextNormalizer.words(input, foldingDiacritics: false)
    let written = TextNormalizer.words(form, foldingDiacritics: false)
    guard typed != written, typed.joined() != written.joined() else { return nil }
    return "spelled “\(form)”"
  }
}
