import Foundation
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// What the commands do with schema-1 progress (the fixture the last schema-1 Recall wrote)
/// and with a journal or review log of another deck.
@Suite struct ProgressMigrationCommandTests {
  static let fixture = Repository.root.appendingPathComponent(
    "Tests/RecallKitTests/Fixtures/progress-v1")
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-migration-\(UUID().uuidString)").path
  var decks: String { root + "/Decks" }
  var progress: String { root + "/Progress" }

  /// The fixture's deck and progress files in a fresh folder.
  private func copyFixture() throws {
    for folder in [decks, progress] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let files = [
      ("tiny.yaml", decks), ("tiny.json", progress), ("tiny.journal.jsonl", progress),
      ("tiny.reviews.jsonl", progress),
    ]
    for (name, folder) in files {
      try FileManager.default.copyItem(
        atPath: Self.fixture.appendingPathComponent(name).path, toPath: folder + "/" + name)
    }
  }

  private func progressFiles() throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: progress) {
      result[name] = FileManager.default.contents(atPath: progress + "/" + name)
    }
    return result
  }

  private func study(_ script: [String]) throws -> (RecallCLI.ExitStatus, CapturedConsole) {
    let command = try StudyCommand.parse(
      [
        "tiny", "--decks-dir", decks, "--progress-dir", progress, "--seed", "1", "--now",
        "2025-04-21T10:00:00Z",
      ])
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(
        console: captured.console, environment: [:], lineReader: { _ in ScriptedReader(script) }))
    return (status, captured)
  }

  private func stats() throws -> (RecallCLI.ExitStatus, String) {
    let command = try StatsCommand.parse(
      [
        "tiny", "--decks-dir", decks, "--progress-dir", progress, "--format", "json", "--now",
        "2025-04-21T10:00:00Z",
      ])
    let captured = CapturedConsole()
    return (
      command.execute(in: CommandContext(console: captured.console, environment: [:])),
      captured.standardOutput
    )
  }

  @Test func studyMigratesAndSaysSoOnce() throws {
    try copyFixture()
    let snapshot = progress + "/tiny.json"
    let (status, captured) = try study([":quit"])
    #expect(status == .ok, "\(captured.standardError)")
    #expect(
      captured.standardError
        == "recall: migrated \(snapshot) from schema 1 to 3; the old file is kept as "
        + "\(snapshot).v1.bak\n")
    #expect(
      FileManager.default.contents(atPath: snapshot + ".v1.bak")
        == FileManager.default.contents(
          atPath: Self.fixture.appendingPathComponent("tiny.json").path))

    let (again, second) = try study([":quit"])
    #expect(again == .ok)
    #expect(second.standardError.isEmpty)
  }

  @Test func statsReadsSchemaOneWithoutWritingAndAgreesAfterMigration() throws {
    try copyFixture()
    let before = try progressFiles()
    let (status, json) = try stats()
    #expect(status == .ok)
    #expect(try progressFiles() == before)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    // alpha and beta have one lapse each (see the fixture's README); facts are the cards.
    #expect(object["lapses"] as? Int == 2)
    let hardest = try #require(object["hardest"] as? [[String: Any]])
    #expect(hardest.map { $0["fact"] as? String } == ["alpha", "beta"])
    #expect(hardest.map { $0["reps"] as? Int } == [4, 4])
    #expect(object["reviews"] as? Int == 12)

    _ = try study([":quit"])
    let (_, migrated) = try stats()
    #expect(migrated == json)
  }

  @Test(arguments: ["tiny.journal.jsonl", "tiny.reviews.jsonl"])
  func anotherDecksLogIsRefusedAndNothingIsWritten(name: String) throws {
    try copyFixture()
    let path = progress + "/" + name
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "\"deck\": \"tiny\"", with: "\"deck\": \"other\"").utf8)
      .write(to: URL(fileURLWithPath: path))
    let before = try progressFiles()
    let (status, captured) = try study(["alpha", "", ":quit"])
    #expect(status == .dataError)
    let kind = name.contains("journal") ? "journal" : "review log"
    #expect(
      captured.standardError.contains(
        "\(path):1:"), "\(captured.standardError)")
    #expect(
      captured.standardError.contains(
        "error: this \(kind) holds progress for deck 'other', not 'tiny'"))
    #expect(try progressFiles().filter { $0.key != "tiny.lock" } == before)
    let (statsStatus, _) = try stats()
    #expect(statsStatus == .dataError)
  }
}
