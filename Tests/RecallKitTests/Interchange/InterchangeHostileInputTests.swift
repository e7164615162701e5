import Foundation
import Testing

@testable import RecallKit

/// Import and export defects of #19 (item 14): weights that crashed the GIFT reader, cells a
/// spreadsheet would run as formulas, answers holding ` | `, and files past the card limit.
@Suite struct InterchangeHostileInputTests {
  @Test(arguments: [
    "%nan%", "%99999999999999999999%", "%9223372036854775807%", "%-1e400%", "%inf%",
  ])
  func hostileGIFTWeightsDoNotCrash(weight: String) {
    let text = "::w:: Who led the offensive? {~\(weight)Nobody =Agim Ramadani}\n"
    let result = InterchangeFixtures.importText(text, format: .gift, path: "quiz.gift")
    // Either imported (the weight read as a wrong answer) or refused with a location.
    #expect(result.deck != nil || result.diagnostics.hasErrors)
  }

  private func question(prompt: String, answers: [String], options: [String] = [])
    -> Question
  {
    Question(
      id: "f/short", kind: options.isEmpty ? .short : .choice, prompt: prompt, options: options,
      expected: options.isEmpty ? .text(answers) : .choice(0), fact: "f", explanation: "",
      template: .card)
  }

  @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB"])
  func formulaCellsAreNeutralised(prompt: String) throws {
    let csv = CSVExporter().render([question(prompt: prompt, answers: ["a"])])
    let row = try #require(csv.components(separatedBy: "\r\n").dropFirst().first)
    let cells = DelimitedText(delimiter: ",").records(in: row).0.first?.texts ?? []
    let cell = try #require(cells.dropFirst(2).first)
    #expect(cell == "'" + prompt, "\(row)")
  }

  @Test func listItemsHoldingTheSeparatorSurviveARoundTrip() throws {
    let answers = ["Ramadani | Agim", "back\\slash", "plain"]
    let csv = CSVExporter().render([question(prompt: "Who?", answers: answers)])
    let result = InterchangeFixtures.importText(csv, format: .csv, path: "q.csv")
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(deck.cards.first?.answers == answers)
  }

  @Test func aFormulaCellComesBackAsWritten() throws {
    let csv = CSVExporter().render([question(prompt: "=1+1 is what?", answers: ["-2"])])
    let result = InterchangeFixtures.importText(csv, format: .csv, path: "q.csv")
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(deck.cards.first?.prompt == "=1+1 is what?")
    #expect(deck.cards.first?.answers == ["-2"])
  }

  @Test func aFilePastTheCardLimitSaysSo() {
    var text = "question,answer\n"
    text.reserveCapacity(6_000_000)
    for row in 0..<250_000 { text += "Q\(row)?,A\(row)\n" }
    let result = InterchangeFixtures.importText(text, format: .csv, path: "big.csv")
    #expect(result.deck == nil)
    let messages = result.diagnostics.map(\.description).joined(separator: "\n")
    #expect(messages.contains("250,000"), "\(messages.prefix(300))")
    #expect(messages.contains("200,000"))
    #expect(!messages.contains("a bug in recall import"))
  }
}
