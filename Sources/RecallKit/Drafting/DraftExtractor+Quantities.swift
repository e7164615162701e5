import Foundation

/// Figures: every number with what it counts, its qualifier and its date, phrased to follow
/// "How many". A figure whose sentence cannot be turned into that shape keys a cloze instead.
extension DraftExtractor.Run {
  struct NumberMention {
    var start: Int  // first token of the qualifier or number
    var numberStart: Int
    var end: Int  // token after the number
    var value: String  // as NumberValue reads it
    var key: String  // as the sentence writes it
    var low: Double
  }

  static let qualifiers: [([String], String)] = [
    (["more", "than"], "more than"), (["fewer", "than"], "fewer than"),
    (["less", "than"], "fewer than"), (["at", "least"], "at least"), (["at", "most"], "at most"),
    (["up", "to"], "up to"), (["approximately"], "approximately"), (["about"], "about"),
    (["around"], "around"), (["roughly"], "roughly"), (["some"], "some"), (["nearly"], "about"),
    (["almost"], "about"), (["over"], "over"), (["circa"], "about"), (["estimated"], "about"),
  ]

  static let nominalPassives: [String: String] = [
    "loss": "lost", "losses": "lost", "death": "killed", "deaths": "killed",
    "destruction": "destroyed", "capture": "captured", "execution": "executed",
    "killing": "killed", "murder": "killed", "evacuation": "evacuated",
  ]

  /// The numbers of a sentence that count something (not dates, times, or parts of names).
  func numberMentions(in sentence: DraftSentence) -> [NumberMention] {
    let tokens = sentence.tokens
    var result: [NumberMention] = []
    var index = 0
    while index < tokens.count {
      guard let (value, next) = numberValue(tokens, at: index) else {
        index += 1
        continue
      }
      let token = tokens[index]
      let inDate = sentence.dates.contains { $0.dateRange.contains(token.start) }
      let previous = index > 0 ? tokens[index - 1] : nil
      let inName =
        previous.map { $0.isCapitalized && !DraftLexicon.notNames.contains($0.lower) && index > 1 }
        ?? false || sentence.span(covering: index) != nil
      let afterDash = previous?.text == "-" || previous?.text == "–"
      if inDate || inName || afterDash || (next < tokens.count && tokens[next].text == ":") {
        index = next
        continue
      }
      var start = index
      var qualifier: String?
      for (words, name) in Self.qualifiers where index >= words.count {
        let before = tokens[(index - words.count)..<index].map(\.lower)
        if before == words {
          qualifier = name
          start = index - words.count
          break
        }
      }
      var end = next
      var text = qualifier.map { "\($0) " } ?? ""
      var low = value
      // Ranges: "between 3,000 and 5,000", "3,000 to 5,000", "3,000–5,000".
      if end + 1 < tokens.count, ["and", "to", "–", "-"].contains(tokens[end].lower),
        let (high, after) = numberValue(tokens, at: end + 1), high > value,
        tokens[end].lower != "and" || (start > 0 && tokens[start - 1].lower == "between")
      {
        if tokens[end].lower == "and" { start -= 1 }
        text += "\(NumberValue.format(value)) to \(NumberValue.format(high))"
        end = after
      } else {
        text += NumberValue.format(value)
        low = value
      }
      let key = sentence.text(tokens: start, end)
      result.append(
        NumberMention(
          start: start, numberStart: index, end: end, value: text, key: key, low: low))
      index = end
    }
    return result
  }

