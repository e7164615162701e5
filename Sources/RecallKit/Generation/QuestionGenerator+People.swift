/// Questions about people, units and organizations: who fits a role, what a name stands for,
/// other names, and sizes.
extension QuestionGenerator {
  func personQuestions(_ fact: Fact, _ person: Fact.Person) -> [Question] {
    var result: [Question] = []
    let aliases = Self.distinctiveAliases(of: person.name, person.aliases)
    let explanation = explanation(
      fact,
      [
        aliases.isEmpty
          ? "\(person.name) was \(person.role)"
          : "\(person.name), also known as \(Self.list(Self.shortest(aliases))), was \(person.role)"
      ])
    let roleKey = English.folded(person.role)
    let roleNamesSelf = fact.names.contains { English.mentions($0, in: person.role) }
    let whoPrompt = English.question("Who was \(English.definite(person.role))")

    let roleIsOwn = !roleNamesSelf && index.roleCounts[roleKey, default: 0] == 1
    if roleIsOwn && !roleKey.hasPrefix("one of ") {
      result.append(
        make(
          fact, .nameShort, .short, prompt: whoPrompt, expected: .text(fact.names),
          explanation: explanation))
    }
    var random = randomness(fact, .nameChoice)
    let roleProbe = TextProbe(person.role)
    let affiliation = English.folded(person.affiliation ?? "")
    // A role several people share would give the same question to each of them.
    if roleIsOwn,
      let wrong = pickFacts(
        from: [index.personsByAffiliation[affiliation] ?? [], index.persons],
        answerNames: fact.names, using: &random,
        accept: { candidate in
          guard case .person(let other) = candidate.content else { return false }
          return English.folded(other.role) != roleKey
            && !roleProbe.mentionsAny(candidate.names)
        })
    {
      result.append(
        makeChoice(
          fact, .nameChoice, prompt: whoPrompt, answer: person.name,
          distractors: wrong.map(\.displayName).compactMap { $0 }, explanation: explanation,
          using: &random))
    }
    // A role several people share would be the right option for each of them.
    let shared = Self.isSharedRole(roleKey, index: index)
    random = randomness(fact, .roleChoice)
    let otherRoles =
      shared
      ? nil
      : roles(among: index.persons, excluding: fact, answerRole: person.role, using: &random)
    if let otherRoles {
      result.append(
        makeChoice(
          fact, .roleChoice, prompt: English.question("Who was \(person.name)"),
          answer: English.capitalizingFirst(person.role),
          distractors: otherRoles.map(English.capitalizingFirst), explanation: explanation,
          using: &random))
    }
    if !aliases.isEmpty {
      result.append(
        make(
          fact, .aliasShort, .short,
          prompt: English.question("By what other name was \(person.name) known"),
          expected: .text(Self.aliasAnswers(aliases, all: person.aliases)),
          explanation: explanation))
    }
    random = randomness(fact, .truefalse)
    let swapped = shared ? nil : swappedRole(for: fact, person, using: &random)
    if let question = membersQuestion(fact, person, explanation: explanation) {
      result.append(question)
    }
    if let question = makeTrueFalse(
      fact, trueStatement: "\(person.name) was \(person.role)",
      falseStatement: swapped.map { "\(person.name) was \($0)" }, explanation: explanation,
      using: &random)
    {
      result.append(question)
    }
    return result
  }

  /// Most people a "Name one of…" question lists as its answers.
  static let largestMembership = 12

