import Foundation
import RecallCLI
import RecallKit
import Testing

@Suite struct SimulateCommandTests {
  let decks = repositoryRootForCLI.appendingPathComponent("Decks").path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-simulate-\(UUID().uuidString)").path

  private func simulate(_ arguments: [String]) throws -> (RecallCLI.ExitStatus, CapturedConsole) {
    let command = try SimulateCommand.parse(arguments)
    let captured = CapturedConsole()
    return (command.execute(in: CommandContext(console: captured.console)), captured)
  }

  @Test func moreRetentionCostsMoreTimeAndBuysMoreKnowledge() throws {
    let (status, captured) = try simulate([
      "--cards", "300", "--days", "60", "--new-per-day", "10", "--retentions", "0.7,0.9",
      "--format", "json",
    ])
    #expect(status == .ok, "\(captured.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(captured.standardOutput.utf8))
        as? [String: Any])
    #expect(object["cards"] as? Int == 300)
    #expect(object["runs"] as? Int == RetentionComparison.runs(forCards: 300))
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows.map { $0["desired_retention"] as? Double } == [0.7, 0.9])
    let minutes = rows.compactMap { $0["minutes_per_day"] as? Double }
    let known = rows.compactMap { $0["known"] as? Double }
    #expect(minutes.count == 2 && minutes[1] > minutes[0])
    #expect(known.count == 2 && known[1] > known[0])
    // 10 new cards a day for 30 days, then none left.
    #expect(rows.allSatisfy { abs(($0["new_per_day"] as? Double ?? 0) - 5) < 1e-9 })
  }

  @Test func aDeckStartsFromItsCardsAndTheTableMarksTheMostEfficient() throws {
    let (status, captured) = try simulate([
      "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress, "--days", "30",
      "--now", "2026-12-02T10:00:00Z",
    ])
    #expect(status == .ok, "\(captured.standardError)")
    let lines = captured.standardOutput.split(separator: "\n")
    #expect(lines.first?.contains("(0 studied), 30 days, 20 new a day") == true)
    #expect(lines.count == 8)
    #expect(lines.filter { $0.hasSuffix("← best") }.count == 1)
    #expect(lines.allSatisfy { $0.count <= 80 })
  }

  @Test(arguments: [
    ([String](), "name decks or give --cards N"),
    (["deck", "--cards", "10"], "name decks or give --cards, not both"),
    (["--cards", "0"], "--cards must be between 1 and 1000000, found 0"),
    (["--cards", "10", "--days", "4000"], "--days must be between 1 and 3650, found 4000"),
    (["--cards", "10", "--new-per-day", "0"], "--new-per-day must be at least 1 with --cards"),
    (["--cards", "10", "--retentions", "0.9,x"], "--retentions: 'x' is not a number"),
    (["--cards", "10", "--retentions", "0.995"], "each must be between 0.5 and 0.99"),
    (["--cards", "10", "--parameters", "1,2"], "--parameters: FSRS-6 needs 21 parameters"),
  ])
  func badOptionsAreUsageErrors(arguments: [String], message: String) {
    do {
      _ = try SimulateCommand.parse(arguments)
      Issue.record("\(arguments) was accepted")
    } catch {
      #expect(SimulateCommand.exitCode(for: error).rawValue == 64)
      #expect(SimulateCommand.message(for: error).contains(message))
    }
  }
}
