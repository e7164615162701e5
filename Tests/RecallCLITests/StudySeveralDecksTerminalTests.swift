import Foundation
import RecallKit
import Testing

/// `recall study` with no deck in a real terminal (tmux): the cards of two decks in turn, Tab
/// at the answer prompt, and both decks' answers saved in their own files.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; cannot drive a terminal"))
struct StudySeveralDecksTerminalTests {
  let root = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-several-tty-\(UUID().uuidString)").path

  init() throws {
    try FileManager.default.createDirectory(
      atPath: root + "/Decks", withIntermediateDirectories: true)
    for id in ["alpha", "beta"] {
      try StudySeveralDecksTests.deckYAML(id, facts: 2).write(
        toFile: root + "/Decks/\(id).yaml", atomically: true, encoding: .utf8)
    }
  }

  @Test func twoDecksAreStudiedInTurnAndEachIsSaved() throws {
    let binary = try BinaryRunner.executable().path
    let session = try TmuxSession(
      command: "env -u NO_COLOR EDITRC=/dev/null LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' study "
        + "--decks-dir '\(root)/Decks' --progress-dir '\(root)/Progress' --seed 1 "
        + "--now 2026-11-24T10:00:00Z --new 3")
    defer { session.stop() }
    try session.waitFor("2 decks")
    try session.waitFor("each deck's own limits, and 3 new a day in all")
    try session.waitFor("· new · alpha")
    try session.waitForLastRow(">")
    try session.type("alphaterm0")
    try session.press("Enter")
    try session.waitFor("✓ correct — alphaterm0")
    try session.press("Enter")
    try session.waitFor("2. cloze · new · beta")
    try session.waitForLastRow(">")
    // Tab completes the commands of the answer prompt only.
    try session.type(":st")
    try session.press("Tab")
    try session.waitForLastRow("> :stats")
    try session.press("Enter")
    try session.waitFor("1 answered, 100% right, 2 left in the queue")
    try session.type("betaterm0")
    try session.press("Enter")
    try session.waitFor("✓ correct — betaterm0")
    try session.press("Enter")
    try session.waitFor("3. cloze · new · alpha")
    try session.waitForLastRow(">")
    try session.press("C-d")
    let screen = try session.waitFor("Session over", timeout: 30)
    #expect(try session.waitForExit() == 0)
    #expect(screen.contains("reviewed 2 · accuracy 100%"))
    for id in ["alpha", "beta"] {
      let store = try ProgressStore.openReadOnly(deckID: id, directory: root + "/Progress")
      #expect(store.states.keys.sorted() == ["\(id)-0/cloze"])
    }
  }
}
