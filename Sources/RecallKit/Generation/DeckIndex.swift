/// Look-up tables over one deck, built once, so that choosing distractors for a 10,000-fact deck
/// does not scan the deck for every question.
struct DeckIndex: Sendable {
  /// One date of the deck, keyed for nearest-neighbour search.
  struct DatedFact: Sendable {
    var firstDay: Int
    var date: HistoricalDate
  }

  var factPosition: [String: Int] = [:]
  /// Each place's known-for sentences with the place blanked (nil where a sentence does not
  /// name it), by position.
  var blankedKnownFor: [Int: [String?]] = [:]
  /// Each person's or group's role, folded and ready to search, by position.
  var roles: [(folded: String, probe: TextProbe)?] = []
  /// The kind of each person's role (see `RoleKind`), by position; nil for other facts.
  var roleKinds: [RoleKind?] = []
  /// Each fact's names folded (display name first), by position; empty for unnamed kinds.
  var foldedNames: [[String]] = []
  /// Place fact positions by folded type ("village").
  var placesByType: [String: [Int]] = [:]
  var persons: [Int] = []
  var personsByAffiliation: [String: [Int]] = [:]
  var units: [Int] = []
  var organizations: [Int] = []
  /// Places, people, units and organizations by every folded name and alias.
  var entityByName: [String: Int] = [:]
  /// How many people share each folded role: a shared role cannot identify one person.
  var roleCounts: [String: Int] = [:]
  /// People by folded role, in deck order, for roles several of them share.
  var personsByRole: [String: [Int]] = [:]
  /// Places that appear together in some event: never distractors for each other, since a
  /// sentence true of one is often true of the other.
  var coPlaces: [String: Set<String>] = [:]
  /// For each folded known-for sentence with its place blanked, the places it is true of, word
  /// for word or nearly so. Worked out once per distinct sentence: templated decks repeat them.
  var blankedSentenceOwners: [String: Set<Int>] = [:]
  /// The content words of each place's known-for sentences, its own name blanked.
  var placeSentenceWords: [Int: [Set<String>]] = [:]
  /// Each known-for sentence's place and number of content words, by sentence number.
  var sentencePlaces: [(place: Int, wordCount: Int)] = []
  /// For each content word, the known-for sentences that use it.
  var wordPostings: [String: [Int]] = [:]
  /// Dates of events and quantities by shape, sorted by first day.
  var datesByShape: [String: [DatedFact]] = [:]
  /// Every figure in the deck (quantities, sizes), sorted by value.
  var numbers: [NumberValue] = []
  /// Folded names of what the deck is about (see `subjectNames(of:foldedNames:)`).
  var subjectNames: Set<String> = []
  /// Every folded affiliation a person or group has: the sides the deck knows of.
  var affiliations: Set<String> = []

  init(deck: Deck) {
    for (position, fact) in deck.facts.enumerated() {
      factPosition[fact.id] = position
      foldedNames.append(fact.names.map(English.folded))
      let role: String? =
        switch fact.content {
        case .person(let person): person.role
        case .group(let group): group.role
        default: nil
        }
      roles.append(role.map { (English.folded($0), TextProbe($0)) })
      if case .person(let person) = fact.content {
        roleKinds.append(RoleKind(role: person.role))
      } else {
        roleKinds.append(nil)
      }
      for name in fact.names where entityByName[English.folded(name)] == nil {
        entityByName[English.folded(name)] = position
      }
      switch fact.content {
      case .place(let place):
        placesByType[English.folded(place.type), default: []].append(position)
        let blankedSentences = place.knownFor.map {
          English.replacing(fact.blankTerms, with: English.blank, in: $0)
        }
        blankedKnownFor[position] = blankedSentences
        for blanked in blankedSentences {
          guard let blanked else { continue }
          blankedSentenceOwners[English.folded(blanked), default: []].insert(position)
          let words = Self.contentWords(blanked)
          placeSentenceWords[position, default: []].append(words)
          for word in words { wordPostings[word, default: []].append(sentencePlaces.count) }
          sentencePlaces.append((position, words.count))
        }
      case .person(let person):
        persons.append(position)
        if let side = person.affiliation { affiliations.insert(English.folded(side)) }
        personsByAffiliation[English.folded(person.affiliation ?? ""), default: []]
          .append(position)
        roleCounts[English.folded(person.role), default: 0] += 1
        personsByRole[English.folded(person.role), default: []].append(position)
      case .group(let group):
        if group.isUnit { units.append(position) } else { organizations.append(position) }
        if let side = group.affiliation { affiliations.insert(English.folded(side)) }
        if let size = group.size { numbers.append(size) }
      case .event(let event):
        if let date = event.date { addDate(date) }
        for place in event.places {
          coPlaces[place, default: []].formUnion(event.places.filter { $0 != place })
        }
      case .quantity(let quantity):
        numbers.append(quantity.value)
        if let date = quantity.date { addDate(date) }
      case .statement:
        break
      }
    }
    for (sentence, owners) in blankedSentenceOwners {
      blankedSentenceOwners[sentence] = owners.union(
        places(withSentenceSimilarTo: Self.contentWords(sentence)))
    }
    for shape in datesByShape.keys {
      datesByShape[shape]?.sort {
        ($0.firstDay, $0.date.formatted) < ($1.firstDay, $1.date.formatted)
      }
    }
    numbers.sort { ($0.low, $0.high) < ($1.low, $1.high) }
    subjectNames = Self.subjectNames(of: deck, foldedNames: foldedNames)
    personsByRole = personsByRole.filter { $0.value.count > 1 }
  }

