import Foundation
import RecallKit
import RecallTestSupport
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

/// The width in a real terminal: the header wraps at a narrow width, and after a resize the
/// next lines wrap at the new one.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; cannot drive a terminal"))
struct StudyResizeTerminalTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-resize-tty-\(UUID().uuidString)").path

  /// The screen's rows that start with `prefix`.
  private func rows(_ screen: String, startingWith prefix: String) -> [String] {
    screen.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
  }

  @Test func theHeaderWrapsAtFortyColumnsAndAResizeIsFollowed() throws {
    let binary = try BinaryRunner.executable().path
    let session = try TmuxSession(
      command: "env -u NO_COLOR EDITRC=/dev/null LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' study "
        + "bajgora-offensive --decks-dir '\(decks)' --progress-dir '\(progress)' --seed 1 "
        + "--now 2026-11-24T10:00:00Z", width: 40)
    defer { session.stop() }
    let first = try session.waitFor("Between which months")
    // "0 due · 20 new · limits 20 new and 200 reviews a day" is broken between words, by
    // Recall, not cut at the 40th column by the terminal.
    let lines = first.split(separator: "\n").map(String.init)
    #expect(lines.contains("0 due · 20 new · limits 20 new and 200"), "\(first)")
    #expect(lines.contains("reviews a day"), "\(first)")
    #expect(lines.contains("lists the commands"), "\(first)")
    try session.waitForLastRow(">")

    try session.resize(width: 100)
    try session.type("July 1998 to January 1999")
    try session.press("Enter")
    let wide = try session.waitFor("rated good")
    let explanation = try #require(
      rows(wide, startingWith: "The Bajgora offensive was carried out").first)
    #expect(explanation.count > 80, "the feedback wraps at 100 columns now: \(wide)")
    #expect(explanation.count <= 100)
    try session.press("C-d")
    try session.waitFor("Session over", timeout: 30)
    #expect(try session.waitForExit() == 0)
  }
}
