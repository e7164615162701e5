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
    for word in words[(inverting + 1)...] {
      if !tail.isEmpty || segment.last?.hasSuffix(",") == true {
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
    guard segment.count >= 2, segment.count <= 6,
      segment.dropFirst().allSatisfy({ !phraseWords.contains($0.lowercased()) }),
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
    guard position > nameStart, position < after.count else { return nil }
    let verb = after[position]
    guard verb.allSatisfy({ $0.isLetter && $0.isLowercase }), !["been", "be"].contains(verb),
      !["at", "in", "on", "by", "for", "from", "to", "with", "of", "and"].contains(verb)
    else { return nil }
    let subject = after[..<position].joined(separator: " ")
    let rest = after[(position + 1)...].joined(separator: " ")
    let predicate: String
    switch English.folded(words[inverting]) {
    case "did": predicate = Verb.past(of: verb)
    case "do", "does": return nil
    default: predicate = "\(words[inverting]) \(verb)"
    }
    let counted = words[..<inverting].joined(separator: " ")
    return English.sentence(
      "\(subject) \(predicate) \(English.figure(value))\(unit) \(counted)"
        + (rest.isEmpty ? "" : " " + rest))
  }

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
