import Foundation

/// The rules that tell people, units, organisations and places apart by the words around
/// their names.
extension DraftExtractor.Run {
  static let eventFirstWords: Set<String> = [
    "battle", "siege", "operation", "treaty", "action", "raid", "sack", "massacre", "conquest",
    "invasion", "revolt", "rebellion", "uprising", "campaign", "war", "peace", "congress",
    "capture", "fall", "relief", "storming", "bombing", "battles", "sieges",
  ]
  static let eventLastWords: Set<String> = [
    "war", "offensive", "revolt", "uprising", "massacre", "campaign", "incident", "incidents",
    "invasion", "rebellion", "strike", "crisis", "conquest", "revolution", "coup", "lottery",
    "raid", "declaration", "treaty", "conference", "armistice", "siege", "landing", "landings",
  ]
  static let placeFirstWords: [String: String] = [
    "lake": "lake", "mount": "mountain", "cape": "cape", "fort": "fort", "castle": "castle",
    "isle": "island", "port": "port", "river": "river", "gulf": "gulf", "bay": "bay",
  ]
  static let placeLastWords: [String: String] = [
    "bay": "bay", "sea": "sea", "river": "river", "lake": "lake", "island": "island",
    "islands": "island", "valley": "valley", "province": "province", "base": "base",
    "airport": "airport", "castle": "castle", "fortress": "fortress", "church": "church",
    "hospital": "hospital", "cathedral": "cathedral", "mosque": "mosque", "tomb": "tomb",
    "cemetery": "cemetery", "palace": "palace", "bridge": "bridge", "strait": "strait",
    "mountains": "mountains", "hill": "hill", "hills": "hills", "harbour": "harbour",
    "harbor": "harbour", "coast": "coast", "peninsula": "peninsula", "desert": "desert",
    "forest": "forest", "plain": "plain", "county": "county", "district": "district",
    "square": "square", "gate": "gate", "street": "street", "canal": "canal", "ocean": "ocean",
    "plant": "plant", "mill": "mill", "resort": "resort", "compound": "compound",
    "abbey": "abbey", "monastery": "monastery", "chapel": "chapel", "tower": "tower",
  ]
  static let placePrepositions: Set<String> = [
    "in", "at", "near", "to", "from", "towards", "toward", "into", "across", "outside",
    "around", "via", "reaching", "reached", "besieging", "besieged", "captured", "occupied",
    "entered", "invaded", "off", "over", "through", "beyond", "within", "inside", "conquered",
  ]
  static let personVerbs: Set<String> = [
    "said", "claimed", "decided", "ordered", "screamed", "told", "recalled", "replied",
    "believed", "admitted", "married", "died", "wrote", "declared", "demanded", "stated",
    "reported", "threatened", "thought", "feared", "refused", "acknowledged", "steered",
    "sent", "paid", "allowed", "challenged", "accepted", "fled", "rose", "personally",
    "inaugurated", "honored", "honoured", "emphasized", "emphasised", "took", "fired",
    "attempted", "tried", "avoided", "engaged", "landed", "lost", "arrived", "led", "commanded",
    "dispatched", "planned", "intended", "faced", "relocated", "returned", "issued",
  ]