  /// A number in digits or words at `index` ("3,000", "fourteen", "five hundred and thirty
  /// seven", "a dozen"), and the token after it.
  func numberValue(_ tokens: [Token], at index: Int) -> (Double, Int)? {
    let token = tokens[index]
    if token.isNumber {
      let digits = token.text.filter { $0 != "," }
      guard !token.text.contains(":"), let value = Double(digits), value < 1e12 else { return nil }
      let groups = token.text.components(separatedBy: ",")
      if groups.count > 1 && groups.dropFirst().contains(where: { $0.count != 3 }) {
        return nil
      }
      var next = index + 1
      var total = value
      if next < tokens.count, ["thousand", "million"].contains(tokens[next].lower) {
        total *= tokens[next].lower == "thousand" ? 1000 : 1_000_000
        next += 1
      }
      return (total, next)
    }
    var total = 0.0
    var current = 0.0
    var next = index
    var sawWord = false
    while next < tokens.count {
      let parts = tokens[next].lower.split(separator: "-").map(String.init)
      guard parts.allSatisfy({ DraftLexicon.numberWords[$0] != nil }) else {
        if tokens[next].lower == "and", sawWord, next + 1 < tokens.count,
          DraftLexicon.numberWords[tokens[next + 1].lower] != nil, current >= 100
        {
          next += 1
          continue
        }
        break
      }
      for part in parts {
        let value = DraftLexicon.numberWords[part] ?? 0
        if value == 100 {
          current = max(current, 1) * 100
        } else if value == 1000 {
          total += max(current, 1) * 1000
          current = 0
        } else if part == "dozen" {
          current = max(current, 1) * 12
        } else {
          current += value
        }
      }
      sawWord = true
      next += 1
    }
    guard sawWord else { return nil }
    // "a dozen" is a number; "one" alone only before a noun it counts.
    return (total + current, next)
  }

