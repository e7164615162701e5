import Testing

@testable import RecallKit

@Suite struct StudyOrderTests {
  static func question(_ fact: String, _ template: String) -> Question {
    Question(
      id: "\(fact)/\(template)", kind: .short, prompt: "?", expected: .text(["x"]), fact: fact,
      explanation: "", template: QuestionTemplate(rawValue: template) ?? .card)
  }

  @Test func roundsGoAcrossFactsInDeckOrder() {
    let questions = [
      Self.question("a", "1"), Self.question("a", "2"), Self.question("a", "3"),
      Self.question("b", "1"), Self.question("c", "1"), Self.question("c", "2"),
    ]
    #expect(
      StudyOrder.spreadingSiblings(questions).map(\.id) == [
        "a/1", "b/1", "c/1", "a/2", "c/2", "a/3",
      ])
  }

  /// The in-place move must give the order a plain stable sort by (round, position) gives.
  @Test(arguments: 0..<50)
  func matchesAStableSortByRound(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed), salt: "study-order")
    let questions = (0..<random.next(below: 60)).map { number in
      Self.question("f\(random.next(below: 8))", "\(number)")
    }
    var round: [String: Int] = [:]
    let expected = questions.enumerated().map { offset, question in
      let rank = round[question.fact, default: 0]
      round[question.fact] = rank + 1
      return (rank, offset, question.id)
    }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    #expect(StudyOrder.spreadingSiblings(questions).map(\.id) == expected)
  }
}
