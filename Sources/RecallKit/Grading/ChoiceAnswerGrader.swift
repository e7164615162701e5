/// Grades a multiple-choice answer given by letter ("b", "B", "b)", "(b)", "b.") or by the text of
/// an option.
///
/// Text is graded like a typed answer, with the other options as names it must not be confused
/// with: typing a wrong option, or something as close to a wrong option as to the right one, is
/// wrong. Text that is close to no option at all is not an answer to this question and is asked
/// for again, as is a letter that names no option.
public enum ChoiceAnswerGrader {
  public static func grade(
    _ input: String, options: [String], correct: Int, hintUsed: Bool = false
  ) -> GradingResult {
    let trimmed = TextNormalizer.trimmed(input)
    guard !trimmed.isEmpty else { return .invalid(.empty) }
    let shown = show(options, correct)
    let letters = OptionLetters.range(count: options.count)
    if let letter = singleLetter(trimmed) {
      guard let index = OptionLetters.index(of: letter, count: options.count) else {
        return .invalid(.noSuchOption(letter: letter, letters: letters))
      }
      let verdict: Grade.Verdict = index == correct ? .correct : .wrong
      return .graded(Grade(verdict, shown: shown, hintUsed: hintUsed))
    }
    guard options.indices.contains(correct) else {
      return .graded(Grade(.wrong, shown: shown, hintUsed: hintUsed))
    }
    let others = options.indices.filter { $0 != correct }.map { options[$0] }
    let grade = TextAnswerGrader(otherNames: others)
      .grade(trimmed, accepted: [options[correct]], hintUsed: hintUsed)
    if grade.verdict == .wrong, grade.note == nil, !names(trimmed, anyOf: others) {
      return .invalid(.notAnOption(trimmed, letters: letters))
    }
    return .graded(Grade(grade.verdict, shown: shown, note: grade.note, hintUsed: hintUsed))
  }

  /// The right option as the REPL shows it: "b) Hero of Kosovo".
  static func show(_ options: [String], _ correct: Int) -> String {
    guard options.indices.contains(correct), let letter = OptionLetters.letter(correct) else {
      return options.indices.contains(correct) ? options[correct] : ""
    }
    return "\(letter)) \(options[correct])"
  }

  /// The letter of "b", "B", "b)", "(b)", "b." or "b:", or nil for anything longer.
  private static func singleLetter(_ text: String) -> Character? {
    var core = Substring(text)
    if core.first == "(" { core = core.dropFirst() }
    if let last = core.last, ").:".contains(last) { core = core.dropLast() }
    guard core.count == 1, let letter = core.first, OptionLetters.isLetter(letter) else {
      return nil
    }
    return letter
  }

  /// Whether the text is one of the options or a typo of one.
  private static func names(_ text: String, anyOf options: [String]) -> Bool {
    let typed = TextNormalizer.words(text)
    return options.contains { TypoTolerance.closeness(typed, TextNormalizer.words($0)) != nil }
  }
}
