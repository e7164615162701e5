import Foundation
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// Progress files copied from another machine, a newer Recall or a text editor: each is
/// refused with an error that names the file (and the place in it), and is left untouched.
@Suite struct ProgressFromElsewhereTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-elsewhere-\(UUID().uuidString)").path
  var snapshot: String { progress + "/bajgora-offensive.json" }

  private func study(_ script: [String]) throws -> (status: RecallCLI.ExitStatus, error: String) {
    let command = try StudyCommand.parse(
      [
        "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress, "--seed", "1",
        "--now", "2026-11-24T10:00:00Z",
      ])
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(
        console: captured.console, environment: [:], lineReader: { _ in ScriptedReader(script) }))
    return (status, captured.standardError)
  }

  /// A real snapshot, written by a session that answered one question and quit.
  private func savedSnapshot() throws -> String {
    let first = try study(["July 1998 to January 1999", "", ":quit"])
    #expect(first.status == .ok, "\(first.error)")
    return try String(contentsOfFile: snapshot, encoding: .utf8)
  }

  private func expectRefused(_ text: String, mentioning expected: [String]) throws {
    defer { try? FileManager.default.removeItem(atPath: progress) }
    try Data(text.utf8).write(to: URL(fileURLWithPath: snapshot))
    let result = try study(["July 1998 to January 1999", ""])
    #expect(result.status == .dataError, "\(result.error)")
    for fragment in expected {
      #expect(result.error.contains(fragment), "\(result.error)")
    }
    #expect(try String(contentsOfFile: snapshot, encoding: .utf8) == text)
  }

  @Test func aNewerSchemaIsRefused() throws {
    let text = try savedSnapshot()
    #expect(text.contains("\"schema\": 3"))
    try expectRefused(
      text.replacingOccurrences(of: "\"schema\": 3", with: "\"schema\": 7"),
      mentioning: [snapshot, "7"])
  }

  @Test func aTruncatedSnapshotIsALocatedError() throws {
    let text = try savedSnapshot()
    try expectRefused(String(text.prefix(text.count / 2)), mentioning: [snapshot + ":"])
  }

  @Test(arguments: [
    ("\"phase\": \"learning\"", "\"phase\": \"mastered\""),
    ("\"stability\": ", "\"stability\": \"high\", \"x\": "),
    ("\"due\": \"2026", "\"due\": \"next tuesday"),
    ("\"deck\": \"bajgora-offensive\"", "\"deck\": \"another-deck\""),
    ("\"difficulty\": ", "\"difficulty\": 1e999, \"x\": "),
  ])
  func aHandEditedSnapshotIsALocatedError(original: String, edited: String) throws {
    let text = try savedSnapshot()
    #expect(text.contains(original))
    let broken = text.replacingOccurrences(of: original, with: edited)
    let line = broken.components(separatedBy: "\n").firstIndex { $0.contains(edited) } ?? -1
    try expectRefused(broken, mentioning: ["\(snapshot):\(line + 1):"])
  }
}
