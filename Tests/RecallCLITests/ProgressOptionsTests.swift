import ArgumentParser
import RecallCLI
import RecallKit
import Testing

@Suite struct ProgressOptionsTests {
  @Test func theFlagChoosesTheFolder() throws {
    let options = try ProgressOptions.parse(["--progress-dir", "/srv/recall/progress"])
    #expect(options.library().directory == "/srv/recall/progress")
  }

  @Test(arguments: [
    (
      ProgressError.malformed(SourceLocation(file: "p.json", line: 1, column: 1), "bad"),
      RecallCLI.ExitStatus.dataError
    ),
    (
      .newerSchema(SourceLocation(file: "p.json", line: 1, column: 12), found: 3, supported: 1),
      .dataError
    ),
    (.cannotCreate(path: "/ro/progress", reason: "read-only file system"), .cannotCreate),
    (.io(path: "p.journal.jsonl", operation: "append to it", reason: "no space"), .ioError),
    (.locked(deckID: "bajgora-offensive", pid: 1234), .temporaryFailure),
    (.invalidDeckID("../x"), .usage),
  ])
  func errorsMapToExitStatuses(error: ProgressError, status: RecallCLI.ExitStatus) {
    #expect(RecallCLI.ExitStatus(for: error) == status)
  }
}
