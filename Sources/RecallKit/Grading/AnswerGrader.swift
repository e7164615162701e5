/// Grades what a learner typed against a question's expected answer; the one entry point the
/// study REPL needs.
///
/// Grading is pure: the same input and question always give the same result, with no clock, no
/// locale and no randomness involved.
public struct AnswerGrader: Sendable {
  /// Names from the deck that a typed text answer must not be mistaken for (other villages,
  /// people, units), so a near miss that is really another name is wrong, not a typo.
  public var otherNames: [String]
  /// Forms the deck accepts beyond each question's own (aliases, titles, siblings).
  public var accepted: AcceptedAnswers
  /// The unit each quantity counts in, by fact id, so "14 days" answers a question counted in
  /// weeks and "230 feet" one in metres.
  var units: [String: MeasureUnit]

  public init(otherNames: [String] = []) {
    self.otherNames = otherNames
    self.accepted = AcceptedAnswers()
    self.units = [:]
  }

  /// A grader that knows the deck: its names, its accepted forms and the questions made from it.
  /// `accepted` is the deck's table when it was already worked out (the index keeps it).
  public init(deck: Deck, questions: [Question], accepted: AcceptedAnswers? = nil) {
    self.otherNames = deck.facts.flatMap(AcceptedAnswers.forms(of:))
    self.accepted = accepted ?? AcceptedAnswers(deck: deck, questions: questions)
    var units: [String: MeasureUnit] = [:]
    for fact in deck.facts {
      if case .quantity(let quantity) = fact.content, let unit = MeasureUnit.of(quantity) {
        units[fact.id] = unit
      }
    }
    self.units = units
  }

  /// The grade for `input`, or why it is not an answer. `hintUsed` lowers the suggested rating of
  /// a right answer to `hard`.
  public func grade(_ input: String, for question: Question, hintUsed: Bool = false)
    -> GradingResult
  {
    guard !input.allSatisfy(\.isWhitespace) else { return .invalid(.empty) }
    switch question.expected {
    case .text(let given):
      let answers = accepted.answers(for: question, given)
      // The deck's own names include this answer; only the others can be confused with it.
      let own = Set(answers.map { TextNormalizer.words($0) })
      let others = otherNames.filter { !own.contains(TextNormalizer.words($0)) }
      let grader = TextAnswerGrader(
        otherNames: others, titleWords: accepted.titleWords,
        promptWords: Set(TextNormalizer.words(question.prompt)))
      return .graded(grader.grade(input, accepted: answers, hintUsed: hintUsed))
    case .date(let date):
      return DateAnswerGrader.grade(input, expected: date, hintUsed: hintUsed)
    case .number(let value):
      if let unit = units[question.fact], let typed = MeasureUnit.reading(input),
        typed.unit.dimension == unit.dimension, typed.unit != unit
      {
        return Self.grade(
          typed.value, in: typed.unit, expected: value, in: unit, hintUsed: hintUsed)
      }
      // "Over how many…?" states the bound: the bare figure is the answer, read as the bound.
      if QuestionGenerator.promptStatesBound(question.prompt, of: value),
        let typed = NumberAnswerGrader.read(input),
        typed.qualifier == .exact || typed.qualifier == .about,
        !typed.isRange
      {
        let bound = NumberValue(typed.low, qualifier: value.qualifier)
        return NumberAnswerGrader.grade(bound.description, expected: value, hintUsed: hintUsed)
      }
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

  /// A figure typed in another unit of the same kind, converted to the fact's: "14 days" for a
  /// figure counted in weeks, "230 feet" for about 70 metres. A coarser unit that rounds the
  /// figure ("two weeks" for 13 days) is partially correct when it comes within a tenth of
  /// it: the size is known, the figure not.
  private static func grade(
    _ typed: NumberValue, in typedUnit: MeasureUnit, expected: NumberValue,
    in unit: MeasureUnit, hintUsed: Bool
  ) -> GradingResult {
    let converted = typedUnit.convert(typed, to: unit)
    let result = NumberAnswerGrader.grade(value: converted, expected: expected, hintUsed: hintUsed)
    guard result.grade?.verdict == .wrong, typedUnit.size > unit.size, !converted.isRange,
      converted.qualifier == .exact || converted.qualifier == .about, !expected.isRange,
      !expected.isLowerBound, !expected.isUpperBound, expected.low > 0,
      abs(converted.low - expected.low) <= expected.low / 10
    else { return result }
    return .graded(
      Grade(
        .partiallyCorrect, shown: expected.description,
        note: "close, but the source counts in smaller units: “\(expected)”", hintUsed: hintUsed))
  }
}
