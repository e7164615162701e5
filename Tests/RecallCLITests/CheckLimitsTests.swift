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

  /// 2,000 facts worded alike used to print 1,999 warnings; the docs promise at most 200
  /// diagnostics per file, then a count.
  @Test func warningsAreCappedWithAClosingCount() throws {
    var text = "id: alike\ntitle: Alike\nsubject: History\nsource: A book\nfacts:\n"
    for index in 0..<2_000 {
      let date = String(
        format: "%04d-%02d-%02d", 1800 + index / 336, index / 28 % 12 + 1, index % 28 + 1)
      text +=
        "  - id: shelling-\(index)\n    kind: event\n    what: Yugoslav forces shelled Mazhiq\n"
        + "    date: \(date)\n"
    }
    let path = try write(text)
    let captured = CapturedConsole()
    let status = try CheckCommand.parse([path, "--decks-dir", "."])
      .execute(in: CommandContext(console: captured.console))
    #expect(status == .ok)
    let lines = captured.standardError.split(separator: "\n")
    #expect(lines.filter { $0.contains(": warning: ") }.count == 200)
    let note = try #require(lines.last)
    #expect(note.hasPrefix("\(path): note: "), "\(note)")
    #expect(note.contains("more warnings not shown"), "\(note)")
    #expect(lines.count == 201)
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