  mutating func findQuantities() {
    for sentence in sentences {
      let mentions = numberMentions(in: sentence)
      var previousFrame: (prefix: String, suffixStart: Int)?
      for (position, mention) in mentions.enumerated() {
        let tokens = sentence.tokens
        let (clauseStart, clauseEnd) = sentence.clauseBounds(
          around: tokens[mention.numberStart].start)
        let clauseFirst = sentence.tokenIndex(atOrAfter: clauseStart)
        let clauseLast = sentence.tokenIndex(atOrAfter: clauseEnd)
        // The counted noun phrase.
        var nounEnd = mention.end
        while nounEnd < clauseLast, nounEnd - mention.end < 4 {
          let word = tokens[nounEnd]
          guard word.isWord, !DraftLexicon.phraseStops.contains(word.lower),
            word.text.first?.isNumber != true || word.text.contains("-")
          else { break }
          if nounEnd > mention.end, DraftExtractor.isVerbLike(word.text),
            word.isCapitalized == false
          {
            break
          }
          nounEnd += 1
        }
        let noun = sentence.text(tokens: mention.end, nounEnd)
        let nounWords = noun.split(separator: " ").map { $0.lowercased() }
        if let first = nounWords.first, DraftLexicon.measureWords.contains(first) { continue }
        if nounWords.contains(where: { DraftLexicon.measureWords.contains($0) }) { continue }
        let date = sentence.dates.first { !$0.attributive && !$0.yearInferred && $0.date != nil }
        let valueIsOne = mention.low == 1 && !mention.value.contains("to")
        if noun.isEmpty || valueIsOne
          || (nounEnd < clauseLast && tokens[nounEnd].lower == "of" && nounWords.isEmpty)
        {
          addNumberStatement(mention, in: sentence)
          continue
        }
        // What follows the noun phrase, to the end of the clause, minus other figures joined by
        // "and" and a parenthetical ", including …,".
        var restStart = nounEnd
        if position + 1 < mentions.count, restStart < clauseLast, tokens[restStart].lower == "and",
          mentions[position + 1].start == restStart + 1
        {
          restStart = skipNounPhrase(tokens, from: mentions[position + 1].end, limit: clauseLast)
        }
        let rest = clauseRest(sentence, from: restStart, to: clauseLast)
        let before = Array(tokens[clauseFirst..<mention.start])
        let lead = leadingIntro(before)
        let core = Array(before[lead...])
        var howMany: String?
        var confidence = 0.0
        if core.isEmpty
          || core.allSatisfy({
            ["the", "only", "just", "another", "all", "a", "total", "of"].contains($0.lower)
          }),
          nounEnd < clauseLast, isPredicateStart(tokens, at: nounEnd)
        {
          howMany = noun + " " + rest
          confidence = 0.8
          previousFrame = nil
        } else if nounEnd < clauseLast, isReducedRelative(tokens, at: nounEnd) {
          howMany = noun + " were " + rest
          confidence = 0.72
        } else if let verbIndex = core.lastIndex(where: {
          !["only", "just", "another", "a", "total", "of", "additional"].contains($0.lower)
        }),
          DraftLexicon.isPastVerb(core[verbIndex].text), core[verbIndex].lower != "was",
          core[verbIndex].lower != "were",
          let base = Verb.base(ofPast: core[verbIndex].text),
          verbIndex >= 1, verbIndex <= 7,
          !core[..<verbIndex].contains(where: {
            DraftExtractor.isVerbLike($0.text) || $0.text == ","
          })
        {
          let subject = lowercasingCommonStart(
            core[..<verbIndex].map(\.text).joined(separator: " ")
              .replacingOccurrences(of: " '", with: "'").replacingOccurrences(of: " ’", with: "’"))
          let frame = "did \(subject) \(base)"
          howMany = "\(noun) \(frame)" + (rest.isEmpty ? "" : " \(rest)")
          confidence = DraftLexicon.isSureVerb(core[verbIndex].text) ? 0.72 : 0.66
          previousFrame = (frame, restStart)
        } else if let frame = previousFrame, mention.start > 0,
          tokens[mention.start - 1].lower == "and"
        {
          howMany = "\(noun) \(frame.prefix)" + (rest.isEmpty ? "" : " \(rest)")
          confidence = 0.62
        } else if let ofIndex = core.last, ofIndex.lower == "of", core.count >= 2,
          let passive = Self.nominalPassives[core[core.count - 2].lower]
        {
          howMany = "\(noun) were \(passive)" + (rest.isEmpty ? "" : " \(rest)")
          confidence = 0.58
        }
        guard var clause = howMany else {
          addNumberStatement(mention, in: sentence)
          continue
        }
        clause = clause.replacingOccurrences(of: " ,", with: ",").split(separator: " ")
          .joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
        if clause.split(separator: " ").count > 30 { confidence -= 0.15 }
        var fields: [DraftProposal.Field] = [
          .init("how_many", .text(clause)), .init("value", .text(qualified(mention))),
        ]
        if let date, let parsed = date.date {
          fields.append(.init("date", .text(parsed.deckText)))
        }
        proposals.append(
          DraftProposal(
            id: "", kind: .quantity, fields: fields, line: sentence.line,
            sentence: sentence.text, confidence: confidence))
        usedSentences[sentence.index, default: 0] += 1
        noteSize(mention, noun: noun, in: sentence, before: core)
      }
    }
  }

  /// The value as `NumberValue.parse` reads it, with the source's qualifier.
  func qualified(_ mention: NumberMention) -> String {
    var text = mention.value
    if text.hasPrefix("some ") || text.hasPrefix("estimated ") {
      text = "about " + text.split(separator: " ").dropFirst().joined(separator: " ")
    }
    if text.contains(" to "), !text.hasPrefix("between"), text.first?.isNumber == true {
      let parts = text.components(separatedBy: " to ")
      text = "between \(parts[0]) and \(parts[1])"
    }
    return text
  }

  func skipNounPhrase(_ tokens: [Token], from start: Int, limit: Int) -> Int {
    var index = start
    while index < limit, index - start < 4, tokens[index].isWord,
      !DraftLexicon.phraseStops.contains(tokens[index].lower)
    {
      index += 1
    }
    return index
  }

  /// Leading "In 2004," or "Upon their arrival," before the clause proper.
  func leadingIntro(_ tokens: [Token]) -> Int {
    if let comma = tokens.firstIndex(where: { $0.text == "," }), comma <= 6,
      let first = tokens.first,
      [
        "in", "on", "at", "after", "during", "upon", "by", "of", "as", "meanwhile", "however",
        "later", "finally", "eventually", "subsequently", "afterwards", "thus",
      ].contains(first.lower)
    {
      return comma + 1
    }
    return 0
  }

