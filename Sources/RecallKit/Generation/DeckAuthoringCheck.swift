import Dispatch

/// Warnings about a deck that loads but would teach badly: facts nobody is asked about,
/// questions a learner cannot tell apart, prompts too long to read at a glance.
///
/// Each warning sits at the fact (or hand-written card) it is about, so `recall check` prints
/// it as `path:line:column: warning: …` next to the loader's own diagnostics. None is an
/// error: the deck still studies.
public struct DeckAuthoringCheck: Sendable {
  public let deck: Deck
  /// Prompts longer than this many characters are reported.
  public var maximumPromptLength = 300
  /// Whether the questions the linter dropped are listed, as notes (`recall check --questions`).
  public var includesLeftOutQuestions = false
  /// Whether a fact that gets no multiple-choice question is reported. `recall draft` turns it
  /// off: such a fact still yields its other questions, so it is no reason to comment it out
  /// (and commenting one out would leave the next with fewer distractors still).
  public var reportsMissingChoices = true
  /// From this many questions on, the two duplicate checks run at once, one on each core.
  var minimumSplitCount = QuestionLinter.parallelThreshold

  public init(deck: Deck) {
    self.deck = deck
  }

  /// Fact kinds whose templates normally include a multiple-choice question; when one gets none,
  /// the deck lacks three believable distractors for it.
  /// Places are left out: their options must be places of the same type, and a deck usually
  /// has a single region or front, whose choice the generator declines on purpose.
  static let choiceKinds: Set<Fact.Kind> = [.event, .person, .quantity]

  /// Questions answered by typing, where the prompt alone must say which answer is meant;
  /// choice, order and match questions show their options, which tell the answer apart.
  static let typedKinds: Set<Question.Kind> = [.short, .cloze, .numeric]

  public func diagnostics() -> [Diagnostic] {
    let generator = QuestionGenerator(deck: deck)
    let generated = generator.generate()
    let questions = generated.questions
    var locations: [String: SourceLocation] = [:]
    locations.reserveCapacity(deck.cards.count + deck.facts.count)
    for card in deck.cards { locations[card.id] = card.location }
    for fact in deck.facts { locations[fact.id] = fact.location }
    // Read from both threads of the duplicate checks, so a constant copy.
    let factLocations = locations
    let path = deck.path
    @Sendable func location(_ question: Question) -> SourceLocation {
      factLocations[question.fact] ?? SourceLocation(file: path, line: 1, column: 1)
    }

    var result: [Diagnostic] = []
    // What `factsProducingNoQuestion` finds, read off the questions just made (kept or
    // dropped, every fact's own questions are there) rather than making them all again.
    var asked = Set<String>(minimumCapacity: deck.facts.count)
    for question in questions where Self.isOwnQuestion(question) { asked.insert(question.fact) }
    for finding in generated.dropped where Self.isOwnQuestion(finding.question) {
      asked.insert(finding.question.fact)
    }
    let carded = Set(deck.cards.compactMap(\.fact))
    for fact in deck.facts
    where !asked.contains(fact.id) && !carded.contains(fact.id)
      && !generator.isAskedWithOthers(fact)
    {
      result.append(
        .warning(
          "fact '\(fact.id)' is too thin to make any question; add a date, place, size or "
            + "another detail, or write a card for it", at: fact.location))
    }
    // The facts with a question kept, and those of them with a choice question (sets of ids:
    // grouping copies of 100,000 facts' questions cost more than the rest of this rule).
    var withQuestions = Set<String>()
    var withChoice = Set<String>()
    if reportsMissingChoices {
      withQuestions.reserveCapacity(deck.facts.count)
      for question in questions {
        withQuestions.insert(question.fact)
        if question.kind == .choice { withChoice.insert(question.fact) }
      }
    }
    // A choice the linter dropped is reported as such, not as a lack of distractors.
    let droppedChoice = Set(
      generated.dropped.filter { $0.question.kind == .choice }.map(\.question.fact))
    for fact in deck.facts where reportsMissingChoices && Self.choiceKinds.contains(fact.kind) {
      guard withQuestions.contains(fact.id), !withChoice.contains(fact.id),
        !droppedChoice.contains(fact.id), !generator.isAskedWithOthers(fact)
      else { continue }
      result.append(.warning(Self.noChoiceReason(fact), at: fact.location))
    }
    for question in questions where question.prompt.count > maximumPromptLength {
      result.append(
        .warning(
          "the prompt of '\(question.id)' is \(question.prompt.count) characters long "
            + "(more than \(maximumPromptLength)); shorten the fact's wording",
          at: location(question)))
    }
    result += ambiguities(questions, location: location)
    // What the linter dropped, so the author can see each question left out and why.
    for finding in generated.dropped where includesLeftOutQuestions {
      result.append(
        .note(
          "'\(finding.question.id)' is left out (\(finding.rule.rawValue)): \(finding.detail)",
          at: location(finding.question)))
    }
    return result.sortedByLocation()
  }

