/// Turns a past-tense clause into a question, the way a teacher would ask it: "the KLA seized
/// Zhvillidove" becomes "When did the KLA seize Zhvillidove?", "Harold was crowned king" becomes
/// "When was Harold crowned king?".
///
/// Only clauses of the plain shape subject–verb–rest are rewritten; anything else (a clause
/// that opens with a time or a condition, two clauses joined by "and", no verb found) gives nil
/// and the caller asks another way, rather than in broken English.
enum ClauseQuestion {
  /// "In which year" + "the KLA seized Bukos" → "In which year did the KLA seize Bukos?".
  static func asking(_ questionWords: String, about clause: String) -> String? {
    let words = English.trimmed(clause).split(separator: " ", omittingEmptySubsequences: true)
      .map(String.init)
    guard words.count >= 2, let first = words.first,
      !openers.contains(bare(first).lowercased())
    else { return nil }
    guard let verb = mainVerb(in: words) else { return nil }
    var subjectWords = Array(words[..<verb.index])
    // The clause stands inside the question: "The Normans landed" → "did the Normans land".
    if ["The", "A", "An"].contains(subjectWords[0]) {
      subjectWords[0] = subjectWords[0].lowercased()
    }
    let subject = subjectWords.joined(separator: " ")
    guard !subject.contains(";") else { return nil }
    var rest = Array(words[(verb.index + 1)...])
    var isAuxiliary = false
    if case .auxiliary = verb.form { isAuxiliary = true }
    if let second = secondClause(in: rest, afterAuxiliary: isAuxiliary) {
      guard second.isVerbOnly else { return nil }
      // "…captured A and burned B": the second verb shares the subject and turns with it.
      if let base = Verb.base(ofPast: rest[second.index]) {
        rest[second.index] = base
      } else {
        return nil
      }
    }
    let tail = rest.isEmpty ? "" : " " + rest.joined(separator: " ")
    let body: String
    switch verb.form {
    case .auxiliary(let auxiliary):
      body = "\(auxiliary) \(subject)\(tail)"
    case .base(let base):
      body = "did \(subject) \(base)\(tail)"
    }
    return English.question("\(questionWords) \(body)")
  }

  /// A clause of another shape asked by its first part: "There was a detention centre…" →
  /// "Between which months was there a detention centre…?"; "Yugoslav forces pierced the lines,
  /// and civilians fled" → "On what date did Yugoslav forces pierce the lines?" (the part before
  /// an "and" that the whole clause cannot carry; the explanation tells the rest). Nil when no
  /// part of three words or more can be asked.
  static func askingFirstPart(_ questionWords: String, about clause: String) -> String? {
    let words = English.trimmed(clause).split(separator: " ").map(String.init)
    if words.count >= 3, ["there"].contains(words[0].lowercased()),
      ["was", "were"].contains(words[1].lowercased())
    {
      return English.question(
        "\(questionWords) \(words[1].lowercased()) there \(words[2...].joined(separator: " "))")
    }
    // The longest part first, so that as little as possible is left to the explanation.
    for position in words.indices.reversed() where position >= 3 {
      guard bare(words[position]).lowercased() == "and" else { continue }
      var part = words[..<position].joined(separator: " ")
      if part.hasSuffix(",") { part.removeLast() }
      if let question = asking(questionWords, about: part) { return question }
    }
    return nil
  }

  private enum VerbForm {
    /// "was", "were", "had" before a participle: moved in front of the subject.
    case auxiliary(String)
    /// The verb's base form, after "did".
    case base(String)
  }

  /// Words a clause may open with that are not its subject.
  private static let openers: Set<String> = [
    "after", "before", "when", "while", "as", "in", "on", "at", "during", "following", "with",
    "despite", "although", "though", "because", "since", "once", "until", "by", "for", "from",
    "if", "having", "there", "it",
  ]

