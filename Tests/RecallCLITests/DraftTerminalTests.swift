import Foundation
import RecallKit
import Testing

/// The review loop of `recall draft` in a real terminal (tmux): libedit edits a field's new
/// value, Enter accepts, Ctrl-D stops with the review saved, and a second run resumes it.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; cannot drive a terminal"))
struct DraftTerminalTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-draft-tty-\(UUID().uuidString)")

  private func start(output: String) throws -> TmuxSession {
    let article = try #require(DraftCommandTests.seedArticle)
    let binary = try BinaryRunner.executable().path
    let session = try TmuxSession(
      command: "env -u NO_COLOR EDITRC=/dev/null LANG=C.UTF-8 LC_ALL=C.UTF-8 "
        + "'\(binary)' draft '\(article)' --output '\(output)'")
    try session.waitForLastRow("draft>", timeout: 30)
    return session
  }

  @Test func editAcceptStopAndResume() throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("drafted.yaml").path
    let session = try start(output: output)
    defer { session.stop() }
    #expect(try session.screen().contains("questions it makes:"))

    try session.type("e name")
    try session.press("Enter")
    try session.waitForLastRow("new name:")
    // Line editing: a typo rubbed out with Backspace, a letter put in after moving left.
    try session.type("Mazhiqx")
    try session.press("BSpace")
    try session.press("Left")
    try session.type("i")
    try session.press("Enter")
    try session.waitFor("name: Mazhiiq")
    try session.press("Enter")
    try session.waitFor("accepted")
    try session.waitForLastRow("draft>")
    try session.press("C-d")
    #expect(try session.waitForExit(timeout: 30) == 0)
    #expect(try session.screen().contains("the review is saved"))

    let deck = try String(contentsOfFile: output, encoding: .utf8)
    #expect(deck.contains("name: Mazhiiq"))
    let review = try #require(try DraftReview.load(path: output + ".draft.json"))
    #expect(review.decidedCount == 1)

    let again = try start(output: output)
    defer { again.stop() }
    #expect(try again.screen().contains("Resuming the review"))
    try again.type(":quit")
    try again.press("Enter")
    #expect(try again.waitForExit(timeout: 30) == 0)
  }
}
