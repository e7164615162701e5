import ArgumentParser
import Foundation
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// `recall study` over several decks or the whole folder, `recall decks` and `recall stats`
/// with no deck, over a folder of three small decks and the Bajgora deck.
@Suite struct StudySeveralDecksTests {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-several-\(UUID().uuidString)").path
  var decks: String { root + "/Decks" }
  var progress: String { root + "/Progress" }
  static let now = "2026-11-24T10:00:00Z"

  init() throws {
    try FileManager.default.createDirectory(
      atPath: root + "/Decks", withIntermediateDirectories: true)
    for id in ["alpha", "beta", "gamma"] {
      try Self.deckYAML(id, facts: 3).write(
        toFile: root + "/Decks/\(id).yaml", atomically: true, encoding: .utf8)
    }
    try FileManager.default.copyItem(
      atPath: Repository.deck("bajgora-offensive").path,
      toPath: root + "/Decks/bajgora-offensive.yaml")
  }

  /// `count` one-card statements `<id>-<n>/cloze` answered `<id>term<n>`; even ones tagged.
  static func deckYAML(_ id: String, facts count: Int) -> String {
    var text = "id: \(id)\ntitle: Deck \(id)\nsubject: Tests\nlanguage: en\n"
    text += "source:\n  title: tests\nfacts:\n"
    for index in 0..<count {
      text += "  - id: \(id)-\(index)\n    kind: statement\n"
      if index % 2 == 0 { text += "    tags: [even]\n" }
      text += "    text: Statement \(index) of \(id) names the term [[\(id)term\(index)]].\n"
    }
    return text
  }

