/// What a teacher asks of a worksheet: how many questions, of which forms, on which material.
public struct WorksheetRequest: Hashable, Sendable {
  /// The forms in the order their sections appear when the teacher does not choose.
  public static let defaultKinds: [Question.Kind] = [
    .truefalse, .choice, .cloze, .match, .order, .numeric, .short,
  ]

  public var count: Int
  /// The question forms allowed, in section order; nil for a balanced mix of every form.
  public var kinds: [Question.Kind]?
  /// Only questions on these facts (or hand-written cards), when set.
  public var facts: [String]?
  /// Only questions whose fact or card carries this tag, when set.
  public var tag: String?
  public var seed: UInt64
  /// Lets one fact give several questions; off by default so one sheet does not quiz the same
  /// thing twice and give away its own answers.
  public var allowSameFact: Bool

  public init(
    count: Int = 20, kinds: [Question.Kind]? = nil, facts: [String]? = nil, tag: String? = nil,
    seed: UInt64 = 0, allowSameFact: Bool = false
  ) {
    self.count = count
    self.kinds = kinds
    self.facts = facts
    self.tag = tag
    self.seed = seed
    self.allowSameFact = allowSameFact
  }

  /// The section order this request produces.
  public var sectionKinds: [Question.Kind] { kinds ?? Self.defaultKinds }
}
