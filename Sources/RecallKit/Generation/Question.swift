/// A question generated from a fact (or passed through from a hand-written card).
///
/// `id` is stable: `<fact-id>/<template>`, never derived from wording or position, so rewording a
/// fact keeps a learner's progress on it.
public struct Question: Hashable, Sendable, Identifiable {
  /// The question forms Recall produces.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
    case short, choice, truefalse, cloze, order, match, numeric
  }

  public var id: String
  public var kind: Kind
  public var prompt: String
  /// Choice options, order items as shown, or the right-hand column of a match.
  public var options: [String]
  /// The left-hand column of a match question; empty otherwise.
  public var matchItems: [String]
  /// What a grader accepts, with the structure it needs (dates, numbers, indices).
  public var expected: ExpectedAnswer
  /// The fact (or hand-written card) this question comes from.
  public var fact: String
  /// The fact in a sentence, shown after the answer.
  public var explanation: String
  /// The template name, the second half of `id`.
  public var template: QuestionTemplate

  public init(
    id: String, kind: Kind, prompt: String, options: [String] = [], matchItems: [String] = [],
    expected: ExpectedAnswer, fact: String, explanation: String, template: QuestionTemplate
  ) {
    self.id = id
    self.kind = kind
    self.prompt = prompt
    self.options = options
    self.matchItems = matchItems
    self.expected = expected
    self.fact = fact
    self.explanation = explanation
    self.template = template
  }
}

/// The right answer to a question, in the form its grader needs.
public enum ExpectedAnswer: Hashable, Sendable {
  /// Typed text; any of these is right (aliases and alternate spellings included). The first is
  /// the form to show.
  case text([String])
  /// A date, graded at the date's own precision.
  case date(HistoricalDate)
  /// A number, graded against `NumberValue.acceptedRange`.
  case number(NumberValue)
  /// The index of the right option.
  case choice(Int)
  case truth(Bool)
  /// Option indices in the right order.
  case order([Int])
  /// For each match item, the index of its option.
  case match([Int])
}

extension Question {
  /// The accepted answers as text, as the JSON contract and answer keys show them.
  public var answerTexts: [String] {
    switch expected {
    case .text(let answers): answers
    case .date(let date): [date.formatted]
    case .number(let value): [value.description]
    case .choice(let index): options.indices.contains(index) ? [options[index]] : []
    case .truth(let value): [value ? "true" : "false"]
    case .order(let indices):
      indices.compactMap { options.indices.contains($0) ? options[$0] : nil }
    case .match(let indices):
      zip(matchItems, indices).map { item, index in
        "\(item) — \(options.indices.contains(index) ? options[index] : "?")"
      }
    }
  }
}
