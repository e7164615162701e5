import Foundation
import Testing

/// The line editor in a real terminal: `recall line-echo` in tmux, driven by key presses.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; cannot drive a terminal"))
struct TerminalTests {
  /// The prompt row as capture-pane shows it (trailing space trimmed).
  private let prompt = "echo>"

  /// Starts `recall line-echo` and waits for its first prompt, so no key arrives before
  /// the editor owns the terminal.
  private func start(environment: String = "") throws -> TmuxSession {
    let binary = try BinaryRunner.executable().path
    let session = try TmuxSession(
      command: "env EDITRC=/dev/null LANG=C.UTF-8 LC_ALL=C.UTF-8 \(environment) "
        + "'\(binary)' line-echo")
    try session.waitForLastRow(prompt)
    return session
  }

  private func occurrences(of text: String, in screen: String) -> Int {
    screen.split(separator: "\n").filter { $0 == text }.count
  }

  @Test func typesAccentedLetters() throws {
    let session = try start()
    defer { session.stop() }
    try session.type("Barë")
    try session.press("Enter")
    try session.waitFor("got: Barë")
  }

  @Test func editsInsideMultibyteText() throws {
    let session = try start()
    defer { session.stop() }
    try session.type("Thaxi")
    try session.press("Left", "BSpace")
    try session.type("ç")
    try session.press("End", "Enter")
    try session.waitFor("got: Thaçi")
    try session.waitForLastRow(prompt)

    // Moving left across "ë" (two bytes) must land on character boundaries.
    try session.type("Bxarë")
    try session.press("Left", "Left", "Left", "BSpace", "Enter")
    try session.waitFor("got: Barë")
    try session.waitForLastRow(prompt)

    try session.type("arë")
    try session.press("C-a")
    try session.type("B")
    try session.press("C-e")
    try session.type("s")
    try session.press("Enter")
    try session.waitFor("got: Barës")
  }

  @Test func upArrowRecallsEarlierLines() throws {
    let session = try start()
    defer { session.stop() }
    for line in ["first", "Barë"] {
      try session.type(line)
      try session.press("Enter")
      try session.waitFor("got: \(line)")
      try session.waitForLastRow(prompt)
    }
    try session.press("Up", "Enter")
    try session.waitFor("two answers of Barë") { self.occurrences(of: "got: Barë", in: $0) == 2 }
    try session.waitForLastRow(prompt)
    try session.press("Up", "Up", "Enter")
    try session.waitFor("two answers of first") { self.occurrences(of: "got: first", in: $0) == 2 }
  }

  @Test func tabCompletesAUniqueCommand() throws {
    let session = try start()
    defer { session.stop() }
    try session.type(":hi")
    try session.press("Tab")
    try session.waitForLastRow("echo> :hint")
    try session.press("Enter")
    try session.waitFor("got: :hint")
  }

  @Test func tabListsAmbiguousCommandsAndKeepsTheLine() throws {
    let session = try start()
    defer { session.stop() }
    try session.type(":s")
    try session.press("Tab")
    try session.waitFor(":skip  :stats")
    try session.waitForLastRow("echo> :s")
    try session.type("t")
    try session.press("Tab")
    try session.waitForLastRow("echo> :stats")
    try session.press("Enter")
    try session.waitFor("got: :stats")
  }

  @Test func controlCDiscardsTheLineAndKeepsRunning() throws {
    let session = try start()
    defer { session.stop() }
    try session.type("half")
    try session.waitForLastRow("echo> half")
    try session.press("C-c")
    try session.waitFor("interrupted")
    try session.waitForLastRow(prompt)
    try session.type("next")
    try session.press("Enter")
    let screen = try session.waitFor("got: next")
    #expect(!screen.contains("got: half"))
    #expect(try session.exitStatus() == nil)
  }

  @Test func controlDOnAnEmptyLineEndsInput() throws {
    let session = try start()
    defer { session.stop() }
    // Not on a line with text: there it deletes or does nothing.
    try session.type("x")
    try session.press("C-d", "Enter")
    try session.waitFor("got: x")
    try session.waitForLastRow(prompt)
    try session.press("C-d")
    try session.waitFor("bye")
    #expect(try session.waitForExit() == 0)
  }

  @Test func dumbTerminalReadsPlainLinesWithAPrompt() throws {
    let session = try start(environment: "TERM=dumb")
    defer { session.stop() }
    try session.type("Barë")
    try session.press("Enter")
    try session.waitFor("got: Barë")
    try session.press("C-d")
    #expect(try session.waitForExit() == 0)
  }
}
