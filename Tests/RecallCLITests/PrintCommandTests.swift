import Foundation
import RecallCLI
import RecallKit
import RecallTestSupport
import Testing

@Suite struct PrintCommandTests {
  /// The repository's deck folder.
  private static let decks = DeckLibrary(directory: Repository.decks.path)

  /// Simple stand-in questions, three per fact, so these tests do not depend on the generator.
  private static let source: QuestionSource = { deck, _ in
    deck.facts.flatMap { fact in
      [
        Question(
          id: "\(fact.id)/short", kind: .short, prompt: "Which fact is \(fact.id)?",
          expected: .text([fact.id]), fact: fact.id, explanation: "It is \(fact.id).",
          template: .nameShort),
        Question(
          id: "\(fact.id)/choice", kind: .choice, prompt: "Which kind is \(fact.id)?",
          options: ["a \(fact.kind.rawValue)", "something else", "neither", "both"],
          expected: .choice(0), fact: fact.id, explanation: "", template: .nameChoice),
        Question(
          id: "\(fact.id)/truth", kind: .truefalse, prompt: "\(fact.id) is in the deck.",
          expected: .truth(true), fact: fact.id, explanation: "", template: .truefalse),
      ]
    }
  }

  private func run(_ arguments: [String]) throws -> (RecallCLI.ExitStatus, CapturedConsole) {
    let command = try PrintCommand.parse(arguments + ["--decks-dir", Self.decks.directory])
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(console: captured.console), questions: Self.source)
    return (status, captured)
  }

  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-print-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func printsATextSheetWithItsKeyAfterAFormFeed() throws {
    let (status, captured) = try run(["bajgora-offensive", "--count", "6", "--seed", "3"])
    #expect(status == .ok)
    let pages = captured.standardOutput.components(separatedBy: "\u{0C}\n")
    #expect(pages.count == 2)
    #expect(pages[0].hasPrefix("The Bajgora offensive (Kosovo War, 1998–1999)\n"))
    #expect(pages[0].contains("Version A · 6 questions"))
    #expect(pages[1].hasPrefix("Answer key · "))
    #expect(captured.standardError.isEmpty)
  }

  @Test func theSameSeedPrintsTheSameWorksheet() throws {
    let first = try run(["bajgora-offensive", "--seed", "99", "--versions", "2"]).1
    let second = try run(["bajgora-offensive", "--seed", "99", "--versions", "2"]).1
    let other = try run(["bajgora-offensive", "--seed", "100", "--versions", "2"]).1
    #expect(first.standardOutput == second.standardOutput)
    #expect(first.standardOutput != other.standardOutput)
  }

  @Test func withoutASeedTheSeedIsReportedOnStandardError() throws {
    let (status, captured) = try run(["bajgora-offensive", "--count", "2"])
    #expect(status == .ok)
    #expect(captured.standardError.hasPrefix("recall: seed "))
    #expect(captured.standardError.contains("to print this worksheet again"))
  }

  @Test func separateKeyOnStandardOutputIsAUsageError() throws {
    let (status, captured) = try run(["bajgora-offensive", "--answer-key", "separate"])
    #expect(status == .usage)
    #expect(captured.standardError.contains("--answer-key separate"))
    #expect(captured.standardError.contains("needs -o FILE"))
    #expect(captured.standardOutput.isEmpty)
  }

  @Test func versionsAndASeparateKeyGoToTheirOwnFiles() throws {
    let folder = try temporaryFolder()
    let output = folder.appendingPathComponent("quiz.html").path
    let (status, captured) = try run([
      "bajgora-offensive", "--seed", "4", "--versions", "2", "--answer-key", "separate", "-o",
      output,
    ])
    #expect(status == .ok)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["quiz-A.html", "quiz-B.html", "quiz-key.html"])
    let sheetA = try String(
      contentsOfFile: folder.appendingPathComponent("quiz-A.html").path, encoding: .utf8)
    let key = try String(
      contentsOfFile: folder.appendingPathComponent("quiz-key.html").path, encoding: .utf8)
    #expect(sheetA.hasPrefix("<!DOCTYPE html>"))
    #expect(sheetA.contains("Version A"))
    #expect(!sheetA.contains("Answer key"))
    #expect(key.contains("Answer key · The Bajgora offensive (Kosovo War, 1998–1999) · Version A"))
    #expect(key.contains("Answer key · The Bajgora offensive (Kosovo War, 1998–1999) · Version B"))
    #expect(captured.standardOutput.isEmpty)
    #expect(captured.standardError.contains("recall: wrote \(folder.path)/quiz-key.html"))
  }

  @Test(arguments: [("quiz.md", "# Quiz"), ("quiz.txt", "Quiz\n===="), ("quiz.htm", "<!DOCTYPE")])
  func theFormatFollowsTheFileExtension(name: String, start: String) throws {
    let folder = try temporaryFolder()
    let output = folder.appendingPathComponent(name).path
    let (status, _) = try run(["bajgora-offensive", "--seed", "1", "--title", "Quiz", "-o", output])
    #expect(status == .ok)
    #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix(start))
  }

  @Test func formatOverridesTheExtension() throws {
    let (status, captured) = try run([
      "bajgora-offensive", "--seed", "1", "--format", "markdown", "--answer-key", "none",
    ])
    #expect(status == .ok)
    #expect(captured.standardOutput.hasPrefix("# The Bajgora offensive"))
    #expect(!captured.standardOutput.contains("Answer key"))
  }

  @Test func aDashForOutputMeansStandardOutput() throws {
    let (status, captured) = try run(["bajgora-offensive", "--seed", "1", "-o", "-"])
    #expect(status == .ok)
    #expect(captured.standardOutput.hasPrefix("The Bajgora offensive"))
    #expect(!FileManager.default.fileExists(atPath: "-"))
  }

  @Test func askingForMoreThanTheDeckGivesPrintsWhatItCanAndSaysSo() throws {
    let (status, captured) = try run([
      "bajgora-offensive", "--seed", "1", "--tag", "units", "--count", "50",
    ])
    #expect(status == .ok)
    #expect(captured.standardError.contains("recall: warning: the deck gives only"))
    #expect(captured.standardError.contains("not 50"))
    #expect(captured.standardError.contains("--allow-same-fact"))
  }

  @Test func typesFactsAndPointsAreChecked() throws {
    let (status, captured) = try run(["bajgora-offensive", "--types", "choise"])
    #expect(status == .usage)
    #expect(captured.standardError.contains("did you mean 'choice'?"))

    let (factStatus, factOutput) = try run(["bajgora-offensive", "--facts", "brigade-14"])
    #expect(factStatus == .usage)
    #expect(factOutput.standardError.contains("no fact or card 'brigade-14'"))

    let (pointsStatus, pointsOutput) = try run(["bajgora-offensive", "--points", "choice:2"])
    #expect(pointsStatus == .usage)
    #expect(pointsOutput.standardError.contains("'choice:2' is not a valid points setting"))

    let (tagStatus, tagOutput) = try run(["bajgora-offensive", "--tag", "nope"])
    #expect(tagStatus == .usage)
    #expect(tagOutput.standardError.contains("the deck has no tag 'nope'; its tags are:"))

    #expect(throws: (any Error).self) { try PrintCommand.parse(["x", "--answer-key", "later"]) }
    let (versionsStatus, _) = try run(["bajgora-offensive", "--versions", "27"])
    #expect(versionsStatus == .usage)
  }

  @Test func factsRestrictTheSheet() throws {
    let (status, captured) = try run([
      "bajgora-offensive", "--seed", "2", "--facts", "brigade-141,bajgora-offensive",
      "--allow-same-fact", "--answer-key", "none",
    ])
    #expect(status == .ok)
    #expect(captured.standardOutput.contains("Version A · 6 questions"))
    #expect(captured.standardError.contains("only 6 questions"))
    #expect(!captured.standardError.contains("--allow-same-fact allows"))
  }

  @Test func aMissingDeckExits66AndAnUnwritableFileExits73() throws {
    let (missing, _) = try run(["no-such-deck"])
    #expect(missing == .noInput)
    let (unwritable, captured) = try run([
      "bajgora-offensive", "--seed", "1", "-o", "/nonexistent-folder/quiz.txt",
    ])
    #expect(unwritable == .cannotCreate)
    #expect(captured.standardError.contains("cannot write /nonexistent-folder/quiz.txt"))
  }

  @Test func aGeneratorFailureIsReported() throws {
    let command = try PrintCommand.parse(["bajgora-offensive", "--decks-dir", Self.decks.directory])
    let captured = CapturedConsole()
    struct Broken: Error, CustomStringConvertible { var description: String { "broken" } }
    let status = command.execute(
      in: CommandContext(console: captured.console), questions: { _, _ in throw Broken() })
    #expect(status == .dataError)
    #expect(
      captured.standardError.contains("cannot make questions for 'bajgora-offensive': broken"))
  }
}