  func isPredicateStart(_ tokens: [Token], at index: Int) -> Bool {
    var position = index
    while position < tokens.count, tokens[position].lower.hasSuffix("ly"),
      tokens[position].lower.count > 3
    {
      position += 1
    }
    guard position < tokens.count else { return false }
    let word = tokens[position].lower
    if [
      "was", "were", "had", "died", "survived", "managed", "remained", "fell", "took", "lost",
      "escaped", "made", "received", "came", "went", "fled",
    ].contains(word) {
      return true
    }
    return DraftLexicon.isPastVerb(tokens[position].text)
  }

  func isReducedRelative(_ tokens: [Token], at index: Int) -> Bool {
    var position = index
    while position < tokens.count, tokens[position].lower.hasSuffix("ly"),
      tokens[position].lower.count > 3
    {
      position += 1
    }
    guard position + 1 < tokens.count, DraftLexicon.isPastVerb(tokens[position].text) else {
      return false
    }
    return ["by", "in", "at", "from", "for", "on"].contains(tokens[position + 1].lower)
  }

  /// The clause from `start`, without a parenthetical ", including …," and cut at a comma
  /// once it is long enough to be clear.
  func clauseRest(_ sentence: DraftSentence, from start: Int, to end: Int) -> String {
    let tokens = sentence.tokens
    var pieces: [String] = []
    var index = start
    var words = 0
    while index < end {
      let token = tokens[index]
      if token.text == ",", index + 1 < end,
        [
          "including", "among", "mostly", "mainly", "of", "which", "who", "while", "but",
          "although",
        ]
        .contains(tokens[index + 1].lower)
      {
        // Skip to the next comma: a parenthetical, or the end of what matters.
        var skip = index + 1
        while skip < end, tokens[skip].text != "," { skip += 1 }
        if ["which", "who", "while", "but", "although"].contains(tokens[index + 1].lower) { break }
        index = skip
        continue
      }
      if token.text == ",", words >= 8 { break }
      if token.text == "(" {
        var skip = index + 1
        while skip < end, tokens[skip].text != ")" { skip += 1 }
        index = skip + 1
        continue
      }
      pieces.append(sentence.text(tokens: index, index + 1))
      if token.isWord { words += 1 }
      index += 1
    }
    var text = ""
    for piece in pieces {
      if text.isEmpty || [",", ".", ";", ":", ")", "'s", "’s", "'", "’"].contains(piece)
        || text.hasSuffix("(") || text.hasSuffix("-") || piece.hasPrefix("-")
      {
        text += piece
      } else {
        text += " " + piece
      }
    }
    return text.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
  }

  mutating func addNumberStatement(_ mention: NumberMention, in sentence: DraftSentence) {
    addStatement(sentence, key: mention.key, confidence: 0.55, alternatives: [])
  }

  /// "Brigade 141 … registering over 100 fighters": a unit's size.
  mutating func noteSize(
    _ mention: NumberMention, noun: String, in sentence: DraftSentence, before: [Token]
  ) {
    let nounWords = noun.lowercased().split(separator: " ").map(String.init)
    guard let last = nounWords.last, DraftLexicon.personnelNouns.contains(last) else { return }
    let cues: Set<String> = [
      "registering", "numbering", "totalled", "totaled", "totalling", "consisting", "composed",
      "comprising", "strength", "of", "included", "numbered",
    ]
    guard before.contains(where: { cues.contains($0.lower) }) else { return }
    let groupSpan = sentence.spans.first { span in
      guard sentence.tokens[span.start].start < sentence.tokens[mention.start].start,
        let index = book.find(span.text)
      else { return false }
      return [.unit, .organization].contains(book.entities[index].kind)
    }
    guard let groupSpan, let index = book.find(groupSpan.text) else { return }
    let size = qualified(mention)
    book.update(index) { entity in
      if entity.size == nil {
        entity.size = size
        entity.sizeUnit = noun
      }
    }
  }
}
