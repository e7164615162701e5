import Foundation

/// Walks a composed YAML tree into a `Deck`, reporting through its `NodeReader`.
struct DeckBuilder {
  var reader: NodeReader
  let path: String
  /// Every id seen so far (facts and cards share one namespace), with where it was first used.
  private var ids: [String: SourceLocation] = [:]
  /// Place references in events, resolved once every fact is read.
  private var placeReferences: [(factIndex: Int, value: String, node: DeckNode)] = []
  /// Place references of the fact being read, kept only if the fact loads.
  private var pendingPlaces: [(String, DeckNode)] = []
  private var cardFactReferences: [(value: String, node: DeckNode)] = []

  static let deckKeys = [
    "id", "title", "subject", "language", "source", "settings", "facts", "cards",
  ]
  static let sourceKeys = ["title", "url", "author", "license", "note"]
  static let settingsKeys = [
    "desired_retention", "maximum_interval", "learning_steps", "relearning_steps", "parameters",
    "new_per_day", "reviews_per_day",
  ]
  static let commonFactKeys = ["id", "kind", "tags", "note", "source"]
  static let factKeys: [Fact.Kind: [String]] = [
    .event: ["name", "what", "date", "places", "participants", "outcome", "casualties"],
    .person: ["name", "aliases", "role", "affiliation"],
    .unit: ["name", "nickname", "aliases", "role", "affiliation", "size", "size_unit"],
    .organization: ["name", "nickname", "aliases", "role", "affiliation", "size", "size_unit"],
    .place: ["name", "aliases", "type", "region", "known_for"],
    .quantity: ["how_many", "value", "unit", "date"],
    .statement: ["text", "alternatives"],
  ]
  static let requiredFactKeys: [Fact.Kind: [String]] = [
    .event: ["what", "date"],
    .person: ["name", "role"],
    .unit: ["name"],
    .organization: ["name"],
    .place: ["name"],
    .quantity: ["how_many", "value"],
    .statement: ["text"],
  ]
  static let cardKeys = [
    "id", "type", "prompt", "text", "answer", "distractors", "fact", "explanation", "tags",
  ]

  init(reader: NodeReader, path: String) {
    self.reader = reader
    self.path = path
  }

  /// Builds the deck from `root`, which it empties of facts as it reads them: each fact's
  /// nodes are freed once the fact is built, so a large deck never holds both whole.
  mutating func build(_ root: inout DeckNode?) -> Deck? {
    var takenFacts = Self.takeValue(of: "facts", from: &root)
    guard let root, !reader.isNull(root) else {
      reader.report(.error("the deck is empty", at: SourceLocation(file: path, line: 1, column: 1)))
      return nil
    }
    guard
      let fields = reader.fields(
        of: root, in: "the deck", known: Self.deckKeys,
        required: ["id", "title", "subject", "source", "facts"])
    else { return nil }
    let id = reader.text(fields["id"], field: "id")
    if let id, let value = fields["id"], !Self.isValidDeckID(id) {
      reader.error(
        "deck id '\(NodeReader.clip(id))' must be 1 to 64 lowercase letters, digits, '-', '_' "
          + "or '.', starting with a letter or digit", at: value)
    }
    let title = reader.text(fields["title"], field: "title")
    let subject = reader.text(fields["subject"], field: "subject")
    let language = reader.text(fields["language"], field: "language") ?? "en"
    if let value = fields["language"], !Self.isLanguageTag(language) {
      reader.error(
        "'language' must be a language tag such as 'en' or 'sq', found '\(NodeReader.clip(language))'",
        at: value)
    }
    let source = fields["source"].flatMap { readSource($0) }
    let settings = fields["settings"].map { readSettings($0) } ?? DeckSettings()

    var facts: [Fact] = []
    var entryCount = 0
    if let node = takenFacts ?? fields["facts"] {
      takenFacts = nil
      var entries = readList(consume node, field: "facts")
      entryCount += entries.count
      // Reserved up front: growing by doubling would briefly hold two copies of a large deck.
      facts.reserveCapacity(entries.count)
      ids.reserveCapacity(entries.count)
      for position in entries.indices {
        let entry = entries[position]
        entries[position] = Self.placeholder(at: entry.mark)
        pendingPlaces = []
        guard let fact = readFact(entry) else { continue }
        for (value, node) in pendingPlaces {
          placeReferences.append((facts.count, value, node))
        }
        facts.append(fact)
      }
    }
    var cards: [HandCard] = []
    if let node = fields["cards"] {
      let entries = readList(node, field: "cards")
      entryCount += entries.count
      cards = entries.compactMap { readCard($0) }
    }
    if facts.count + cards.count > reader.limits.maximumItems {
      reader.error(
        "the deck has \(facts.count + cards.count) facts and cards; the limit is "
          + "\(reader.limits.maximumItems)", at: root)
    }
    resolveReferences(&facts)
    if entryCount == 0 {
      reader.error("the deck has no facts and no cards", at: fields["facts"] ?? root)
    }
    guard let id, let title, let subject, let source else { return nil }
    return Deck(
      id: id, title: title, subject: subject, language: language, source: source,
      settings: settings, facts: facts, cards: cards, path: path)
  }

