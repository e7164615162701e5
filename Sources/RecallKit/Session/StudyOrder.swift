/// The order new cards are introduced in.
public enum StudyOrder {
  /// Questions rotated across facts: every fact's first question, then every fact's second, and
  /// so on, keeping deck order within each round. Four questions on one fact in a row would
  /// teach the answer by repetition rather than test it.
  public static func spreadingSiblings(_ questions: [Question]) -> [Question] {
    var round: [String: Int] = [:]
    let ranked = questions.enumerated().map { offset, question in
      let rank = round[question.fact, default: 0]
      round[question.fact] = rank + 1
      return (rank: rank, offset: offset, question: question)
    }
    return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.question)
  }
}