  /// Why a fact gets no choice question. A bound ("over 250") has no fair wrong figures at
  /// all, since every figure past it may be true: that is the figure's nature, not a lack of
  /// other facts, and more facts would not change it.
  static func noChoiceReason(_ fact: Fact) -> String {
    if case .quantity(let quantity) = fact.content,
      quantity.value.qualifier != .exact, quantity.value.qualifier != .about
    {
      return "fact '\(fact.id)' gets no multiple-choice question: its figure "
        + "'\(quantity.value.description)' is a bound, which every figure beyond it also "
        + "meets, so no wrong option is certainly wrong; give an exact or 'about' figure "
        + "for one"
    }
    return "fact '\(fact.id)' gets no multiple-choice question: the deck has too few other "
      + "\(fact.kind.rawValue) facts (or values) to draw three distractors from"
  }

  /// Whether the question is one of its fact's own (`<fact-id>/<template>`), not a
  /// hand-written card or a question spanning several facts.
  static func isOwnQuestion(_ question: Question) -> Bool {
    switch question.template {
    case .card, .order, .matchDates, .matchPlaces, .matchRoles: false
    default: question.id == question.fact + "/" + question.template.rawValue
    }
  }

  /// Same prompt with different answers, and short answers accepted by two questions of one
  /// template whose shown answers differ. The two look-ups are independent, so a large deck's
  /// run at once, one on each core; their warnings keep the one-thread order.
  private func ambiguities(
    _ questions: [Question], location: @Sendable (Question) -> SourceLocation
  ) -> [Diagnostic] {
    guard questions.count >= minimumSplitCount else {
      return samePrompts(questions, location: location)
        + sharedAnswers(questions, location: location)
    }
    let passes = ResultSlots<[Diagnostic]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { pass in
      passes.set(
        pass,
        pass == 0
          ? samePrompts(questions, location: location)
          : sharedAnswers(questions, location: location))
    }
    return passes.values.flatMap { $0 }
  }

  /// Typed questions of other facts whose prompts read the same and whose answers differ.
  private func samePrompts(
    _ questions: [Question], location: (Question) -> SourceLocation
  ) -> [Diagnostic] {
    var result: [Diagnostic] = []
    // Positions in `questions`, not copies: a deck of 100,000 facts has 300,000 questions.
    var firstByPrompt: [String: Int] = [:]
    firstByPrompt.reserveCapacity(questions.count)
    for (position, question) in questions.enumerated()
    where !question.prompt.isEmpty && Self.typedKinds.contains(question.kind) {
      let key = English.folded(question.prompt)
      guard let firstPosition = firstByPrompt[key] else {
        firstByPrompt[key] = position
        continue
      }
      let first = questions[firstPosition]
      if first.fact != question.fact,
        Set(first.answerTexts.map(English.folded)) != Set(question.answerTexts.map(English.folded))
      {
        result.append(
          .warning(
            "'\(question.id)' asks the same as '\(first.id)' (\"\(question.prompt)\") but "
              + "expects a different answer", at: location(question)))
      }
    }
    return result
  }

  /// Short answers accepted by two questions of one template whose shown answers differ.
  private func sharedAnswers(
    _ questions: [Question], location: (Question) -> SourceLocation
  ) -> [Diagnostic] {
    var result: [Diagnostic] = []
    // Earlier questions by template and accepted (folded) answer, so each question looks up
    // only those sharing an answer with it: linear in the deck, where comparing every pair of
    // a template took minutes for 16,000 facts. A few per answer are kept, enough to find one
    // that is not excluded below.
    struct Earlier {
      var position: Int
      var shown: String
      var answers: Set<String>
    }
    var byAnswer: [QuestionTemplate: [String: [Earlier]]] = [:]
    for (position, question) in questions.enumerated() {
      guard case .text(let answers) = question.expected, let shown = answers.first else {
        continue
      }
      let folded = Set(answers.map(English.folded))
      let foldedShown = English.folded(shown)
      // Equal sets name one thing twice (an alias both ways); a partial overlap means an alias
      // of one answer is, or is accepted for, a different answer.
      var reported = Set<String>()
      for answer in folded.sorted() {
        for earlier in byAnswer[question.template]?[answer] ?? []
        where earlier.shown != foldedShown && questions[earlier.position].fact != question.fact
          && earlier.answers != folded && reported.insert(questions[earlier.position].id).inserted
        {
          guard let shared = earlier.answers.intersection(folded).sorted().first else {
            continue
          }
          result.append(
            .warning(
              "'\(question.id)' accepts \"\(shared)\", which is also accepted for "
                + "'\(questions[earlier.position].id)'; the answer does not tell the two apart",
              at: location(question)))
        }
      }
      let entry = Earlier(position: position, shown: foldedShown, answers: folded)
      for answer in folded where (byAnswer[question.template]?[answer]?.count ?? 0) < 4 {
        byAnswer[question.template, default: [:]][answer, default: []].append(entry)
      }
    }
    return result
  }
}
