import Foundation
import LineEditing
import RecallKit
import Testing

@testable import RecallCLI

/// The progress opened ahead of the deck is used only for the deck that loads, and never
/// written or left locked on a deck's account when it is not.
@Suite struct ProgressPrefetchTests {
  let folder: String
  let decks: String
  let progress: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-prefetch-\(UUID().uuidString)").path
    decks = folder + "/Decks"
    progress = folder + "/Progress"
    try FileManager.default.createDirectory(atPath: decks, withIntermediateDirectories: true)
  }

  func writeDeck(file: String, id: String, body: String = "") throws {
    let text = """
      id: \(id)
      title: T
      subject: S
      source: A book
      facts:
        - id: a
          kind: statement
          text: The KLA took [[Zhvillidove]].
      \(body)
      """
    try Data(text.utf8).write(to: URL(fileURLWithPath: decks + "/\(file).yaml"))
  }

  func study(_ name: String, _ script: [String]) throws -> (RecallCLI.ExitStatus, String) {
    let command = try StudyCommand.parse(
      [name, "--decks-dir", decks, "--progress-dir", progress, "--now", "2026-11-24T10:00:00Z"])
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(
        console: captured.console, environment: [:], lineReader: { _ in ScriptedReader(script) }))
    return (status, captured.standardError)
  }

  /// Progress under the file's name, then a deck whose id differs: the session uses the deck's
  /// own id, and the store opened for the file's name is released unwritten.
  @Test func aDeckWhoseIdDiffersFromItsNameGetsItsOwnProgress() throws {
    try writeDeck(file: "named", id: "named")
    #expect(try study("named", ["Zhvillidove", ""]).0 == .ok)
    let snapshot = progress + "/named.json"
    let before = try Data(contentsOf: URL(fileURLWithPath: snapshot))
    try writeDeck(file: "named", id: "other")
    let (status, error) = try study("named", ["Zhvillidove", ""])
    #expect(status == .ok, "\(error)")
    #expect(FileManager.default.fileExists(atPath: progress + "/other.json"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)) == before)
    // Not left locked: a session can open it again at once.
    let store = try ProgressStore.open(deckID: "named", directory: progress)
    try store.close()
  }

  /// A deck that fails to load after its progress was opened ahead: an error, and the
  /// progress files are neither written nor left locked.
  @Test func aBrokenDeckLeavesItsProgressAsItWas() throws {
    try writeDeck(file: "named", id: "named")
    #expect(try study("named", ["Zhvillidove", ""]).0 == .ok)
    let files = try FileManager.default.contentsOfDirectory(atPath: progress).sorted()
    let contents = try files.map { try Data(contentsOf: URL(fileURLWithPath: progress + "/" + $0)) }
    try writeDeck(file: "named", id: "named", body: "  - id: a\n    kind: nonsense\n")
    #expect(try study("named", ["Zhvillidove", ""]).0 == .dataError)
    #expect(try FileManager.default.contentsOfDirectory(atPath: progress).sorted() == files)
    #expect(
      try files.map { try Data(contentsOf: URL(fileURLWithPath: progress + "/" + $0)) }
        == contents)
    let store = try ProgressStore.open(deckID: "named", directory: progress)
    try store.close()
  }
}
