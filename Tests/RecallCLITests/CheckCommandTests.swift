import Foundation
import RecallCLI
import RecallKit
import RecallTestSupport
import Testing

@Suite struct CheckCommandTests {
  private func write(_ text: String, name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  @Test func threeMistakesGiveThreeLocatedErrorsAndExit65() throws {
    let deck = MarkedText(
      """
      id: sample
      title: Sample
      subject: History
      source: A book
      facts:
        - id: battle
          kind: event
          what: Yugoslav forces shelled Mazhiq
          ⟪1⟫dtae: 10–11 July 1998
        - id: school
          kind: event
          what: the KLA opened a school
          date: ⟪2⟫31 June 1998
        - id: ⟪3⟫battle
          kind: person
          name: Nusret Ibishi
          role: a trainer
      """)
    let path = try write(deck.text, name: "sample.yaml")
    let captured = CapturedConsole()
    let status = try CheckCommand.parse([path, "--decks-dir", "."])
      .execute(in: CommandContext(console: captured.console))
    #expect(status == .dataError)
    #expect(
      captured.standardError
        == deck.located(
          """
          \(path):marker 1: error: unknown key 'dtae' in an event fact; did you mean 'date'?
          \(path):marker 2: error: 'date' is not a valid date: June 1998 has no day 31
          \(path):marker 3: error: duplicate id 'battle'; it is already used at line 6, column 9

          """))
    #expect(captured.standardOutput.isEmpty)
  }

  @Test func missingDeckExits66() throws {
    let captured = CapturedConsole()
    let status = try CheckCommand.parse(["no-such-deck", "--decks-dir", "/nonexistent"])
      .execute(in: CommandContext(console: captured.console))
    #expect(status == .noInput)
    #expect(captured.standardError.contains("no deck 'no-such-deck'"))
  }

  @Test func idsCannotLeaveTheDeckFolder() throws {
    let captured = CapturedConsole()
    let status = try CheckCommand.parse(["..evil", "--decks-dir", "/tmp"])
      .execute(in: CommandContext(console: captured.console))
    #expect(status == .usage)
    #expect(captured.standardError.contains("is not a deck id"))
  }
}
