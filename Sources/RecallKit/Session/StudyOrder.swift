/// The order new cards are introduced in.
public enum StudyOrder {
  /// Questions rotated across facts: every fact's first question, then every fact's second, and
  /// so on, keeping deck order within each round. Four questions on one fact in a row would
  /// teach the answer by repetition rather than test it.
  public static func spreadingSiblings(_ questions: consuming [Question]) -> [Question] {
    var round: [String: Int] = [:]
    let ranks = questions.map { question in
      let rank = round[question.fact, default: 0]
      round[question.fact] = rank + 1
      return rank
    }
    let order = questions.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
    // Moved in place along the permutation's cycles: a large deck's questions are never held
    // twice, nor copied at each step of the sort.
    var placed = [Bool](repeating: false, count: order.count)
    for start in order.indices where !placed[start] {
      let first = questions[start]
      var position = start
      while true {
        placed[position] = true
        let source = order[position]
        if source == start {
          questions[position] = first
          break
        }
        questions[position] = questions[source]
        position = source
      }
    }
    return questions
  }
}