  /// "Name one of the nine people who received the Hero of Kosovo order…": the recall question
  /// for people who share a role, made once, on the first of them in the deck; any of their
  /// names is right.
  func membersQuestion(_ fact: Fact, _ person: Fact.Person, explanation: String) -> Question? {
    let role = English.trimmed(person.role)
    guard let members = index.personsByRole[English.folded(role)],
      members.count <= Self.largestMembership, members.first == index.factPosition[fact.id]
    else { return nil }
    let lowered = role.lowercased()
    let prompt: String
    let described: String
    if lowered.hasPrefix("one of ") {
      prompt = "Name " + role + "."
      described = String(role.dropFirst("one of ".count))
    } else if lowered.hasPrefix("a ") || lowered.hasPrefix("an ") {
      prompt = "Name " + role + "."
      described = "each " + role.drop { $0 != " " }.dropFirst()
    } else {
      return nil
    }
    let people = members.map { deck.facts[$0] }
    let names = people.compactMap(\.displayName)
    let told = "\(Self.list(names)) were \(described)"
    return make(
      fact, .membersShort, .short, prompt: English.capitalizingFirst(prompt),
      expected: .text(people.flatMap(\.names)), explanation: self.explanation(fact, [told]))
  }

  func groupQuestions(_ fact: Fact, _ group: Fact.Group) -> [Question] {
    var result: [Question] = []
    let prose = Self.prose(group)
    let verb = Self.isPlural(group.name) ? "were" : "was"
    let aliases = Self.distinctiveAliases(of: group.name, group.aliases)
    var known = aliases
    if let nickname = group.nickname { known.insert(nickname, at: 0) }
    let subject =
      known.isEmpty ? prose : "\(prose), also known as \(Self.list(Self.shortest(known))),"
    let kindWord = group.isUnit ? "unit" : "organization"
    // An unnamed group's name is its role: it is described by its size alone, with the role
    // as the subject, never as "the role was the role".
    let description: String? =
      !group.isNamed
      ? nil
      : group.role.map { "\(subject) \(verb) \($0)" }
        ?? "\(subject) \(verb) \(English.indefiniteArticle(before: kindWord)) \(kindWord)"
        + (group.affiliation.map { " of the \($0)" } ?? "")
    let sizeSentence = group.size.map { size -> String in
      let had = "had \(size.description) \(group.sizeUnit ?? "members")"
      guard group.isNamed else {
        let named = English.capitalizingFirst(prose)
        return (named.contains(", ") ? named + "," : named) + " " + had
      }
      return "\(Self.isPlural(group.name) ? "They" : "It") \(had)"
    }
    let explanation = explanation(fact, [description, sizeSentence])

    if let role = group.role, !fact.names.contains(where: { English.mentions($0, in: role) }) {
      // "the fyrd", "the housecarls" are words for a kind of force, not names: ask what they
      // were called.
      let bareName = Self.withoutArticle(group.name)
      let isCommonNoun = bareName.first?.isLowercase == true
      let roleVerb = Self.isPluralRole(role) ? "were" : "was"
      let prompt =
        isCommonNoun
        ? English.question("What \(roleVerb) \(English.definite(role)) called")
        : English.question("What was the name of \(English.definite(role))")
      let roleProbe = TextProbe(role)
      let head = Self.headNoun(of: role)
      result.append(
        make(
          fact, .nameShort, .short, prompt: prompt, expected: .text(fact.names),
          explanation: explanation))
      var random = randomness(fact, .nameChoice)
      let (same, other) =
        group.isUnit
        ? (index.units, index.organizations) : (index.organizations, index.units)
      // Options of the same kind only: brigades for a brigade, missions for a mission.
      _ = other
      if let wrong = pickFacts(
        from: [same], answerNames: fact.names, using: &random,
        accept: { candidate in
          guard case .group(let other) = candidate.content, let otherRole = other.role else {
            return false
          }
          return Self.headNoun(of: otherRole) == head && !roleProbe.mentionsAny(candidate.names)
        })
      {
        result.append(
          makeChoice(
            fact, .nameChoice, prompt: prompt, answer: English.capitalizingFirst(group.name),
            distractors: wrong.compactMap(\.displayName).map(English.capitalizingFirst),
            explanation: explanation, using: &random))
      }
    }
    if let nickname = group.nickname {
      result.append(
        make(
          fact, .nicknameShort, .short,
          prompt: English.question("By what name \(verb) \(prose) also known"),
          expected: .text([nickname]), explanation: explanation))
    }
    if !aliases.isEmpty {
      result.append(
        make(
          fact, .aliasShort, .short,
          prompt: English.question("By what other name \(verb) \(prose) known"),
          expected: .text(Self.aliasAnswers(aliases, all: group.aliases)),
          explanation: explanation))
    }
    if let size = group.size {
      let unit = group.sizeUnit ?? "members"
      // "…did Henry V's army at Agincourt, in which archers outnumbered…, have?" loses its
      // reader: the question names the group without the clause that describes it.
      let prompt = English.question(
        "\(Self.howMany(size)) \(unit) did \(Self.withoutDescribingClause(prose)) have")
      result.append(
        make(
          fact, .sizeNumeric, .numeric, prompt: prompt, expected: .number(size),
          explanation: explanation))
      var random = randomness(fact, .sizeChoice)
      if let wrong = numberDistractors(for: size, using: &random) {
        result.append(
          makeChoice(
            fact, .sizeChoice, prompt: prompt, answer: size.description,
            distractors: wrong.map(\.description), explanation: explanation, using: &random))
      }
    }
    if let role = group.role {
      var random = randomness(fact, .truefalse)
      let swapped = roles(
        among: index.units + index.organizations, excluding: fact, answerRole: role,
        using: &random)?.first
      if let question = makeTrueFalse(
        fact, trueStatement: "\(prose) \(verb) \(role)",
        falseStatement: swapped.map { "\(prose) \(verb) \($0)" }, explanation: explanation,
        using: &random)
      {
        result.append(question)
      }
    }
    return result
  }

