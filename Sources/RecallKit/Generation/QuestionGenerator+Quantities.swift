/// Questions about figures: typed numbers with the source's tolerance, choices among figures of
/// the same magnitude, and statements with the figure changed.
extension QuestionGenerator {
  func quantityQuestions(_ fact: Fact, _ quantity: Fact.Quantity) -> [Question] {
    var result: [Question] = []
    let value = quantity.value
    // The clause is written to stand after "How many"; a date is only added to the
    // explanation, where it cannot make the question clumsy.
    let when = quantity.date.flatMap { date in
      quantity.howMany.contains(String(date.year)) ? nil : " (\(date.formatted))"
    }
    let unitNote = quantity.unit.flatMap { unit in
      English.mentions(unit, in: quantity.howMany) ? nil : " (in \(unit))"
    }
    let prompt = English.question(
      "\(Self.howMany(value)) \(quantity.howMany)\(unitNote ?? "")")
    let statement = Self.statement(quantity, value: value)
    let unitSuffix = quantity.unit.map { " " + $0 } ?? ""
    // Without a statement, the figure is told with what it counts, never as the question again.
    // The counted word is told once: "about 25 years", not "about 25 years years" when the
    // unit and the clause's first word are the same word.
    let counted = quantity.howMany.split(separator: " ").first.map(String.init) ?? ""
    let figure = value.description + unitSuffix
    let countedTail =
      English.folded(figure).hasSuffix(" " + English.folded(counted))
      ? "" : " " + counted
    let told =
      statement.map { String($0.dropLast()) }
      ?? English.capitalizingFirst(figure + countedTail)
    let explanation = explanation(fact, [told + (when ?? "")])

    result.append(
      make(
        fact, .countNumeric, .numeric, prompt: prompt, expected: .number(value),
        explanation: explanation))
    var random = randomness(fact, .countChoice)
    if let wrong = numberDistractors(for: value, using: &random) {
      result.append(
        makeChoice(
          fact, .countChoice, prompt: prompt, answer: value.description + unitSuffix,
          distractors: wrong.map { $0.description + unitSuffix }, explanation: explanation,
          using: &random))
    }
    if let statement {
      random = randomness(fact, .truefalse)
      // Any distractor but a lone "one" makes a statement (see `statement`).
      // "Zero of the KLA's villages were…" is no way to say it; a choice may offer 0, a
      // statement does not.
      let others = (numberDistractors(for: value, using: &random) ?? []).filter { $0.high > 0 }
        .compactMap { Self.statement(quantity, value: $0) }
      if let question = makeTrueFalse(
        fact, trueStatement: statement,
        falseStatement: others.isEmpty ? nil : others[random.next(below: others.count)],
        explanation: explanation, using: &random)
      {
        result.append(question)
      }
    }
    return result
  }

  /// The figure stated as a sentence ("Fourteen KLA fighters were wounded…"; "The Bayeux
  /// Tapestry is about 70 metres long"), or nil when the clause's question word order cannot be
  /// turned round ("days did the crisis last").
  static func statement(_ quantity: Fact.Quantity, value: NumberValue) -> String? {
    let words = quantity.howMany.split(separator: " ").map(String.init)
    let folded = words.map { English.folded($0) }
    let unit = quantity.unit.map { English.mentions($0, in: quantity.howMany) ? "" : " \($0)" }
    // "metres long is the Bayeux Tapestry" → "the Bayeux Tapestry is about 70 metres long".
    if let be = folded.firstIndex(where: { ["is", "are", "was", "were"].contains($0) }),
      be > 0, be + 1 < words.count, measureWords.contains(folded[be - 1])
    {
      let subject = words[(be + 1)...].joined(separator: " ")
      let measure = words[..<be].joined(separator: " ")
      return English.sentence(
        "\(subject) \(words[be]) \(value.description)\(unit ?? "") \(measure)")
    }
    // "days were there in a year" → "There were 365 days in a year".
    if let be = folded.firstIndex(where: { ["is", "are", "was", "were"].contains($0) }), be > 0,
      be + 1 < words.count, folded[be + 1] == "there"
    {
      let counted = words[..<be].joined(separator: " ")
      let rest = words[(be + 2)...].joined(separator: " ")
      return English.sentence(
        "There \(words[be]) \(value.description)\(unit ?? "") \(counted)"
          + (rest.isEmpty ? "" : " " + rest))
    }
    // "nautical miles from Cuba was the quarantine line drawn" → "The quarantine line was
    // drawn 500 nautical miles from Cuba"; a be in question order that is not a passive with
    // its participle last is not turned round, and there is then no statement.
    if let be = folded.firstIndex(where: { ["is", "are", "was", "were"].contains($0) }), be > 0,
      be + 1 < words.count, determiners.contains(folded[be + 1])
    {
      return turnedRoundPassive(words, at: be, value: value, unit: unit ?? "")
    }
    if let inverting = words.firstIndex(where: invertingWords.contains) {
      // "Perry brought one warships…": a count of one would need its noun made singular.
      if value.qualifier == .exact && !value.isRange && value.low == 1 { return nil }
      return turnedRound(words, at: inverting, value: value, unit: unit ?? "")
    }
    var clause = quantity.howMany
    if value.qualifier == .exact && !value.isRange && value.low == 1 {
      // "KLA fighters were killed" → "One KLA fighter was killed".
      guard let singular = singular(words) else { return nil }
      clause = singular
    }
    return English.sentence("\(English.figure(value))\(unit ?? "") \(clause)")
  }