  private func run(_ command: some RecallSubcommand, script: [String] = [])
    -> (status: RecallCLI.ExitStatus, output: String, error: String)
  {
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(
        console: captured.console, environment: [:], lineReader: { _ in ScriptedReader(script) }))
    return (status, captured.standardOutput, captured.standardError)
  }

  private func study(_ arguments: [String], script: [String], now: String = now) throws
    -> (status: RecallCLI.ExitStatus, output: String, error: String)
  {
    run(
      try StudyCommand.parse(
        arguments + ["--decks-dir", decks, "--progress-dir", progress, "--seed", "1", "--now", now]
      ), script: script)
  }

  /// The deck each card came from, from its label line ("2. cloze · new · beta").
  private static func decksAsked(_ output: String) -> [String] {
    output.split(separator: "\n").compactMap { line in
      let parts = line.components(separatedBy: " · ")
      guard parts.count == 3, parts[0].range(of: #"^\d+\. "#, options: .regularExpression) != nil
      else { return nil }
      return parts[2]
    }
  }

  @Test func severalDecksAreStudiedInTurnEachInItsOwnFiles() throws {
    // Three new cards in all, over two decks; each answered right.
    let first = try study(["alpha", "beta", "--new", "3"], script: [])
    #expect(first.status == .ok, "\(first.error)")
    #expect(first.output.contains("2 decks"))
    #expect(first.output.contains("alpha: 0 due · 3 new · Deck alpha"))
    #expect(first.output.contains("0 due · 3 new · each deck's own limits, and 3 new a day in all"))
    #expect(Self.decksAsked(first.output) == ["alpha"], "\(first.output)")

    let script = ["alphaterm0", "", "betaterm0", "", "alphaterm1", "", ":quit"]
    let result = try study(["alpha", "beta", "--new", "3"], script: script)
    #expect(result.status == .ok, "\(result.error)")
    // The fourth card, shown before :quit, is alpha's first, back in learning.
    #expect(Self.decksAsked(result.output) == ["alpha", "beta", "alpha", "alpha"])
    #expect(result.output.contains("reviewed 3 · accuracy 100%"))
    let alpha = try ProgressStore.openReadOnly(deckID: "alpha", directory: progress)
    let beta = try ProgressStore.openReadOnly(deckID: "beta", directory: progress)
    #expect(Set(alpha.states.keys) == ["alpha-0/cloze", "alpha-1/cloze"])
    #expect(Set(beta.states.keys) == ["beta-0/cloze"])
  }

  @Test func noDeckStudiesTheWholeFolderAndALockedDeckIsLeftOut() throws {
    let held = try ProgressStore.open(deckID: "beta", directory: progress)
    defer { held.release() }
    let result = try study(["--tag", "even"], script: [":stats", ":quit"])
    #expect(result.status == .ok, "\(result.error)")
    #expect(
      result.error.contains(
        "recall: warning: left out 'beta': another recall session is studying it"))
    #expect(result.output.contains("2 decks"), "\(result.output)")
    #expect(result.output.contains("alpha: 0 due · 2 new"))
    #expect(result.output.contains("gamma: 0 due · 2 new"))
    #expect(!result.output.contains("beta:"))
    #expect(result.output.contains("0 answered, – right, 4 left in the queue"))
  }

  @Test func theMissedCardsAreListedWithTheirAnswers() throws {
    let result = try study(["alpha", "gamma"], script: ["wrong", "", "gammaterm0", "", ":quit"])
    #expect(result.output.contains("missed in this session (1):"))
    #expect(
      result.output.contains("  alpha: Statement 0 of alpha names the term"), "\(result.output)")
    #expect(result.output.contains("    → alphaterm0"))
  }

  @Test func decksListsEveryGeneratedCardAndWhatIsDueToday() throws {
    _ = try study(["alpha"], script: ["wrong", "", "alphaterm1", "", ":quit"])
    let result = run(
      try DecksCommand.parse(
        ["--decks-dir", decks, "--progress-dir", progress, "--now", "2026-11-24T10:05:00Z"]))
    #expect(result.status == .ok, "\(result.error)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("ID ") == true)
    #expect(lines.first?.contains("FACTS  CARDS  DUE  LATER  NEW  TITLE") == true, "\(lines)")
    let bajgora = try #require(DeckLoader().load(path: decks + "/bajgora-offensive.yaml").deck)
    let count = QuestionGenerator(deck: bajgora).questions().count
    #expect(count > bajgora.cards.count)
    let row = try #require(lines.first { $0.hasPrefix("bajgora-offensive ") })
    #expect(
      row.split(separator: " ").prefix(3).map(String.init) == [
        "bajgora-offensive", String(bajgora.facts.count), String(count),
      ])
    // alpha: the missed card is due (its 1-minute step passed), the other later today, one new
    // card left of three.
    let alpha = try #require(lines.first { $0.hasPrefix("alpha ") })
    #expect(
      alpha.split(separator: " ").prefix(6).map(String.init) == ["alpha", "3", "3", "1", "1", "1"],
      "\(alpha)")
  }

  @Test func decksListsABrokenDeckAndDamagedProgressInTheirPlaces() throws {
    try "id: broken\nfacts: [\n".write(
      toFile: decks + "/broken.yaml", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: progress, withIntermediateDirectories: true)
    try "{ this is not json".write(
      toFile: progress + "/beta.json", atomically: true, encoding: .utf8)
    let result = run(
      try DecksCommand.parse(
        ["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now]))
    let lines = result.output.split(separator: "\n").map(String.init)
    // In the folder's order, each deck worked out on its own thread.
    #expect(
      lines.dropFirst().map { String($0.prefix { $0 != " " }) } == [
        "alpha", "bajgora-offensive", "beta", "broken", "gamma",
      ], "\(result.output)")
    let beta = try #require(lines.first { $0.hasPrefix("beta ") })
    #expect(
      beta.split(separator: " ").prefix(6).map(String.init) == ["beta", "3", "3", "-", "-", "-"])
    #expect(result.error.contains("beta.json"), "\(result.error)")
    let broken = try #require(lines.first { $0.hasPrefix("broken ") })
    #expect(broken.contains("(has errors: run 'recall check "), "\(broken)")
    #expect(broken.hasSuffix("broken.yaml')"), "\(broken)")
    let gamma = try #require(lines.first { $0.hasPrefix("gamma ") })
    #expect(
      gamma.split(separator: " ").prefix(6).map(String.init) == ["gamma", "3", "3", "0", "0", "3"])
  }

  /// Reviews of `card` in `deck`, one a day from 2026-11-20, each leaving the card in the phase
  /// given: an again after a review phase is a lapse.
  private func seedReviews(_ deck: String, _ card: String, _ reviews: [(Rating, CardState.Phase)])
    throws
  {
    let store = try ProgressStore.open(deckID: deck, directory: progress)
    let start = Date(timeIntervalSince1970: 1_795_168_800)  // 2026-11-20T10:00:00Z
    for (day, (rating, phase)) in reviews.enumerated() {
      let at = start.addingTimeInterval(Double(day) * 86_400)
      try store.record(
        ReviewRecord(
          cardID: card, reviewedAt: at, rating: rating, answer: "x", accepted: rating != .again,
          responseMilliseconds: 1_000,
          state: CardState(
            phase: phase, step: nil, stability: 4, difficulty: 5,
            due: at.addingTimeInterval(86_400), lastReview: at)))
    }
    try store.close()
  }

  @Test func statsWithNoDeckListsTheHardestFactsOfEveryDeck() throws {
    let lapse: [(Rating, CardState.Phase)] = [(.good, .review), (.again, .relearning)]
    try seedReviews("gamma", "gamma-1/cloze", lapse + [(.good, .review), (.again, .relearning)])
    try seedReviews("beta", "beta-0/cloze", lapse)
    try seedReviews("alpha", "alpha-2/cloze", lapse)
    let text = run(
      try StatsCommand.parse(["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now]))
    #expect(text.status == .ok, "\(text.error)")
    // Most lapses first, then by deck: alpha's before beta's.
    let lines = text.output.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "hardest facts:"), "\(text.output)")
    #expect(lines[start + 1].hasPrefix("  2 lapses in 4 reviews  gamma: gamma-1  Statement 1"))
    #expect(lines[start + 2].hasPrefix("  1 lapse in 2 reviews  alpha: alpha-2  Statement 2"))
    #expect(lines[start + 3].hasPrefix("  1 lapse in 2 reviews  beta: beta-0  Statement 0"))
    #expect(lines[start + 4] == "by deck:")

    let json = run(
      try StatsCommand.parse(
        ["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now, "--format", "json"]))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let total = try #require(object["total"] as? [String: Any])
    let hardest = try #require(total["hardest"] as? [[String: Any]])
    #expect(hardest.map { $0["deck"] as? String } == ["gamma", "alpha", "beta"])
    #expect(hardest.map { $0["fact"] as? String } == ["gamma-1", "alpha-2", "beta-0"])
    #expect(hardest.map { $0["lapses"] as? Int } == [2, 1, 1])
    #expect(hardest.map { $0["reps"] as? Int } == [4, 2, 2])
    #expect(total["lapses"] as? Int == 4)
  }

  @Test func statsWithNoDeckSumsTheCollection() throws {
    _ = try study(["alpha"], script: ["alphaterm0", "", ":quit"])
    _ = try study(["gamma"], script: ["wrong", "", ":quit"])
    let text = run(
      try StatsCommand.parse(["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now]))
    #expect(text.status == .ok, "\(text.error)")
    #expect(text.output.contains("All decks (4 decks)"))
    #expect(text.output.contains("reviews: 2 · accuracy 50%"))
    #expect(text.output.contains("by deck:"))
    let json = run(
      try StatsCommand.parse(
        ["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now, "--format", "json"]))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let total = try #require(object["total"] as? [String: Any])
    #expect(total["decks"] as? Int == 4)
    #expect(total["reviews"] as? Int == 2)
    #expect(
      (object["decks"] as? [[String: Any]])?.map { $0["deck"] as? String } == [
        "alpha", "bajgora-offensive", "beta", "gamma",
      ])
  }

  /// Each deck with an exam to come shows its readiness in the summary, as `recall stats
  /// DECK` does; a deck with none, or whose exam is over, shows nothing.
  @Test func statsWithNoDeckShowsEachDecksExam() throws {
    _ = try study(
      ["alpha", "--exam", "2026-12-04"], script: ["alphaterm0", "", ":quit"])
    try ExamDate.save(
      ExamDate(year: 2026, month: 11, day: 1), deckID: "beta", directory: progress)
    let text = run(
      try StatsCommand.parse(["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now]))
    #expect(text.status == .ok, "\(text.error)")
    let lines = text.output.split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex(of: "exams:"))
    #expect(lines.count == start + 2)
    #expect(lines[start + 1].hasPrefix("  alpha: exam 2026-12-04, in 10 days: "))
    #expect(
      lines[start + 1].hasSuffix("% of the 3 cards known on the day if you study nothing more"))

    let json = run(
      try StatsCommand.parse(
        ["--decks-dir", decks, "--progress-dir", progress, "--now", Self.now, "--format", "json"]))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let objects = try #require(object["decks"] as? [[String: Any]])
    let alpha = try #require(objects.first { $0["deck"] as? String == "alpha" })
    let exam = try #require(alpha["exam"] as? [String: Any])
    #expect(exam["date"] as? String == "2026-12-04")
    #expect(exam["days"] as? Int == 10)
    let known = try #require(exam["known"] as? Double)
    #expect(known > 0 && known < 1.0 / 3)
    let others = objects.filter { $0["deck"] as? String != "alpha" }
    #expect(others.count == 3)
    #expect(others.allSatisfy { $0["exam"] is NSNull })
    #expect((object["total"] as? [String: Any])?["exam"] == nil)
  }
}
