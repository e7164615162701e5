import Foundation
import RecallKit
import RecallTestSupport

/// A tab-separated table of grading rows (a header line names the columns; `#` lines and
/// blank lines are comments), and the decks its rows name, each loaded once with the grader a
/// study session would use.
struct GradingTable {
  var rows: [[String: String]]

  init(path: String) throws {
    let text = try String(
      contentsOf: Repository.root.appendingPathComponent(path), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
    guard let header = lines.first?.components(separatedBy: "\t") else {
      rows = []
      return
    }
    rows = lines.dropFirst().map { line in
      let cells = line.components(separatedBy: "\t")
      var row: [String: String] = [:]
      for (name, cell) in zip(header, cells) where !cell.isEmpty { row[name] = cell }
      return row
    }
  }

  /// The decks the rows name (their `deck` column), each with its questions and the grader a
  /// study session would use, loaded once.
  var decks: Decks { Decks(paths: Set(rows.compactMap { $0["deck"] })) }

  /// Decks by their path from the repository root.
  struct Decks: Sendable {
    private var loaded: [String: (questions: [String: Question], grader: AnswerGrader)] = [:]

    init(paths: Set<String>) {
      for path in paths {
        let url = Repository.root.appendingPathComponent(path)
        guard let deck = try? DeckLoader().load(path: url.path).deck else { continue }
        let questions = QuestionGenerator(deck: deck).questions()
        loaded[path] = (
          Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
          AnswerGrader(deck: deck, questions: questions)
        )
      }
    }

    /// `recall grade`'s report on `answer` to `card`; nil when the deck did not load or has
    /// no such card.
    func report(deck path: String, card: String, answer: String) -> GradeReport? {
      guard let entry = loaded[path], let question = entry.questions[card] else { return nil }
      return GradeReport(question: question, answer: answer, grader: entry.grader)
    }
  }
}
