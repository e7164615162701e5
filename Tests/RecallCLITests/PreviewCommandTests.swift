import Foundation
import RecallCLI
import RecallKit
import RecallTestSupport
import Testing

@Suite struct PreviewCommandTests {
  private func deckFolder(_ files: [String: String]) throws -> DeckLibrary {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return DeckLibrary(directory: folder.path)
  }

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
      - id: convoy
        kind: quantity
        how_many: people travelled in the convoy
        value: about 4,000
    """

  private func run(
    _ types: [String] = [], facts: [String] = [], format: PreviewCommand.Format = .text,
    library: DeckLibrary
  ) -> (RecallCLI.ExitStatus, CapturedConsole) {
    let captured = CapturedConsole()
    var arguments = ["tiny", "--seed", "0", "--format", format.rawValue]
    arguments += ["--decks-dir", library.directory]
    arguments += types.flatMap { ["--type", $0] } + facts.flatMap { ["--fact", $0] }
    let status: RecallCLI.ExitStatus
    do {
      status = try PreviewCommand.parse(arguments)
        .execute(in: CommandContext(console: captured.console))
    } catch {
      Issue.record(error)
      status = .usage
    }
    return (status, captured)
  }

  @Test func textPreviewNumbersQuestionsAndShowsAnswers() throws {
    let (status, captured) = run(["short,numeric"], library: try deckFolder(["tiny.yaml": deck]))
    #expect(status == .ok)
    #expect(
      captured.standardOutput == """
        tiny: 2 questions

        1. battle/date-short [short]
           On which dates was the Battle of Mazhiq fought?
           Answer: 10–11 July 1998
           Why: The Battle of Mazhiq was fought from 10 to 11 July 1998: Yugoslav forces shelled Mazhiq.

        2. convoy/count-numeric [numeric]
           About how many people travelled in the convoy?
           Answer: about 4,000 (accepted: 3,600–4,400)
           Why: About 4,000 people travelled in the convoy.

        """)
    #expect(captured.standardError.isEmpty)
  }

  @Test func jsonPreviewIsTheScriptingContract() throws {
    let (status, captured) = run(
      facts: ["convoy"], format: .json, library: try deckFolder(["tiny.yaml": deck]))
    #expect(status == .ok)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(captured.standardOutput.utf8))
        as? [String: Any])
    #expect(object["deck"] as? String == "tiny")
    let questions = try #require(object["questions"] as? [[String: Any]])
    #expect(
      questions.map { $0["id"] as? String } == [
        "convoy/count-numeric", "convoy/count-choice", "convoy/truefalse",
      ])
    #expect(questions.first?["answers"] as? [String] == ["about 4,000"])
  }

  @Test func unknownTypeIsAUsageErrorListingTheTypes() throws {
    let (status, captured) = run(["choise"], library: try deckFolder(["tiny.yaml": deck]))
    #expect(status == .usage)
    #expect(
      captured.standardError
        == "recall: error: unknown question type 'choise'; did you mean 'choice'? (valid types: "
        + "short, choice, truefalse, cloze, order, match, numeric)\n")
    #expect(captured.standardOutput.isEmpty)
  }

  @Test func unknownFactIsAUsageErrorListingTheIds() throws {
    let (status, captured) = run(facts: ["batle"], library: try deckFolder(["tiny.yaml": deck]))
    #expect(status == .usage)
    #expect(
      captured.standardError
        == "recall: error: deck 'tiny' has no fact or card 'batle'; did you mean 'battle'? "
        + "(valid ids: battle, convoy)\n")
  }

  @Test func deckWithErrorsPrintsDiagnosticsAndExits65() throws {
    let broken = MarkedText(
      deck.replacingOccurrences(of: "date: 10–11 July 1998", with: "⟪1⟫dtae: 1998"))
    let library = try deckFolder(["tiny.yaml": broken.text])
    let (status, captured) = run(library: library)
    #expect(status == .dataError)
    #expect(
      captured.standardError.contains(
        broken.located("tiny.yaml:marker 1: error: unknown key 'dtae'")))
    #expect(captured.standardOutput.isEmpty)
  }

  @Test func missingDeckExits66() throws {
    let (status, _) = run(library: try deckFolder([:]))
    #expect(status == .noInput)
  }
}
