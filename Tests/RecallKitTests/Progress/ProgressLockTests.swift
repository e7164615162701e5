import Foundation
import RecallKit
import Testing

@Suite struct ProgressLockTests {
  @Test func aSecondSessionOnTheSameDeckIsRefusedEvenInTheSameProcess() throws {
    let folder = try makeProgressFolder()
    let first = try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
    let pid = ProcessInfo.processInfo.processIdentifier
    let expected = ProgressError.locked(deckID: "bajgora-offensive", pid: pid)
    #expect(throws: expected) {
      try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
    }
    #expect(
      expected.description == "another recall session is studying 'bajgora-offensive' (pid \(pid))")
    // Other decks, and readers, are not blocked.
    try ProgressStore.open(deckID: "other-deck", directory: folder).close()
    _ = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: folder)
    try first.close()
    try ProgressStore.open(deckID: "bajgora-offensive", directory: folder).close()
  }

  @Test func aStoreDroppedWithoutCloseReleasesTheLock() throws {
    let folder = try makeProgressFolder()
    do { _ = try ProgressStore.open(deckID: "deck", directory: folder) }
    try ProgressStore.open(deckID: "deck", directory: folder).close()
  }

  @Test func aLockFileLeftByAKilledSessionBlocksNobody() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    try writeFile(files.lock, "99999\n")
    try ProgressStore.open(deckID: "deck", directory: folder).close()
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
  func aLockHeldByAnotherProcessRefusesUntilThatProcessDies() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    child.arguments = [
      "--exclusive", "--nonblock", "--no-fork", files.lock, "/bin/sh", "-c",
      "echo locked; exec sleep 60",
    ]
    let output = Pipe()
    child.standardOutput = output
    try child.run()
    // SIGKILL: like a crashed session, and not ignorable (the test runner may ignore SIGTERM,
    // and children inherit that).
    defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
    // Wait until the child reports holding the lock.
    let line = output.fileHandleForReading.availableData
    #expect(String(decoding: line, as: UTF8.self) == "locked\n")

    #expect(throws: ProgressError.locked(deckID: "deck", pid: nil)) {
      try ProgressStore.open(deckID: "deck", directory: folder)
    }
    kill(child.processIdentifier, SIGKILL)
    child.waitUntilExit()
    // The lock file is still there, but its lock died with the process.
    #expect(FileManager.default.fileExists(atPath: files.lock))
    try ProgressStore.open(deckID: "deck", directory: folder).close()
  }
}
