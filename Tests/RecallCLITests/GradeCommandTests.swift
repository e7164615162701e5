import Foundation
import RecallCLI
import RecallKit
import Testing

/// `recall grade`: one line per answer, the verdict a session would give, and an exit status
/// that says whether the card accepted every answer.
@Suite struct GradeCommandTests {
  private let deck = """
    id: tiny
    title: Tiny
    subject: History
    source: A book
    facts:
      - id: battle
        kind: event
        name: the Battle of Mazhiq
        what: Yugoslav forces shelled Mazhiq
        date: 10–11 July 1998
      - id: brigade
        kind: unit
        name: Brigade 141
        role: the KLA brigade in charge of the area
    """

  private func run(_ arguments: [String]) throws -> (RecallCLI.ExitStatus, CapturedConsole) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-grade-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(deck.utf8).write(to: folder.appendingPathComponent("tiny.yaml"))
    let captured = CapturedConsole()
    let command = try GradeCommand.parse(["tiny"] + arguments + ["--decks-dir", folder.path])
    return (command.execute(in: CommandContext(console: captured.console)), captured)
  }

  @Test func oneLinePerAnswerAndStatusOneWhenSomeIsNotAccepted() throws {
    let (status, captured) = try run([
      "battle/date-short", "July 10-11, 1998", "10 July 1998", "12 July 1998", "someday",
    ])
    #expect(status == .notAccepted)
    #expect(status.rawValue == 1)
    let lines = captured.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("correct July 10-11, 1998 → 10–11 July 1998"))
    #expect(lines[1].hasPrefix("partial 10 July 1998 → 10–11 July 1998"))
    #expect(lines[2].hasPrefix("wrong   12 July 1998 → 10–11 July 1998"))
    #expect(lines[3].hasPrefix("invalid someday → "))
    #expect(captured.standardError.isEmpty)
  }

  @Test func everyAnswerAcceptedExitsZero() throws {
    let (status, captured) = try run(["brigade/name-short", "141st Brigade", "brigade 141"])
    #expect(status == .ok, "\(captured.standardOutput)")
    #expect(captured.standardOutput.split(separator: "\n").allSatisfy { $0.hasPrefix("correct ") })
  }

  @Test func jsonIsOneObjectPerLineWithTheSpecifiedFields() throws {
    let (status, captured) = try run([
      "brigade/name-short", "Brigade 14", "Brigade 141", "--format", "json",
    ])
    #expect(status == .notAccepted)
    let lines = captured.standardOutput.split(separator: "\n")
    #expect(lines.count == 2)
    let objects = try lines.map {
      try #require(
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String])
    }
    #expect(objects[0]["card"] == "brigade/name-short")
    #expect(objects[0]["answer"] == "Brigade 14")
    #expect(objects[0]["verdict"] == "wrong")
    #expect(objects[0]["expected"] == "Brigade 141")
    #expect(objects[1]["verdict"] == "correct")
  }

  @Test func choiceLettersFollowTheSeedOfPreview() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-grade-seed-\(UUID().uuidString).yaml").path
    try Data(deck.utf8).write(to: URL(fileURLWithPath: path))
    let deck = try #require(DeckLoader().load(path: path).deck)
    func letter(seed: UInt64) throws -> String {
      let question = try #require(
        QuestionGenerator(deck: deck, seed: seed).questions().first {
          $0.id == "battle/date-choice"
        })
      guard case .choice(let index) = question.expected else { return "?" }
      return String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))
    }
    // A seed whose right letter differs from seed 0's, so the seed visibly matters.
    let seed = try #require((1...40).first { try letter(seed: UInt64($0)) != letter(seed: 0) })
    let right = try letter(seed: UInt64(seed))
    #expect(try run(["battle/date-choice", right, "--seed", "\(seed)"]).0 == .ok)
    #expect(
      try run(["battle/date-choice", letter(seed: 0), "--seed", "\(seed)"]).0 == .notAccepted)
  }

  @Test func anUnknownCardIsAUsageErrorWithASuggestion() throws {
    let (status, captured) = try run(["battle/date-shrot", "1998"])
    #expect(status == .usage)
    #expect(captured.standardOutput.isEmpty)
    #expect(
      captured.standardError.hasPrefix(
        "recall: error: deck 'tiny' has no card 'battle/date-shrot'; did you mean 'battle/date-short'?"
      ))
  }

  @Test func noAnswerIsAUsageError() throws {
    let (status, captured) = try run(["battle/date-short"])
    #expect(status == .usage)
    #expect(captured.standardError == "recall: error: give at least one answer to grade\n")
  }
}