  /// The kind the words around a span say it is, with how strong that evidence is.
  mutating func classify(_ span: NameSpan, in sentence: DraftSentence) {
    let words = span.text.split(separator: " ").map(String.init)
    guard let firstWord = words.first, let lastWord = words.last else { return }
    let first = firstWord.lowercased()
    let last = lastWord.lowercased().trimmingCharacters(in: .punctuationCharacters)
    let tokens = sentence.tokens
    let before = span.start > 0 ? tokens[span.start - 1].lower : ""
    let after = span.end < tokens.count ? tokens[span.end].text : ""

    // Events named in the text ("the Battle of Mazhiq") are names of events, not places.
    if Self.eventFirstWords.contains(first) && (words.count > 1)
      || Self.eventLastWords.contains(last) && words.count > 1
    {
      eventNames[EntityBook.key(span.text)] = span.text
      return
    }
    if let type = Self.placeLastWords[last], words.count > 1,
      !DraftLexicon.unitWords.contains(words.dropLast().last?.lowercased() ?? "")
        || last == "base"
    {
      notePlace(span.text, type: type, evidence: 0.8, sentence: sentence)
      return
    }
    if let type = Self.placeFirstWords[first], words.count > 1 {
      notePlace(span.text, type: type, evidence: 0.8, sentence: sentence)
      return
    }
    let isGroupWord = { (word: String) in
      DraftLexicon.unitWords.contains(word) || DraftLexicon.organisationWords.contains(word)
    }
    let numbered =
      words.contains { $0.first?.isNumber == true || NameSpans.isOrdinal($0) }
      || words.first.map { Token(text: $0, start: 0, end: 0).isRomanNumeral } == true
    let headsName = words.count >= 3 && words[1] == "of"
    if isGroupWord(last) && (words.count > 1 || numbered) || isGroupWord(first) && numbered
      || DraftLexicon.organisationWords.contains(first) && headsName
    {
      let isUnit =
        !DraftLexicon.organisationWords.contains(last)
        && !words.contains { DraftLexicon.organisationWords.contains($0.lowercased()) }
      noteGroup(span, isUnit: isUnit, evidence: 0.8, sentence: sentence)
      return
    }
    if let person = personEvidence(span, words: words, in: sentence) {
      notePerson(person, sentence: sentence)
      return
    }
    // A place by the word before it: "the village of X", "in X".
    let previousTwo =
      span.start >= 2 ? "\(tokens[span.start - 2].lower) \(before)" : before
    for (noun, type) in DraftLexicon.placeTypes
    where previousTwo == "\(noun) of" || previousTwo == "village \(noun)"
      || (before == noun && type == "village")
    {
      notePlace(span.text, type: type, evidence: 0.8, sentence: sentence)
      return
    }
    let afterNext = span.end + 1 < tokens.count ? tokens[span.end + 1].lower : ""
    if after.first?.isLowercase == true, let type = DraftLexicon.placeTypes[after.lowercased()],
      afterNext != "of",
      ["region", "province", "municipality", "valley", "district", "island", "area", "zone"]
        .contains(type)
    {
      notePlace(span.text, type: type, evidence: 0.75, sentence: sentence)
      return
    }
    let modifiesNoun =
      after.first?.isLowercase == true && !DraftExtractor.isVerbLike(after)
      && !DraftLexicon.phraseStops.contains(after.lowercased())
    if Self.placePrepositions.contains(before), !modifiesNoun, words.count <= 4,
      !(span.start >= 2 && tokens[span.start - 2].lower == "of" && before == "the"),
      !words.contains(where: { DraftLexicon.titles.contains($0.lowercased()) })
    {
      if let known = book.find(span.text), book.entities[known].kind != .place {
        book.note(span.text, kind: book.entities[known].kind, evidence: 0, sentence: sentence)
        return
      }
      notePlace(span.text, type: nil, evidence: 0.5, sentence: sentence)
      return
    }
    if let known = book.find(span.text) ?? (words.count == 1 ? book.resolve(span.text) : nil) {
      book.note(
        book.entities[known].name, kind: book.entities[known].kind, evidence: 0, sentence: sentence)
    }
  }

  struct PersonEvidence {
    var name: String
    var title: String?
    var role: String?
    var roleStrength: Int
    var affiliation: String?
    var evidence: Double
    var aliases: [String] = []
  }

