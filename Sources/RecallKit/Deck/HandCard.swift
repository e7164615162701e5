/// A question written by the author for what facts cannot express.
public struct HandCard: Hashable, Sendable, Identifiable {
  /// The hand-written question forms.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
    case short, cloze, choice, truefalse
    /// A figure, graded like a numeric fact ("about 15,000" accepts 15,000).
    case numeric
  }

  public var id: String
  public var kind: Kind
  /// The question; for a cloze card, the sentence with its blank removed (see `cloze`).
  public var prompt: String
  /// Accepted answers (short, cloze) or the correct option (choice).
  public var answers: [String]
  /// Wrong options for a choice card.
  public var distractors: [String]
  /// For true/false cards.
  public var truth: Bool?
  /// For cloze cards: the marked sentence.
  public var cloze: Fact.Statement?
  /// For numeric cards: the figure, with its qualifier or range.
  public var number: NumberValue?
  /// The fact this card belongs with, if any.
  public var fact: String?
  public var explanation: String?
  public var tags: [String]
  public var location: SourceLocation

  public init(
    id: String, kind: Kind, prompt: String, answers: [String] = [], distractors: [String] = [],
    truth: Bool? = nil, cloze: Fact.Statement? = nil, number: NumberValue? = nil,
    fact: String? = nil,
    explanation: String? = nil, tags: [String] = [], location: SourceLocation
  ) {
    self.id = id
    self.kind = kind
    self.prompt = prompt
    self.answers = answers
    self.distractors = distractors
    self.truth = truth
    self.cloze = cloze
    self.number = number
    self.fact = fact
    self.explanation = explanation
    self.tags = tags
    self.location = location
  }
}
