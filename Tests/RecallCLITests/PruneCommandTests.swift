import Foundation
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// `check --progress`, `prune` and the figures `stats` adds, on the bundled deck with progress
/// written through `ProgressStore`.
@Suite struct PruneCommandTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-prune-\(UUID().uuidString)").path
  static let start = Date(timeIntervalSince1970: 1_795_478_400)  // 2026-11-24T00:00:00Z

  private func review(_ card: String, day: Int, rating: Rating, phase: CardState.Phase)
    -> ReviewRecord
  {
    let at = Self.start.addingTimeInterval(Double(day) * 86_400 + 36_000)
    return ReviewRecord(
      cardID: card, reviewedAt: at, rating: rating, answer: "x", accepted: rating != .again,
      responseMilliseconds: 30_000,
      state: CardState(
        phase: phase, step: nil, stability: 4, difficulty: 5,
        due: at.addingTimeInterval(2 * 86_400), lastReview: at))
  }

  /// Two reviews of a real card and one of a card no longer in the deck.
  private func seed() throws {
    let store = try ProgressStore.open(deckID: "bajgora-offensive", directory: progress)
    try store.record(review("bajgora-offensive/date-short", day: -3, rating: .good, phase: .review))
    try store.record(
      review("bajgora-offensive/date-short", day: -1, rating: .again, phase: .relearning))
    try store.record(review("retired-fact/name-short", day: -2, rating: .good, phase: .review))
    try store.close()
  }

  @Test func checkListsOrphansAndExitsZero() throws {
    try seed()
    let captured = CapturedConsole()
    let status = try CheckCommand.parse([
      "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress, "--progress",
    ]).execute(in: CommandContext(console: captured.console))
    #expect(status == .ok)
    #expect(captured.standardError.isEmpty)
    #expect(
      captured.standardOutput.hasSuffix(
        "bajgora-offensive.yaml: note: 1 orphaned card (retired-fact/name-short); "
          + "`recall prune bajgora-offensive` removes them\n"))
  }

  @Test func pruneAsksFirstThenRemoves() throws {
    try seed()
    let files = try ProgressFiles(deckID: "bajgora-offensive", directory: progress)
    let before = fileContents(files.reviews)

    let dry = CapturedConsole()
    let plan = try PruneCommand.parse([
      "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress,
    ])
    #expect(plan.execute(in: CommandContext(console: dry.console)) == .ok)
    #expect(
      dry.standardOutput == """
        bajgora-offensive: would drop 1 card and 1 review: retired-fact/name-short
        run again with --yes to remove them

        """)
    #expect(fileContents(files.reviews) == before)

    let real = CapturedConsole()
    let prune = try PruneCommand.parse([
      "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress, "--yes",
    ])
    #expect(prune.execute(in: CommandContext(console: real.console)) == .ok)
    #expect(real.standardOutput == "bajgora-offensive: dropped 1 card and 1 review\n")
    let store = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
    #expect(store.state(for: "retired-fact/name-short") == nil)
    #expect(store.state(for: "bajgora-offensive/date-short")?.phase == .relearning)
    #expect(try store.reviews().count == 2)

    let after = CapturedConsole()
    #expect(prune.execute(in: CommandContext(console: after.console)) == .ok)
    #expect(after.standardOutput == "bajgora-offensive: no orphaned cards\n")
  }

  @Test func statsReportsRetentionDaysAndHardestFacts() throws {
    try seed()
    let command = try StatsCommand.parse(
      [
        "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress, "--format",
        "json", "--now", "2026-11-24T12:00:00Z",
      ])
    let captured = CapturedConsole()
    #expect(command.execute(in: CommandContext(console: captured.console)) == .ok)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(captured.standardOutput.utf8))
        as? [String: Any])
    for key in [
      "deck", "cards", "due_now", "due_next_7_days", "reviews", "accuracy",
      "time_studied_seconds",
    ] {
      #expect(object[key] != nil, "missing \(key)")
    }
    #expect(object["reviews"] as? Int == 2)
    #expect(object["time_studied_seconds"] as? Int == 60)
    // The one review of a card in review state was an again: retention 0.
    #expect(object["retention"] as? Double == 0)
    #expect(object["desired_retention"] as? Double == 0.9)
    let byDay = try #require(object["reviews_by_day"] as? [Int])
    #expect(byDay.count == 30)
    #expect(byDay.suffix(4) == [1, 0, 1, 0])
    #expect((object["due_by_day"] as? [Int])?.count == 30)
    #expect((object["due_next_7_days"] as? [Int])?.count == 7)
    let hardest = try #require(object["hardest"] as? [[String: Any]])
    #expect(hardest.count == 1)
    #expect(hardest.first?["fact"] as? String == "bajgora-offensive")
    #expect(hardest.first?["lapses"] as? Int == 1)
    #expect(hardest.first?["reps"] as? Int == 2)
    #expect(object["lapses"] as? Int == 1)  // the orphan's reviews are not the deck's

    let text = try StatsCommand.parse(
      [
        "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress, "--now",
        "2026-11-24T12:00:00Z",
      ])
    let shown = CapturedConsole()
    #expect(text.execute(in: CommandContext(console: shown.console)) == .ok)
    #expect(
      shown.standardOutput.contains(
        "retention, last 30 days: 0% of 1 review of cards in review (desired 90%)"))
    #expect(shown.standardOutput.contains("time studied: 1 min 00 s"))
    #expect(shown.standardOutput.contains("reviews per day, last 30 days"))
    #expect(
      shown.standardOutput.contains("hardest facts:\n  1 lapse in 2 reviews  bajgora-offensive  "))
  }

  @Test func columnsScaleToTheBusiestDay() {
    #expect(
      StatsCommand.columns([0, 1, 2, 4], height: 2) == [
        "  │   █│ 4", "  │ ▄██│", "  └────┘ 0",
      ])
    #expect(StatsCommand.duration(3_725) == "1 h 02 min")
    #expect(StatsCommand.duration(45) == "45 s")
  }

  private func fileContents(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
  }
}
