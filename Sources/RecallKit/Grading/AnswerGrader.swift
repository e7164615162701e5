/// Grades what a learner typed against a question's expected answer; the one entry point the
/// study REPL needs.
///
/// Grading is pure: the same input and question always give the same result, with no clock, no
/// locale and no randomness involved.
public struct AnswerGrader: Sendable {
  /// Names from the deck that a typed text answer must not be mistaken for (other villages,
  /// people, units), so a near miss that is really another name is wrong, not a typo.
  public var otherNames: [String]

  public init(otherNames: [String] = []) {
    self.otherNames = otherNames
  }

  /// The grade for `input`, or why it is not an answer. `hintUsed` lowers the suggested rating of
  /// a right answer to `hard`.
  public func grade(_ input: String, for question: Question, hintUsed: Bool = false)
    -> GradingResult
  {
    guard !input.allSatisfy(\.isWhitespace) else { return .invalid(.empty) }
    switch question.expected {
    case .text(let answers):
      // The deck's own names include this answer; only the others can be confused with it.
      let own = Set(answers.map { TextNormalizer.words($0) })
      let others = otherNames.filter { !own.contains(TextNormalizer.words($0)) }
      let grader = TextAnswerGrader(otherNames: others)
      return .graded(grader.grade(input, accepted: answers, hintUsed: hintUsed))
    case .date(let date):
      return DateAnswerGrader.grade(input, expected: date, hintUsed: hintUsed)
    case .number(let value):
      return NumberAnswerGrader.grade(input, expected: value, hintUsed: hintUsed)
    case .choice(let index):
      return ChoiceAnswerGrader.grade(
        input, options: question.options, correct: index, hintUsed: hintUsed)
    case .truth(let value):
      return TruthAnswerGrader.grade(input, expected: value, hintUsed: hintUsed)
    case .order(let order):
      return OrderAnswerGrader.grade(
        input, options: question.options, expected: order, hintUsed: hintUsed)
    case .match(let pairs):
      return MatchAnswerGrader.grade(
        input, items: question.matchItems, options: question.options, expected: pairs,
        hintUsed: hintUsed)
    }
  }
}
