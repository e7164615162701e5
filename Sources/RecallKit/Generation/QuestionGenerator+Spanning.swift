/// Questions that span several facts: ordering events in time and matching pairs.
///
/// The rule that keeps their ids stable: they are grouped by tag, never by position. For each tag
/// (as a slug), the eligible facts are chosen one by one on their own merits, and cut into
/// `ceil(n / 5)` questions of three to five, taking every k-th fact so that each question spans
/// the whole tag. The ids are `order/<tag>/<n>`, `match-dates/<tag>/<n>`,
/// `match-roles/<tag>/<n>` and `match-places/<tag>/<n>`. Fact ids cannot contain `/`, so these
/// can never collide with a fact's `<fact-id>/<template>`. Adding a fact with other tags leaves
/// every one of them alone; adding one to a tag can only add questions to it, never remove one.
extension QuestionGenerator {
  /// A question with the facts it draws on.
  struct SpanningQuestion {
    var question: Question
    var members: [String]
  }

  /// One row of a match question: the item, what it matches, and the pair told as a clause.
  struct MatchPair {
    var fact: Fact
    var item: String
    var match: String
    var told: String
  }

  static let largestGroup = 5
  static let smallestGroup = 3

  func spanningQuestions() -> [SpanningQuestion] {
    var byTag: [String: [Int]] = [:]
    for (position, fact) in deck.facts.enumerated() {
      for slug in Set(fact.tags.map(English.slug)) { byTag[slug, default: []].append(position) }
    }
    var result: [SpanningQuestion] = []
    let sole = soleSentences()
    for slug in byTag.keys.sorted() {
      let facts = (byTag[slug] ?? []).map { deck.facts[$0] }
      let events = Self.timeline(facts)
      for (number, chunk) in Self.chunks(events).enumerated() {
        if let question = orderQuestion(chunk, id: "order/\(slug)/\(number + 1)") {
          result.append(question)
        }
        if let question = dateMatch(chunk, id: "match-dates/\(slug)/\(number + 1)") {
          result.append(question)
        }
      }
      for (number, chunk) in Self.chunks(Self.matchablePeople(facts)).enumerated() {
        result.append(
          matchQuestion(
            chunk, id: "match-roles/\(slug)/\(number + 1)", template: .matchRoles,
            prompt: "Match each person with their role."))
      }
      for (number, chunk) in Self.chunks(matchablePlaces(facts, sole)).enumerated() {
        result.append(
          matchQuestion(
            chunk, id: "match-places/\(slug)/\(number + 1)", template: .matchPlaces,
            prompt: "Match each place with the sentence it completes."))
      }
    }
    return result
  }

  /// The longest run of events of which each ends before the next begins (so there is a right
  /// order), earliest first. Greedy by end date finds the longest such run.
  static func timeline(_ facts: [Fact]) -> [(fact: Fact, event: Fact.Event)] {
    let events = facts.compactMap {
      fact -> (fact: Fact, event: Fact.Event, days: ClosedRange<Int>)? in
      if case .event(let event) = fact.content, let date = event.date {
        (fact, event, date.coveredDays)
      } else {
        nil
      }
    }.sorted {
      ($0.days.upperBound, $0.days.lowerBound, $0.fact.id)
        < ($1.days.upperBound, $1.days.lowerBound, $1.fact.id)
    }
    var run: [(fact: Fact, event: Fact.Event)] = []
    var lastDay = Int.min
    for item in events where item.days.lowerBound > lastDay {
      run.append((item.fact, item.event))
      lastDay = item.days.upperBound
    }
    return run
  }

  /// `ceil(n / 5)` chunks, the j-th taking items j, j + k, j + 2k…; none when n < 3.
  static func chunks<T>(_ items: [T]) -> [[T]] {
    guard items.count >= smallestGroup else { return [] }
    let count = (items.count + largestGroup - 1) / largestGroup
    return (0..<count).map { start in
      stride(from: start, to: items.count, by: count).map { items[$0] }
    }
  }

  /// How an event is named in a list: its name, or its clause.
  static func label(_ event: Fact.Event) -> String {
    English.capitalizingFirst(event.name ?? event.what)
  }

  private func orderQuestion(_ chunk: [(fact: Fact, event: Fact.Event)], id: String)
    -> SpanningQuestion?
  {
    let labels = chunk.map { Self.label($0.event) }
    guard Set(labels).count == labels.count, let first = chunk.first else { return nil }
    var random = randomness(for: id)
    var shown = random.shuffled(labels)
    if shown == labels { shown = Array(shown.dropFirst()) + [labels[0]] }
    let order = labels.compactMap { shown.firstIndex(of: $0) }
    let steps = chunk.map {
      "\($0.event.name ?? $0.event.what) (\($0.event.date?.formatted ?? ""))"
    }
    let question = Question(
      id: id, kind: .order, prompt: "Put these events in order, earliest first.", options: shown,
      expected: .order(order), fact: first.fact.id,
      explanation: English.sentence("Earliest first: " + steps.joined(separator: "; ")),
      template: .order)
    return SpanningQuestion(question: question, members: chunk.map(\.fact.id))
  }

