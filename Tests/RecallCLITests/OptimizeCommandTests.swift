import Foundation
import LineEditing
import RecallCLI
import RecallKit
import RecallTestSupport
import Testing

@Suite struct OptimizeCommandTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-optimize-\(UUID().uuidString)").path
  static let deck = "bajgora-offensive"

  /// Saves the made-up learner's log of `ScheduleOptimizeCommandTests` as this deck's history.
  private func importHistory(limit: Int = .max) throws {
    var records: [ReviewRecord] = []
    for line in ScheduleOptimizeCommandTests.log.split(separator: "\n").prefix(limit) {
      let entry = try ReviewLogEntry.parse(Array(line.utf8)).get()
      records.append(
        ReviewRecord(
          cardID: entry.card, reviewedAt: entry.time, rating: entry.rating, answer: "",
          accepted: entry.rating != .again, responseMilliseconds: 1000,
          state: CardState(
            phase: .review, step: nil, stability: 1, difficulty: 5, due: entry.time,
            lastReview: entry.time)))
    }
    records.sort { $0.reviewedAt < $1.reviewedAt }
    try ProgressStore.importHistory(
      deckID: Self.deck, directory: progress, reviews: records, states: [:], replacing: false)
  }

  private func optimize() throws -> (RecallCLI.ExitStatus, CapturedConsole) {
    let command = try OptimizeCommand.parse([
      Self.deck, "--decks-dir", decks, "--progress-dir", progress, "--now",
      "2026-04-01T10:00:00Z",
    ])
    let captured = CapturedConsole()
    let status = command.execute(in: CommandContext(console: captured.console))
    return (status, captured)
  }

  @Test func fitsSavesBesideProgressAndStudyUsesThem() throws {
    try importHistory()
    let (status, captured) = try optimize()
    #expect(status == .ok, "\(captured.standardError)")
    #expect(captured.standardOutput.contains("600 reviews, 480 on a later day"))
    #expect(captured.standardOutput.contains("% better"))
    let stored = try #require(
      try LearnerParameters.load(deckID: Self.deck, directory: progress))
    #expect(stored.parameters != FSRSParameters.defaults)
    #expect(stored.reviews == 600)
    // The deck file is untouched: the weights live in the progress folder.
    #expect(
      FileManager.default.fileExists(atPath: progress + "/\(Self.deck).parameters.json"))

    // The same history cannot do better than the saved fit: it stays.
    let before = try Data(
      contentsOf: URL(fileURLWithPath: progress + "/\(Self.deck).parameters.json"))
    let (again, second) = try optimize()
    #expect(again == .ok)
    #expect(second.standardOutput.contains("no better than your earlier fit"))
    let after = try Data(
      contentsOf: URL(fileURLWithPath: progress + "/\(Self.deck).parameters.json"))
    #expect(before == after)

    // A first Good sets a new card's stability to w2: the learner's, not FSRS-6's.
    let command = try StudyCommand.parse([
      Self.deck, "--decks-dir", decks, "--progress-dir", progress, "--seed", "1", "--now",
      "2026-11-24T10:00:00Z",
    ])
    let session = CapturedConsole()
    let studied = command.execute(
      in: CommandContext(
        console: session.console,
        lineReader: { _ in ScriptedReader(["July 1998 to January 1999", ""]) }))
    #expect(studied == .ok, "\(session.standardError)")
    let states = try ProgressStore.openReadOnly(deckID: Self.deck, directory: progress).states
    let reviewed = states.values.filter { $0.lastReview != nil && $0.difficulty != 5 }
    #expect(reviewed.count == 1)
    #expect(reviewed.first?.stability == stored.parameters[2])
  }

  @Test func refusesPolitelyWithTooFewReviews() throws {
    try importHistory(limit: 12)
    let (status, captured) = try optimize()
    #expect(status == .dataError)
    #expect(captured.standardError.contains("fitting needs at least 8. Keep studying"))
    #expect(try LearnerParameters.load(deckID: Self.deck, directory: progress) == nil)
  }

  @Test func aBrokenParametersFileStopsStudyWithItsLocation() throws {
    try FileManager.default.createDirectory(atPath: progress, withIntermediateDirectories: true)
    let path = progress + "/\(Self.deck).parameters.json"
    try Data("{\"schema\": 1, \"deck\": \"other\"}".utf8).write(to: URL(fileURLWithPath: path))
    let command = try StudyCommand.parse([
      Self.deck, "--decks-dir", decks, "--progress-dir", progress, "--now",
      "2026-11-24T10:00:00Z",
    ])
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(console: captured.console, lineReader: { _ in ScriptedReader([""]) }))
    #expect(status == .dataError)
    #expect(
      captured.standardError.contains("\(path):1:1: error: these parameters belong to another deck")
    )
  }
}