  /// "days did the crisis last, counted from…" → "The crisis lasted 13 days, counted from…";
  /// "kilometres could an R-12 missile fly" → "An R-12 missile could fly about 2,000
  /// kilometres". The verb is taken to be the last word before the first comma; a longer
  /// stretch than a short subject and a verb is left alone (nil).
  private static func turnedRound(
    _ words: [String], at inverting: Int, value: NumberValue, unit: String
  ) -> String? {
    guard inverting > 0 else { return nil }
    let counted = words[..<inverting].joined(separator: " ")
    var segment: [String] = []
    var tail: [String] = []
    // The verb ends the stretch before the first comma or the first phrase that follows it
    // ("march | from York back to London"); a possessive's noun is no verb ("Harold's army").
    let possessive = { (word: String) in word.hasSuffix("'s") || word.hasSuffix("’s") }
    for word in words[(inverting + 1)...] {
      if !tail.isEmpty || segment.last?.hasSuffix(",") == true {
        tail.append(word)
      } else if segment.count >= 2, cuttingWords.contains(word.lowercased()),
        !possessive(segment[segment.count - 2]),
        segment[segment.count - 1].allSatisfy({ $0.isLetter && $0.isLowercase }),
        // A base verb after "did" or "could" does not end in a plural's s ("missiles in Cuba").
        !segment[segment.count - 1].hasSuffix("s") || segment[segment.count - 1].hasSuffix("ss")
      {
        tail.append(word)
      } else {
        segment.append(word)
      }
    }
    var comma = ""
    if let last = segment.last, last.hasSuffix(",") {
      segment[segment.count - 1] = String(last.dropLast())
      comma = ","
    }
    // A phrase after the verb ("hold at first") would be taken for it.
    let phraseWords: Set<String> = [
      "at", "in", "on", "by", "for", "from", "to", "with", "during", "after", "before", "of",
      "first", "then", "later", "again", "once", "there", "here", "altogether", "overall",
    ]
    // A determiner after the subject's first word opens an object ("promise his troops"): the
    // last word is then a noun, not the verb.
    guard segment.count >= 2, segment.count <= 6,
      segment.dropFirst().allSatisfy({
        !phraseWords.contains($0.lowercased()) && !objectOpeners.contains($0.lowercased())
      }),
      let verb = segment.last,
      verb.allSatisfy({ $0.isLetter && $0.isLowercase })
    else {
      return turnedRoundAfterName(words, at: inverting, value: value, unit: unit)
    }
    let subject = segment.dropLast().joined(separator: " ")
    let auxiliary = English.folded(words[inverting])
    let predicate: String
    switch auxiliary {
    case "did": predicate = Verb.past(of: verb)
    case "do", "does": return nil
    default: predicate = "\(words[inverting]) \(verb)"
    }
    let rest = tail.isEmpty ? "" : comma + " " + tail.joined(separator: " ")
    return English.sentence(
      "\(subject) \(predicate) \(English.figure(value))\(unit) \(counted)\(rest)")
  }

  /// Prepositions that open a phrase after a clause's verb; "of" is left out, since it more
  /// often belongs to the subject ("the army of the king").
  private static let cuttingWords: Set<String> = [
    "at", "in", "on", "by", "for", "from", "to", "with", "during", "after", "before", "into",
    "across", "against", "between", "through", "over", "under", "towards", "toward", "around",
  ]

  /// "… was the quarantine line finally drawn" → "the quarantine line was finally drawn 500 …":
  /// the subject runs from the determiner to the adverbs ("finally") before the participle,
  /// which must end the clause.
  private static func turnedRoundPassive(
    _ words: [String], at be: Int, value: NumberValue, unit: String
  ) -> String? {
    let after = Array(words[(be + 1)...])
    guard let participle = after.last, after.count >= 3, Verb.isParticiple(participle),
      after.allSatisfy({ !$0.hasSuffix(",") })
    else { return nil }
    var subjectEnd = after.count - 1
    while subjectEnd > 2, after[subjectEnd - 1].hasSuffix("ly"),
      after[subjectEnd - 1].first?.isLowercase == true
    {
      subjectEnd -= 1
    }
    let subject = after[..<subjectEnd].joined(separator: " ")
    let predicate = after[subjectEnd...].joined(separator: " ")
    let counted = words[..<be].joined(separator: " ")
    return English.sentence(
      "\(subject) \(words[be]) \(predicate) \(English.figure(value))\(unit) \(counted)")
  }

