import Foundation
import RecallCLI
import RecallKit
import RecallTestSupport
import Testing

/// `recall new`, `recall import` and `recall export`, run in-process on temporary folders.
@Suite struct InterchangeCommandTests {
  private let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-interchange-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  private func write(_ text: String, _ name: String) throws -> String {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    return path(name)
  }

  // MARK: new

  @Test func newWritesACleanDeckAndCreatesTheFolder() throws {
    let decks = path("nested/decks")
    let captured = CapturedConsole()
    let command = try NewCommand.parse(["cold-war", "--title", "The Cold War: 1947–1991"])
    #expect(
      command.execute(library: DeckLibrary(directory: decks), console: captured.console) == .ok)
    let result = try DeckLoader().load(path: decks + "/cold-war.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.deck?.title == "The Cold War: 1947–1991")
    #expect(captured.standardOutput.contains("recall check \(decks)/cold-war.yaml"))
  }

  @Test func newRefusesToOverwriteAndRejectsBadIDs() throws {
    let library = DeckLibrary(directory: folder.path)
    _ = try write("id: x\n", "taken.json")
    let captured = CapturedConsole()
    #expect(
      try NewCommand.parse(["taken"]).execute(library: library, console: captured.console)
        == .cannotCreate)
    #expect(captured.standardError.contains("taken.json already exists"))
    #expect(
      try NewCommand.parse(["Bad ID"]).execute(library: library, console: captured.console)
        == .usage)
    #expect(
      try NewCommand.parse(["../up"]).execute(library: library, console: captured.console) == .usage
    )
  }

  // MARK: import

  @Test func importWritesADeckThatChecksClean() throws {
    let input = try write(
      "::q1::Who? {=Nusret Ibishi =Commander Leka}\n\nTrue? {T}\n", "Quiz One.gift")
    let output = path("quiz.yaml")
    let captured = CapturedConsole()
    let command = try ImportCommand.parse([input, "-o", output, "--title", "Quiz"])
    #expect(command.execute(in: CommandContext(console: captured.console)) == .ok)
    let deck = try #require(try DeckLoader().load(path: output).deck)
    #expect(deck.id == "quiz-one")
    #expect(deck.title == "Quiz")
    #expect(deck.source.title == "Quiz One.gift")
    #expect(deck.cards.map(\.kind) == [.short, .truefalse])
    #expect(captured.standardError.contains("wrote deck 'quiz-one' (2 cards)"))

    // The same -o again is refused; --force replaces it.
    let again = CapturedConsole()
    #expect(command.execute(in: CommandContext(console: again.console)) == .cannotCreate)
    #expect(again.standardError.contains("already exists; use --force"))
    #expect(
      try ImportCommand.parse([input, "-o", output, "--force"]).execute(
        in: CommandContext(console: again.console))
        == .ok)
  }

  @Test func importPrintsToStandardOutput() throws {
    let input = try write("Mazhiq\ta village\n", "terms.txt")
    let captured = CapturedConsole()
    let status = try ImportCommand.parse([input, "--format", "quizlet", "--id", "terms"])
      .execute(in: CommandContext(console: captured.console))
    #expect(status == .ok)
    #expect(captured.standardOutput.contains("id: terms\n"))
    #expect(captured.standardOutput.contains("prompt: Mazhiq\n"))
  }

  @Test func importFailures() throws {
    let captured = CapturedConsole()
    let bad = try write("q,a\nonly\n", "bad.csv")
    #expect(
      try ImportCommand.parse([bad]).execute(in: CommandContext(console: captured.console))
        == .dataError)
    #expect(captured.standardError.contains("\(bad):2:1: error: this row has 1 column"))
    #expect(
      try ImportCommand.parse([path("missing.csv")]).execute(
        in: CommandContext(console: captured.console)) == .noInput)
    let plain = try write("just words\n", "notes.txt")
    #expect(
      try ImportCommand.parse([plain]).execute(in: CommandContext(console: captured.console))
        == .usage)
    #expect(captured.standardError.contains("cannot tell the format"))
    #expect(
      try ImportCommand.parse([bad, "--id", "Not Valid"]).execute(
        in: CommandContext(console: captured.console))
        == .usage)
    #expect(throws: (any Error).self) { try ImportCommand.parse([bad, "--format", "xls"]) }
  }

  @Test func separatorNames() {
    #expect(ImportCommand.separator("tab") == "\t")
    #expect(ImportCommand.separator("\\n") == "\n")
    #expect(ImportCommand.separator(" - ") == " - ")
    #expect(ImportCommand.separator(nil) == nil)
  }

  // MARK: export

  @Test(arguments: ["anki", "gift", "csv", "amc"])
  func exportsTheBajgoraDeck(format: String) throws {
    let deck = Repository.deck("bajgora-offensive").path
    let output = path("export.\(format)")
    let captured = CapturedConsole()
    let command = try ExportCommand.parse([deck, "--format", format, "-o", output])
    #expect(
      command.execute(library: DeckLibrary(directory: folder.path), console: captured.console)
        == .ok)
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(!text.isEmpty)
    #expect(
      command.execute(library: DeckLibrary(directory: folder.path), console: captured.console)
        == .cannotCreate)
    // What Recall exports, Recall imports back (Anki and GIFT as cards, CSV as cards).
    guard format != "amc" else { return }
    let importFormat = format == "anki" ? "anki" : format
    let back = CapturedConsole()
    let status = try ImportCommand.parse([output, "--format", importFormat, "--id", "again"])
      .execute(in: CommandContext(console: back.console))
    #expect(status == .ok, "\(back.standardError)")
  }

  @Test func exportTypeFilterAndErrors() throws {
    let deck = Repository.deck("bajgora-offensive").path
    let library = DeckLibrary(directory: folder.path)
    let captured = CapturedConsole()
    let filtered = try ExportCommand.parse([deck, "--format", "csv", "--type", "truefalse"])
    #expect(filtered.execute(library: library, console: captured.console) == .ok)
    let rows = captured.standardOutput.split(separator: "\r\n").dropFirst()
    #expect(!rows.isEmpty)
    #expect(rows.allSatisfy { $0.split(separator: ",")[1] == "truefalse" })

    let errors = CapturedConsole()
    #expect(
      try ExportCommand.parse([deck, "--format", "csv", "--type", "essay"]).execute(
        library: library, console: errors.console) == .usage)
    #expect(errors.standardError.contains("unknown question type 'essay'"))
    #expect(
      try ExportCommand.parse(["no-such-deck", "--format", "gift"]).execute(
        library: library, console: errors.console) == .noInput)
  }

  @Test func exportByTag() throws {
    let deck = Repository.deck("bajgora-offensive").path
    let library = DeckLibrary(directory: folder.path)
    let all = CapturedConsole()
    #expect(
      try ExportCommand.parse([deck, "--format", "gift"]).execute(
        library: library, console: all.console) == .ok)
    let captured = CapturedConsole()
    let command = try ExportCommand.parse([deck, "--format", "gift", "--tag", "trial"])
    #expect(command.execute(library: library, console: captured.console) == .ok)
    let text = captured.standardOutput
    let count = { (text: String) in text.components(separatedBy: "\n::").count - 1 }
    #expect(count(text) > 0)
    #expect(count(text) < count(all.standardOutput))
    // Every question is under a category of the facts' first tag, which the trial facts share.
    let categories = Set(text.split(separator: "\n").filter { $0.hasPrefix("$CATEGORY:") })
    #expect(categories.allSatisfy { $0.hasPrefix("$CATEGORY: $course$/top/The Bajgora offensive") })

    // Two tags: questions of either.
    let either = CapturedConsole()
    #expect(
      try ExportCommand.parse([deck, "--format", "csv", "--tag", "trial", "--tag", "units"])
        .execute(library: library, console: either.console) == .ok)
    let trialOnly = CapturedConsole()
    #expect(
      try ExportCommand.parse([deck, "--format", "csv", "--tag", "trial"])
        .execute(library: library, console: trialOnly.console) == .ok)
    #expect(either.standardOutput.count > trialOnly.standardOutput.count)

    let unknown = CapturedConsole()
    #expect(
      try ExportCommand.parse([deck, "--format", "gift", "--tag", "no-such-tag"]).execute(
        library: library, console: unknown.console) == .usage)
    #expect(unknown.standardError.contains("has no tag 'no-such-tag'; its tags are "))
    #expect(unknown.standardOutput.isEmpty)
  }

  @Test func amcExportHoldsOnlyChoices() throws {
    let deck = Repository.deck("bajgora-offensive").path
    let library = DeckLibrary(directory: folder.path)
    let captured = CapturedConsole()
    #expect(
      try ExportCommand.parse([deck, "--format", "amc"]).execute(
        library: library, console: captured.console) == .ok)
    let lines = captured.standardOutput.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("Title: The Bajgora offensive") })
    #expect(lines.filter { $0.hasPrefix("*[id=") }.count > 20)
    let none = CapturedConsole()
    #expect(
      try ExportCommand.parse([deck, "--format", "amc", "--type", "short"]).execute(
        library: library, console: none.console) == .dataError)
    #expect(none.standardError.contains("no choice or true/false questions"))
  }
}
