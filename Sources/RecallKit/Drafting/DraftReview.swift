import Foundation

/// A review of an article's proposals in progress: what the teacher decided so far, saved after
/// every decision so a stopped review resumes where it stopped.
public struct DraftReview: Codable, Sendable, Equatable {
  /// Changes when the state file's layout does.
  public static let formatVersion = 1

  public var version: Int
  /// The article's text digest: a review resumes only on the article it was made for.
  public var articleDigest: String
  public var proposals: [DraftProposal]

  public init(articleText: String, proposals: [DraftProposal]) {
    self.version = Self.formatVersion
    self.articleDigest = Self.digest(articleText)
    self.proposals = proposals
  }

  /// FNV-1a over the text's bytes, as hex: enough to tell one article from another.
  public static func digest(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
  }

  /// The order the teacher sees them: most confident first, then by line.
  public var reviewOrder: [Int] {
    proposals.indices.sorted {
      (-proposals[$0].confidence, proposals[$0].line) < (
        -proposals[$1].confidence, proposals[$1].line
      )
    }
  }

  /// The next proposal not yet decided, in review order, after `position` if given.
  public func nextPending(after index: Int? = nil) -> Int? {
    let order = reviewOrder
    let start = index.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
    return order[start...].first { proposals[$0].status == .pending }
      ?? order.first { proposals[$0].status == .pending && $0 != index }
  }

  public var decidedCount: Int { proposals.filter { $0.status != .pending }.count }

  /// Why an edit was refused.
  public enum EditError: Error, Equatable, CustomStringConvertible {
    case unknownField(String, known: [String])
    case emptyRequired(String)
    case unknownProposal(String)
    case differentKind(String)

    public var description: String {
      switch self {
      case .unknownField(let key, let known):
        "this fact has no field '\(key)'; its fields are \(known.joined(separator: ", "))"
      case .emptyRequired(let key): "'\(key)' cannot be empty"
      case .unknownProposal(let id): "no proposal has the id '\(id)'"
      case .differentKind(let id): "'\(id)' is another kind of fact; only the same kind merges"
      }
    }
  }

  static let editableFields: [Fact.Kind: [String]] = [
    .event: ["name", "what", "date", "places", "participants", "outcome", "casualties", "note"],
    .person: ["name", "aliases", "role", "affiliation", "note"],
    .unit: ["name", "nickname", "aliases", "role", "affiliation", "size", "size_unit", "note"],
    .organization: [
      "name", "nickname", "aliases", "role", "affiliation", "size", "size_unit", "note",
    ],
    .place: ["name", "aliases", "type", "region", "known_for", "note"],
    .quantity: ["how_many", "value", "unit", "date", "note"],
    .statement: ["text", "alternatives", "note"],
  ]
  public static let listFields: Set<String> = [
    "places", "participants", "aliases", "known_for", "alternatives",
  ]

  /// Sets one field from what the teacher typed; a list field takes comma-separated items, and
  /// an empty value removes an optional field.
  public mutating func edit(_ index: Int, field key: String, to value: String) throws(EditError) {
    let kind = proposals[index].kind
    let known = Self.editableFields[kind] ?? []
    guard known.contains(key) else { throw .unknownField(key, known: known) }
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty {
      guard !DeckSchema.requiredKeys(of: kind).contains(key) else {
        throw .emptyRequired(key)
      }
      proposals[index][key] = nil
    } else if Self.listFields.contains(key) {
      let separator: Character = key == "known_for" ? "|" : ","
      let items = trimmed.split(separator: separator).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      proposals[index][key] = .list(items)
    } else {
      proposals[index][key] = .text(trimmed)
    }
  }

  /// Folds proposal `index` into the one with id `target`: its names become aliases and the
  /// fields the target lacks are filled; it is then dropped.
  public mutating func merge(_ index: Int, into target: String) throws(EditError) {
    guard let other = proposals.firstIndex(where: { $0.id == target }), other != index else {
      throw .unknownProposal(target)
    }
    let source = proposals[index]
    let sameFamily =
      source.kind == proposals[other].kind
      || [.unit, .organization].contains(source.kind)
        && [.unit, .organization].contains(proposals[other].kind)
    guard sameFamily else { throw .differentKind(target) }
    var merged = proposals[other]
    if [.person, .unit, .organization, .place].contains(source.kind) {
      var aliases = merged["aliases"].map { $0.items } ?? []
      for name in source.names
      where !merged.names.contains(where: { $0.lowercased() == name.lowercased() }) {
        aliases.append(name)
      }
      if !aliases.isEmpty { merged["aliases"] = .list(aliases) }
    }
    for field in source.fields where merged[field.key] == nil && field.key != "name" {
      merged[field.key] = field.value
    }
    merged.confidence = max(merged.confidence, source.confidence)
    proposals[other] = merged
    proposals[index].status = .dropped
  }

  /// Reads a saved review; nil when there is none.
  public static func load(path: String) throws -> DraftReview? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONDecoder().decode(DraftReview.self, from: data)
  }

  /// Writes the review beside the deck, whole or not at all (a temporary file renamed over).
  public func save(path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(self)
    try data.write(to: URL(fileURLWithPath: path), options: [.atomic])
  }
}