  static func isValidDeckID(_ id: String) -> Bool {
    let bytes = id.utf8
    guard (1...64).contains(bytes.count), let first = bytes.first,
      isLowercaseLetter(first) || isDigit(first)
    else { return false }
    return bytes.allSatisfy { isLowercaseLetter($0) || isDigit($0) || isIDPunctuation($0) }
      && id.firstLiteralRange(of: "..") == nil
  }

  /// Checked on bytes: every fact and card has an id, and a large deck has a hundred thousand.
  static func isValidItemID(_ id: String) -> Bool {
    let bytes = id.utf8
    guard (1...100).contains(bytes.count), let first = bytes.first,
      isLetter(first) || isDigit(first)
    else { return false }
    return bytes.allSatisfy { isLetter($0) || isDigit($0) || isIDPunctuation($0) }
  }

  private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    isLowercaseLetter(byte | 0x20)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isIDPunctuation(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }

  static func isLanguageTag(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  private mutating func readList(_ node: DeckNode, field: String) -> [DeckNode] {
    guard reader.visit(node) else { return [] }
    if reader.isNull(node) { return [] }
    guard case .sequence(let sequence) = node else {
      reader.error(
        "'\(field)' must be a list (each entry starting with '- '), found \(reader.describe(node))",
        at: node)
      return []
    }
    return sequence.nodes
  }

  /// Takes the value of `key` out of a mapping, leaving an empty list in its place (so the key
  /// still counts as present) and the caller the value's only reference.
  static func takeValue(of key: String, from root: inout DeckNode?) -> DeckNode? {
    guard case .mapping(var mapping) = root else { return nil }
    root = nil
    defer { root = .mapping(mapping) }
    guard
      let position = mapping.pairs.firstIndex(where: {
        if case .scalar(let scalar) = $0.key { scalar.string == key } else { false }
      })
    else { return nil }
    let value = mapping.pairs[position].value
    mapping.pairs[position].value = .sequence(
      .init(nodes: [], mark: value.mark ?? DeckNode.Mark(line: 1, column: 1)))
    return value
  }

  static func placeholder(at mark: DeckNode.Mark?) -> DeckNode {
    .scalar(.init(string: "", style: .plain, mark: mark ?? DeckNode.Mark(line: 1, column: 1)))
  }

  private mutating func readSource(_ node: DeckNode) -> Deck.Source? {
    if case .scalar = node {
      return reader.text(node, field: "source").map { Deck.Source(title: $0) }
    }
    guard
      let fields = reader.fields(
        of: node, in: "'source'", known: Self.sourceKeys, required: ["title"]),
      let title = reader.text(fields["title"], field: "title")
    else { return nil }
    return Deck.Source(
      title: title, url: reader.text(fields["url"], field: "url"),
      author: reader.text(fields["author"], field: "author"),
      license: reader.text(fields["license"], field: "license"),
      note: reader.text(fields["note"], field: "note"))
  }

  private mutating func readSettings(_ node: DeckNode) -> DeckSettings {
    guard
      let fields = reader.fields(
        of: node, in: "'settings'", known: Self.settingsKeys, required: [])
    else { return DeckSettings() }
    var settings = DeckSettings()
    settings.desiredRetention = reader.number(
      fields["desired_retention"], field: "desired_retention", range: 0.5...0.99)
    settings.maximumInterval = reader.number(
      fields["maximum_interval"], field: "maximum_interval", range: 1...36500
    ).map { Int($0) }
    settings.newPerDay = reader.number(
      fields["new_per_day"], field: "new_per_day", range: 0...100_000
    )
    .map { Int($0) }
    settings.reviewsPerDay = reader.number(
      fields["reviews_per_day"], field: "reviews_per_day", range: 0...1_000_000
    ).map { Int($0) }
    settings.learningSteps = readSteps(fields["learning_steps"], field: "learning_steps")
    settings.relearningSteps = readSteps(fields["relearning_steps"], field: "relearning_steps")
    if let node = fields["parameters"] {
      let values = readList(node, field: "parameters").compactMap {
        reader.number($0, field: "parameters", range: -100...100)
      }
      if values.count == 21 {
        settings.parameters = values
      } else {
        reader.error(
          "'parameters' must list the 21 FSRS-6 weights, found \(values.count)", at: node)
      }
    }
    return settings
  }

  private mutating func readSteps(_ node: DeckNode?, field: String) -> [Double]? {
    guard let node else { return nil }
    var steps: [Double] = []
    for entry in readList(node, field: field) {
      guard let text = reader.text(entry, field: field) else { continue }
      guard let seconds = parseStepDuration(text) else {
        reader.error(
          "'\(field)' entries are durations such as '1m', '10m', '1h' or '1d', found '\(NodeReader.clip(text))'",
          at: entry)
        continue
      }
      steps.append(seconds)
    }
    return steps
  }

  private mutating func claim(id: String, node: DeckNode) {
    if let first = ids[id] {
      reader.error(
        "duplicate id '\(id)'; it is already used at line \(first.line), column \(first.column)",
        at: node)
    } else {
      ids[id] = reader.location(node)
    }
  }

  private mutating func readID(_ node: DeckNode?, what: String) -> String? {
    guard let id = reader.text(node, field: "id") else { return nil }
    guard Self.isValidItemID(id) else {
      reader.error(
        "\(what) id '\(NodeReader.clip(id))' may use only ASCII letters, digits, '-', '_' and '.'",
        at: node)
      return nil
    }
    if let node { claim(id: id, node: node) }
    return id
  }

  private mutating func readFact(_ node: DeckNode) -> Fact? {
    guard reader.visit(node) else { return nil }
    guard case .mapping(let mapping) = node else {
      reader.error(
        "each fact must be a mapping with 'id' and 'kind', found \(reader.describe(node))", at: node
      )
      return nil
    }
    let kindNode = mapping["kind"]
    guard let kindName = reader.text(kindNode, field: "kind") else {
      if kindNode == nil { reader.error("fact is missing required key 'kind'", at: node) }
      _ = reader.fields(
        of: node, in: "a fact", known: Self.commonFactKeys + Self.allFactKeys, required: ["id"])
      return nil
    }
    guard let kind = Fact.Kind(rawValue: kindName) else {
      let kinds = Fact.Kind.allCases.map(\.rawValue)
      let hint =
        closestMatch(to: kindName, in: kinds).map { "; did you mean '\($0)'?" }
        ?? " (expected one of \(kinds.joined(separator: ", ")))"
      reader.error("unknown fact kind '\(NodeReader.clip(kindName))'\(hint)", at: kindNode)
      return nil
    }
    let context = "\(article(kind.rawValue)) \(kind.rawValue) fact"
    guard
      let fields = reader.fields(
        of: node, in: context, known: Self.commonFactKeys + (Self.factKeys[kind] ?? []),
        required: ["id"] + (Self.requiredFactKeys[kind] ?? []))
    else { return nil }
    let id = readID(fields["id"], what: "fact")
    let tags = reader.textList(fields["tags"], field: "tags")
    let note = reader.text(fields["note"], field: "note")
    let source = reader.text(fields["source"], field: "source")
    guard let content = readContent(kind, fields: fields), let id else {
      return nil
    }
    return Fact(
      id: id, content: content, tags: tags, note: note, source: source,
      location: reader.location(node))
  }

  private static var allFactKeys: [String] {
    Array(Set(factKeys.values.flatMap { $0 })).sorted()
  }

  private func article(_ word: String) -> String {
    "aeiou".contains(word.first ?? "x") ? "an" : "a"
  }

  private mutating func readContent(_ kind: Fact.Kind, fields: [String: DeckNode]) -> Fact.Content?
  {
    switch kind {
    case .event:
      let what = reader.text(fields["what"], field: "what").map(Self.clause)
      let date = reader.date(fields["date"], field: "date")
      if let date, let dateNode = fields["date"] {
        checkPlausible(date, node: dateNode)
      }
      if let places = fields["places"] {
        let entries: [DeckNode] =
          if case .sequence(let list) = places { Array(list) } else { [places] }
        for entry in entries {
          if let value = reader.text(entry, field: "places") {
            pendingPlaces.append((value, entry))
          }
        }
      }
      let name = reader.text(fields["name"], field: "name")
      let participants = reader.textList(fields["participants"], field: "participants")
      let outcome = reader.text(fields["outcome"], field: "outcome")
      let casualties = reader.text(fields["casualties"], field: "casualties")
      guard let what, let date else { return nil }
      return .event(
        Fact.Event(
          name: name, what: what, date: date, places: [], participants: participants,
          outcome: outcome, casualties: casualties))
    case .person:
      let name = reader.text(fields["name"], field: "name")
      let role = reader.text(fields["role"], field: "role")
      let aliases = reader.textList(fields["aliases"], field: "aliases")
      let affiliation = reader.text(fields["affiliation"], field: "affiliation")
      guard let name, let role else { return nil }
      warnAliasesRepeatingName(aliases, name: name, node: fields["aliases"])
      return .person(
        Fact.Person(
          name: name, aliases: aliases, role: Self.clause(role), affiliation: affiliation))
    case .unit, .organization:
      let name = reader.text(fields["name"], field: "name")
      let aliases = reader.textList(fields["aliases"], field: "aliases")
      let nickname = reader.text(fields["nickname"], field: "nickname")
      let role = reader.text(fields["role"], field: "role").map(Self.clause)
      let affiliation = reader.text(fields["affiliation"], field: "affiliation")
      let size = reader.numberValue(fields["size"], field: "size")
      let sizeUnit = reader.text(fields["size_unit"], field: "size_unit")
      guard let name else { return nil }
      warnAliasesRepeatingName(aliases, name: name, node: fields["aliases"])
      return .group(
        Fact.Group(
          isUnit: kind == .unit, name: name, nickname: nickname, aliases: aliases, role: role,
          affiliation: affiliation, size: size, sizeUnit: sizeUnit))
    case .place:
      let name = reader.text(fields["name"], field: "name")
      let aliases = reader.textList(fields["aliases"], field: "aliases")
      let type = reader.text(fields["type"], field: "type")
      let region = reader.text(fields["region"], field: "region")
      guard let name else {
        _ = reader.textList(fields["known_for"], field: "known_for")
        return nil
      }
      warnAliasesRepeatingName(aliases, name: name, node: fields["aliases"])
      var knownFor: [String] = []
      if let list = fields["known_for"] {
        let entries: [DeckNode] =
          if case .sequence(let items) = list { Array(items) } else { [list] }
        for entry in entries {
          guard let sentence = reader.text(entry, field: "known_for") else { continue }
          let names = [name] + aliases
          if !names.contains(where: { sentence.localizedCaseInsensitiveContains($0) }) {
            reader.warning(
              "this sentence does not name '\(name)', so no question can ask for it", at: entry)
          }
          knownFor.append(sentence)
        }
      }
      return .place(
        Fact.Place(
          name: name, aliases: aliases, type: type ?? "place", region: region,
          knownFor: knownFor))
    case .quantity:
      let howMany = reader.text(fields["how_many"], field: "how_many").map(Self.clause)
      let value = reader.numberValue(fields["value"], field: "value")
      let date = reader.date(fields["date"], field: "date")
      let unit = reader.text(fields["unit"], field: "unit")
      guard let howMany, let value else { return nil }
      return .quantity(Fact.Quantity(howMany: howMany, value: value, unit: unit, date: date))
    case .statement:
      let text = reader.text(fields["text"], field: "text")
      let alternatives = reader.textList(fields["alternatives"], field: "alternatives")
      guard let text, var statement = readMarked(text, node: fields["text"]) else { return nil }
      statement.alternatives = alternatives
      return .statement(statement)
    }
  }

  /// A clause without a final full stop, since templates place it inside their own sentences.
  static func clause(_ text: String) -> String {
    var result = text
    while result.hasSuffix(".") && !result.hasSuffix("..") { result.removeLast() }
    return result
  }

  private mutating func warnAliasesRepeatingName(_ aliases: [String], name: String, node: DeckNode?)
  {
    for alias in aliases where alias.caseInsensitiveCompare(name) == .orderedSame {
      reader.warning("alias '\(alias)' repeats the name", at: node)
    }
  }

  /// Worked out once: a calendar per date costs more than the check.
  private static let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())