  /// Titles, descriptors, appositions and regnal numbers that make a span a person.
  func personEvidence(_ span: NameSpan, words allWords: [String], in sentence: DraftSentence)
    -> PersonEvidence?
  {
    let tokens = sentence.tokens
    var words = allWords
    var titleWords: [String] = []
    while let word = words.first, words.count > 1,
      DraftLexicon.titles.contains(
        word.lowercased().trimmingCharacters(in: .init(charactersIn: ".")))
        || word == "."
    {
      if word != "." { titleWords.append(word) }
      words.removeFirst()
    }
    while words.first == "." { words.removeFirst() }
    guard let firstName = words.first, !words.isEmpty else { return nil }
    if firstName.lowercased() == "of" || NameSpans.connectors.contains(firstName) { return nil }
    let name = words.joined(separator: " ").replacingOccurrences(of: " .", with: ".")
    if words.contains(where: {
      DraftLexicon.unitWords.contains($0.lowercased())
        || DraftLexicon.organisationWords.contains($0.lowercased())
    }) {
      return nil
    }
    if words.allSatisfy({ Token(text: $0, start: 0, end: 0).isAcronym }) { return nil }
    let title = titleWords.isEmpty ? nil : titleWords.joined(separator: " ")
    var result = PersonEvidence(
      name: name, title: title, role: nil, roleStrength: 0, affiliation: nil, evidence: 0)
    // "Sultan Agung", "Commander Remi": a lone name keeps its title, and is an alias alone.
    // A ruler's or noble's title is also accepted with a full name.
    if let title, !title.contains(".") {
      let styled = DraftLexicon.styleTitles.contains(titleWords.last?.lowercased() ?? "")
      if words.count == 1 {
        result.name = "\(title) \(name)"
        result.aliases = [name]
      } else if styled {
        result.aliases = ["\(title) \(name)"]
      }
    }
    if !titleWords.isEmpty { result.evidence = 0.8 }
    if span.start >= 1, tokens[span.start - 1].isAcronym, !titleWords.isEmpty {
      result.affiliation = tokens[span.start - 1].text
    }
    // A regnal number: "Alexander III", "Eric II of Pomerania".
    if words.count >= 2, Token(text: words[1], start: 0, end: 0).isRomanNumeral,
      words[0].first?.isUppercase == true, !Token(text: words[0], start: 0, end: 0).isAcronym
    {
      result.evidence = max(result.evidence, 0.8)
    }
    // A descriptor before it: "the newspaperman Matti Autio", "nurse Ediborah Yap".
    if let descriptor = descriptorBefore(span, in: sentence) {
      result.evidence = max(result.evidence, 0.8)
      result.role = descriptor.role
      result.roleStrength = 3
      result.affiliation = result.affiliation ?? descriptor.affiliation
    }
    // An apposition after it: "Godfrey Herbert, commanding officer of Baralong,".
    if let apposition = appositionAfter(span, in: sentence) {
      result.evidence = max(result.evidence, 0.8)
      result.role = apposition
      result.roleStrength = 4
    } else if let apposition = appositionBefore(span, in: sentence) {
      result.evidence = max(result.evidence, 0.8)
      result.role = apposition
      result.roleStrength = 4
    }
    let after = span.end < tokens.count ? tokens[span.end].lower : ""
    let afterNext = span.end + 1 < tokens.count ? tokens[span.end + 1].lower : ""
    if after == "(", ["died", "born", "r", "d", "b", "c"].contains(afterNext) {
      result.evidence = max(result.evidence, 0.75)
    }
    if after == ",", afterNext == "who" { result.evidence = max(result.evidence, 0.6) }
    if Self.personVerbs.contains(after), words.count >= 2, words.count <= 4 {
      result.evidence = max(result.evidence, 0.6)
    }
    if words.count >= 2, words.count <= 4, result.evidence == 0,
      span.start > 0, ["by", "and"].contains(tokens[span.start - 1].lower),
      words.allSatisfy({ $0.first?.isUppercase == true && $0.count > 1 })
    {
      // "commanded by Fritz Raweneck and Kaspar Nostyc": the second of two names.
      let previous = sentence.spans.last { $0.end <= span.start - 1 }
      if let previous, let known = book.find(previous.text), book.entities[known].kind == .person {
        result.evidence = 0.6
      }
    }
    guard result.evidence > 0 else { return nil }
    // One word and no title ("Americans", "Martin") is too little to be sure of a person.
    if words.count == 1 && titleWords.isEmpty {
      result.evidence = min(result.evidence, 0.5)
    }
    if result.role == nil, let title = result.title {
      result.role = DraftExtractor.withArticle(DraftLexicon.spelledOut(title: title))
      result.roleStrength = 1
    }
    return result
  }

