/// The outcome of grading one answer: what the learner earned and what to show them.
public struct Grade: Hashable, Sendable {
  /// How the answer compares with the expected one.
  public enum Verdict: String, Hashable, Sendable, CaseIterable {
    case correct
    /// Right, but misspelled within the typo allowance; `Grade.shown` has the spelling to learn.
    case acceptedWithTypo
    /// Close without being enough: a coarser date than the question asks, or only part of a
    /// multi-word name. Shown as close, scheduled as a miss.
    case partiallyCorrect
    case wrong
  }

  public var verdict: Verdict
  /// The answer to show: the canonical form, at the precision the source gives.
  public var shown: String
  /// Why the verdict is what it is, when that is not obvious ("spelled “Barë”").
  public var note: String?
  /// Whether the learner asked for a hint before answering.
  public var hintUsed: Bool

  public init(_ verdict: Verdict, shown: String, note: String? = nil, hintUsed: Bool = false) {
    self.verdict = verdict
    self.shown = shown
    self.note = note
    self.hintUsed = hintUsed
  }

  /// Whether the answer counts as remembered.
  public var isAccepted: Bool { verdict == .correct || verdict == .acceptedWithTypo }

  /// The rating to schedule with unless the learner picks another: a miss or a partial answer is
  /// `again` (the card comes back soon), a typo or a hinted answer `hard`, a clean answer `good`.
  /// Never `easy`: only the learner can say an answer came effortlessly.
  public var suggestedRating: Rating {
    switch verdict {
    case .wrong, .partiallyCorrect: .again
    case .acceptedWithTypo: .hard
    case .correct: hintUsed ? .hard : .good
    }
  }
}

/// A graded answer, or input that is not an answer at all and should be asked for again.
public enum GradingResult: Hashable, Sendable {
  case graded(Grade)
  case invalid(InvalidAnswer)

  /// The grade, when there is one.
  public var grade: Grade? {
    if case .graded(let grade) = self { return grade }
    return nil
  }
}
