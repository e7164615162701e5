import Foundation
import RecallCLI
import RecallKit
import Testing

@Suite struct ForecastCommandTests {
  let decks = repositoryRootForCLI.appendingPathComponent("Decks").path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-forecast-\(UUID().uuidString)").path
  static let deck = "bajgora-offensive"
  static let now = "2026-12-02T10:00:00Z"

  /// Gives the deck's first cards a stored review state: `due[i]` days from now.
  private func study(dueInDays due: [Double]) throws {
    let ids = try cardIDs()
    let moment = try UTCTimestamp.parse(Self.now).get()
    var states: [String: CardState] = [:]
    for (index, days) in due.enumerated() {
      states[ids[index]] = CardState(
        phase: .review, step: nil, stability: 300, difficulty: 5,
        due: moment.addingTimeInterval(days * 86_400),
        lastReview: moment.addingTimeInterval(-5 * 86_400))
    }
    try ProgressStore.importHistory(
      deckID: Self.deck, directory: progress, reviews: [], states: states, replacing: false)
  }

  private func cardIDs() throws -> [String] {
    let deck = try #require(
      DeckLoader().load(path: decks + "/\(Self.deck).yaml").deck)
    return QuestionGenerator(deck: deck).questions().map(\.id)
  }

  private func forecast(_ arguments: [String]) throws -> (RecallCLI.ExitStatus, CapturedConsole) {
    let command = try ForecastCommand.parse(
      [Self.deck, "--decks-dir", decks, "--progress-dir", progress, "--now", Self.now]
        + arguments)
    let captured = CapturedConsole()
    return (command.execute(in: CommandContext(console: captured.console)), captured)
  }

  @Test func jsonGivesEachDaysDueCardsAndExpectedReviews() throws {
    try study(dueInDays: [-1, 1, 1, 3])
    let (status, captured) = try forecast(["--format", "json", "--days", "5", "--new-per-day", "0"])
    #expect(status == .ok, "\(captured.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(captured.standardOutput.utf8))
        as? [String: Any])
    #expect(object["decks"] as? [String] == [Self.deck])
    let days = try #require(object["days"] as? [[String: Any]])
    #expect(
      days.map { $0["date"] as? String } == [
        "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06",
      ])
    #expect(days.map { $0["due"] as? Int } == [1, 2, 0, 1, 0])
    #expect(days.map { $0["new"] as? Double } == [0, 0, 0, 0, 0])
    let reviews = days.compactMap { $0["reviews"] as? Double }
    #expect(
      reviews.count == 5 && abs(reviews[0] - 1) < 0.01 && abs(reviews[1] - 2) < 0.01
        && reviews[3] >= 1)
  }

  @Test func theChartFitsEightyColumnsAndCountsNewCards() throws {
    try study(dueInDays: [0, 0, 2])
    let (status, captured) = try forecast([])
    #expect(status == .ok, "\(captured.standardError)")
    let lines = captured.standardOutput.split(separator: "\n")
    #expect(lines.count == 32)
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines[1].hasPrefix("today      █"))
    #expect(lines[1].hasSuffix("+20 new"))
    #expect(lines[2].hasPrefix("Thu 03 Dec "))
    #expect(lines.last?.contains("reviews in 30 days") == true)
  }

  @Test(arguments: [
    (["--days", "0"], "--days must be between 1 and 3650, found 0"),
    (["--new-per-day=-1"], "--new-per-day must be between 0 and 100000, found -1"),
    (["--desired-retention", "1.5"], "desired retention must be between 0.5 and 0.99"),
    (["--now", "soon"], "--now:"),
  ])
  func badOptionsAreUsageErrors(arguments: [String], message: String) {
    do {
      _ = try ForecastCommand.parse([Self.deck] + arguments)
      Issue.record("\(arguments) was accepted")
    } catch {
      #expect(ForecastCommand.exitCode(for: error).rawValue == 64)
      #expect(ForecastCommand.message(for: error).contains(message))
    }
  }
}
