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
  /// Title words the deck uses ("president"), accepted before a name like the usual ones.
  public var titleWords: Set<String>
  /// The question's own words: an answer may repeat them around the accepted form ("the
  /// thirteenth legion" for "…with a single legion, the _____.").
  public var promptWords: Set<String>

  public init(
    otherNames: [String] = [], titleWords: Set<String> = [], promptWords: Set<String> = []
  ) {
    self.otherNames = otherNames
    self.titleWords = titleWords
    self.promptWords = promptWords
  }

  /// Words that do not make a partial answer on their own ("of" from "Hero of Kosovo").
  private static let minorWords: Set<String> = [
    "the", "a", "an", "of", "and", "in", "on", "at", "for", "to", "e", "i", "te", "se",
  ]

  public func grade(_ input: String, accepted: [String], hintUsed: Bool = false) -> Grade {
    let shown = accepted.first ?? ""
    let typed = TextNormalizer.words(input)
    // An answer that drops or adds a "not" says the opposite ("guilty" for "not guilty"): it
    // is compared only with forms negated the same way.
    let negated = AnswerVariants.isNegated(typed)
    let candidates = accepted.map { ($0, TextNormalizer.words($0)) }
      .filter { !$0.1.isEmpty && AnswerVariants.isNegated($0.1) == negated }
    guard !typed.isEmpty, !candidates.isEmpty else {
      return Grade(.wrong, shown: shown, hintUsed: hintUsed)
    }
    let exact = candidates.filter { $0.1 == typed || $0.1.joined() == typed.joined() }
    if let (form, _) = exact.first {
      let note =
        exact.contains { spellingNote(input, $0.0) == nil } ? nil : spellingNote(input, form)
      return Self.named(form, first: shown, verdict: .correct, note: note, hintUsed: hintUsed)
    }
    let others = otherNames.map { ($0, TextNormalizer.words($0)) }.filter { !$0.1.isEmpty }
    if others.contains(where: { $0.1 == typed || $0.1.joined() == typed.joined() }) {
      return Grade(.wrong, shown: shown, hintUsed: hintUsed)
    }
    if let form = sameByRule(input, typed, candidates) {
      return Self.named(form, first: shown, verdict: .correct, note: nil, hintUsed: hintUsed)
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
        .acceptedWithTypo, shown: best.form,
        note: "accepted as a typo: it is spelled “\(best.form)”", hintUsed: hintUsed)
    }
    if let form = partOf(typed, candidates: candidates) {
      return Grade(
        .partiallyCorrect, shown: shown, note: "only part of the answer “\(form)”",
        hintUsed: hintUsed)
    }
    return Grade(.wrong, shown: shown, hintUsed: hintUsed)
  }

  /// The graded form shown to the learner: the one they gave, with the deck's first answer in
  /// the note when that differs ("Kurilovo" is right; so is "Vesekovce").
  static func named(
    _ form: String, first: String, verdict: Grade.Verdict, note: String?, hintUsed: Bool
  ) -> Grade {
    guard TextNormalizer.words(form) != TextNormalizer.words(first) else {
      return Grade(verdict, shown: first, note: note, hintUsed: hintUsed)
    }
    let also = "also accepted: “\(first)”"
    return Grade(
      verdict, shown: form, note: note.map { "\($0); \(also)" } ?? also, hintUsed: hintUsed)
  }

  /// The accepted form the typed answer names under the general rules: another word order,
  /// ordinal or demonym (`AnswerVariants`), a title before the name or surname, the same length
  /// of time in another unit, or the same figure written another way.
  private func sameByRule(_ input: String, _ typed: [String], _ candidates: [(String, [String])])
    -> String?
  {
    if let (form, _) = candidates.first(where: { AnswerVariants.sameAnswer(typed, $0.1) }) {
      return form
    }
    if let rest = AnswerVariants.withoutTitles(typed, extraTitles: titleWords) {
      for (form, words) in candidates {
        if AnswerVariants.sameAnswer(rest, words) { return form }
        // "President Thaçi" for "Hashim Thaçi": a title and the surname.
        if words.count > 1, rest.count == 1, rest.last == words.last { return form }
      }
    }
    // A word for the kind of thing added or left out: "the Rubicon river", "Brigade 141" as
    // "141", "northern part" for "north".
    if !AnswerVariants.onlyGeneric(typed) {
      // Folded first, so "Legion XIII" keeps its numeral once "legion" is gone.
      let typedFolded = AnswerVariants.folded(typed)
      let bareTyped = AnswerVariants.withoutGeneric(typedFolded) ?? typedFolded
      for (form, words) in candidates {
        let folded = AnswerVariants.folded(words)
        let bare = AnswerVariants.withoutGeneric(folded) ?? folded
        if bare.count < folded.count || bareTyped.count < typedFolded.count,
          AnswerVariants.sameAnswer(bareTyped, bare)
        {
          return form
        }
      }
    }
    // Words the question already says, repeated around the answer: "the thirteenth legion"
    // when the prompt speaks of a legion.
    for (form, words) in candidates {
      let own = Set(words)
      let rest = typed.filter { own.contains($0) || !promptWords.contains($0) }
      if rest.count < typed.count, !rest.isEmpty, AnswerVariants.sameAnswer(rest, words) {
        return form
      }
    }
    if let span = TimeSpan.parse(input) {
      for (form, _) in candidates {
        if let other = TimeSpan.parse(form), Self.close(span.days, other.days) { return form }
      }
    }
    if let figure = NumberAnswerGrader.read(input) {
      for (form, _) in candidates {
        if let other = NumberAnswerGrader.read(form), other.low == figure.low,
          other.high == figure.high, other.qualifier == figure.qualifier
        {
          return form
        }
      }
      // A figure a vague answer allows: "about 300" for "several hundred". A bound says
      // something else ("over 200" is not several hundred), and another vague answer is
      // compared as written.
      if VagueQuantity.read(input) == nil, !figure.isLowerBound, !figure.isUpperBound {
        for (form, _) in candidates {
          if let vague = VagueQuantity.read(form), vague.low <= figure.low,
            figure.high <= vague.high
          {
            return form
          }
        }
      }
    }
    // Two of the answer's own names together ("Octavian Augustus" for Octavian, also known as
    // Augustus): each names it, so together they do too.
    if typed.count >= 2 {
      func names(_ words: [String]) -> String? {
        candidates.first { $0.1 == words || AnswerVariants.sameAnswer(words, $0.1) }?.0
      }
      for cut in 1..<typed.count {
        if let form = names(Array(typed[..<cut])), names(Array(typed[cut...])) != nil {
          return form
        }
      }
    }
    return nil
  }

  private static func close(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> Bool {
    func near(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= Swift.max(x, y) * 0.02 }
    return near(a.lowerBound, b.lowerBound) && near(a.upperBound, b.upperBound)
  }

  /// The accepted form whose words include every typed word, when the typed words are fewer and
  /// say something ("Ibishi", not "of"; "Hill", not "a hill"). Words must match exactly, after
  /// folding ("the north" is part of "northern Kosovo"): a misspelled fragment is too weak a
  /// sign to call close.
  private func partOf(_ typed: [String], candidates: [(String, [String])]) -> String? {
    guard typed.contains(where: { !Self.minorWords.contains($0) }),
      !AnswerVariants.onlyGeneric(typed)
    else { return nil }
    let typed = AnswerVariants.folded(typed)
    for (form, words) in candidates where words.count > typed.count {
      var remaining = AnswerVariants.folded(words)
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
