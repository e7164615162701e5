/// Grades a true/false answer: t, f, true, false, yes, no, y or n in any case, with any
/// punctuation around it.
public enum TruthAnswerGrader {
  static let readings: [String: Bool] = [
    "t": true, "true": true, "y": true, "yes": true,
    "f": false, "false": false, "n": false, "no": false,
  ]

  /// The truth value the learner typed, or nil.
  public static func read(_ input: String) -> Bool? {
    let words = TextNormalizer.rawWords(input, foldingDiacritics: true)
    guard words.count == 1, let word = words.first else { return nil }
    return readings[word]
  }

  public static func grade(_ input: String, expected: Bool, hintUsed: Bool = false)
    -> GradingResult
  {
    guard !input.allSatisfy(\.isWhitespace) else { return .invalid(.empty) }
    guard let answer = read(input) else {
      return .invalid(.notTrueOrFalse(TextNormalizer.trimmed(input)))
    }
    let verdict: Grade.Verdict = answer == expected ? .correct : .wrong
    return .graded(Grade(verdict, shown: expected ? "true" : "false", hintUsed: hintUsed))
  }
}