  /// The side a participant stood on, as far as the deck tells it (folded): its affiliation,
  /// followed up a few steps ("B-59" → "Soviet Navy" → "Soviet Union"), or the participant
  /// itself when it is a side others belong to; nil when the deck does not say.
  func side(of participant: String, in deck: Deck) -> String? {
    var current = English.folded(participant)
    var known = affiliations.contains(current)
    for _ in 0..<4 {
      guard let position = entityByName[current] else { break }
      let affiliation: String? =
        switch deck.facts[position].content {
        case .person(let person): person.affiliation
        case .group(let group): group.affiliation
        default: nil
        }
      guard let affiliation else { break }
      current = English.folded(affiliation)
      known = true
    }
    return known ? current : nil
  }

  /// Share of facts that must mention a name for it to be what the deck is about.
  static let subjectShare = 0.3
  /// Facts read to measure that share; larger decks are sampled evenly, so the cost stays flat.
  static let subjectSample = 2_000

  /// The names (folded, also without generic words such as "region") of what the deck is
  /// about: a place, person or group its title names, or one that nearly every fact mentions
  /// ("the KLA" in a deck about the KLA's offensive). A blank whose answer is one of these tests
  /// nothing.
  static func subjectNames(of deck: Deck, foldedNames: [[String]]) -> Set<String> {
    func core(_ folded: String) -> String {
      English.words(of: folded).filter { !QuestionLinter.genericWords.contains($0) }
        .joined(separator: " ")
    }
    let title = " " + English.words(of: English.folded(deck.title)).joined(separator: " ") + " "
    var result: Set<String> = []
    func add(_ names: [String]) {
      for name in names {
        result.insert(English.words(of: name).joined(separator: " "))
        let bare = core(name)
        if !bare.isEmpty { result.insert(bare) }
      }
    }
    let named = properTitleWords(of: deck.title)
    for (position, names) in foldedNames.enumerated() {
      guard let first = names.first else { continue }
      let bare = core(first)
      if !bare.isEmpty, title.contains(" " + bare + " ") {
        add(names)
      } else if case .place = deck.facts[position].content,
        English.words(of: bare).contains(where: named.contains)
      {
        // A place named after the title's place ("West Berlin" in "The Berlin Airlift"): the
        // title already says where the deck is.
        add(names)
      }
    }
    let stride = Swift.max(1, deck.facts.count / subjectSample)
    let sampled = (deck.facts.count + stride - 1) / stride
    guard sampled >= 12 else { return result }
    var candidates: [String: Int] = [:]
    for names in foldedNames {
      for name in names {
        for word in English.words(of: core(name)) { candidates[word] = 0 }
      }
    }
    guard !candidates.isEmpty else { return result }
    for position in Swift.stride(from: 0, to: deck.facts.count, by: stride) {
      var seen: Set<String> = []
      for text in deck.facts[position].texts {
        for word in English.words(of: text) where candidates[word] != nil { seen.insert(word) }
      }
      for word in seen { candidates[word, default: 0] += 1 }
    }
    let needed = Int((Double(sampled) * subjectShare).rounded(.up))
    for names in foldedNames {
      let frequent = names.contains { name in
        let words = English.words(of: core(name))
        return !words.isEmpty && words.allSatisfy { candidates[$0, default: 0] >= needed }
      }
      if frequent { add(names) }
    }
    return result
  }

  /// The title's words written with a capital that are neither generic ("Region") nor small
  /// words ("The"), folded: the names it contains.
  static func properTitleWords(of title: String) -> Set<String> {
    var result: Set<String> = []
    for word in title.split(whereSeparator: { !$0.isLetter }) where word.first?.isUppercase == true
    {
      let folded = English.folded(String(word))
      if !stopWords.contains(folded), !QuestionLinter.genericWords.contains(folded) {
        result.insert(folded)
      }
    }
    return result
  }

  private mutating func addDate(_ date: HistoricalDate) {
    datesByShape[date.shape, default: []].append(
      DatedFact(firstDay: date.coveredDays.lowerBound, date: date))
  }

