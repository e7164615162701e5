import Foundation

/// Outcomes and statements for cloze questions, keyed on the term that carries the fact; and
/// the proposals for the people, groups and places the article names.
extension DraftExtractor.Run {
  static let outcomeCues: Set<String> = [
    "defeated", "victorious", "victory", "won", "surrendered", "repulsed", "repelled", "failed",
    "collapsed", "resulted", "ended", "retreated", "withdrew", "executed", "routed", "freed",
    "expelled", "recaptured", "sank", "ceded", "defeat", "conquered", "retained", "broke",
    "annexed", "destroyed", "led", "marked", "eliminated", "unified", "confirmed", "decided",
  ]

  /// Adds a cloze statement on `key`, once per sentence and key.
  mutating func addStatement(
    _ sentence: DraftSentence, key: String, confidence: Double, alternatives: [String]
  ) {
    let text = sentence.text
    guard !key.isEmpty, !text.contains("[["), !text.contains("]]"),
      let range = text.range(of: key),
      text.range(of: key, range: range.upperBound..<text.endIndex) == nil,
      text.split(separator: " ").count <= 50, !text.hasPrefix("\""), !text.hasPrefix("“")
    else { return }
    var before = String(text[..<range.lowerBound])
    var after = String(text[range.upperBound...])
    if after.hasSuffix(":") { after.removeLast() }
    before = before.replacingOccurrences(of: "\n", with: " ")
    let marked = before + "[[" + key + "]]" + after
    var fields: [DraftProposal.Field] = [.init("text", .text(marked))]
    let others = alternatives.filter { $0.lowercased() != key.lowercased() }
    if !others.isEmpty { fields.append(.init("alternatives", .list(others))) }
    proposals.append(
      DraftProposal(
        id: "", kind: .statement, fields: fields, line: sentence.line, sentence: sentence.text,
        confidence: confidence))
  }

  mutating func findStatements() {
    for sentence in sentences where usedSentences[sentence.index, default: 0] == 0 {
      let words = sentence.tokens.filter(\.isWord)
      guard words.count >= 6, words.count <= 45 else { continue }
      let lower = Set(words.map(\.lower))
      let isOutcome = !lower.isDisjoint(with: Self.outcomeCues)
      // The key: a named event, group, person or place, preferring what the sentence is about
      // but not the article's own subject.
      let title = article.title.map(EntityBook.key) ?? ""
      var best: (key: String, score: Double, alternatives: [String])?
      for span in sentence.spans {
        let key = EntityBook.key(span.text)
        guard key != title, !title.isEmpty ? !title.contains(key) || key.count > title.count : true
        else { continue }
        var score = 0.0
        var alternatives: [String] = []
        if eventNames[key] != nil {
          score = 0.6
        } else if let index = book.find(span.text) ?? book.resolve(span.text) {
          let entity = book.entities[index]
          guard entity.evidence >= 0.6 else { continue }
          score = entity.kind == .place ? 0.5 : 0.55
          // The article's main actors key many sentences; a rarer name carries this one.
          if entity.mentions > 4 { score -= 0.1 }
          alternatives = entity.aliases.filter { !$0.contains("\"") }
          if span.text != entity.name { alternatives.append(entity.name) }
        } else {
          continue
        }
        let beforeToken = span.start > 0 ? sentence.tokens[span.start - 1].lower : ""
        if ["during", "of", "as", "by", "called", "named"].contains(beforeToken) { score += 0.05 }
        if score > best?.score ?? -1 {
          best = (span.text, score, alternatives)
        }
      }
      guard let best else { continue }
      let confidence = isOutcome ? best.score + 0.1 : best.score - 0.05
      addStatement(sentence, key: best.key, confidence: confidence, alternatives: best.alternatives)
    }
  }