  private mutating func checkPlausible(_ date: HistoricalDate, node: DeckNode) {
    if (date.end ?? date.start).year > Self.thisYear {
      reader.warning("the date \(date.formatted) is in the future; is the year right?", at: node)
    }
  }

  /// A sentence with exactly one `[[key term]]`.
  mutating func readMarked(_ text: String, node: DeckNode?) -> Fact.Statement? {
    guard let open = text.firstLiteralRange(of: "[[") else {
      reader.error(
        "mark the key term with [[ and ]], as in 'The KLA captured [[Zhvillidove]]'", at: node)
      return nil
    }
    guard let close = text[open.upperBound...].firstLiteralRange(of: "]]") else {
      reader.error("'[[' has no matching ']]'", at: node)
      return nil
    }
    let after = String(text[close.upperBound...])
    if after.firstLiteralRange(of: "[[") != nil {
      reader.error("mark only one key term with [[ ]] per sentence", at: node)
      return nil
    }
    let key = text[open.upperBound..<close.lowerBound].trimmingBlanks()
    guard !key.isEmpty else {
      reader.error("the key term between [[ and ]] is empty", at: node)
      return nil
    }
    return Fact.Statement(before: String(text[..<open.lowerBound]), key: key, after: after)
  }

  private mutating func readCard(_ node: DeckNode) -> HandCard? {
    guard
      let fields = reader.fields(
        of: node, in: "a card", known: Self.cardKeys, required: ["id", "type"])
    else { return nil }
    let id = readID(fields["id"], what: "card")
    guard let typeName = reader.text(fields["type"], field: "type") else { return nil }
    guard let kind = HandCard.Kind(rawValue: typeName) else {
      let kinds = HandCard.Kind.allCases.map(\.rawValue)
      let hint =
        closestMatch(to: typeName, in: kinds).map { "; did you mean '\($0)'?" }
        ?? " (expected one of \(kinds.joined(separator: ", ")))"
      reader.error("unknown card type '\(NodeReader.clip(typeName))'\(hint)", at: fields["type"])
      return nil
    }
    let fact = reader.text(fields["fact"], field: "fact")
    if let fact, let factNode = fields["fact"] { cardFactReferences.append((fact, factNode)) }
    let tags = reader.textList(fields["tags"], field: "tags")
    let explanation = reader.text(fields["explanation"], field: "explanation")
    var prompt = reader.text(fields["prompt"], field: "prompt")
    var answers: [String] = []
    var distractors: [String] = []
    var truth: Bool?
    var cloze: Fact.Statement?
    func require(_ key: String, _ present: Bool) -> Bool {
      if !present { reader.error("a \(kind.rawValue) card needs '\(key)'", at: node) }
      return present
    }
    switch kind {
    case .short, .choice:
      answers = reader.textList(fields["answer"], field: "answer")
      // Every missing or wrong field is reported before giving up on the card.
      let hasPrompt = require("prompt", prompt != nil)
      let hasAnswer = require("answer", fields["answer"] != nil)
      let hasDistractors = kind != .choice || require("distractors", fields["distractors"] != nil)
      if kind == .choice {
        if answers.count != 1, let answerNode = fields["answer"] {
          reader.error("a choice card has exactly one correct 'answer'", at: answerNode)
        }
        distractors = reader.textList(fields["distractors"], field: "distractors")
        let lowered = Set(answers.map { $0.lowercased() })
        for wrong in distractors where lowered.contains(wrong.lowercased()) {
          reader.error(
            "distractor '\(NodeReader.clip(wrong))' is also the answer", at: fields["distractors"])
        }
        if Set(distractors.map { $0.lowercased() }).count != distractors.count {
          reader.error("the distractors repeat each other", at: fields["distractors"])
        }
        if distractors.count < 3, let distractorNode = fields["distractors"] {
          reader.warning(
            "a choice card reads best with three distractors; it has \(distractors.count)",
            at: distractorNode)
        }
      }
      guard hasPrompt, hasAnswer, hasDistractors else { return nil }
    case .truefalse:
      let hasPrompt = require("prompt", prompt != nil)
      let hasAnswer = require("answer", fields["answer"] != nil)
      truth = reader.bool(fields["answer"], field: "answer")
      guard hasPrompt, hasAnswer else { return nil }
    case .cloze:
      let extra = reader.textList(fields["answer"], field: "answer")
      guard require("text", fields["text"] != nil),
        let text = reader.text(fields["text"], field: "text"),
        let marked = readMarked(text, node: fields["text"])
      else { return nil }
      cloze = marked
      answers = [marked.key] + extra
      prompt = prompt ?? (marked.before + "_____" + marked.after)
    }
    guard let id, let prompt else { return nil }
    if kind == .truefalse && truth == nil { return nil }
    return HandCard(
      id: id, kind: kind, prompt: prompt, answers: answers, distractors: distractors,
      truth: truth, cloze: cloze, fact: fact, explanation: explanation, tags: tags,
      location: reader.location(node))
  }

