/// Questions about figures: typed numbers with the source's tolerance, choices among figures of
/// the same magnitude, and statements with the figure changed.
extension QuestionGenerator {
  func quantityQuestions(_ fact: Fact, _ quantity: Fact.Quantity) -> [Question] {
    var result: [Question] = []
    let value = quantity.value
    // The clause is written to stand after "How many"; a date is only added to the
    // explanation, where it cannot make the question clumsy.
    let when = quantity.date.flatMap { date in
      quantity.howMany.contains(String(date.year)) ? nil : " (\(date.formatted))"
    }
    let unitNote = quantity.unit.flatMap { unit in
      English.mentions(unit, in: quantity.howMany) ? nil : " (in \(unit))"
    }
    let prompt = English.question(
      "\(Self.howMany(value)) \(quantity.howMany)\(unitNote ?? "")")
    let statement = Self.statement(quantity, value: value)
    let unitSuffix = quantity.unit.map { " " + $0 } ?? ""
    let told =
      statement.map { String($0.dropLast()) }
      ?? "\(prompt) \(English.capitalizingFirst(English.figure(value)))\(unitSuffix)"
    let explanation = explanation(fact, [told + (when ?? "")])

    result.append(
      make(
        fact, .countNumeric, .numeric, prompt: prompt, expected: .number(value),
        explanation: explanation))
    var random = randomness(fact, .countChoice)
    if let wrong = numberDistractors(for: value, using: &random) {
      result.append(
        makeChoice(
          fact, .countChoice, prompt: prompt, answer: value.description + unitSuffix,
          distractors: wrong.map { $0.description + unitSuffix }, explanation: explanation,
          using: &random))
    }
    if let statement {
      random = randomness(fact, .truefalse)
      // Any distractor but a lone "one" makes a statement (see `statement`).
      let others = (numberDistractors(for: value, using: &random) ?? []).compactMap {
        Self.statement(quantity, value: $0)
      }
      if let question = makeTrueFalse(
        fact, trueStatement: statement,
        falseStatement: others.isEmpty ? nil : others[random.next(below: others.count)],
        explanation: explanation, using: &random)
      {
        result.append(question)
      }
    }
    return result
  }

  /// The figure stated as a sentence ("Fourteen KLA fighters were wounded…"), or nil when the
  /// clause is a question's word order ("villages had the KLA held") or the figure is a lone
  /// "one", which would disagree with a plural clause.
  static func statement(_ quantity: Fact.Quantity, value: NumberValue) -> String? {
    let words = Set(English.folded(quantity.howMany).split(separator: " "))
    let inverted = !words.isDisjoint(with: ["did", "do", "does", "had", "have", "has"])
    if inverted || (value.qualifier == .exact && !value.isRange && value.low == 1) { return nil }
    let unit = quantity.unit.map { English.mentions($0, in: quantity.howMany) ? "" : " \($0)" }
    return English.sentence(
      "\(English.figure(value))\(unit ?? "") \(quantity.howMany)")
  }
}