  /// Roles from the rest of the sentence: "X was a fraudster…", "led by Colonel X",
  /// "X led a revolt…".
  mutating func noteRoles(in sentence: DraftSentence) {
    let tokens = sentence.tokens
    for span in sentence.spans {
      guard
        let index = book.find(span.text) ?? book.resolve(span.text)
          ?? book.find(Self.withoutTitles(span.text))
      else { continue }
      let entity = book.entities[index]
      guard [.person, .unit, .organization].contains(entity.kind), entity.roleStrength < 3 else {
        continue
      }
      let (_, clauseEnd) = sentence.clauseBounds(around: tokens[span.start].start)
      let last = sentence.tokenIndex(atOrAfter: clauseEnd)
      // "X was a fraudster who had enlisted…": a copula.
      if span.end + 1 < last, ["was", "were"].contains(tokens[span.end].lower) {
        let next = tokens[span.end + 1].lower
        let isPhrase = [
          "a", "an", "the", "one", "responsible", "elected", "appointed", "named", "made", "known",
        ].contains(next)
        if isPhrase,
          !(span.start > 0 && tokens[span.start - 1].lower != "," && span.start > 1
            && !isClauseStart(tokens, span.start))
        {
          let role = clauseRest(sentence, from: span.end + 1, to: last)
          let wordCount = role.split(separator: " ").count
          if wordCount >= 2, wordCount <= 22 {
            book.update(index) { entity in
              entity.role = role
              entity.roleStrength = 3
            }
            continue
          }
        }
      }
      guard entity.kind == .person else { continue }
      // "the cavalry division led by Colonel Arisztid Dessewffy".
      if span.start >= 2,
        tokens[span.start - 1].lower == "by"
          || (span.start >= 3 && tokens[span.start - 1].isCapitalized
            && tokens[span.start - 2].lower == "by"),
        entity.roleStrength < 2
      {
        let byIndex = tokens[span.start - 1].lower == "by" ? span.start - 1 : span.start - 2
        let verb = tokens[byIndex - 1].lower
        if ["led", "commanded", "headed"].contains(verb) {
          // "Mataram troops were led by…": the group is the passive's subject.
          let passive = byIndex >= 3 && ["was", "were"].contains(tokens[byIndex - 2].lower)
          let groupEnd = passive ? byIndex - 2 : byIndex - 1
          var start = groupEnd
          while start > 0, start > groupEnd - 7,
            ![",", ";", "(", ":"].contains(tokens[start - 1].text),
            !["by", "with", "from", "was", "were", "included", "and"].contains(
              tokens[start - 1].lower)
          {
            start -= 1
            // "the cavalry of the Second Corps" is one group; "the" opens it only once.
            if ["the", "a", "an", "his", "their"].contains(tokens[start].lower),
              start == 0 || tokens[start - 1].lower != "of"
            {
              break
            }
          }
          var group = sentence.text(tokens: start, groupEnd)
          if tokens[start].lower == "the" { group = "the" + group.dropFirst(3) }
          let opensAsName =
            passive && tokens[start].isCapitalized
            && !DraftLexicon.notNames.contains(tokens[start].lower)
          if group.split(separator: " ").count >= 2,
            group.first?.isLowercase == true || opensAsName
          {
            let noun =
              verb == "led"
              ? "the leader of" : verb == "headed" ? "the head of" : "the commander of"
            book.update(index) { entity in
              entity.role = "\(noun) \(group)"
              entity.roleStrength = 2
              // The fact cites the sentence its role comes from.
              (entity.line, entity.sentence) = (sentence.line, sentence.text)
            }
            continue
          }
        }
      }
      // "Guðrøðr Magnússon led a revolt…": what the person did, as the only clue. A role that
      // is only a title ("a commander") says no more than the name's title, so the deed
      // completes it: "the commander who inaugurated the first military school".
      let titleOnly = entity.title.map { title in
        entity.roleStrength == 1
          && entity.role == DraftExtractor.withArticle(DraftLexicon.spelledOut(title: title))
      }
      var verb = span.end
      while verb < last - 1, Self.isMannerAdverb(tokens[verb].lower) { verb += 1 }
      if entity.roleStrength < 1 || titleOnly == true, isClauseStart(tokens, span.start),
        verb < last, DraftLexicon.isPastVerb(tokens[verb].text),
        !["was", "were"].contains(tokens[verb].lower)
      {
        if let deed = deed(sentence, from: verb, to: last) {
          let who =
            titleOnly == true
            ? "the \(DraftLexicon.spelledOut(title: entity.title ?? "person"))" : "the person"
          book.update(index) { entity in
            entity.role = "\(who) who \(deed)"
            entity.roleStrength = titleOnly == true ? 2 : 1
            (entity.line, entity.sentence) = (sentence.line, sentence.text)
          }
        }
      }
    }
  }

