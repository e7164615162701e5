import Foundation

/// Dated events: the clause a date stands in, with the date taken out so it can follow "On
/// 12 January 1999,".
extension DraftExtractor.Run {
  /// Prepositions whose date can be lifted out of a clause without changing what it says.
  static let liftable: Set<String> = [
    "on", "in", "during", "at", "around", "throughout", "from", "between", "", "of", "about",
    "circa",
  ]
  static let leadingAdverbs: Set<String> = [
    "eventually", "finally", "thus", "then", "later", "subsequently", "meanwhile", "however",
    "nevertheless", "accordingly", "consequently", "afterwards", "afterward", "also", "so",
    "and", "but", "initially", "soon", "shortly", "first",
  ]

  mutating func findEvents() {
    for sentence in sentences {
      let dated = sentence.dates.filter { !$0.attributive }
      for mention in dated {
        if isBracketed(mention, in: sentence) {
          addDateStatement(mention, in: sentence, caveats: [])
          continue
        }
        let (clauseStart, clauseEnd) = sentence.clauseBounds(around: mention.range.lowerBound)
        // A date in brackets ("the Hungarian War of Independence (1848–1849)") belongs to a
        // name, not to what the clause says happened.
        let inClause = dated.filter {
          $0.range.lowerBound >= clauseStart && $0.range.upperBound <= clauseEnd
            && ($0 == mention || !isBracketed($0, in: sentence))
        }
        let dateText = mention.date?.deckText ?? mention.text
        var caveats: [String] = []
        var confidence = 0.85
        if mention.yearInferred {
          confidence = 0.62
          caveats.append(
            "the article gives no year here; \(mention.date.map { HistoricalDate.yearText($0.year) } ?? "?") is "
              + "taken from the text around it")
        }
        if mention.yearMissing {
          confidence = 0.45
          caveats.append("the article gives no year and none could be found near it")
        }
        guard inClause.count == 1, Self.liftable.contains(mention.preposition) else {
          addDateStatement(mention, in: sentence, caveats: caveats)
          continue
        }
        var eventStart = clauseStart
        var datedByRelative = false
        var subject: String?
        if let relative = relativeClause(containing: mention, in: sentence, from: clauseStart) {
          // "…Elias Sopanen, who later in the 1920s became Minister of Justice": the date is
          // the relative clause's, so the event is what its antecedent did. Without a named
          // antecedent the whole clause is kept for the teacher, who can tell what it dates.
          if let antecedent = relative.antecedent {
            eventStart = relative.start
            subject = antecedent
          } else {
            datedByRelative = true
            caveats.append(
              "the date stands in the clause '\(relative.pronoun) …', which may date something "
                + "other than the main clause")
          }
        }
        var clauseText = eventClause(
          sentence, clause: eventStart..<clauseEnd, removing: mention.range)
        if let subject {
          clauseText = clauseText.map { subject + " " + $0 }
        }
        guard var what = clauseText else { continue }
        what = Self.cuttingCommaSplice(what)
        if let pronoun = Self.openingPronoun(what) {
          confidence = min(confidence, 0.5)
          caveats.append(
            "it begins with '\(pronoun)'; name who or what, or the question will not make "
              + "sense on its own")
        }
        let words = what.split(separator: " ").count
        if words > 40 { confidence -= 0.2 }
        // Kept, commented out, for the teacher to judge.
        if datedByRelative { confidence = max(0.45, min(confidence, 0.55)) }
        if words > 60 {
          addDateStatement(mention, in: sentence, caveats: caveats)
          continue
        }
        let name = eventName(in: sentence, near: mention, clause: clauseStart..<clauseEnd)
        if let name, what.lowercased().hasPrefix(name.lowercased() + " took place") {
          what = String(what.dropFirst(name.count + " took place".count))
            .trimmingCharacters(in: .whitespaces)
          // "took place when members of … entered the city": the when-clause is what happened.
          if what.hasPrefix("when ") { what = String(what.dropFirst(5)) }
          if what.isEmpty { what = "\(name) took place" }
        }
        let (participants, places) = mentionedEntities(
          in: sentence, clause: clauseStart..<clauseEnd)
        var fields: [DraftProposal.Field] = []
        if let name { fields.append(.init("name", .text(name))) }
        fields.append(.init("what", .text(what)))
        fields.append(.init("date", .text(dateText)))
        if !places.isEmpty { fields.append(.init("places", .list(places))) }
        if !participants.isEmpty { fields.append(.init("participants", .list(participants))) }
        // An inferred year is carried by the date itself ("8 January [1999]"), which tells the
        // student too; only a year that could not be found needs a note.
        if mention.yearMissing, !caveats.isEmpty {
          fields.append(.init("note", .text(capitalised(caveats[0]) + ".")))
        }
        proposals.append(
          DraftProposal(
            id: "", kind: .event, fields: fields, line: sentence.line, sentence: sentence.text,
            confidence: confidence, caveats: caveats))
        usedSentences[sentence.index, default: 0] += 1
      }
    }
  }