  /// "the Austrian corporal Karl Müller" → role "an Austrian corporal", affiliation "Austrian".
  func descriptorBefore(_ span: NameSpan, in sentence: DraftSentence) -> (
    role: String, affiliation: String?
  )? {
    let tokens = sentence.tokens
    var index = span.start - 1
    guard index >= 0, DraftLexicon.personNouns.contains(tokens[index].lower),
      tokens[index].text.first?.isLowercase == true
    else { return nil }
    var words: [String] = []
    var affiliation: String?
    while index >= 0, words.count < 6 {
      let token = tokens[index]
      guard token.isWord, !(DraftExtractor.isVerbLike(token.text) && !words.isEmpty) else { break }
      if ["the", "a", "an", "his", "her", "their", "its", "by", "of", "to", "with", "and", "for"]
        .contains(token.lower)
        && !(token.lower == "and" && !words.isEmpty && index > 0
          && tokens[index - 1].text.first?.isLowercase == true)
      {
        break
      }
      if token.isCapitalized && index > 0 && tokens[index - 1].isCapitalized && words.isEmpty {
        break
      }
      if token.isCapitalized, affiliation == nil, !words.isEmpty {
        // The whole capitalised run: "the Varkaus Red Guard commander".
        var first = index
        while first > 0, tokens[first - 1].isCapitalized, tokens[first - 1].isWord { first -= 1 }
        affiliation = sentence.text(tokens: first, index + 1)
        words.insert(affiliation ?? token.text, at: 0)
        break
      }
      words.insert(token.text, at: 0)
      index -= 1
      if token.isCapitalized && index >= 0 && !["the", "a", "an"].contains(tokens[index].lower) {
        break
      }
    }
    guard !words.isEmpty else { return nil }
    var phrase = words.joined(separator: " ")
    // "the Roman consuls Manius Manilius and Lucius Marcius Censorinus": one consul each.
    if phrase.hasSuffix("s"), let last = words.last, DraftLexicon.personNouns.contains(last),
      last.hasSuffix("s"), DraftLexicon.personNouns.contains(String(last.dropLast()))
    {
      phrase = String(phrase.dropLast())
    }
    return (DraftExtractor.withArticle(phrase), affiliation)
  }

  /// ", commander of the 103rd Infantry Brigade," after a name.
  func appositionAfter(_ span: NameSpan, in sentence: DraftSentence) -> String? {
    let tokens = sentence.tokens
    guard span.end + 1 < tokens.count, tokens[span.end].text == "," else { return nil }
    let start = span.end + 1
    var end = start
    while end < tokens.count, ![",", ";", "(", ")", ".", ":", "\"", "“"].contains(tokens[end].text)
    {
      end += 1
    }
    guard end > start, end - start <= 16 else { return nil }
    let head = tokens[start..<min(end, start + 3)].map(\.lower)
    let opensWithNoun =
      ["a", "an", "the", "then", "himself", "herself"].contains(head[0])
      || head.contains { DraftLexicon.personNouns.contains($0) || DraftLexicon.titles.contains($0) }
    guard opensWithNoun else { return nil }
    guard
      head.contains(where: {
        DraftLexicon.personNouns.contains($0) || DraftLexicon.titles.contains($0)
      })
        || tokens[start..<end].contains(where: { DraftLexicon.personNouns.contains($0.lower) })
    else { return nil }
    if DraftExtractor.isVerbLike(tokens[start].text)
      && !DraftLexicon.personNouns.contains(head.count > 1 ? head[1] : "")
    {
      return nil
    }
    let phrase = sentence.text(tokens: start, end)
    return DraftExtractor.withArticle(phrase)
  }