  /// Words that open a noun phrase: after "was" they show the clause is in question order.
  private static let determiners: Set<String> = [
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "each",
  ]

  /// "warships did Perry bring into Edo Bay in July 1853" → "Perry brought four warships into
  /// Edo Bay in July 1853": a subject that is a name (capitalised words, perhaps after "the"),
  /// then its verb, then the rest. Nil for any other shape, and for "been", which would need
  /// the figure moved after its complement.
  private static func turnedRoundAfterName(
    _ words: [String], at inverting: Int, value: NumberValue, unit: String
  ) -> String? {
    let after = Array(words[(inverting + 1)...])
    var position = 0
    if position < after.count, ["the"].contains(after[position].lowercased()) { position += 1 }
    let nameStart = position
    while position < after.count, after[position].first?.isUppercase == true { position += 1 }
    // "Harold's army march…": the name owns the noun after it, which is not the verb.
    guard position > nameStart, position < after.count,
      !after[position - 1].hasSuffix("'s"), !after[position - 1].hasSuffix("’s")
    else { return nil }
    let subject = after[..<position].joined(separator: " ")
    // Adverbs stay before the verb: "Mehmed traditionally promised…".
    var adverbs: [String] = []
    while position + 1 < after.count, after[position].hasSuffix("ly"),
      after[position].allSatisfy({ $0.isLetter && $0.isLowercase })
    {
      adverbs.append(after[position])
      position += 1
    }
    let verb = after[position]
    guard verb.allSatisfy({ $0.isLetter && $0.isLowercase }), !["been", "be"].contains(verb),
      !["at", "in", "on", "by", "for", "from", "to", "with", "of", "and"].contains(verb)
    else { return nil }
    var rest = Array(after[(position + 1)...])
    // "promise his troops" names who was given the figure: it comes before the figure, and
    // only after a verb of giving; any other object would leave the figure nowhere to stand.
    var receiver: [String] = []
    if let first = rest.first, objectOpeners.contains(first.lowercased()) {
      guard givingVerbs.contains(verb.lowercased()) else { return nil }
      let end =
        rest.firstIndex {
          ["at", "in", "on", "by", "for", "from", "to", "with", "during"].contains($0)
        }
        ?? rest.endIndex
      receiver = Array(rest[..<end])
      rest = Array(rest[end...])
    }
    let predicate: String
    switch English.folded(words[inverting]) {
    case "did": predicate = (adverbs + [Verb.past(of: verb)]).joined(separator: " ")
    case "do", "does": return nil
    default: predicate = ([words[inverting]] + adverbs + [verb]).joined(separator: " ")
    }
    let counted = words[..<inverting].joined(separator: " ")
    let object = receiver.isEmpty ? "" : " " + receiver.joined(separator: " ")
    return English.sentence(
      "\(subject) \(predicate)\(object) \(English.figure(value))\(unit) \(counted)"
        + (rest.isEmpty ? "" : " " + rest.joined(separator: " ")))
  }

  /// Words that open a noun phrase standing as an object after a verb.
  private static let objectOpeners: Set<String> = [
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "him", "them", "us", "me",
  ]

  /// Verbs whose first object is who receives what is counted: "promised his troops three days".
  private static let givingVerbs: Set<String> = [
    "give", "promise", "offer", "grant", "pay", "owe", "send", "award", "lend", "allow", "show",
    "bring", "leave", "hand", "sell",
  ]

  /// Words that put a "how many" clause in question order.
  private static let invertingWords: Set<String> = [
    "did", "do", "does", "had", "have", "has", "could", "can", "would", "will", "should",
    "might", "may", "must",
  ]

  /// Adjectives a measured figure stands before: "70 metres long", "8,848 metres high".
  private static let measureWords: Set<String> = [
    "long", "high", "tall", "wide", "deep", "far", "old", "thick", "heavy", "away",
  ]

  /// The clause with its counted noun and verb made singular, or nil when they cannot be found.
  private static func singular(_ words: [String]) -> String? {
    let folded = words.map { English.folded($0) }
    guard let verb = words.firstIndex(where: { ["were", "are", "have"].contains($0) }), verb > 0,
      words[verb - 1].hasSuffix("s"), !words[verb - 1].hasSuffix("ss")
    else { return nil }
    var result = words
    // "of the KLA's villages were won back" → "One of the KLA's villages was won back".
    if folded.first != "of" { result[verb - 1] = String(words[verb - 1].dropLast()) }
    result[verb] = ["were": "was", "are": "is", "have": "has"][words[verb]] ?? words[verb]
    return result.joined(separator: " ")
  }
}
