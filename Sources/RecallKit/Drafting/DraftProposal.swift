/// One fact the extractor proposes, as deck fields the teacher can edit one by one.
///
/// Fields are kept as deck keys and text rather than as a `Fact`, so a proposal can be shown,
/// edited and saved before it is valid, and written exactly as the teacher left it.
public struct DraftProposal: Hashable, Sendable, Codable, Identifiable {
  public enum Status: String, Hashable, Sendable, Codable {
    case pending, accepted, dropped
  }

  /// A deck field: one line of text or a list.
  public enum Value: Hashable, Sendable, Codable, CustomStringConvertible {
    case text(String)
    case list([String])

    public var description: String {
      switch self {
      case .text(let text): text
      case .list(let items): items.joined(separator: ", ")
      }
    }

    public var items: [String] {
      switch self {
      case .text(let text): [text]
      case .list(let items): items
      }
    }
  }

  public struct Field: Hashable, Sendable, Codable {
    public var key: String
    public var value: Value

    public init(_ key: String, _ value: Value) {
      self.key = key
      self.value = value
    }
  }

  public var id: String
  public var kind: Fact.Kind
  public var fields: [Field]
  /// The line of the article the fact comes from.
  public var line: Int
  /// The sentence, as the article writes it.
  public var sentence: String
  /// 0–1: how sure the rule that made it is; the review sorts by it.
  public var confidence: Double
  public var status: Status
  /// Why the confidence is lowered ("the year is inferred"), for the teacher.
  public var caveats: [String]

  public init(
    id: String, kind: Fact.Kind, fields: [Field], line: Int, sentence: String,
    confidence: Double, status: Status = .pending, caveats: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.fields = fields
    self.line = line
    self.sentence = sentence
    self.confidence = confidence
    self.status = status
    self.caveats = caveats
  }

  public subscript(key: String) -> Value? {
    get { fields.first { $0.key == key }?.value }
    set {
      if let position = fields.firstIndex(where: { $0.key == key }) {
        if let newValue { fields[position].value = newValue } else { fields.remove(at: position) }
      } else if let newValue {
        fields.append(Field(key, newValue))
      }
    }
  }

  /// The text of a one-line field.
  public func text(_ key: String) -> String? {
    if case .text(let text) = self[key] { return text }
    return nil
  }

  /// The field that names or states the fact, for one-line summaries.
  public var headline: String {
    for key in ["name", "what", "how_many", "text"] {
      if let text = text(key) { return text }
    }
    return fields.first?.value.description ?? id
  }

  /// The names the fact is known by: its name, nickname and aliases.
  public var names: [String] {
    var result: [String] = []
    if let name = text("name") { result.append(name) }
    if let nickname = text("nickname") { result.append(nickname) }
    if let aliases = self["aliases"] { result += aliases.items }
    return result
  }
}