  private static let determiners: Set<String> = [
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "some", "many", "several", "two", "three", "four", "five", "no", "every", "each", "of",
    "to", "with", "by", "for", "in", "on", "at", "from", "and", "or", "very", "well", "newly",
    "so-called", "heavily", "lightly", "poorly",
  ]

  /// Participles that follow a noun as its description, not as the clause's verb
  /// ("a force named…", "exiles trained by the CIA").
  private static let participles: Set<String> = [
    "named", "called", "known", "based", "so-called", "armed", "mounted", "allied", "combined",
    "united", "stationed", "dressed", "aged",
  ]

  /// The clause's first verb: its position and how the question form is built from it.
  private static func mainVerb(in words: [String]) -> (index: Int, form: VerbForm)? {
    for index in 1..<words.count {
      let word = bare(words[index]).lowercased()
      let previous = bare(words[index - 1]).lowercased()
      let next = index + 1 < words.count ? bare(words[index + 1]).lowercased() : ""
      if subordinators.contains(word) { return nil }
      if ["was", "were"].contains(word) { return (index, .auxiliary(word)) }
      if word == "had" {
        // "had fled" keeps "had"; "had a base" is the verb "have".
        if index + 1 < words.count, Verb.isPast(next) { return (index, .auxiliary("had")) }
        return (index, .base("have"))
      }
      if ["is", "are", "has", "have", "will", "would", "can", "could", "may", "might"].contains(
        word)
      {
        return nil
      }
      guard Verb.isPast(word), !determiners.contains(previous), !participles.contains(word),
        next != "by", next != "as"
      else { continue }
      guard let base = Verb.base(ofPast: words[index]) else { return nil }
      return (index, .base(base))
    }
    return nil
  }

  /// Where "and" starts a second part after the verb: a verb right after it shares the
  /// subject ("and burned"), and can turn with the first one when that one is active; a verb a
  /// few words later has a subject of its own ("and the KLA counterattacked"), which one
  /// question cannot carry.
  private static func secondClause(in rest: [String], afterAuxiliary: Bool)
    -> (index: Int, isVerbOnly: Bool)?
  {
    var inInnerClause = false
    for position in rest.indices {
      let lowered = bare(rest[position]).lowercased()
      if subordinators.contains(lowered) { inInnerClause = true }
      guard lowered == "and" else { continue }
      let next = position + 1
      guard next < rest.count else { continue }
      let nextWord = bare(rest[next]).lowercased()
      if ["was", "were", "had"].contains(nextWord) { return (next, false) }
      // "…announced that the missiles would be dismantled and shipped home": two verbs joined
      // inside the "that" clause stay as they are; "…that missiles were in Cuba and announced
      // a quarantine" goes back to the first verb's subject.
      if inInnerClause, position > 0, Verb.isParticiple(bare(rest[position - 1])) { return nil }
      if Verb.isPast(nextWord) { return (next, !afterAuxiliary) }
      // A subject of its own may be long ("and Soviet ships heading for the island slowed").
      for later in (next + 1)..<min(rest.count, next + 9) {
        let word = bare(rest[later]).lowercased()
        if subordinators.contains(word) { break }
        let before = bare(rest[later - 1]).lowercased()
        let after = later + 1 < rest.count ? bare(rest[later + 1]).lowercased() : ""
        if ["was", "were"].contains(word) { return (later, false) }
        if Verb.isPast(word), !participles.contains(word), after != "by",
          !determiners.contains(before)
        {
          return (later, false)
        }
      }
    }
    return nil
  }

  private static func bare(_ word: String) -> String {
    String(word.filter { $0.isLetter || $0 == "-" || $0 == "'" })
  }

  /// Words that open a clause inside the clause; a verb after one belongs to that clause.
  private static let subordinators: Set<String> = [
    "that", "which", "who", "whom", "whose", "what", "where", "when", "because", "while",
    "whether", "if",
  ]

}