  /// The deck's dates of this shape nearest to `day`, closest first, at most `limit`.
  func nearestDates(shape: String, to day: Int, within window: Int, limit: Int)
    -> [HistoricalDate]
  {
    guard let list = datesByShape[shape], !list.isEmpty else { return [] }
    var upper = lowerBound(list.count) { list[$0].firstDay < day }
    var lower = upper - 1
    var found: [HistoricalDate] = []
    while found.count < limit {
      let below = lower >= 0 ? day - list[lower].firstDay : Int.max
      let above = upper < list.count ? list[upper].firstDay - day : Int.max
      let distance = Swift.min(below, above)
      guard distance <= window else { break }
      if below <= above {
        found.append(list[lower].date)
        lower -= 1
      } else {
        found.append(list[upper].date)
        upper += 1
      }
    }
    return found
  }

  /// The deck's figures between `low` and `high`, nearest to `around` first, at most `limit`.
  func nearestNumbers(around value: Double, from low: Double, to high: Double, limit: Int)
    -> [NumberValue]
  {
    var upper = lowerBound(numbers.count) { numbers[$0].low < value }
    var lower = upper - 1
    var found: [NumberValue] = []
    while found.count < limit {
      let below = lower >= 0 && numbers[lower].low >= low ? value - numbers[lower].low : .infinity
      let above =
        upper < numbers.count && numbers[upper].low <= high ? numbers[upper].low - value : .infinity
      if below == .infinity && above == .infinity { break }
      if below <= above {
        found.append(numbers[lower])
        lower -= 1
      } else {
        found.append(numbers[upper])
        upper += 1
      }
    }
    return found
  }

  private static let stopWords: Set<String> = [
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "but",
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "it", "its", "their", "there",
    "that", "which", "who", "as", "from", "into", "than", "then", "once", "only", "also",
  ]

  private static let dateWords = Set(HistoricalDate.monthNames.map { $0.lowercased() })

  /// The sentence's words that carry meaning, folded, for comparing paraphrases. Dates are left
  /// out: two sentences that share only a date say different things.
  static func contentWords(_ sentence: String) -> Set<String> {
    let words = English.words(of: English.folded(sentence))
    return Set(
      words.filter {
        !stopWords.contains($0) && !dateWords.contains($0) && !$0.allSatisfy(\.isNumber)
      })
  }

  static let similarity = 0.33

  /// Two sentences say nearly the same when a third of their content words are shared.
  static func isSimilar(_ lhs: Set<String>, _ rhs: Set<String>) -> Bool {
    let shared = lhs.reduce(0) { rhs.contains($1) ? $0 + 1 : $0 }
    let union = lhs.count + rhs.count - shared
    return union > 0 && Double(shared) / Double(union) >= similarity
  }

  /// The places with a known-for sentence that nearly says `words`.
  func places(withSentenceSimilarTo words: Set<String>) -> Set<Int> {
    // Counting in an array, not a dictionary: common words have long posting lists.
    var shared = [Int32](repeating: 0, count: sentencePlaces.count)
    var touched: [Int] = []
    for word in words {
      for sentence in wordPostings[word] ?? [] {
        if shared[sentence] == 0 { touched.append(sentence) }
        shared[sentence] += 1
      }
    }
    var result: Set<Int> = []
    for sentence in touched {
      let count = Int(shared[sentence])
      let (place, size) = sentencePlaces[sentence]
      if Double(count) / Double(size + words.count - count) >= Self.similarity {
        result.insert(place)
      }
    }
    return result
  }

  /// Whether one of the place's known-for sentences nearly says `words`.
  func hasSentence(similarTo words: Set<String>, place: Int) -> Bool {
    (placeSentenceWords[place] ?? []).contains { Self.isSimilar($0, words) }
  }

  /// The first index in `0..<count` for which `isBefore` is false (binary search).
  private func lowerBound(_ count: Int, _ isBefore: (Int) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isBefore(middle) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

extension Fact {
  /// The names a place, person, unit or organization answers to; empty for other kinds.
  var names: [String] {
    switch content {
    case .place(let place): [place.name] + place.aliases
    case .person(let person): [person.name] + person.aliases
    case .group(let group): [group.name] + (group.nickname.map { [$0] } ?? []) + group.aliases
    default: []
    }
  }

  /// The names to blank in a sentence, without a leading "the": the sentence keeps its article,
  /// so another name can fill the blank.
  var blankTerms: [String] {
    var seen: Set<String> = []
    return names.map { name in
      name.lowercased().hasPrefix("the ") ? String(name.dropFirst(4)) : name
    }.filter { seen.insert(English.folded($0)).inserted }
  }

  /// The fact's wording, for measuring how often a name comes up.
  var texts: [String] {
    switch content {
    case .event(let event):
      [event.name, event.what, event.outcome, event.casualties].compactMap { $0 }
        + event.participants
    case .person(let person): [person.name, person.role, person.affiliation ?? ""]
    case .group(let group): [group.name, group.role ?? "", group.affiliation ?? ""]
    case .place(let place): [place.name, place.region ?? ""] + place.knownFor
    case .quantity(let quantity): [quantity.howMany]
    case .statement(let statement): [statement.text]
    }
  }

  /// The name shown for a place, person, unit or organization.
  var displayName: String? {
    switch content {
    case .place(let place): place.name
    case .person(let person): person.name
    case .group(let group): group.name
    default: nil
    }
  }
}
