import Foundation

/// Turns a deck's facts into questions, deterministically for a given deck and seed.
///
/// Ids never depend on the seed, on wording or on position: a fact's questions are
/// `<fact-id>/<template>`, hand-written cards keep their own id, and questions that span several
/// facts are named after the tag that groups them (see `QuestionGenerator+Spanning.swift`). The seed
/// only chooses distractors, option order and which statements are made false.
public struct QuestionGenerator: Sendable {
  public let deck: Deck
  public let seed: UInt64
  let index: DeckIndex

  public init(deck: Deck, seed: UInt64 = 0) {
    self.deck = deck
    self.seed = seed
    self.index = DeckIndex(deck: deck)
  }

  /// Questions in deck order: each fact's questions, then the hand-written cards, then the
  /// questions that span several facts. `types` and `facts` narrow the result (nil keeps all); a
  /// card is kept when its own id or its fact is in `facts`, a group question when any of its
  /// facts is.
  public func questions(types: Set<Question.Kind>? = nil, facts: Set<String>? = nil)
    -> [Question]
  {
    generate(types: types, facts: facts).questions
  }

  /// The questions kept, and those the linter dropped with the reason.
  public struct Generated: Sendable {
    public var questions: [Question]
    public var dropped: [QuestionLinter.Finding]
  }

  /// Every question, linted: the ones that fail a `QuestionLinter` rule are left out and
  /// returned apart. Narrowing by fact happens after linting, so a fact's questions are the
  /// same whether it is previewed alone or with the whole deck.
  public func generate(types: Set<Question.Kind>? = nil, facts: Set<String>? = nil) -> Generated {
    let (kept, dropped) = QuestionLinter(deck: deck, index: index).lint(rawQuestions())
    var result = kept
    if let facts {
      let members = spanMembers
      result.removeAll { question in
        switch question.template {
        case .order, .matchDates, .matchPlaces, .matchRoles:
          return !(members[question.id] ?? []).contains(where: facts.contains)
        default:
          return !facts.contains(question.fact) && !facts.contains(question.id)
        }
      }
    }
    if let types { result.removeAll { !types.contains($0.kind) } }
    return Generated(questions: result, dropped: dropped)
  }

  /// The facts each spanning question draws on, by id.
  var spanMembers: [String: [String]] {
    Dictionary(
      spanningQuestions().map { ($0.question.id, $0.members) }, uniquingKeysWith: { a, _ in a })
  }

  /// Every question the templates make, before linting, in deck order.
  func rawQuestions() -> [Question] {
    var result: [Question] = []
    // At least one question a fact; growing by doubling from zero would copy a large deck's
    // questions many times over.
    result.reserveCapacity(deck.facts.count + deck.cards.count)
    appendFactQuestions(of: deck.facts, to: &result)
    for card in deck.cards { result.append(question(for: card)) }
    for group in spanningQuestions() { result.append(group.question) }
    return result
  }

  /// Appends the questions of `facts`, in order. For a large deck the two halves are made at
  /// once (`SplitWork`): each fact's questions depend only on the fact, the seed and the deck's
  /// index, so the result is the same whichever thread makes them.
  func appendFactQuestions(of facts: [Fact], to result: inout [Question]) {
    result += SplitWork.map(facts, minimumCount: Self.parallelThreshold) { part in
      part.flatMap { questions(for: $0) }
    }
  }

  /// Below this many facts, generating on one thread is quicker than starting a second.
  static let parallelThreshold = 5_000

  /// Facts that give no question of their own and have no hand-written card: worth a warning,
  /// since a learner will never be asked about them.
  public func factsProducingNoQuestion() -> [Fact] {
    let carded = Set(deck.cards.compactMap(\.fact))
    return deck.facts.filter { fact in
      !isAskedWithOthers(fact) && !carded.contains(fact.id) && questions(for: fact).isEmpty
    }
  }

  /// People who share a role are asked together ("Name one of…"), on the first of them.
  func isAskedWithOthers(_ fact: Fact) -> Bool {
    guard case .person(let person) = fact.content,
      let members = index.personsByRole[English.folded(person.role)]
    else { return false }
    return members.count <= Self.largestMembership
  }

  /// Every question drawn from one fact alone, in template order.
  func questions(for fact: Fact) -> [Question] {
    switch fact.content {
    case .event(let event): eventQuestions(fact, event)
    case .person(let person): personQuestions(fact, person)
    case .group(let group): groupQuestions(fact, group)
    case .place(let place): placeQuestions(fact, place)
    case .quantity(let quantity): quantityQuestions(fact, quantity)
    case .statement(let statement): statementQuestions(fact, statement)
    }
  }

  /// The random stream for one question: fixed by the seed and the question's id alone.
  func randomness(for id: String) -> SeededGenerator {
    SeededGenerator(seed: seed, salt: id)
  }

  /// The random stream for the fact's question of `template`.
  func randomness(_ fact: Fact, _ template: QuestionTemplate) -> SeededGenerator {
    randomness(for: "\(fact.id)/\(template.rawValue)")
  }

  /// The fact in sentences, followed by the author's note and where in the source it is.
  func explanation(_ fact: Fact, _ sentences: [String?]) -> String {
    English.paragraph(
      sentences + [fact.note.map { "Note: " + $0 }, fact.source.map { "Source: " + $0 }])
  }

  /// A question from one fact, named `<fact-id>/<template>`.
  func make(
    _ fact: Fact, _ template: QuestionTemplate, _ kind: Question.Kind, prompt: String,
    options: [String] = [], expected: ExpectedAnswer, explanation: String
  ) -> Question {
    var prompt = prompt
    var expected = expected
    // A gloss in the prompt ("_____, "the war of the rats"") must not be typed back as the answer.
    if case .text(let answers) = expected {
      let fair = Gloss.withoutGivenAway(prompt: prompt, answers: answers)
      prompt = fair.prompt
      expected = .text(fair.answers)
    }
    return Question(
      id: "\(fact.id)/\(template.rawValue)", kind: kind, prompt: prompt, options: options,
      expected: expected, fact: fact.id, explanation: explanation, template: template)
  }

  /// A multiple-choice question with the right option shuffled in among the distractors.
  func makeChoice(
    _ fact: Fact, _ template: QuestionTemplate, prompt: String, answer: String,
    distractors: [String],
    explanation: String, using random: inout SeededGenerator
  ) -> Question {
    var options = [answer] + distractors
    random.shuffle(&options)
    let right = options.firstIndex(of: answer) ?? 0
    return make(
      fact, template, .choice, prompt: prompt, options: options, expected: .choice(right),
      explanation: explanation)
  }

  /// A true-or-false statement: `falseStatement` is nil when the fact cannot be altered
  /// believably, and then no question is made, so that true and false stay about even.
  func makeTrueFalse(
    _ fact: Fact, trueStatement: String, falseStatement: String?, explanation: String,
    using random: inout SeededGenerator
  ) -> Question? {
    guard let falseStatement else { return nil }
    let truth = random.nextBool()
    return make(
      fact, .truefalse, .truefalse,
      prompt: English.sentence(truth ? trueStatement : falseStatement),
      expected: .truth(truth), explanation: explanation)
  }
}
