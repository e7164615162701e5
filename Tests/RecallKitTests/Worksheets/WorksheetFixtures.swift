import RecallKit

/// A small hand-made deck and questions of every form, so worksheet tests do not depend on the
/// generator.
enum WorksheetFixtures {
  static let here = SourceLocation(file: "fixture.yaml", line: 1, column: 1)

  static func fact(_ id: String, _ content: Fact.Content, tags: [String] = [], note: String? = nil)
    -> Fact
  {
    Fact(id: id, content: content, tags: tags, note: note, location: here)
  }

  static let deck = Deck(
    id: "fixture", title: "Fixture deck", subject: "History", language: "en",
    source: Deck.Source(title: "Hand-made"),
    facts: [
      fact(
        "mazhiq", .place(Fact.Place(name: "Mazhiq", aliases: ["Mazhiqi"], type: "village")),
        tags: ["places"]),
      fact(
        "battle-of-mazhiq",
        .event(
          Fact.Event(
            name: "the Battle of Mazhiq", what: "Yugoslav forces shelled Mazhiq",
            date: HistoricalDate(
              .day(year: 1998, month: 7, day: 10), to: .day(year: 1998, month: 7, day: 11)))),
        tags: ["dates"]),
      fact(
        "zhvillidove-captured",
        .event(
          Fact.Event(
            what: "the KLA seized Zhvillidove",
            date: HistoricalDate(.partOfMonth(.mid, year: 1998, month: 5)))),
        tags: ["dates"]),
      fact(
        "nusret-ibishi",
        .person(
          Fact.Person(
            name: "Nusret Ibishi", aliases: ["Commander Leka"], role: "a former MUP commander")),
        tags: ["people"]),
      fact(
        "brigade-141", .group(Fact.Group(isUnit: true, name: "Brigade 141", nickname: "Mehe Uka")),
        tags: ["units"], note: "The source gives the size only as \"over 100\"."),
      fact(
        "convoy-people",
        .quantity(
          Fact.Quantity(
            howMany: "people travelled in the convoy", value: NumberValue(from: 3000, to: 5000))),
        tags: ["numbers"]),
      fact(
        "first-appearance",
        .statement(
          Fact.Statement(
            before: "The KLA's first public appearance in the region was in ", key: "Zaberegje",
            after: ".")),
        tags: ["places"]),
    ],
    cards: [
      HandCard(
        id: "school-length", kind: .short, prompt: "How long was a course at the KLA school?",
        answers: ["two weeks", "2 weeks"], tags: ["training"], location: here)
    ],
    path: "fixture.yaml")

  static func question(
    _ fact: String, _ template: String, _ kind: Question.Kind, _ prompt: String,
    options: [String] = [], items: [String] = [], expected: ExpectedAnswer,
    explanation: String = ""
  ) -> Question {
    Question(
      id: "\(fact)/\(template)", kind: kind, prompt: prompt, options: options, matchItems: items,
      expected: expected, fact: fact,
      explanation: explanation.isEmpty ? "About \(fact)." : explanation,
      template: QuestionTemplate(rawValue: template) ?? .card)
  }

  static let questions: [Question] = [
    question(
      "mazhiq", "choice", .choice, "Which village did Yugoslav forces fail to take in July 1998?",
      options: ["Barë", "Mazhiq", "Bajgora", "Zhvillidove"], expected: .choice(1),
      explanation: "Yugoslav forces failed to take Mazhiq in July 1998."),
    question(
      "mazhiq", "name", .short, "Which village did Yugoslav forces seize in November 1998?",
      expected: .text(["Mazhiq", "Mazhiqi"])),
    question(
      "battle-of-mazhiq", "when", .short, "When was the Battle of Mazhiq?",
      expected: .date(
        HistoricalDate(
          .day(year: 1998, month: 7, day: 10), to: .day(year: 1998, month: 7, day: 11)))),
    question(
      "battle-of-mazhiq", "outcome", .truefalse, "Yugoslav forces captured Mazhiq in July 1998.",
      expected: .truth(false)),
    question(
      "zhvillidove-captured", "sequence", .order,
      "Put these events in order, earliest first.",
      options: [
        "the Battle of Mazhiq", "the KLA seized Zhvillidove", "the convoy left",
        "Brigade 141 was formed",
      ],
      expected: .order([1, 3, 0, 2])),
    question(
      "nusret-ibishi", "who", .short, "Who was a former MUP commander who trained KLA recruits?",
      expected: .text(["Nusret Ibishi", "Commander Leka"])),
    question(
      "nusret-ibishi", "role-choice", .choice, "What was Nusret Ibishi?",
      options: ["a KLA brigade", "a former MUP commander", "a village", "a journalist"],
      expected: .choice(1)),
    question(
      "brigade-141", "nickname", .truefalse, "Brigade 141 was nicknamed Mehe Uka.",
      expected: .truth(true)),
    question(
      "brigade-141", "match-roles", .match, "Match each name with what it was.",
      options: ["a village", "a former MUP commander", "a KLA brigade", "a region"],
      items: ["Nusret Ibishi", "Brigade 141", "Mazhiq"], expected: .match([1, 2, 0])),
    question(
      "convoy-people", "how-many", .numeric, "How many people travelled in the convoy?",
      expected: .number(NumberValue(from: 3000, to: 5000))),
    question(
      "first-appearance", "cloze", .cloze,
      "The KLA's first public appearance in the region was in _____.",
      expected: .text(["Zaberegje"])),
    question(
      "school-length", "card", .short, "How long was a course at the KLA school?",
      expected: .text(["two weeks", "2 weeks"])),
  ]

  static func selection(count: Int = 20, seed: UInt64 = 1, kinds: [Question.Kind]? = nil)
    throws -> WorksheetSelection
  {
    try WorksheetSelector(deck: deck).select(
      from: questions, request: WorksheetRequest(count: count, kinds: kinds, seed: seed))
  }
}