  /// Three roles of other people (or groups) that differ from the answer's and from one another
  /// by more than a name, and do not name the fact itself, which would give the answer away.
  /// "One of the nine…" roles and roles several people share are left out: they may be true of
  /// this person too.
  private func roles(
    among pool: [Int], excluding fact: Fact, answerRole: String,
    using random: inout SeededGenerator
  ) -> [String]? {
    let answerKey = English.folded(answerRole)
    let nameWords = Self.nameWords(of: fact)
    var chosenWords = [DeckIndex.contentWords(answerRole)]
    let picked = pickFacts(
      from: [pool], answerNames: fact.names, using: &random,
      distinctBy: { position in index.roles[position]?.folded ?? "" }
    ) { candidate in
      guard let position = index.factPosition[candidate.id],
        let role = otherRole(at: position, than: answerKey, of: fact, nameWords: nameWords)
      else { return false }
      let words = DeckIndex.contentWords(role.folded)
      guard !chosenWords.contains(where: { Self.nearlySame($0, words) }) else { return false }
      chosenWords.append(words)
      return true
    }
    return picked?.compactMap { candidate in
      switch candidate.content {
      case .person(let person): person.role
      case .group(let group): group.role
      default: nil
      }
    }
  }

  /// The role at `position` when it may stand for another's: not the answer's, not shared, and
  /// naming neither the fact nor its names' words.
  private func otherRole(
    at position: Int, than answerKey: String, of fact: Fact, nameWords: Set<String>
  ) -> (folded: String, probe: TextProbe)? {
    guard let role = index.roles[position], role.folded != answerKey,
      !Self.isSharedRole(role.folded, index: index), !role.probe.mentionsAny(fact.names),
      role.probe.words.isDisjoint(with: nameWords)
    else { return nil }
    return role
  }