  private func dateMatch(_ chunk: [(fact: Fact, event: Fact.Event)], id: String)
    -> SpanningQuestion?
  {
    let labels = chunk.map { Self.label($0.event) }
    guard Set(labels).count == labels.count else { return nil }
    let pairs = chunk.map {
      MatchPair(
        fact: $0.fact, item: Self.label($0.event), match: $0.event.date?.formatted ?? "",
        told: "\($0.event.name ?? $0.event.what) (\($0.event.date?.formatted ?? ""))")
    }
    return matchQuestion(
      pairs, id: id, template: .matchDates, prompt: "Match each event with its date.")
  }

  private func matchQuestion(
    _ pairs: [MatchPair], id: String, template: QuestionTemplate,
    prompt: String
  ) -> SpanningQuestion {
    var random = randomness(for: id)
    let items = random.shuffled(pairs)
    let options = random.shuffled(pairs.map(\.match))
    let answer = items.compactMap { pair in options.firstIndex(of: pair.match) }
    let explanation = English.sentence(pairs.map(\.told).joined(separator: "; "))
    let question = Question(
      id: id, kind: .match, prompt: prompt, options: options, matchItems: items.map(\.item),
      expected: .match(answer), fact: pairs.first?.fact.id ?? "", explanation: explanation,
      template: template)
    return SpanningQuestion(question: question, members: pairs.map(\.fact.id))
  }

  /// People whose role names them alone: not shared, not "one of…", and not naming another
  /// person of the tag.
  private static func matchablePeople(_ facts: [Fact]) -> [MatchPair] {
    let people = facts.compactMap { fact -> (Fact, Fact.Person)? in
      if case .person(let person) = fact.content { (fact, person) } else { nil }
    }
    var roleCounts: [String: Int] = [:]
    // Each person's names by their first word, so a role is checked only against the names
    // whose first word it contains.
    var byFirstWord: [String: [String]] = [:]
    for (fact, person) in people {
      roleCounts[English.folded(person.role), default: 0] += 1
      for name in fact.names {
        let first = English.words(of: name).first ?? ""
        byFirstWord[first, default: []].append(name)
      }
    }
    return people.compactMap { fact, person in
      let role = English.folded(person.role)
      let probe = TextProbe(person.role)
      let namesRole = probe.words.contains { probe.mentionsAny(byFirstWord[$0] ?? []) }
      guard roleCounts[role] == 1, !role.hasPrefix("one of "), !namesRole else { return nil }
      return MatchPair(
        fact: fact, item: person.name, match: English.capitalizingFirst(person.role),
        told: "\(person.name) was \(person.role)")
    }
  }

  /// Places with a sentence that only they complete and that names no other place of the tag.
  private func matchablePlaces(_ facts: [Fact], _ sole: [Int: [SoleSentence]]) -> [MatchPair] {
    // The deck's own place ("Cannae" in a deck about Cannae) is matched on sight.
    let places = facts.filter { fact in
      guard case .place(let place) = fact.content else { return false }
      let words = English.words(of: English.folded(place.name))
      return !index.subjectNames.contains(words.joined(separator: " "))
    }
    var byFirstWord: [String: [(id: String, name: String)]] = [:]
    for place in places {
      for name in place.names {
        let first = English.words(of: name).first ?? ""
        byFirstWord[first, default: []].append((place.id, name))
      }
    }
    return places.compactMap { fact in
      guard case .place(let place) = fact.content, let position = index.factPosition[fact.id]
      else { return nil }
      for candidate in sole[position] ?? []
      where !Self.namesAnother(candidate.probe, than: fact.id, byFirstWord) {
        let sentence = candidate.sentence
        return MatchPair(
          fact: fact, item: place.name, match: candidate.blanked,
          told: String(sentence.dropLast(sentence.hasSuffix(".") ? 1 : 0)))
      }
      return nil
    }
  }

  /// A known-for sentence that only its own place completes, ready to search for other names.
  struct SoleSentence {
    var sentence: String
    var blanked: String
    var probe: TextProbe
  }

  /// Every place's sole sentences, by position: worked out once, not once per tag.
  private func soleSentences() -> [Int: [SoleSentence]] {
    var result: [Int: [SoleSentence]] = [:]
    for (position, blankedKnownFor) in index.blankedKnownFor {
      guard case .place(let place) = deck.facts[position].content else { continue }
      for (sentence, blanked) in zip(place.knownFor, blankedKnownFor) {
        guard let blanked, owners(ofBlanked: blanked).allSatisfy({ $0 == position }) else {
          continue
        }
        result[position, default: []].append(
          SoleSentence(sentence: sentence, blanked: blanked, probe: TextProbe(blanked)))
      }
    }
    return result
  }

  /// Whether the text names one of the places other than `id`.
  private static func namesAnother(
    _ probe: TextProbe, than id: String, _ byFirstWord: [String: [(id: String, name: String)]]
  ) -> Bool {
    probe.words.contains { word in
      (byFirstWord[word] ?? []).contains { $0.id != id && probe.mentions($0.name) }
    }
  }
}
