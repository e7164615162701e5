import Foundation
import RecallKit
import Testing

/// Properties every generated question set must have, over the small fixture, the shipped
/// Bajgora deck and a synthetic deck.
@Suite struct QuestionPropertyTests {
  typealias Named = GenerationFixtures.Named

  private static let templateTokens = ["{", "}", "[[", "]]", "<", ">", "\\(", "Optional(", "nil"]

  @Test(arguments: Named.allCases) func promptsAreCleanSentences(_ named: Named) throws {
    let questions = QuestionGenerator(deck: try named.deck(), seed: 0).questions()
    #expect(!questions.isEmpty)
    for question in questions {
      let prompt = question.prompt
      #expect(!prompt.trimmingCharacters(in: .whitespaces).isEmpty, "\(question.id)")
      for token in Self.templateTokens {
        #expect(!prompt.contains(token), "\(question.id) has '\(token)': \(prompt)")
        #expect(!question.explanation.contains(token), "\(question.id) explanation has '\(token)'")
      }
      #expect(!prompt.contains("  "), "\(question.id) has a double space: \(prompt)")
      #expect(prompt.first.map { !$0.isLowercase } ?? false, "\(question.id) starts lowercase")
      #expect(
        prompt.hasSuffix("?") || prompt.hasSuffix("."), "\(question.id) lacks an end: \(prompt)")
      // Every typed question asks with a question mark, but "Name one of…", an instruction.
      if [.short, .numeric].contains(question.kind) && question.template != .card
        && question.template != .membersShort
      {
        #expect(prompt.hasSuffix("?"), "\(question.id) is a question without a question mark")
      }
      if question.kind == .cloze {
        #expect(prompt.contains("_____"), "\(question.id) has no blank")
      }
      #expect(question.explanation.hasSuffix("."), "\(question.id): \(question.explanation)")
    }
  }

  @Test(arguments: Named.allCases) func idsAreUniqueAndNameTheirFact(_ named: Named) throws {
    let deck = try named.deck()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions()
    let ids = questions.map(\.id)
    #expect(Set(ids).count == ids.count)
    let known = Set(deck.facts.map(\.id) + deck.cards.map(\.id))
    for question in questions {
      #expect(known.contains(question.fact), "\(question.id) names unknown fact \(question.fact)")
      if question.template != .card && !question.id.hasPrefix("order/")
        && !question.id.hasPrefix("match-")
      {
        #expect(question.id == "\(question.fact)/\(question.template)")
      }
    }
  }

  @Test(arguments: Named.allCases) func choicesAreDistinctAndNeverAccepted(_ named: Named) throws {
    let deck = try named.deck()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions()
    let byID = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) })
    for question in questions where question.kind == .choice {
      let folded = question.options.map(fold)
      #expect(Set(folded).count == folded.count, "\(question.id) repeats an option")
      guard case .choice(let right) = question.expected else {
        Issue.record("\(question.id) is a choice without a choice answer")
        continue
      }
      #expect(question.options.indices.contains(right))
      guard question.template != .card else { continue }
      #expect(question.options.count == 4, "\(question.id)")
      let distractors = question.options.enumerated().filter { $0.offset != right }.map(\.element)
      // The typed question on the same material says what else is accepted.
      for typed in typedSiblings(of: question.id).compactMap({ byID[$0] }) {
        for wrong in distractors {
          #expect(!accepts(typed, wrong), "\(question.id): '\(wrong)' is accepted by \(typed.id)")
        }
      }
    }
  }

  @Test(arguments: Named.allCases) func sameSeedSameOutputAndIdsIgnoreTheSeed(_ named: Named) throws
  {
    let deck = try named.deck()
    let first = QuestionGenerator(deck: deck, seed: 42).questions()
    #expect(first == QuestionGenerator(deck: deck, seed: 42).questions())
    let ids = first.map(\.id)
    var optionsDiffer = false
    for seed: UInt64 in [0, 1, 7, 12_345] {
      let other = QuestionGenerator(deck: deck, seed: seed).questions()
      #expect(other.map(\.id) == ids, "seed \(seed) changed the question ids")
      optionsDiffer = optionsDiffer || other.map(\.options) != first.map(\.options)
    }
    #expect(optionsDiffer, "the seed should change some options")
  }

  @Test func trueAndFalseStatementsAreAboutEven() throws {
    let deck = try GenerationFixtures.bajgora()
    var truths = 0
    var total = 0
    for seed: UInt64 in 0..<8 {
      for question in QuestionGenerator(deck: deck, seed: seed).questions(types: [.truefalse])
      where question.template != .card {
        if case .truth(true) = question.expected { truths += 1 }
        total += 1
      }
    }
    let share = Double(truths) / Double(total)
    #expect(share > 0.4 && share < 0.6, "\(truths) of \(total) statements are true")
  }

  @Test func datesAreNeverAskedMorePreciselyThanKnown() throws {
    let deck = try GenerationFixtures.bajgora()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions(types: [.short])
    for question in questions {
      guard case .date(let date) = question.expected, date.precision < .day else { continue }
      let prompt = question.prompt.lowercased()
      #expect(!prompt.contains("date") && !prompt.contains("day"), "\(question.id): \(prompt)")
    }
  }

  @Test(arguments: Named.allCases) func orderAndMatchAnswersArePermutations(_ named: Named) throws {
    let questions = QuestionGenerator(deck: try named.deck(), seed: 0).questions(types: [
      .order, .match,
    ])
    for question in questions {
      switch question.expected {
      case .order(let indices):
        #expect(indices.sorted() == Array(question.options.indices), "\(question.id)")
        #expect((3...5).contains(indices.count), "\(question.id)")
      case .match(let indices):
        #expect(indices.sorted() == Array(question.options.indices), "\(question.id)")
        #expect(question.matchItems.count == indices.count)
      default:
        Issue.record("\(question.id) has the wrong kind of answer")
      }
    }
  }

  @Test func rewordingAFactKeepsEveryId() throws {
    let deck = try GenerationFixtures.bajgora()
    let before = Set(QuestionGenerator(deck: deck, seed: 0).questions().map(\.id))
    let rewordings: [(String, (inout Fact.Content) -> Void)] = [
      (
        "battle-of-mazhiq",
        { content in
          guard case .event(var event) = content else { return }
          event.what =
            "Yugoslav forces fired shells at Mazhiq, Kutllovc and Barë, and the KLA "
            + "struck back"
          content = .event(event)
        }
      ),
      (
        "nusret-ibishi",
        { content in
          guard case .person(var person) = content else { return }
          person.role = "a former MUP commander who taught KLA recruits the tactics of the police"
          content = .person(person)
        }
      ),
      (
        "mazhiq",
        { content in
          guard case .place(var place) = content else { return }
          place.knownFor[2] =
            "In November 1998, on their second try, Yugoslav forces seized Mazhiq."
          content = .place(place)
        }
      ),
      (
        "villages-held",
        { content in
          guard case .quantity(var quantity) = content else { return }
          quantity.howMany = "villages the KLA held before the Yugoslav attacks began"
          content = .quantity(quantity)
        }
      ),
    ]
    for (id, reword) in rewordings {
      var changed = deck
      let position = try #require(changed.facts.firstIndex { $0.id == id })
      let original = changed.facts[position].content
      reword(&changed.facts[position].content)
      #expect(changed.facts[position].content != original, "rewording \(id) changed nothing")
      let after = Set(QuestionGenerator(deck: changed, seed: 0).questions().map(\.id))
      #expect(after == before, "rewording \(id): \(after.symmetricDifference(before).sorted())")
    }
  }

  @Test func addingFactsElsewhereKeepsEveryId() throws {
    let deck = try GenerationFixtures.bajgora()
    let before = Set(QuestionGenerator(deck: deck, seed: 0).questions().map(\.id))
    var changed = deck
    let location = changed.facts[0].location
    changed.facts.insert(
      Fact(
        id: "new-village",
        content: .place(
          Fact.Place(
            name: "Novo Selo", type: "village",
            knownFor: ["A well was dug in Novo Selo in the summer of 1997."])),
        tags: ["wells"], location: location), at: 3)
    changed.facts.append(
      Fact(
        id: "new-event",
        content: .event(
          Fact.Event(
            what: "a well was dug in Novo Selo", date: try HistoricalDate.parse("June 1997"),
            places: ["new-village"])), tags: ["wells"], location: location))
    changed.facts.append(
      Fact(
        id: "new-person",
        content: .person(Fact.Person(name: "Arben Doko", role: "a well-digger from Novo Selo")),
        location: location))
    let after = Set(QuestionGenerator(deck: changed, seed: 0).questions().map(\.id))
    #expect(before.isSubset(of: after), "lost: \(before.subtracting(after).sorted())")
    #expect(after.contains("new-event/date-short"))
  }

  @Test func addingAnEventToATagKeepsItsGroupIds() throws {
    let deck = try GenerationFixtures.bajgora()
    let before = QuestionGenerator(deck: deck, seed: 0).questions(types: [.order, .match])
      .map(\.id)
    var changed = deck
    changed.facts.append(
      Fact(
        id: "late-battle",
        content: .event(
          Fact.Event(
            what: "a last skirmish was fought near Bajgora",
            date: try HistoricalDate.parse("March 1999"))), tags: ["battles", "dates"],
        location: deck.facts[0].location))
    let after = Set(
      QuestionGenerator(deck: changed, seed: 0).questions(types: [.order, .match]).map(\.id))
    #expect(Set(before).isSubset(of: after))
  }

  // MARK: Helpers

  private func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// The typed questions on the same material as a choice question.
  private func typedSiblings(of id: String) -> [String] {
    guard let slash = id.firstIndex(of: "/") else { return [] }
    let fact = id[..<slash]
    let template = id[id.index(after: slash)...]
    switch template {
    case "choice": return ["\(fact)/cloze"]
    case "date-choice": return ["\(fact)/date-short"]
    case "count-choice": return ["\(fact)/count-numeric"]
    case "size-choice": return ["\(fact)/size-numeric"]
    case "name-choice": return ["\(fact)/name-short"]
    default:
      guard template.hasSuffix("-choice") else { return [] }
      let stem = template.dropLast("-choice".count)
      return ["\(fact)/\(stem)-cloze", "\(fact)/\(stem)-short"]
    }
  }

  /// Whether a typed answer would be marked right: text by folded equality, dates by their
  /// wording, numbers by the accepted range.
  private func accepts(_ question: Question, _ answer: String) -> Bool {
    switch question.expected {
    case .text(let answers): return answers.map(fold).contains(fold(answer))
    case .date(let date): return date.formatted == answer
    case .number(let value):
      guard let given = NumberValue.parse(answer) else { return false }
      let range = value.acceptedRange
      return range.contains(given.low) || range.contains(given.high)
        || (given.low <= range.lowerBound && given.high >= range.upperBound)
    default: return false
    }
  }
}
