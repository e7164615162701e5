import Foundation

/// A person, group or place the article names, gathered over every sentence that names it:
/// the same person named three ways is one entity with aliases.
struct DraftEntity: Sendable {
  var name: String
  var kind: Fact.Kind
  var aliases: [String] = []
  var nickname: String?
  var role: String?
  /// How good the role's evidence is (apposition 4 … "the person who" 1).
  var roleStrength = 0
  var title: String?
  var affiliation: String?
  var placeType: String?
  var region: String?
  var size: String?
  var sizeUnit: String?
  var line: Int
  var sentence: String
  var mentions = 1
  /// How strong the evidence for its kind is, 0–1.
  var evidence: Double
  var knownFor: [(text: String, line: Int)] = []
  /// Sentences (by index) that name it.
  var sentenceIndices: Set<Int> = []
}

/// The entities of one article, found by name, alias or surname.
struct EntityBook: Sendable {
  private(set) var entities: [DraftEntity] = []
  private var byKey: [String: Int] = [:]

  static func key(_ name: String) -> String {
    var text = name.lowercased()
    for prefix in ["the "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
    return text.folding(options: [.diacriticInsensitive], locale: nil)
  }

  func find(_ name: String) -> Int? { byKey[Self.key(name)] }

  func entity(named name: String) -> DraftEntity? { find(name).map { entities[$0] } }

  /// Adds evidence for an entity: a new one, or more for one already known by this name.
  @discardableResult
  mutating func note(
    _ name: String, kind: Fact.Kind, evidence: Double, sentence: DraftSentence,
    update: (inout DraftEntity) -> Void = { _ in }
  ) -> Int {
    if let index = find(name) {
      var entity = entities[index]
      if !entity.sentenceIndices.contains(sentence.index) { entity.mentions += 1 }
      entity.sentenceIndices.insert(sentence.index)
      // Stronger evidence for another kind wins: "Baralong" the ship is not a place.
      if evidence > entity.evidence {
        if entity.kind != kind { entity.kind = kind }
        entity.evidence = evidence
      }
      update(&entity)
      entities[index] = entity
      return index
    }
    var entity = DraftEntity(
      name: name, kind: kind, line: sentence.line, sentence: sentence.text, evidence: evidence)
    entity.sentenceIndices = [sentence.index]
    update(&entity)
    entities.append(entity)
    byKey[Self.key(name)] = entities.count - 1
    return entities.count - 1
  }

  mutating func addAlias(_ alias: String, to index: Int) {
    let cleaned = alias.trimmingCharacters(in: .whitespaces)
    guard !cleaned.isEmpty, Self.key(cleaned) != Self.key(entities[index].name),
      !entities[index].aliases.contains(cleaned)
    else { return }
    if let other = find(cleaned), other != index { return }
    entities[index].aliases.append(cleaned)
    byKey[Self.key(cleaned)] = index
  }

  mutating func update(_ index: Int, _ change: (inout DraftEntity) -> Void) {
    change(&entities[index])
  }

  /// Points a surname ("Herbert") at the one person whose name ends in it.
  mutating func resolveSurnames() {
    var surnames: [String: [Int]] = [:]
    for (index, entity) in entities.enumerated() where entity.kind == .person {
      let words = entity.name.split(separator: " ")
      if words.count >= 2, let last = words.last, last.count >= 3 {
        surnames[Self.key(String(last)), default: []].append(index)
      }
    }
    for (surname, owners) in surnames where owners.count == 1 && byKey[surname] == nil {
      byKey[surname] = owners[0]
    }
  }

  /// The entity a single-word mention means, through surnames and close spellings
  /// ("Raveneck" for "Raweneck").
  func resolve(_ word: String) -> Int? {
    if let index = find(word) { return index }
    let key = Self.key(word)
    guard key.count >= 6 else { return nil }
    var match: Int?
    for (index, entity) in entities.enumerated() where entity.kind == .person {
      guard let last = entity.name.split(separator: " ").last else { continue }
      let surname = Self.key(String(last))
      if surname.count >= 6, surname.first == key.first, editDistance(surname, key) == 1 {
        if match != nil { return nil }
        match = index
      }
    }
    return match
  }

  /// Folds a one-word person ("Müller") into the one fuller name that ends in it, keeping the
  /// better role; the short name becomes an alias.
  mutating func foldSurnames() {
    for index in entities.indices where entities[index].kind == .person {
      let name = entities[index].name
      guard !name.contains(" "), entities[index].mentions >= 0 else { continue }
      let owners = entities.indices.filter { other in
        other != index && entities[other].kind == .person
          && entities[other].name.split(separator: " ").last.map({ Self.key(String($0)) })
            == Self.key(name)
      }
      guard owners.count == 1, let owner = owners.first else { continue }
      let folded = entities[index]
      entities[owner].mentions += folded.mentions
      entities[owner].sentenceIndices.formUnion(folded.sentenceIndices)
      if folded.roleStrength > entities[owner].roleStrength, let role = folded.role {
        entities[owner].role = role
        entities[owner].roleStrength = folded.roleStrength
      }
      entities[owner].title = entities[owner].title ?? folded.title
      entities[index].kind = .statement  // retired: no proposal is made from it
      byKey[Self.key(name)] = owner
    }
  }

  mutating func link(_ word: String, to index: Int) {
    byKey[Self.key(word)] = index
  }
}
