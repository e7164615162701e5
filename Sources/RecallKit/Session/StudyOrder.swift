/// The order new cards are introduced in.
public enum StudyOrder {
  /// Questions rotated across facts: every fact's first question, then every fact's second, and
  /// so on, keeping deck order within each round. Four questions on one fact in a row would
  /// teach the answer by repetition rather than test it.
  public static func spreadingSiblings(_ questions: [Question]) -> [Question] {
    var round: [String: Int] = [:]
    let ranks = questions.map { question in
      let rank = round[question.fact, default: 0]
      round[question.fact] = rank + 1
      return rank
    }
    // Sorting offsets rather than questions keeps a large deck from copying every question
    // (a dozen strings each) at each step of the sort.
    let order = questions.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
    return order.map { questions[$0] }
  }
}
