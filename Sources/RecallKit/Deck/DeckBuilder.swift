import Foundation

/// Walks a composed YAML tree into a `Deck`, reporting through its `NodeReader`.
///
/// The deck's own keys are read here; facts, cards, settings and cross-references each have
/// their own file. Key names and which keys each part needs come from `DeckSchema`.
struct DeckBuilder {
  var reader: NodeReader
  let path: String
  /// Every id seen so far (facts and cards share one namespace), with where it was first used.
  var ids: [String: SourceLocation] = [:]
  /// Place references in events, resolved once every fact is read.
  var placeReferences: [(factIndex: Int, value: String, node: DeckNode)] = []
  /// Place references of the fact being read, kept only if the fact loads.
  var pendingPlaces: [(String, DeckNode)] = []
  var cardFactReferences: [(value: String, node: DeckNode)] = []

  init(reader: NodeReader, path: String) {
    self.reader = reader
    self.path = path
  }

  /// Builds the deck from `root`, which it empties of facts as it reads them: each fact's
  /// nodes are freed once the fact is built, so a large deck never holds both whole.
  mutating func build(_ root: inout DeckNode?) -> Deck? {
    var takenFacts = Self.takeValue(of: DeckKey.facts.rawValue, from: &root)
    guard let root, !reader.isNull(root) else {
      reader.report(.error("the deck is empty", at: SourceLocation(file: path, line: 1, column: 1)))
      return nil
    }
    guard let fields = reader.fields(of: root, in: "the deck", DeckSchema.deck) else { return nil }
    let id = reader.text(fields, .id)
    if let id, let value = fields[.id], !DeckIdentifier.isValidDeckID(id) {
      reader.error(
        "deck id '\(NodeReader.clip(id))' must be 1 to 64 lowercase letters, digits, '-', '_' "
          + "or '.', starting with a letter or digit", at: value)
    }
    let title = reader.text(fields, .title)
    let subject = reader.text(fields, .subject)
    let language = reader.text(fields, .language) ?? "en"
    if let value = fields[.language], !DeckIdentifier.isLanguageTag(language) {
      reader.error(
        "'language' must be a language tag such as 'en' or 'sq', found '\(NodeReader.clip(language))'",
        at: value)
    }
    let source = fields[.source].flatMap { readSource($0) }
    let settings = fields[.settings].map { readSettings($0) } ?? DeckSettings()

    var facts: [Fact] = []
    var entryCount = 0
    if let node = takenFacts ?? fields[.facts] {
      takenFacts = nil
      var entries = readList(consume node, field: DeckKey.facts.rawValue)
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
    if let node = fields[.cards] {
      let entries = readList(node, field: DeckKey.cards.rawValue)
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
      reader.error("the deck has no facts and no cards", at: fields[.facts] ?? root)
    }
    guard let id, let title, let subject, let source else { return nil }
    return Deck(
      id: id, title: title, subject: subject, language: language, source: source,
      settings: settings, facts: facts, cards: cards, path: path)
  }

  mutating func readList(_ node: DeckNode, field: String) -> [DeckNode] {
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

  mutating func claim(id: String, node: DeckNode) {
    if let first = ids[id] {
      reader.error(
        "duplicate id '\(id)'; it is already used at line \(first.line), column \(first.column)",
        at: node)
    } else {
      ids[id] = reader.location(node)
    }
  }

  mutating func readID(_ node: DeckNode?, what: String) -> String? {
    guard let id = reader.text(node, field: "id") else { return nil }
    guard DeckIdentifier.isValidItemID(id) else {
      reader.error(
        "\(what) id '\(NodeReader.clip(id))' may use only ASCII letters, digits, '-', '_' and '.'",
        at: node)
      return nil
    }
    if let node { claim(id: id, node: node) }
    return id
  }

  /// "an event fact", "a person fact".
  func article(_ word: String) -> String {
    "aeiou".contains(word.first ?? "x") ? "an" : "a"
  }
}
