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
      // An event dated by its start and lasting some time ("about 3 weeks") was still going on
      // during that time: a date inside it is no wrong answer.
      if let duration = event.duration, !date.isRange, let dates = wrongDates {
        let start = date.coveredDays.lowerBound
        let lasting = start...(start + Int(duration.days.upperBound.rounded(.up)))
        let outside = dates.filter { !$0.coveredDays.overlaps(lasting) }
        wrongDates = outside.count == dates.count ? dates : nil
      }
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
    result += sideQuestions(fact, event, explanation: explanation)
    return result + placeQuestions
  }

  private static let winningWords: Set<String> = [
    "won", "defeated", "beat", "routed", "crushed", "destroyed", "repelled", "victorious",
  ]

  /// "Who won the Battle of Hastings?" when the outcome names one side as the winner, else
  /// "Whom did the Normans fight in …?" for a named event between two sides.
  private func sideQuestions(_ fact: Fact, _ event: Fact.Event, explanation: String)
    -> [Question]
  {
    guard let name = event.name, event.participants.count >= 2 else { return [] }
    let sides = event.participants
    func names(_ side: String) -> [String] {
      let entity = index.entityByName[English.folded(side)].map { deck.facts[$0] }
      return [side] + (entity?.names.filter { $0 != side } ?? [])
    }
    if let outcome = event.outcome {
      let words = English.words(of: outcome)
      // The side that opens the outcome sentence and then wins: "The Normans won…".
      let opening = sides.filter { side in
        let sideWords = English.words(of: Self.withoutArticle(side))
        let start = words.first == "the" ? Array(words.dropFirst()) : words
        return !sideWords.isEmpty && start.starts(with: sideWords)
          && start.count > sideWords.count && Self.winningWords.contains(start[sideWords.count])
      }
      if opening.count == 1, let winner = opening.first {
        return [
          make(
            fact, .winnerShort, .short, prompt: English.question("Who won \(name)"),
            expected: .text(names(winner)), explanation: explanation)
        ]
      }
    }
    guard sides.count == 2 else { return [] }
    let first = sides[0]
    // Who fought whom is asked only of a fight; the sides of a treaty or an alliance are
    // partners, asked as such; of anything else (an incident, a mission) the sides are not
    // asked, since the name does not say how they stood to each other.
    let named = NamedEvent(name, date: event.date)
    let prompt: String
    // A fight's participants may be one side's leaders ("Khrushchev, Pliyev"): never asked as
    // opponents when the deck puts them on one side, and those of an operation or a raid only
    // when it puts them on two.
    let firstSide = index.side(of: first, in: deck)
    let secondSide = index.side(of: sides[1], in: deck)
    let opposed = firstSide != nil && secondSide != nil && firstSide != secondSide
    let allied = firstSide != nil && firstSide == secondSide
    switch (named.kind, named.partnerVerb) {
    case (.fight, _) where allied || (named.isUndertaking && !opposed):
      return []
    case (.fight, _):
      let preposition = name.lowercased().hasPrefix("the battle") ? "at" : "in"
      prompt = "Whom did \(Self.subjectForm(first)) fight \(preposition) \(name)"
    case (.agreement, let verb?):
      prompt = "With whom did \(Self.subjectForm(first)) \(verb) \(name)"
    default:
      return []
    }
    return [
      make(
        fact, .opponentShort, .short, prompt: English.question(prompt),
        expected: .text(names(sides[1])), explanation: explanation)
    ]
  }

  /// A side as the subject of a question: "the Normans" keeps its article, "Romans" gets one.
  static func subjectForm(_ side: String) -> String {
    if side.lowercased().hasPrefix("the ") { return "the " + side.dropFirst(4) }
    let last = side.split(separator: " ").last.map(String.init) ?? side
    // Plural peoples ("Normans", "English") read with "the"; names of one ("Octavian") do not.
    if last.hasSuffix("s") || ["English", "French", "British", "Dutch", "Spanish"].contains(last) {
      return "the " + side
    }
    // An initialism read letter by letter takes "the" ("the CIA", "the KLA", "the USSR"); one
    // read as a word does not ("NATO").
    if side.count >= 2, side.allSatisfy({ $0.isUppercase || $0.isNumber }),
      side.count <= 3 || side.filter({ "AEIOU".contains($0) }).count <= 1
    {
      return "the " + side
    }
    // A state or body named by what it is takes "the": "the Holy Roman Empire", "the Soviet
    // Union", "the Holy League".
    if statelikeNouns.contains(English.folded(last)) { return "the " + side }
    return side
  }

  private static let statelikeNouns: Set<String> = [
    "empire", "kingdom", "republic", "union", "league", "alliance", "confederation",
    "commonwealth", "federation", "shogunate", "caliphate", "sultanate", "khanate", "papacy",
    "army", "navy", "government", "emirate", "principality", "duchy", "states", "coalition",
  ]

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
        if Self.isOpenSlot(blanked) { continue }
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
      let told = NamedEvent(name, date: date).statement
      truth = "\(told) \(date.withPreposition)"
      falsehood = "\(told) \(other.withPreposition)"
    } else {
      truth = Self.datedClause(date, event.what)
      falsehood = Self.datedClause(other, event.what)
    }
    return makeTrueFalse(
      fact, trueStatement: truth, falseStatement: falsehood, explanation: explanation,
      using: &random)
  }

  /// "When was the Battle of Mazhiq fought?", "In which month and year did the KLA seize
  /// Zhvillidove?" — never more precise than the date. A clause that cannot be turned into a
  /// question is told first and then asked about.
  static func datePrompt(_ event: Fact.Event, _ date: HistoricalDate) -> String {
    let asking = datePhrase(date)
    if let name = event.name {
      return English.question("\(asking) \(NamedEvent(name, date: date).question)")
    }
    if let question = ClauseQuestion.asking(asking, about: event.what) { return question }
    if let question = ClauseQuestion.askingFirstPart(asking, about: event.what) {
      return question
    }
    return English.sentence(event.what) + " " + English.question("\(asking) was this")
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
        event.date.map {
          "\(NamedEvent(name, date: $0).statement) \($0.withPreposition): \(event.what)"
        }
          ?? "\(name): \(event.what)"
      } else {
        datedClause(event.date, event.what)
      }
    return [main, event.outcome, event.casualties]
  }
}
