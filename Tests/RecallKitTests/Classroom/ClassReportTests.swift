import Foundation
import Testing

@testable import RecallKit

@Suite struct ClassReportTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  func question(_ id: String, fact: String) -> Question {
    Question(
      id: id, kind: .short, prompt: "Prompt of \(id)", expected: .text([id]), fact: fact,
      explanation: "About \(fact).", template: .card)
  }

  func card(first: Bool, latest: Bool, reviews: Int = 1, wrong: [String: Int] = [:])
    -> StudentRecord.Card
  {
    var card = StudentRecord.Card()
    card.reviews = reviews
    card.accepted = latest ? 1 : 0
    card.firstAccepted = first
    card.latestAccepted = latest
    card.wrongAnswers = wrong
    card.state = CardState(
      phase: .review, step: nil, stability: 10, difficulty: 5, due: now,
      lastReview: now.addingTimeInterval(-10 * 86_400))
    return card
  }

  @Test func facilityDiscriminationAndPredictedRecall() {
    let questions = [
      question("a", fact: "f1"), question("b", fact: "f1"), question("c", fact: "f2"),
    ]
    let students = [
      StudentRecord(
        name: "s1", folder: "s1",
        cards: ["a": card(first: true, latest: true), "b": card(first: true, latest: true)]),
      StudentRecord(
        name: "s2", folder: "s2",
        cards: [
          "a": card(first: true, latest: true),
          "b": card(first: false, latest: false, wrong: ["=cmd()": 2]),
        ]),
      StudentRecord(
        name: "s3", folder: "s3",
        cards: [
          "a": card(first: false, latest: true),
          "b": card(first: false, latest: false, wrong: ["=cmd()": 1, "x": 1]),
        ]),
    ]
    let report = ClassReport(
      deckID: "d", deckTitle: "D", questions: questions, students: students, skipped: [],
      now: now, onDate: now.addingTimeInterval(30 * 86_400))
    let b = report.cards[1]
    #expect(b.studied == 3)
    #expect(b.facility.map { abs($0 - 100.0 / 3) < 1e-9 } == true)
    // Scores on b (1, 0, 0) against the rest, card a (1, 1, 0): r = 0.5.
    #expect(b.discrimination.map { abs($0 - 50) < 1e-9 } == true)
    #expect(b.wrongAnswers.first == ClassReport.WrongAnswer(answer: "=cmd()", count: 3))
    // Ten days after the last review at stability 10, retrievability is exactly 0.9; card c was
    // never studied, so it counts 0.
    #expect(abs(report.cards[0].recallNow - 0.9) < 1e-9)
    #expect(report.cards[2].recallNow == 0)
    #expect(report.cards[2].studied == 0)
    #expect((report.cards[0].recallOnDate ?? 1) < 0.9)
    #expect(abs(report.students[0].knownNow - 0.6) < 1e-9)
    #expect(report.hardest.first?.fact.id == "f1")
    #expect(report.hardest.first?.cards.first?.id == "b")
    // A typed answer that a spreadsheet would run is written as text.
    #expect(report.csv(.cards).contains("'=cmd() (3); x (1)"))
    #expect(report.retention.first.map { abs($0.known - 0.6) < 1e-9 } == true)
  }

  @Test func discriminationNeedsThreeStudentsAndSomeSpread() {
    #expect(ClassReport.correlation([(1, 1), (0, 0)]) == nil)
    #expect(ClassReport.correlation([(1, 1), (1, 0), (1, 0.5)]) == nil)
    #expect(ClassReport.correlation([(1, 1), (0, 0), (1, 1)]).map { abs($0 - 1) < 1e-12 } == true)
  }

  @Test func studyDaysStartAtFourInTheMorning() {
    let calendar = ClassCalendar(timeZone: TimeZone(identifier: "UTC") ?? .current, at: now)
    let midnight = Date(timeIntervalSince1970: 86_400 * 20_000)
    #expect(calendar.day(of: midnight.addingTimeInterval(3 * 3600)) == 19_999)
    #expect(calendar.day(of: midnight.addingTimeInterval(5 * 3600)) == 20_000)
  }
}
