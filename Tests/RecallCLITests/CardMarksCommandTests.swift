import ArgumentParser
import Foundation
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// `recall suspended`, `recall unsuspend`, and the flagged cards in `stats` and
/// `check --progress`, over progress marked through the store as a session marks it.
@Suite struct CardMarksCommandTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-marks-\(UUID().uuidString)").path
  static let now = "2026-11-24T10:00:00Z"
  /// `now` as a date.
  let moment = Date(timeIntervalSince1970: 1_795_514_400)
  let dateCard = "bajgora-offensive/date-short"
  let clozeCard = "bajgora-region-north/cloze"

  private func run(_ command: some RecallSubcommand) -> (RecallCLI.ExitStatus, String, String) {
    let captured = CapturedConsole()
    let status = command.execute(in: CommandContext(console: captured.console, environment: [:]))
    return (status, captured.standardOutput, captured.standardError)
  }

  private func folders(_ arguments: [String]) -> [String] {
    arguments + ["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now]
  }

  /// Suspends the date card, buries the cloze card to tonight, flags the date card.
  private func mark() throws {
    let store = try ProgressStore.open(deckID: "bajgora-offensive", directory: progress)
    try store.suspend(dateCard, at: moment)
    try store.bury(clozeCard, until: moment + 18 * 3600, at: moment)
    try store.flag(dateCard, note: "the offensive began in\u{1B}[31m August", at: moment)
    try store.close()
  }

  private func marks(_ card: String) throws -> CardMarks {
    try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
      .marks(for: card)
  }

  @Test func suspendedListsSuspendedAndBuriedCards() throws {
    let (_, empty, _) = run(try SuspendedCommand.parse(folders(["bajgora-offensive"])))
    #expect(empty == "bajgora-offensive: no suspended or buried cards\n")
    try mark()
    let (status, output, _) = run(try SuspendedCommand.parse(folders(["bajgora-offensive"])))
    #expect(status == .ok)
    #expect(
      output == """
        \(dateCard)  suspended  Between which months was the Bajgora offensive carried out?
        \(clozeCard)  buried until 2026-11-25T04:00:00Z  The Bajgora region, where the offensive was fought, lies in the _____ of Kosovo.

        """, "\(output)")
  }

  @Test func unsuspendShowsTheCardsAgainAndKeepsTheFlag() throws {
    try mark()
    let (status, output, _) = run(
      try UnsuspendCommand.parse(folders(["bajgora-offensive", "bajgora-offensive"])))
    #expect(status == .ok)
    #expect(output == "bajgora-offensive: 1 card shown again: \(dateCard)\n")
    let after = try marks(dateCard)
    #expect(!after.suspended && after.flag != nil)
    #expect(try marks(clozeCard).isBuried(at: moment))
    _ = run(try UnsuspendCommand.parse(folders(["bajgora-offensive", "--all"])))
    #expect(try !marks(clozeCard).isBuried(at: moment))
  }

  @Test func unsuspendRefusesACardThatIsNotSetAsideAndChangesNothing() throws {
    try mark()
    let (status, _, error) = run(
      try UnsuspendCommand.parse(folders(["bajgora-offensive", dateCard, "brigade-141/name"])))
    #expect(status == .usage)
    #expect(
      error.hasPrefix(
        "recall: error: 'brigade-141/name' is not a suspended or buried card of "
          + "'bajgora-offensive'"), "\(error)")
    #expect(try marks(dateCard).suspended)
    #expect(throws: (any Error).self) {
      try UnsuspendCommand.parse(folders(["bajgora-offensive"]))
    }
  }

  @Test func statsListsFlaggedAndSetAsideCards() throws {
    try mark()
    let (_, text, _) = run(try StatsCommand.parse(folders(["bajgora-offensive"])))
    #expect(text.contains("set aside: 1 suspended · 1 buried"), "\(text)")
    #expect(text.contains("flagged as wrong by the learner:\n  \(dateCard)  flagged 2026-11-24: "))
    #expect(text.contains("began in\\u{1B}[31m August"))
    let (_, json, _) = run(
      try StatsCommand.parse(folders(["bajgora-offensive", "--format", "json"])))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["suspended"] as? Int == 1)
    #expect(object["buried"] as? Int == 1)
    let flagged = try #require(object["flagged"] as? [[String: Any]])
    #expect(flagged.count == 1)
    #expect(flagged.first?["card"] as? String == dateCard)
    #expect(flagged.first?["note"] as? String == "the offensive began in\u{1B}[31m August")
    #expect(flagged.first?["at"] as? String == "2026-11-24T10:00:00Z")
  }

  @Test func checkWithProgressListsFlaggedCards() throws {
    try mark()
    let (status, output, _) = run(
      try CheckCommand.parse(
        folders(["--progress", "bajgora-offensive"]).filter { $0 != "--now" && $0 != Self.now }))
    #expect(status == .ok)
    #expect(
      output.contains(
        "bajgora-offensive.yaml: note: card \(dateCard) flagged 2026-11-24: the offensive began in\\u{1B}[31m August"
      ),
      "\(output)")
  }
}
