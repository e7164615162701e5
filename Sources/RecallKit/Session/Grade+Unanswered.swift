extension Grade {
  /// The grade of a card the learner gave no answer to (Enter twice on an empty line): a miss,
  /// with the answer shown as the grader shows it after a wrong answer.
  static func unanswered(_ question: Question) -> Grade {
    let shown: String
    switch question.expected {
    case .text(let answers): shown = answers.first ?? ""
    case .date(let date): shown = date.formatted
    case .number(let value): shown = value.description
    case .choice(let index): shown = ChoiceAnswerGrader.show(question.options, index)
    case .truth(let value): shown = value ? "true" : "false"
    case .order(let order): shown = OrderAnswerGrader.show(question.options, order)
    case .match(let match):
      shown = MatchAnswerGrader.show(
        items: question.matchItems, options: question.options, expected: match)
    }
    return Grade(.wrong, shown: shown)
  }
}