  /// What a person did, to say who they were: one verb phrase, cut before a second one
  /// (", and this he accepted", ", then ordered"), or nil when it leans on a pronoun ("fall
  /// on them") or reports speech ("recalled that…"), which cannot single anyone out.
  func deed(_ sentence: DraftSentence, from verb: Int, to last: Int) -> String? {
    var deed = clauseRest(sentence, from: verb, to: last)
    if let comma = deed.range(
      of: #", (?:and|but|then|while|and then|before|after|as|so) "#, options: .regularExpression)
    {
      deed = String(deed[..<comma.lowerBound])
    }
    deed = deed.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
    let words = deed.split(separator: " ").map { $0.lowercased() }
    let leaning: Set<String> = [
      "them", "it", "they", "he", "she", "him", "this", "these", "those", "that",
    ]
    guard words.count >= 3, words.count <= 18, !words.contains(where: leaning.contains) else {
      return nil
    }
    return deed
  }

  /// "Captain Ivo Marek" → "Ivo Marek": the name a titled mention is filed under.
  static func withoutTitles(_ name: String) -> String {
    var words = name.split(separator: " ").map(String.init)
    while words.count > 1, DraftLexicon.titles.contains(words[0].lowercased()) {
      words.removeFirst()
    }
    return words.joined(separator: " ")
  }

  /// Adverbs between a subject and its verb that a role can do without ("Collins later
  /// recalled", "Agung then won").
  static func isMannerAdverb(_ word: String) -> Bool {
    ["later", "then", "also", "soon", "finally", "eventually", "subsequently", "again", "first"]
      .contains(word) || (word.hasSuffix("ly") && word.count > 4 && word != "only")
  }

  func isClauseStart(_ tokens: [Token], _ index: Int) -> Bool {
    index == 0 || [",", ";", ":"].contains(tokens[index - 1].text)
      || (index == 1 && ["the"].contains(tokens[0].lower))
  }

  mutating func addEntityProposals() {
    for entity in book.entities {
      let mentionBonus = 0.04 * Double(min(entity.mentions - 1, 4))
      var fields: [DraftProposal.Field] = [.init("name", .text(entity.name))]
      var confidence = entity.evidence + mentionBonus
      let aliases = entity.aliases.filter { EntityBook.key($0) != EntityBook.key(entity.name) }
      switch entity.kind {
      case .person:
        guard let role = entity.role else { continue }
        if !aliases.isEmpty { fields.append(.init("aliases", .list(aliases))) }
        fields.append(.init("role", .text(role)))
        if let affiliation = entity.affiliation {
          fields.append(.init("affiliation", .text(affiliation)))
        }
        if entity.roleStrength <= 1 { confidence -= 0.12 }
        if entity.name.split(separator: " ").count == 1 && entity.title == nil { confidence -= 0.1 }
      case .unit, .organization:
        if let nickname = entity.nickname { fields.append(.init("nickname", .text(nickname))) }
        if !aliases.isEmpty { fields.append(.init("aliases", .list(aliases))) }
        if let role = entity.role { fields.append(.init("role", .text(role))) }
        if let size = entity.size {
          fields.append(.init("size", .text(size)))
          if let unit = entity.sizeUnit { fields.append(.init("size_unit", .text(unit))) }
        }
        if entity.role == nil && aliases.isEmpty && entity.nickname == nil && entity.mentions == 1 {
          confidence -= 0.15
        }
      case .place:
        if !aliases.isEmpty { fields.append(.init("aliases", .list(aliases))) }
        if let type = entity.placeType { fields.append(.init("type", .text(type))) }
        if let region = entity.region, EntityBook.key(region) != EntityBook.key(entity.name) {
          fields.append(.init("region", .text(region)))
        }
        let known = sentences.filter { sentence in
          entity.sentenceIndices.contains(sentence.index) && sentence.text.contains(entity.name)
            && sentence.tokens.count <= 60 && !sentence.text.hasPrefix("\"")
        }.prefix(2).map(\.text)
        if !known.isEmpty { fields.append(.init("known_for", .list(Array(known)))) }
        if entity.placeType == nil && entity.mentions == 1 { confidence -= 0.05 }
      default:
        continue
      }
      proposals.append(
        DraftProposal(
          id: "", kind: entity.kind, fields: fields, line: entity.line, sentence: entity.sentence,
          confidence: min(confidence, 0.95)))
    }
  }
}
