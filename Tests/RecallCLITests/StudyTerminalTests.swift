import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// `recall study` in a real terminal (tmux): line editing on answers, commands, Ctrl-C and
/// Ctrl-D, colour, and what survives a killed process.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; cannot drive a terminal"))
struct StudyTerminalTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-study-tty-\(UUID().uuidString)").path
  let pidFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-study-pid-\(UUID().uuidString)").path

  /// The answer prompt and the rating prompt, as capture-pane shows them (trailing space cut).
  private let answerPrompt = ">"
  private let ratingPrompt = "Enter keeps good · or 1 again  2 hard  3 good  4 easy · :undo ›"

  /// Starts a session and waits for the first answer prompt. NO_COLOR is removed (the test
  /// runner may set it) so colour is on unless `environment` sets it again. With `execing`, the shell writes
  /// its pid and then becomes recall, so the pid file names the recall process (and tmux, not
  /// the shell, reports how it ended).
  private func start(environment: String = "", execing: Bool = false) throws -> TmuxSession {
    let binary = try BinaryRunner.executable().path
    let session = try TmuxSession(
      command: (execing ? "echo $$ > '\(pidFile)'; exec " : "")
        + "env -u NO_COLOR EDITRC=/dev/null LANG=C.UTF-8 LC_ALL=C.UTF-8 "
        + "\(environment) '\(binary)' study bajgora-offensive --decks-dir '\(decks)' "
        + "--progress-dir '\(progress)' --seed 1 --now 2026-11-24T10:00:00Z")
    try session.waitForLastRow(answerPrompt)
    return session
  }

  /// Ctrl-D on the empty answer line, and the screen once the summary is up. Pressed again if
  /// nothing happens: on a loaded machine the key can arrive before the editor owns the
  /// terminal.
  @discardableResult
  private func endWithControlD(_ session: TmuxSession) throws -> String {
    for _ in 0..<2 {
      try session.press("C-d")
      if let screen = try? session.waitFor("Session over", timeout: 10) { return screen }
    }
    try session.press("C-d")
    return try session.waitFor("Session over", timeout: 30)
  }

  /// Gone, or a zombie (state Z in /proc/PID/stat, where there is a /proc).
  private static func isDead(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return false
    }
    return stat.contains(") Z ")
  }

  private func reviews() throws -> [ReviewRecord] {
    try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress).reviews()
  }

  /// Escape sequences a terminal would not swallow, left on screen as text.
  private func hasEscapeJunk(_ screen: String) -> Bool {
    screen.contains("\u{1B}") || screen.contains("[0m") || screen.contains("[2m")
      || screen.contains("[1m") || screen.contains("[3")
  }

  @Test func answersAreEditedRecalledCompletedAndSaved() throws {
    let session = try start()
    defer { session.stop() }
    try session.waitFor("Between which months was the Bajgora offensive carried out?")

    // A typo in a two-byte letter, fixed in the middle of the line: Left ×5, Backspace.
    try session.type("July 1998 to Januarë 1999")
    try session.press("Left", "Left", "Left", "Left", "Left", "BSpace")
    try session.type("y")
    try session.press("Enter")
    try session.waitFor("✓ correct — July 1998 to January 1999")
    try session.waitForLastRow(ratingPrompt)
    try session.press("Enter")
    try session.waitFor(
      "The Bajgora region, where the offensive was fought, lies in the _____ of Kosovo.")
    try session.waitForLastRow(answerPrompt)

    // Up brings back the last answer; Ctrl-C throws the line away and the session goes on.
    try session.press("Up")
    try session.waitForLastRow("> July 1998 to January 1999")
    try session.press("C-c")
    try session.waitForLastRow(answerPrompt)
    try session.type("nor")
    try session.press("C-c")
    try session.waitForLastRow(answerPrompt)
    #expect(try session.exitStatus() == nil)

    try session.type(":hi")
    try session.press("Tab")
    try session.waitForLastRow("> :hint")
    try session.press("Enter")
    try session.waitFor("hint: starts with “n”")
    try session.type("north")
    try session.press("Enter")
    try session.waitFor("✓ correct — north")
    try session.waitFor("rated hard")

    // :undo works straight from the rating prompt and asks the question again.
    try session.type(":undo")
    try session.press("Enter")
    try session.waitFor("undone")
    try session.waitForLastRow(answerPrompt)
    try session.type("north")
    try session.press("Enter")
    try session.waitFor("rated good")
    try session.press("Enter")
    try session.waitForLastRow(answerPrompt)

    let screen = try endWithControlD(session)
    #expect(try session.waitForExit() == 0)
    #expect(screen.contains("reviewed 2 · accuracy 100%"))
    #expect(!hasEscapeJunk(screen))
    let styled = try session.styledScreen()
    #expect(styled.contains("\u{1B}["), "colour is on in a terminal: \(styled)")

    let saved = try reviews()
    #expect(
      saved.map(\.cardID) == ["bajgora-offensive/date-short", "bajgora-region-north/cloze"])
    #expect(saved.map(\.rating) == [.good, .good])
    #expect(saved.map(\.answer) == ["July 1998 to January 1999", "north"])
  }

  /// Tab offers what the prompt in front of the learner accepts: ratings after an answer,
  /// never at the answer prompt, where they are refused.
  @Test func tabCompletesOnlyTheCommandsOfThePrompt() throws {
    let session = try start(environment: "NO_COLOR=1")
    defer { session.stop() }
    try session.type(":go")
    try session.press("Tab")
    // Nothing to complete at the answer prompt: the line stays as typed.
    Thread.sleep(forTimeInterval: 0.3)
    try session.waitForLastRow("> :go")
    try session.press("C-u")
    try session.type("July 1998 to January 1999")
    try session.press("Enter")
    try session.waitForLastRow(ratingPrompt)
    try session.type(":ea")
    try session.press("Tab")
    try session.waitForLastRow(ratingPrompt + " :easy")
    try session.press("Enter")
    try session.waitFor("rated easy")
    try session.waitForLastRow(answerPrompt)
    try session.type(":sk")
    try session.press("Tab")
    try session.waitForLastRow("> :skip")
    try session.press("Enter")
    try session.waitFor("skipped")
    try endWithControlD(session)
  }

  /// :suspend, :flag and :bury complete with Tab at the prompts that take them and are saved.
  @Test func suspendFlagAndBuryInATerminal() throws {
    let session = try start(environment: "NO_COLOR=1")
    defer { session.stop() }
    try session.type(":sus")
    try session.press("Tab")
    try session.waitForLastRow("> :suspend")
    try session.press("Enter")
    try session.waitFor("suspended; no session shows it")
    try session.waitFor(
      "The Bajgora region, where the offensive was fought, lies in the _____ of Kosovo.")
    try session.waitForLastRow(answerPrompt)
    try session.type("north")
    try session.press("Enter")
    try session.waitForLastRow(ratingPrompt)
    try session.type(":fl")
    try session.press("Tab")
    try session.waitForLastRow(ratingPrompt + " :flag")
    try session.type(" needs the year")
    try session.press("Enter")
    try session.waitFor("flagged as wrong, with your note")
    try session.type(":bu")
    try session.press("Tab")
    try session.waitForLastRow(ratingPrompt + " :bury")
    try session.press("Enter")
    try session.waitFor("buried; it comes back")
    try session.press("Enter")
    try session.waitForLastRow(answerPrompt)
    try endWithControlD(session)
    let store = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
    #expect(store.suspendedCards == ["bajgora-offensive/date-short"])
    #expect(store.marks(for: "bajgora-region-north/cloze").buriedUntil != nil)
    #expect(store.flaggedCards.map(\.flag.note) == ["needs the year"])
    #expect(try reviews().map(\.cardID) == ["bajgora-region-north/cloze"])
  }

  @Test func noColourWithNoColorSet() throws {
    let session = try start(environment: "NO_COLOR=1")
    defer { session.stop() }
    try session.type("July 1998 to January 1999")
    try session.press("Enter")
    try session.waitForLastRow(ratingPrompt)
    try session.press("Enter")
    try session.waitForLastRow(answerPrompt)
    try endWithControlD(session)
    let styled = try session.styledScreen()
    #expect(!styled.contains("\u{1B}["), "\(styled)")
  }

  @Test func aKilledSessionKeepsItsAnswersAndTheNextOneStarts() throws {
    let session = try start(execing: true)
    defer { session.stop() }
    try session.type("July 1998 to January 1999")
    try session.press("Enter")
    try session.waitForLastRow(ratingPrompt)
    try session.press("Enter")
    try session.waitForLastRow(answerPrompt)
    try session.type("north")
    try session.press("Enter")
    try session.waitFor("✓ correct — north")
    try session.waitForLastRow(ratingPrompt)

    let text = try String(contentsOfFile: pidFile, encoding: .utf8)
    let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(kill(pid, SIGKILL) == 0)
    // tmux 3.3a does not always reap a killed pane's process (see TmuxSession): it can stay a
    // zombie, which has closed its files and so released its lock. Either counts as dead.
    try session.waitFor("recall to die") { screen in
      screen.contains("Pane is dead") || Self.isDead(pid)
    }

    let saved = try reviews()
    #expect(
      saved.map(\.cardID) == ["bajgora-offensive/date-short", "bajgora-region-north/cloze"])

    // The lock file stays behind; it must not stop the next session.
    let next = try BinaryRunner().run(
      [
        "study", "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress,
        "--seed", "1", "--now", "2026-11-24T10:30:00Z",
      ], input: ":quit\n")
    #expect(next.exitCode == 0, "\(next)")
    #expect(next.standardOutput.contains("2 due · 18 new"), "\(next)")
  }
}
