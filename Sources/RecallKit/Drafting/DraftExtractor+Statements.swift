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
      guard let index = book.find(span.text) ?? book.resolve(span.text) else { continue }
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
          var start = byIndex - 1
          while start > 0, start > byIndex - 8,
            ![",", ";", "(", ":"].contains(tokens[start - 1].text),
            !["by", "with", "from", "was", "were", "included"].contains(tokens[start - 1].lower)
          {
            start -= 1
            if ["the", "a", "an", "his", "their"].contains(tokens[start].lower) { break }
          }
          let group = sentence.text(tokens: start, byIndex - 1)
          if group.split(separator: " ").count >= 2,
            group.first?.isLowercase == true || group.hasPrefix("the")
          {
            let noun =
              verb == "led"
              ? "the leader of" : verb == "headed" ? "the head of" : "the commander of"
            book.update(index) { entity in
              entity.role = "\(noun) \(group)"
              entity.roleStrength = 2
            }
            continue
          }
        }
      }
      // "Guðrøðr Magnússon led a revolt…": what the person did, as the only clue.
      if entity.roleStrength < 1, isClauseStart(tokens, span.start), span.end < last,
        DraftLexicon.isPastVerb(tokens[span.end].text),
        !["was", "were"].contains(tokens[span.end].lower)
      {
        let deed = clauseRest(sentence, from: span.end, to: last)
        let count = deed.split(separator: " ").count
        if count >= 3, count <= 18 {
          book.update(index) { entity in
            entity.role = "the person who \(deed)"
            entity.roleStrength = 1
          }
        }
      }
    }
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