  private mutating func resolveReferences(_ facts: inout [Fact]) {
    var byName: [String: String] = [:]
    var placeIDs: Set<String> = []
    for fact in facts {
      guard case .place(let place) = fact.content else { continue }
      placeIDs.insert(fact.id)
      for name in [place.name] + place.aliases { byName[name.lowercased()] = fact.id }
    }
    let candidates =
      Array(placeIDs)
      + facts.compactMap {
        if case .place(let place) = $0.content { place.name } else { nil }
      }
    for reference in placeReferences {
      let resolved =
        placeIDs.contains(reference.value)
        ? reference.value : byName[reference.value.lowercased()]
      guard let resolved else {
        let hint =
          closestMatch(to: reference.value, in: candidates).map { "; did you mean '\($0)'?" }
          ?? "; declare it as a place fact"
        reader.error(
          "unknown place '\(NodeReader.clip(reference.value))'\(hint)", at: reference.node)
        continue
      }
      guard reference.factIndex < facts.count,
        case .event(var event) = facts[reference.factIndex].content
      else { continue }
      if !event.places.contains(resolved) { event.places.append(resolved) }
      facts[reference.factIndex].content = .event(event)
    }
    let known = Set(facts.map(\.id))
    for reference in cardFactReferences where !known.contains(reference.value) {
      let hint =
        closestMatch(to: reference.value, in: known).map { "; did you mean '\($0)'?" } ?? ""
      reader.error("unknown fact '\(NodeReader.clip(reference.value))'\(hint)", at: reference.node)
    }
  }
}