  /// The relative clause ("who…", "which…") a date stands in, when the date is inside it:
  /// where the clause starts (after the pronoun) and the name it refers to, when the pronoun
  /// follows a name directly.
  func relativeClause(containing mention: DateMention, in sentence: DraftSentence, from start: Int)
    -> (start: Int, pronoun: String, antecedent: String?)?
  {
    let tokens = sentence.tokens
    let dateToken = sentence.tokenIndex(atOrAfter: mention.range.lowerBound)
    guard
      let pronoun = tokens.indices.last(where: { index in
        index < dateToken && tokens[index].start >= start
          && ["who", "which", "whom", "whose"].contains(tokens[index].lower)
      }), pronoun > 0
    else { return nil }
    // A comma between the pronoun and the date closes the relative clause before it.
    guard !tokens[(pronoun + 1)..<dateToken].contains(where: { $0.text == "," }) else {
      return nil
    }
    // The main clause must say something before the pronoun: a verb.
    let main = tokens[..<pronoun].filter { $0.start >= start }
    guard main.contains(where: { DraftExtractor.isVerbLike($0.text) }) else { return nil }
    var before = pronoun - 1
    if tokens[before].text == ",", before > 0 { before -= 1 }
    // Only a person named right before "who" ("the lawyer Elias Sopanen who…"), not a
    // place ending a longer phrase ("the ambassador in Berlin, who…").
    let antecedent = sentence.span(covering: before).flatMap { span -> String? in
      let governed =
        span.start > 0
        && ["in", "of", "at", "from", "to", "near", "via", "by", "for", "with"].contains(
          tokens[span.start - 1].lower)
      guard span.end == before + 1, tokens[pronoun].lower == "who", !governed,
        let index = book.find(span.text) ?? book.resolve(span.text),
        book.entities[index].kind == .person
      else { return nil }
      return book.entities[index].name
    }
    return (tokens[pronoun].end, tokens[pronoun].lower, antecedent)
  }

  /// "the court handled cases of 1,254 Reds, 87 were given the death penalty": a second
  /// clause joined by a bare comma is cut off, so the question asks one thing.
  static func cuttingCommaSplice(_ what: String) -> String {
    let pattern =
      #", (?:[0-9][0-9,.]*|[A-Z][a-z]+|he|she|they|it|we) (?:was|were|had|has|have|is|are|did)\b"#
    guard let match = what.range(of: pattern, options: .regularExpression) else { return what }
    let head = String(what[..<match.lowerBound])
    guard head.split(separator: " ").count >= 3,
      head.split(separator: " ").contains(where: { DraftExtractor.isVerbLike(String($0)) })
    else { return what }
    return head
  }

  /// The pronoun an event's clause opens with ("it was led by…"), which leaves the question
  /// without its subject.
  static func openingPronoun(_ what: String) -> String? {
    guard let first = what.split(separator: " ").first?.lowercased() else { return nil }
    let pronouns: Set<String> = [
      "it", "they", "he", "she", "their", "its", "his", "her", "them", "this", "these", "those",
    ]
    return pronouns.contains(first) ? first : nil
  }

  /// A date that cannot be lifted out ("until 1313", two dates in one clause) keys a cloze.
  mutating func addDateStatement(
    _ mention: DateMention, in sentence: DraftSentence, caveats: [String]
  ) {
    guard !mention.yearInferred, !mention.yearMissing, mention.date != nil else { return }
    let key = sentence.slice(mention.dateRange.lowerBound, mention.dateRange.upperBound)
    addStatement(sentence, key: key, confidence: 0.6, alternatives: [])
  }

