import Testing

@testable import RecallKit

@Suite("Answer grader")
struct AnswerGraderTests {
  private func question(
    _ expected: ExpectedAnswer, options: [String] = [], matchItems: [String] = []
  ) -> Question {
    Question(
      id: "fact/template", kind: .short, prompt: "?", options: options, matchItems: matchItems,
      expected: expected, fact: "fact", explanation: "", template: .nameShort)
  }

  @Test(
    "suggests a rating from the verdict and the hint",
    arguments: [
      (Grade.Verdict.correct, false, Rating.good),
      (.correct, true, .hard),
      (.acceptedWithTypo, false, .hard),
      (.acceptedWithTypo, true, .hard),
      (.partiallyCorrect, false, .again),
      (.partiallyCorrect, true, .again),
      (.wrong, false, .again),
      (.wrong, true, .again),
    ])
  func rating(verdict: Grade.Verdict, hintUsed: Bool, rating: Rating) {
    let grade = Grade(verdict, shown: "x", hintUsed: hintUsed)
    #expect(grade.suggestedRating == rating)
    #expect(grade.isAccepted == (verdict == .correct || verdict == .acceptedWithTypo))
  }

  @Test("dispatches every kind of expected answer")
  func dispatch() throws {
    let grader = AnswerGrader()
    let date = try HistoricalDate.parse("10–11 July 1998")
    let cases: [(Question, String, Grade.Verdict)] = [
      (question(.text(["Barë", "Bare"])), "bare", .correct),
      (question(.date(date)), "10-11 July 1998", .correct),
      (question(.number(NumberValue(14))), "fourteen", .correct),
      (question(.choice(1), options: ["x", "y", "z"]), "B", .correct),
      (question(.truth(false)), "no", .correct),
      (question(.order([1, 0]), options: ["x", "y"]), "b a", .correct),
      (
        question(.match([1, 0]), options: ["x", "y"], matchItems: ["p", "q"]), "1b 2a",
        .correct
      ),
    ]
    for (question, input, verdict) in cases {
      #expect(grader.grade(input, for: question).grade?.verdict == verdict, "\(input)")
    }
  }

  @Test("carries the hint into the grade")
  func hint() {
    let grade = AnswerGrader().grade("Mazhiq", for: question(.text(["Mazhiq"])), hintUsed: true)
    #expect(grade.grade?.hintUsed == true)
    #expect(grade.grade?.suggestedRating == .hard)
  }

  @Test("treats a blank line as no answer, whatever the question", arguments: ["", "  ", "\t\n"])
  func blank(input: String) throws {
    let date = try HistoricalDate.parse("1998")
    for expected in [ExpectedAnswer.text(["x"]), .date(date), .truth(true), .choice(0)] {
      #expect(
        AnswerGrader().grade(input, for: question(expected, options: ["x"])) == .invalid(.empty))
    }
  }

  @Test("uses the deck's other names to keep near misses wrong, but not the answer's own")
  func otherNames() {
    let grader = AnswerGrader(otherNames: ["Gornja Sudimlja", "Donja Sudimlja", "Slakovci"])
    let donja = question(.text(["Donja Sudimlja"]))
    #expect(grader.grade("Donja Sudimlja", for: donja).grade?.verdict == .correct)
    #expect(grader.grade("Gornja Sudimlja", for: donja).grade?.verdict == .wrong)
    let slakovce = question(.text(["Slakovce"]))
    #expect(grader.grade("Slakovc", for: slakovce).grade?.verdict == .wrong)
    #expect(grader.grade("Slakovce", for: slakovce).grade?.verdict == .correct)
  }

  @Test("cuts very long input short and still grades it")
  func longInput() {
    let input = String(repeating: "Zhvillidove ", count: 5_000)
    let grade = AnswerGrader().grade(input, for: question(.text(["Zhvillidovë"]))).grade
    #expect(grade?.verdict == .wrong)
  }
}