  /// Another person's role to make the false statement "X was <role>" of: one this person could
  /// have held (`RoleKind.couldHold`: a king is not offered a pope's role, nor a man a role that
  /// says "she"), and not the person's own in other words. Nil when no such role exists, and
  /// then no statement is made.
  private func swappedRole(
    for fact: Fact, _ person: Fact.Person, using random: inout SeededGenerator
  ) -> String? {
    let own = RoleKind(person)
    guard !own.kinds.isEmpty else { return nil }
    let answerKey = English.folded(person.role)
    let nameWords = Self.nameWords(of: fact)
    let ownWords = DeckIndex.contentWords(person.role)
    let taken = Set(fact.names.map(English.folded))
    func fits(_ position: Int) -> Bool {
      guard let kind = index.roleKinds[position], own.couldHold(kind),
        !index.foldedNames[position].contains(where: taken.contains),
        let role = otherRole(at: position, than: answerKey, of: fact, nameWords: nameWords)
      else { return false }
      return !Self.nearlySame(ownWords, DeckIndex.contentWords(role.folded))
    }
    let pool = index.persons
    let sampled =
      pool.count <= Self.swapScanLimit
      ? random.shuffled(pool)
      : (0..<Self.swapScanLimit).map { _ in pool[random.next(below: pool.count)] }
    // A sample of a large deck can miss; the first people of the deck then decide, whatever
    // the seed (a bounded scan: a role like no other's would otherwise scan every person).
    guard
      let position = sampled.first(where: fits)
        ?? pool.prefix(Self.swapScanLimit * 4).first(where: fits),
      case .person(let other) = deck.facts[position].content
    else { return nil }
    return other.role
  }

  /// People sampled for a swapped role before the whole deck is scanned.
  private static let swapScanLimit = 64

  /// Roles that tell no one apart: "one of…", or the same words for several people.
  static func isSharedRole(_ folded: String, index: DeckIndex) -> Bool {
    folded.hasPrefix("one of ") || index.roleCounts[folded, default: 0] > 1
  }

  /// Two descriptions that share most of their words say the same with a name changed.
  static func nearlySame(_ lhs: Set<String>, _ rhs: Set<String>) -> Bool {
    let shared = lhs.intersection(rhs).count
    let union = lhs.count + rhs.count - shared
    return union > 0 && Double(shared) / Double(union) >= 0.5
  }

  /// Words of a name that are titles, shared with many roles ("Commander Leka", "the
  /// commander who…").
  static let titleWords: Set<String> = [
    "the", "and", "king", "queen", "saint", "lord", "lady", "sir", "commander", "president",
    "general", "captain", "colonel", "major", "bishop", "pope", "emperor", "empress", "prince",
    "princess", "duke", "duchess", "count", "earl", "baron", "archbishop", "admiral", "marshal",
    "chief", "sultan", "tsar", "czar", "khan", "shah", "mrs", "miss",
  ]

  /// The distinctive words of a fact's names ("william", "conqueror"), so that a role naming
  /// the person ("the archbishop who crowned William") is never offered as theirs.
  static func nameWords(of fact: Fact) -> Set<String> {
    Set(
      fact.names.flatMap { English.words(of: $0) }.filter {
        $0.count >= 3 && !titleWords.contains($0)
      })
  }

  static func withoutArticle(_ name: String) -> String {
    name.lowercased().hasPrefix("the ") ? String(name.dropFirst(4)) : name
  }

  /// The noun a description is about: "the KLA brigade that ran operations…" → "brigade",
  /// "a European Union mission to Kosovo" → "mission". Plurals are made singular.
  static func headNoun(of role: String) -> String {
    let stops: Set<String> = [
      "that", "which", "who", "whose", "of", "in", "at", "on", "for", "with", "from", "to", "by",
      "during", "under", "throughout", "raised", "called", "known", "set", "formed", "led",
    ]
    var head = ""
    for word in role.split(separator: " ") {
      let bare = English.folded(String(word.filter { $0.isLetter || $0 == "-" }))
      if stops.contains(bare) { break }
      head = bare
      if word.hasSuffix(",") { break }
    }
    if head.hasSuffix("ies") { return head.dropLast(3) + "y" }
    if head.hasSuffix("s") && !head.hasSuffix("ss") { return String(head.dropLast()) }
    return head
  }

  /// Whether the description's head noun is plural ("the household warriors who…").
  static func isPluralRole(_ role: String) -> Bool {
    let stops: Set<String> = ["that", "which", "who", "whose", "of", "in", "at", "on", "for"]
    var head = ""
    for word in role.split(separator: " ") {
      let bare = English.folded(String(word.filter { $0.isLetter }))
      if stops.contains(bare) { break }
      head = bare
    }
    return head.hasSuffix("s") && !head.hasSuffix("ss")
  }