  /// The clause with the date and its preposition taken out, tidied to follow a date.
  func eventClause(_ sentence: DraftSentence, clause: Range<Int>, removing date: Range<Int>)
    -> String?
  {
    var head = sentence.slice(clause.lowerBound, date.lowerBound)
    var tail = sentence.slice(date.upperBound, clause.upperBound)
    // "from July 1998 to January 1999" leaves "from" only when the range was split.
    if head.lowercased().hasSuffix(" the") { head = String(head.dropLast(4)) }
    if tail.hasPrefix(",") && (head.isEmpty || head.hasSuffix(",")) { tail.removeFirst() }
    var text = (head + " " + tail).replacingOccurrences(of: " ,", with: ",")
    text = text.replacingOccurrences(of: ",,", with: ",")
    text = text.replacingOccurrences(of: "( )", with: "").replacingOccurrences(of: "()", with: "")
    text = text.split(separator: " ").joined(separator: " ")
    text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:–—-"))
    // Leading adverbs and an opening "On/In" left by the lift.
    var words = text.split(separator: " ").map(String.init)
    while let first = words.first,
      Self.leadingAdverbs.contains(
        first.lowercased().trimmingCharacters(in: .punctuationCharacters))
    {
      words.removeFirst()
    }
    guard words.count >= 3 else { return nil }
    text = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
    guard text.split(separator: " ").contains(where: { DraftExtractor.isVerbLike(String($0)) })
    else { return nil }
    if text.hasSuffix("\"") && text.filter({ $0 == "\"" }).count % 2 == 1 { text.removeLast() }
    if text.contains("“") != text.contains("”") { return nil }
    return lowercasingCommonStart(text)
  }

  /// "The KLA captured…" → "the KLA captured…"; a name keeps its capital.
  func lowercasingCommonStart(_ text: String) -> String {
    guard let first = text.split(separator: " ").first else { return text }
    let word = String(first)
    let lower = word.lowercased()
    let determiners: Set<String> = [
      "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "some",
      "most", "many", "all", "both", "each", "several", "two", "three", "four", "five", "after",
      "when", "as", "upon", "with", "it", "they", "he", "she", "there", "following", "before",
    ]
    let words = text.split(separator: " ")
    let nextIsName = words.count > 1 && words[1].first?.isUppercase == true
    if determiners.contains(lower)
      || (word.first?.isUppercase == true && !nextIsName && sentencesUseLowercase(lower))
    {
      return lower + text.dropFirst(word.count)
    }
    return text
  }

  func sentencesUseLowercase(_ word: String) -> Bool {
    sentences.contains { sentence in sentence.tokens.contains { $0.text == word } }
  }

  /// "the Battle of Mazhiq" right before the date, or as the clause's subject.
  func eventName(in sentence: DraftSentence, near mention: DateMention, clause: Range<Int>)
    -> String?
  {
    let dateToken = sentence.tokenIndex(atOrAfter: mention.range.lowerBound)
    for span in sentence.spans where eventNames[EntityBook.key(span.text)] != nil {
      let startsClause = sentence.tokens[span.start].start <= clause.lowerBound + 5
      if span.end == dateToken
        || startsClause && sentence.tokens[span.start].start >= clause.lowerBound
      {
        let before = span.start > 0 ? sentence.tokens[span.start - 1].lower : ""
        return before == "the" || span.text.hasPrefix("Battle") || span.text.hasPrefix("Siege")
          ? "the " + span.text : span.text
      }
    }
    return nil
  }

  /// Groups (as participants) and places (by name) named in a clause.
  func mentionedEntities(in sentence: DraftSentence, clause: Range<Int>) -> ([String], [String]) {
    var participants: [String] = []
    var places: [String] = []
    for span in sentence.spans {
      let start = sentence.tokens[span.start].start
      guard clause.contains(start), let index = book.find(span.text) ?? book.resolve(span.text)
      else { continue }
      let entity = book.entities[index]
      switch entity.kind {
      case .unit, .organization:
        if !participants.contains(entity.name) { participants.append(entity.name) }
      case .place:
        if !places.contains(entity.name) { places.append(entity.name) }
      default: break
      }
    }
    // "Yugoslav forces", "the Roman troops": sides written as adjective and noun.
    let tokens = sentence.tokens
    for (index, token) in tokens.enumerated() where index + 1 < tokens.count {
      guard clause.contains(token.start), token.isCapitalized, !token.isAcronym || true,
        ["forces", "troops", "army", "fleet", "navy"].contains(tokens[index + 1].lower),
        index == 0 || !tokens[index - 1].isCapitalized,
        !DraftLexicon.notNames.contains(token.lower)
      else { continue }
      let side = "\(token.text) \(tokens[index + 1].text)"
      if !participants.contains(where: { $0.lowercased() == side.lowercased() }) {
        participants.append(side)
      }
    }
    return (participants, places)
  }

  func isBracketed(_ mention: DateMention, in sentence: DraftSentence) -> Bool {
    let characters = sentence.characters
    var before = mention.range.lowerBound - 1
    while before >= 0, characters[before] == " " { before -= 1 }
    var after = mention.range.upperBound
    while after < characters.count, characters[after] == " " { after += 1 }
    return before >= 0 && characters[before] == "(" && after < characters.count
      && characters[after] == ")"
  }

  func capitalised(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }
}
