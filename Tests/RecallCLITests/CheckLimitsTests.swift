import Foundation
import RecallCLI
import RecallKit
import Testing

/// `recall check` on large and hostile decks (#19, defects 4, 5 and 6).
@Suite struct CheckLimitsTests {
  private func write(_ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("many.yaml")
    try Data(text.utf8).write(to: file)
    return file.path
  }

  @Test func escapeBytesInADeckNeverReachTheTerminal() throws {
    let path = try write(
      """
      id: sample
      title: Sample
      subject: History
      source: A book
      facts:
        - id: battle
          kind: event
          what: Yugoslav forces shelled Mazhiq
          date: 10 July 1998
          "no\\e[2Jte": hidden

      """)
    let captured = CapturedConsole()
    _ = try CheckCommand.parse([path, "--decks-dir", "."])
      .execute(in: CommandContext(console: captured.console))
    #expect(captured.standardError.contains("unknown key"), "\(captured.standardError)")
    #expect(!captured.standardError.unicodeScalars.contains("\u{1B}"))
    #expect(captured.standardError.contains("\\u{1B}"))
  }
}