  /// "then-President of Kosovo, Hashim Thaçi," and "the group's leader, identified as Abu
  /// Suleiman".
  func appositionBefore(_ span: NameSpan, in sentence: DraftSentence) -> String? {
    let tokens = sentence.tokens
    var cut = span.start - 1
    if cut >= 1, tokens[cut].lower == "as",
      ["identified", "known", "named"].contains(tokens[cut - 1].lower)
    {
      cut -= 2
    }
    guard cut >= 1, tokens[cut].text == "," else { return nil }
    let end = cut
    var start = end
    while start > 0, ![",", ";", "(", ")", ":", "\"", "“"].contains(tokens[start - 1].text) {
      start -= 1
    }
    guard end - start >= 1, end - start <= 8 else { return nil }
    let first = tokens[start].lower
    let hasNoun = tokens[start..<end].contains {
      DraftLexicon.personNouns.contains($0.lower) || DraftLexicon.titles.contains($0.lower)
    }
    guard hasNoun,
      start == 0 || ["the", "then-president"].contains(first) || DraftLexicon.titles.contains(first)
    else { return nil }
    if tokens[start..<end].contains(where: { DraftExtractor.isVerbLike($0.text) }) { return nil }
    return DraftExtractor.withArticle(sentence.text(tokens: start, end))
  }

  mutating func notePerson(_ person: PersonEvidence, sentence: DraftSentence) {
    let known =
      book.find(person.name) ?? person.aliases.compactMap { book.find($0) }.first
      ?? (person.name.contains(" ") ? nil : book.resolve(person.name))
    let name = known.map { book.entities[$0].name } ?? person.name
    book.note(name, kind: .person, evidence: person.evidence, sentence: sentence) { entity in
      if let role = person.role, person.roleStrength > entity.roleStrength {
        entity.role = role
        entity.roleStrength = person.roleStrength
      }
      entity.title = entity.title ?? person.title
      entity.affiliation = entity.affiliation ?? person.affiliation
    }
    if let index = book.find(name) {
      for alias in person.aliases { book.addAlias(alias, to: index) }
    }
  }

  mutating func notePlace(_ name: String, type: String?, evidence: Double, sentence: DraftSentence)
  {
    if let known = book.find(name), book.entities[known].kind != .place,
      book.entities[known].evidence >= evidence
    {
      book.note(name, kind: book.entities[known].kind, evidence: 0, sentence: sentence)
      return
    }
    book.note(name, kind: .place, evidence: evidence, sentence: sentence) { entity in
      if let type, entity.placeType == nil { entity.placeType = type }
    }
  }

  mutating func noteGroup(_ span: NameSpan, isUnit: Bool, evidence: Double, sentence: DraftSentence)
  {
    let name = span.text
    book.note(name, kind: isUnit ? .unit : .organization, evidence: evidence, sentence: sentence)
  }

  /// Aliases, nicknames and acronyms written next to a name: "X (KLA)", "Danzig (Gdańsk)",
  /// `known as "Mehe Uka"`, `alias "Commander Leka"`, `the pseudonym "Captain William McBride"`.
  mutating func noteOtherNames(in sentence: DraftSentence) {
    let tokens = sentence.tokens
    for span in sentence.spans {
      guard let index = book.find(span.text) ?? book.resolve(span.text) else { continue }
      var position = span.end
      // "X (ABC)" or "Danzig (Gdańsk)".
      if position + 2 < tokens.count, tokens[position].text == "(",
        let inner = sentence.spans.first(where: { $0.start == position + 1 }),
        inner.end < tokens.count, tokens[inner.end].text == ")",
        HistoricalDate(parsing: inner.text) == nil
      {
        book.addAlias(inner.text, to: index)
        continue
      }
      if position < tokens.count, tokens[position].text == "," { position += 1 }
      let cue = tokens[position..<min(tokens.count, position + 3)].map(\.lower)
      let isAlias =
        cue.first == "alias" || cue.starts(with: ["also", "known", "as"])
        || cue.starts(with: ["also", "called"])
      let isNickname = cue.starts(with: ["known", "as"]) || cue.first == "nicknamed"
      guard isAlias || isNickname else { continue }
      let skip =
        cue.first == "alias" || cue.first == "nicknamed"
        ? 1 : cue.first == "also" ? (cue[1] == "called" ? 2 : 3) : 2
      guard let quoted = quotedName(in: sentence, from: position + skip) else { continue }
      if isNickname, book.entities[index].kind != .person {
        book.update(index) { $0.nickname = $0.nickname ?? quoted }
      } else {
        book.addAlias(quoted, to: index)
      }
    }
    // "the pseudonym "X"": an alias of the person the sentence is about.
    if let cue = tokens.firstIndex(where: { ["pseudonym", "alias"].contains($0.lower) }),
      let quoted = quotedName(in: sentence, from: cue + 1),
      let subject = sentence.spans.first(where: { $0.end <= cue }),
      let index = book.find(subject.text) ?? book.resolve(subject.text),
      book.entities[index].kind == .person
    {
      book.addAlias(quoted, to: index)
    }
  }

