/// What `recall grade` says about one answer: the verdict a learner would get, in words a
/// teacher can scan and in a JSON line a script can read.
public struct GradeReport: Hashable, Sendable {
  /// The verdicts as `recall grade` names them.
  public enum Verdict: String, Hashable, Sendable {
    case correct, typo, partial, wrong, invalid
  }

  public var card: String
  public var answer: String
  public var verdict: Verdict
  /// The answer the learner is shown (the form they named, when it is one of several).
  public var expected: String
  /// Why: a note from the grader, or why the input is not an answer.
  public var note: String?

  /// Grades `answer` to `question` as a study session would.
  public init(question: Question, answer: String, grader: AnswerGrader) {
    self.card = question.id
    self.answer = answer
    switch grader.grade(answer, for: question) {
    case .graded(let grade):
      self.verdict =
        switch grade.verdict {
        case .correct: .correct
        case .acceptedWithTypo: .typo
        case .partiallyCorrect: .partial
        case .wrong: .wrong
        }
      self.expected = grade.shown
      self.note = grade.note
    case .invalid(let reason):
      self.verdict = .invalid
      self.expected = question.answerTexts.first ?? ""
      self.note = reason.description
    }
  }

  /// Whether a session would count the answer as remembered.
  public var isAccepted: Bool { verdict == .correct || verdict == .typo }

  /// `correct  Kurilovo → Kurilovo (also accepted: “Vesekovce”)`.
  public var textLine: String {
    let name =
      verdict.rawValue + String(repeating: " ", count: Swift.max(1, 8 - verdict.rawValue.count))
    let why = note.map { " (\($0))" } ?? ""
    return "\(name)\(answer) → \(expected)\(why)"
  }

  /// One JSON object: {"card", "answer", "verdict", "expected", "note"}.
  public var jsonLine: String {
    var fields = [
      ("card", JSONText.quoted(card)), ("answer", JSONText.quoted(answer)),
      ("verdict", JSONText.quoted(verdict.rawValue)), ("expected", JSONText.quoted(expected)),
    ]
    if let note { fields.append(("note", JSONText.quoted(note))) }
    return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }
}
