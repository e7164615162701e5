/// Questions from a marked sentence: the key term blanked, offered among terms of its own kind,
/// or swapped for one to make a false statement.
extension QuestionGenerator {
  func statementQuestions(_ fact: Fact, _ statement: Fact.Statement) -> [Question] {
    var result: [Question] = []
    let blanked = English.sentence(statement.before + English.blank + statement.after)
    let explanation = explanation(fact, [statement.text])
    let entity = index.entityByName[English.folded(statement.key)].map { deck.facts[$0] }
    var answers = [statement.key] + statement.alternatives
    for name in entity?.names ?? [] where !answers.contains(name) { answers.append(name) }

    result.append(
      make(
        fact, .cloze, .cloze, prompt: blanked, expected: .text(answers),
        explanation: explanation))

    var random = randomness(fact, .choice)
    let folded = Set(answers.map(English.folded))
    let wrong = alternatives(to: statement, entity: entity, blanked: blanked, using: &random)
      .flatMap { wrong in
        wrong.allSatisfy({ !folded.contains(English.folded($0.text)) }) ? wrong : nil
      }
    guard let wrong else { return result }
    result.append(
      makeChoice(
        fact, .choice, prompt: blanked, answer: statement.key, distractors: wrong.map(\.text),
        explanation: explanation, using: &random))
    random = randomness(fact, .truefalse)
    let other = wrong[random.next(below: wrong.count)]
    let falsehood =
      other.fact.map { Self.fill(blanked, with: $0) }
      ?? statement.before + other.text + statement.after
    if let question = makeTrueFalse(
      fact, trueStatement: statement.text, falseStatement: falsehood, explanation: explanation,
      using: &random)
    {
      result.append(question)
    }
    return result
  }

  /// A wrong key term, and the fact it names when it is a place, person or group.
  struct Alternative {
    var text: String
    var fact: Fact?
  }

  /// Three terms of the key's own kind: places for a place, dates for a date, figures for a
  /// figure. Nil when the kind is not known, since a distractor of the wrong kind teaches nothing.
  private func alternatives(
    to statement: Fact.Statement, entity: Fact?, blanked: String,
    using random: inout SeededGenerator
  ) -> [Alternative]? {
    if let entity {
      let probe = TextProbe(blanked)
      let picked: [Fact]?
      switch entity.content {
      case .place(let place):
        picked = placeDistractors(
          for: entity, type: place.type, sentence: blanked, using: &random)
      case .person:
        picked = pickFacts(from: [index.persons], answerNames: entity.names, using: &random) {
          candidate in !probe.mentionsAny(candidate.names)
        }
      case .group(let group):
        let pools =
          group.isUnit
          ? [index.units, index.organizations] : [index.organizations, index.units]
        picked = pickFacts(from: pools, answerNames: entity.names, using: &random) {
          candidate in !probe.mentionsAny(candidate.names)
        }
      default:
        picked = nil
      }
      return picked?.compactMap { fact in fact.displayName.map { Alternative(text: $0, fact: fact) }
      }
    }
    let key = statement.key
    if key.contains(where: \.isLetter) || key.count == 4, let date = HistoricalDate(parsing: key) {
      return dateDistractors(for: date, using: &random)?.map {
        Alternative(text: $0.formatted, fact: nil)
      }
    }
    if let number = NumberValue.parse(key) {
      return numberDistractors(for: number, using: &random)?.map {
        Alternative(text: $0.description, fact: nil)
      }
    }
    return nil
  }
}