  /// A name in quotes starting at token `index` (or a bare name span there).
  func quotedName(in sentence: DraftSentence, from index: Int) -> String? {
    let tokens = sentence.tokens
    guard index < tokens.count else { return nil }
    if ["\"", "“", "'"].contains(tokens[index].text) {
      var end = index + 1
      while end < tokens.count, !["\"", "”", "'"].contains(tokens[end].text) { end += 1 }
      guard end < tokens.count, end > index + 1, end - index <= 8 else { return nil }
      let text = sentence.text(tokens: index + 1, end).trimmingCharacters(
        in: CharacterSet(charactersIn: ",. "))
      return text.first?.isUppercase == true ? text : nil
    }
    return sentence.spans.first { $0.start == index }?.text
  }

  /// "villages such as Mazhiq, Kutllovc, and Barë": each a place of the type named, the list
  /// kept open.
  mutating func notePlaceLists(in sentence: DraftSentence) {
    let tokens = sentence.tokens
    for (position, token) in tokens.enumerated() {
      guard let type = DraftLexicon.placeTypes[token.lower],
        token.lower.hasSuffix("s") || token.lower.hasSuffix("ies")
          || ["villages", "towns", "cities"].contains(token.lower)
      else { continue }
      var cursor = position + 1
      let cue = tokens[cursor..<min(tokens.count, cursor + 2)].map(\.lower)
      if cue.starts(with: ["such", "as"]) {
        cursor += 2
      } else if ["like", "including", "of"].contains(cue.first ?? "") {
        cursor += 1
      } else {
        continue
      }
      if cursor < tokens.count, tokens[cursor].lower == "the" { cursor += 1 }
      var names: [String] = []
      while let span = sentence.spans.first(where: { $0.start == cursor }) {
        names.append(span.text)
        cursor = span.end
        if cursor < tokens.count, tokens[cursor].text == "," { cursor += 1 }
        if cursor < tokens.count, ["and", "or"].contains(tokens[cursor].lower) { cursor += 1 }
      }
      guard names.count >= 2 else { continue }
      for name in names {
        if let known = book.find(name), book.entities[known].kind != .place,
          book.entities[known].evidence >= 0.8
        {
          continue
        }
        notePlace(name, type: type, evidence: 0.8, sentence: sentence)
        if let index = book.find(name) {
          book.update(index) { entity in
            entity.placeType = type
            entity.evidence = max(entity.evidence, 0.8)
            entity.kind = .place
          }
        }
      }
    }
  }

  /// "in Varkaus, Leppävirta" and "Bukos in Vushtrria": the larger place a place lies in.
  mutating func noteRegions(in sentence: DraftSentence) {
    let tokens = sentence.tokens
    for (offset, span) in sentence.spans.enumerated() where offset + 1 < sentence.spans.count {
      let next = sentence.spans[offset + 1]
      guard let index = book.find(span.text), book.entities[index].kind == .place,
        next.start == span.end + 1,
        tokens[span.end].text == "," || tokens[span.end].lower == "in",
        span.start > 0, Self.placePrepositions.contains(tokens[span.start - 1].lower)
      else { continue }
      let inList =
        next.end + 1 < tokens.count && tokens[next.end].text == ","
        && (tokens[next.end + 1].lower == "and" || tokens[next.end + 1].isCapitalized)
      let closes =
        !inList
        && (next.end >= tokens.count || [",", ".", ";", ")"].contains(tokens[next.end].text))
      guard closes else { continue }
      if tokens[span.end].text == ",",
        let other = book.find(next.text), book.entities[other].kind != .place
      {
        continue
      }
      notePlace(next.text, type: nil, evidence: 0.55, sentence: sentence)
      book.update(index) { $0.region = $0.region ?? next.text }
    }
  }
}
