import Testing

@testable import RecallKit

/// The fair-grading table (#13 item 6): every grading example of the issue, and the answers
/// next to each that must stay wrong, as rows of Fixtures/grading/fair-grading.tsv graded the
/// way a study session grades them.
@Suite struct FairGradingTableTests {
  static let table = "Tests/RecallKitTests/Fixtures/grading/fair-grading.tsv"
  static let loaded = try? GradingTable(path: table)
  static let rows = loaded?.rows ?? []
  static let decks = loaded?.decks ?? GradingTable.Decks(paths: [])

  @Test func theTableIsThere() {
    #expect(Self.rows.count >= 100)
    #expect(Set(Self.rows.compactMap { $0["verdict"] }).count == 5, "every verdict has rows")
  }

  @Test(arguments: rows)
  func gradesLikeATeacher(row: [String: String]) throws {
    let deck = try #require(row["deck"]), card = try #require(row["card"])
    let answer = try #require(row["answer"]), verdict = try #require(row["verdict"])
    let report = try #require(
      Self.decks.report(deck: deck, card: card, answer: answer), "\(deck) has no card \(card)")
    #expect(report.verdict.rawValue == verdict, "\(card) ← “\(answer)”: \(report.textLine)")
    if let shown = row["shown"] {
      #expect(report.expected == shown, "\(card) ← “\(answer)”: \(report.textLine)")
    }
  }
}