  /// "How many", or with the figure's qualifier in front: "About how many", and for a bound
  /// "Over how many" (the bound is stated and the figure asked: a bare "How many…? — over 100"
  /// would make every lower figure a true answer).
  static func howMany(_ value: NumberValue) -> String {
    switch value.qualifier {
    case .exact: "How many"
    case .about: "About how many"
    case .over: "Over how many"
    case .under: "Under how many"
    case .atLeast: "At least how many"
    case .atMost: "At most how many"
    }
  }

  /// Whether a question's prompt states `value`'s bound itself ("Over how many…?"), so that the
  /// bare figure answers it.
  public static func promptStatesBound(_ prompt: String, of value: NumberValue) -> Bool {
    guard value.isLowerBound || value.isUpperBound else { return false }
    return prompt.hasPrefix(howMany(value) + " ")
  }

  /// Aliases that are another name, not a form of this one ("Commander Leka" for Nusret Ibishi,
  /// "Augustus" for Octavian; not "Thaci", "JFK", "King Harold", "Marcus Antonius"): only these
  /// are worth asking for (see `NameForms`).
  static func distinctiveAliases(of name: String, _ aliases: [String]) -> [String] {
    aliases.filter { !NameForms.areFormsOfOneName($0, name) }
  }

  /// The answers to "By what other name…?": the other names first (the first is shown), then the
  /// forms of the name, which a learner may fairly give too.
  static func aliasAnswers(_ distinctive: [String], all aliases: [String]) -> [String] {
    distinctive + aliases.filter { !distinctive.contains($0) }
  }

  /// The aliases worth naming in a sentence: "Commander Leka" but not also "Leka", "KLA" but
  /// not also "the KLA".
  static func shortest(_ aliases: [String]) -> [String] {
    func bare(_ alias: String) -> String {
      let folded = English.folded(alias)
      return folded.hasPrefix("the ") ? String(folded.dropFirst(4)) : folded
    }
    var kept: [String] = []
    for alias in aliases {
      let key = bare(alias)
      let covered = aliases.contains { other in
        let otherKey = bare(other)
        return otherKey != key && English.mentions(key, in: otherKey)
      }
      if !covered && !kept.contains(where: { bare($0) == key }) { kept.append(alias) }
    }
    return kept
  }

  /// A group's name as it reads in a sentence, with "the" where English wants one: the author's
  /// own "the …" alias decides, else names ending in words such as "Army" or "Mission" get it.
  static func prose(_ group: Fact.Group) -> String {
    let name = group.name
    if name.lowercased().hasPrefix("the ") { return name }
    if group.aliases.contains(where: { English.folded($0) == "the " + English.folded(name) }) {
      return "the " + name
    }
    let last = name.split(separator: " ").last.map(String.init) ?? ""
    return theWords.contains(last) ? "the " + name : name
  }

  private static let theWords: Set<String> = [
    "Army", "Mission", "Union", "Organization", "Organisation", "Council", "Party", "Front",
    "Force", "Agency", "Committee", "Movement", "Court", "Tribunal", "Office", "Service",
    "Guard", "Ministry", "Assembly", "Government", "Alliance", "Federation", "Corps", "League",
    "Nations", "Command", "Brigade", "Division", "Regiment", "Battalion",
  ]

  /// The words before the first comma, which is where the words describing a group begin
  /// ("Henry V's army at Agincourt, in which archers outnumbered…" → "Henry V's army at
  /// Agincourt"; "the Roman army, of eight legions…" → "the Roman army"); the text itself
  /// when it has no comma.
  static func withoutDescribingClause(_ text: String) -> String {
    guard let comma = text.range(of: ", "), comma.lowerBound > text.startIndex else { return text }
    return String(text[..<comma.lowerBound])
  }

  /// A plural common noun at the end ("Yugoslav forces") takes "were".
  static func isPlural(_ name: String) -> Bool {
    guard let last = name.split(separator: " ").last, let first = last.first,
      first.isLowercase
    else { return false }
    return last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us")
  }

  /// "A", "A and B", "A, B and C".
  static func list(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }
}
