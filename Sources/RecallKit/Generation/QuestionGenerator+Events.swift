/// Questions about an event: when it happened, and where, when its clause names the place.
extension QuestionGenerator {
  func eventQuestions(_ fact: Fact, _ event: Fact.Event) -> [Question] {
    var result: [Question] = []
    let explanation = explanation(fact, Self.eventSentences(event))
    var random = randomness(fact, .dateChoice)
    var wrongDates: [HistoricalDate]?
    // An undated event has no "When…?" questions.
    if let date = event.date {
      let prompt = Self.datePrompt(event, date)
      result.append(
        make(
          fact, .dateShort, .short, prompt: prompt, expected: .date(date),
          explanation: explanation))
      wrongDates = dateDistractors(for: date, using: &random)
      if let wrongDates {
        result.append(
          makeChoice(
            fact, .dateChoice, prompt: prompt, answer: date.formatted,
            distractors: wrongDates.map(\.formatted), explanation: explanation, using: &random))
      }
    }

    let blanked = placeBlank(in: event)
    var wrongPlaces: [Fact]?
    var placeQuestions: [Question] = []
    if let blanked {
      placeQuestions.append(
        make(
          fact, .placeCloze, .cloze, prompt: blanked.sentence,
          expected: .text(blanked.place.names), explanation: explanation))
      random = randomness(fact, .placeChoice)
      wrongPlaces = placeDistractors(
        for: blanked.place, type: blanked.type, sentence: blanked.sentence, using: &random)
      if let wrongPlaces, let name = blanked.place.displayName {
        placeQuestions.append(
          makeChoice(
            fact, .placeChoice, prompt: blanked.sentence, answer: name,
            distractors: wrongPlaces.compactMap(\.displayName), explanation: explanation,
            using: &random))
      }
    }

    random = randomness(fact, .truefalse)
    if let question = eventTrueFalse(
      fact, event, blanked: blanked, wrongDates: wrongDates ?? [], wrongPlaces: wrongPlaces ?? [],
      explanation: explanation, using: &random)
    {
      result.append(question)
    }
    return result + placeQuestions
  }

  /// The event's sentence with one of its places blanked.
  struct BlankedPlace {
    var sentence: String
    var place: Fact
    var type: String
  }

  /// The first of the event's places that its clause names, blanked in the dated sentence.
  func placeBlank(in event: Fact.Event) -> BlankedPlace? {
    let sentence = Self.datedClause(event.date, event.what)
    for placeID in event.places {
      guard let position = index.factPosition[placeID],
        case .place(let place) = deck.facts[position].content
      else { continue }
      let fact = deck.facts[position]
      if let blanked = English.replacing(fact.blankTerms, with: English.blank, in: sentence) {
        return BlankedPlace(sentence: blanked, place: fact, type: place.type)
      }
    }
    return nil
  }

  /// A true statement of the event, or one with its date moved or its place swapped (taken
  /// from the choice questions' distractors). Which alteration is used is chosen before the
  /// truth is, so the wording gives nothing away.
  private func eventTrueFalse(
    _ fact: Fact, _ event: Fact.Event, blanked: BlankedPlace?, wrongDates: [HistoricalDate],
    wrongPlaces: [Fact], explanation: String, using random: inout SeededGenerator
  ) -> Question? {
    let swapPlace =
      blanked != nil && !wrongPlaces.isEmpty && (wrongDates.isEmpty || random.nextBool())
    if swapPlace, let blanked {
      let other = wrongPlaces[random.next(below: wrongPlaces.count)]
      return makeTrueFalse(
        fact, trueStatement: Self.datedClause(event.date, event.what),
        falseStatement: Self.fill(blanked.sentence, with: other), explanation: explanation,
        using: &random)
    }
    guard !wrongDates.isEmpty, let date = event.date else { return nil }
    let other = wrongDates[random.next(below: wrongDates.count)]
    let truth: String
    let falsehood: String
    if let name = event.name {
      truth = "\(name) took place \(date.withPreposition)"
      falsehood = "\(name) took place \(other.withPreposition)"
    } else {
      truth = Self.datedClause(date, event.what)
      falsehood = Self.datedClause(other, event.what)
    }
    return makeTrueFalse(
      fact, trueStatement: truth, falseStatement: falsehood, explanation: explanation,
      using: &random)
  }

  /// "In which month and year did this happen: …?" — never more precise than the date.
  static func datePrompt(_ event: Fact.Event, _ date: HistoricalDate) -> String {
    let asking = datePhrase(date)
    if let name = event.name { return English.question("\(asking) did \(name) take place") }
    return English.question("\(asking) did this happen: \(event.what)")
  }

  /// The question words that match a date's precision: a month for "mid-May 1998", a day only
  /// when the source gives one.
  static func datePhrase(_ date: HistoricalDate) -> String {
    switch (date.precision, date.isRange) {
    case (.day, false): "On what date"
    case (.day, true): "On which dates"
    case (.month, false), (.partOfMonth, false): "In which month and year"
    case (.month, true), (.partOfMonth, true): "Between which months"
    case (.season, false): "In which season and year"
    case (.season, true): "Between which seasons"
    case (.partOfYear, false), (.year, false): "In which year"
    case (.partOfYear, true), (.year, true): "Between which years"
    case (.decade, false): "In which decade"
    case (.decade, true): "Between which decades"
    case (.century, false): "In which century"
    case (.century, true): "Between which centuries"
    }
  }

  /// "In mid-May 1998, the KLA captured Zhvillidove."
  static func datedClause(_ date: HistoricalDate?, _ what: String) -> String {
    guard let date else { return English.sentence(what) }
    return English.sentence("\(date.withPreposition), \(what)")
  }

  /// The event told in full: what, when, and what came of it.
  static func eventSentences(_ event: Fact.Event) -> [String?] {
    let main =
      if let name = event.name {
        event.date.map { "\(name) took place \($0.withPreposition): \(event.what)" }
          ?? "\(name): \(event.what)"
      } else {
        datedClause(event.date, event.what)
      }
    return [main, event.outcome, event.casualties]
  }
}
