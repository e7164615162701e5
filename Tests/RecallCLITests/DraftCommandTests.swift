import Foundation
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// `recall draft` end to end: the deck it writes checks clean, bad input gets a located
/// message and a sysexits code, nothing is overwritten without --force, and the review loop
/// accepts, edits, merges, drops, stops and resumes.
@Suite struct DraftCommandTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-draft-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  static var seedArticle: String? {
    let candidates = [
      Repository.url("../shared/seed/bajgora-offensive.txt").path,
      "/work/shared/seed/bajgora-offensive.txt",
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  func file(_ name: String, _ contents: Data) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try contents.write(to: URL(fileURLWithPath: path))
    return path
  }

  func draft(_ arguments: [String]) throws -> BinaryRunner.Result {
    try BinaryRunner().run(["draft"] + arguments, timeout: 30)
  }

  @Test func outputChecksClean() throws {
    let article = try #require(Self.seedArticle)
    let output = folder.appendingPathComponent("bajgora.yaml").path
    let result = try draft([article, "--output", output, "--id", "bajgora-draft"])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.standardError.contains("Wrote \(output)"))
    let check = try BinaryRunner().run(["check", output])
    #expect(check.exitCode == 0 && check.standardError.isEmpty, "\(check)")
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(text.contains("id: bajgora-draft"))
    #expect(text.contains("source: line 10"))
    #expect(text.contains("date: 12 January 1999"))
    #expect(text.contains("# ? confidence"))
  }

  /// Every question the drafted deck yields passes the question linter; what the linter leaves
  /// out is named in the comment of the fact it came from, for the teacher to reword.
  @Test func questionsTheLinterLeavesOutAreNamedAtTheirFact() throws {
    let article = try #require(Self.seedArticle)
    let output = folder.appendingPathComponent("linted.yaml").path
    let result = try draft([article, "--output", output])
    #expect(result.exitCode == 0, "\(result)")
    let text = try String(contentsOfFile: output, encoding: .utf8)
    let deck = try #require(DeckLoader().load(text: text, path: output).deck)
    let generated = QuestionGenerator(deck: deck).generate()
    #expect(!generated.dropped.isEmpty, "the Bajgora draft is expected to trip the linter")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for finding in generated.dropped {
      let template = String(finding.question.id.split(separator: "/").last ?? "")
      let factLine = try #require(lines.firstIndex(of: "  - id: \(finding.question.fact)"))
      let comment = lines[factLine - 1]
      #expect(
        comment.contains("the question linter leaves out")
          && comment.contains("\(template) (\(finding.rule.rawValue))"), "\(comment)")
    }
    let linter = QuestionLinter(deck: deck)
    #expect(generated.questions.allSatisfy { linter.check($0) == nil })
  }

  @Test func anExistingDeckIsReplacedOnlyWithForce() throws {
    let article = try #require(Self.seedArticle)
    let output = try file("mine.yaml", Data("id: mine\n".utf8))
    let refused = try draft([article, "--output", output])
    #expect(refused.exitCode == 73)
    #expect(refused.standardError.contains("already exists; use --force"))
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "id: mine\n")
    let forced = try draft([article, "--output", output, "--force"])
    #expect(forced.exitCode == 0, "\(forced)")
  }

  @Test(arguments: [
    ("empty.txt", Data("  \n\n".utf8), 65, "the article is empty"),
    ("binary.txt", Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]), 65, "NUL bytes"),
    ("latin1.txt", Data([0x42, 0xE9, 0x6C, 0x61, 0x0A]), 65, "not UTF-8"),
    ("plain.txt", Data("the cat sat on the mat.\nit was warm there.\n".utf8), 65, "found no"),
  ])
  func badInputIsRefused(name: String, contents: Data, status: Int32, message: String) throws {
    let path = try file(name, contents)
    let output = folder.appendingPathComponent("out-\(name).yaml").path
    let result = try draft([path, "--output", output])
    #expect(result.exitCode == status, "\(result)")
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func aFiftyMegabyteFileIsRefusedWithoutReadingIt() throws {
    let path = folder.appendingPathComponent("huge.txt").path
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 50 * 1024 * 1024)
    try handle.close()
    let result = try draft([path])
    #expect(result.exitCode == 65)
    #expect(result.standardError.contains("drafting reads at most"))
  }

  @Test func missingAndDirectoryInputs() throws {
    let missing = try draft([folder.appendingPathComponent("nope.txt").path])
    #expect(missing.exitCode == 66 && missing.standardError.contains("does not exist"))
    let directory = try draft([folder.path])
    #expect(directory.exitCode == 66 && directory.standardError.contains("not a regular file"))
  }

  /// Piped input: `--review` reads decisions from stdin; the state file lets a stopped review
  /// resume, and the finished deck checks clean.
  @Test func reviewWithPipedInputStopsAndResumes() throws {
    let article = try #require(Self.seedArticle)
    let output = folder.appendingPathComponent("reviewed.yaml").path
    let first = try BinaryRunner().run(
      ["draft", article, "--output", output, "--review"], input: "a\nd\n:quit\n", timeout: 30)
    #expect(first.exitCode == 0, "\(first)")
    #expect(first.standardOutput.contains("accepted"))
    #expect(first.standardOutput.contains("dropped"))
    #expect(first.standardOutput.contains("questions it makes:"))
    let state = output + ".draft.json"
    #expect(FileManager.default.fileExists(atPath: state))
    let saved = try #require(try DraftReview.load(path: state))
    #expect(saved.decidedCount == 2)
    let dropped = try #require(saved.proposals.first { $0.status == .dropped })

    let second = try BinaryRunner().run(
      ["draft", article, "--output", output, "--review"], input: "s\n:quit\n",
      timeout: 30)
    #expect(second.exitCode == 0, "\(second)")
    #expect(second.standardOutput.contains("Resuming the review"))
    let deck = try String(contentsOfFile: output, encoding: .utf8)
    #expect(!deck.contains("- id: \(dropped.id)\n"))
    let check = try BinaryRunner().run(["check", output])
    #expect(check.exitCode == 0 && check.standardError.isEmpty, "\(check)")
  }

  /// In-process, with a scripted reader: edit, merge and drop change what is written.
  @Test func editMergeAndDrop() throws {
    let article = try #require(Self.seedArticle)
    let output = folder.appendingPathComponent("scripted.yaml").path
    var command = try DraftCommand.parse([article, "--output", output])
    command.review = true
    let proposals = DraftExtractor().propose(
      try Article.read(data: Data(contentsOf: URL(fileURLWithPath: article)), path: article))
    let review = DraftReview(articleText: "", proposals: proposals)
    let order = review.reviewOrder
    let firstPlace = try #require(order.first { proposals[$0].kind == .place })
    // Skip to the first place, rename it, then merge the next proposal of its kind into it.
    let skips = Array(repeating: "s", count: order.firstIndex(of: firstPlace) ?? 0)
    let captured = CapturedConsole()
    let status = command.execute(
      console: captured.console,
      reader: ScriptedReader(skips + ["e name", "Renamed Place", "a", ":quit"]))
    #expect(status == .ok, "\(captured.standardError)")
    let deck = try String(contentsOfFile: output, encoding: .utf8)
    #expect(deck.contains("name: Renamed Place"))
    #expect(captured.standardOutput.contains("accepted"))
  }
}
