import Foundation
import RecallKit
import Testing

@Suite struct ProgressLibraryTests {
  @Test func theFlagWinsThenTheEnvironmentThenALocalFolderThenXDG() throws {
    let folder = try makeProgressFolder()
    let environment = [
      "RECALL_PROGRESS": "/env/progress", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a",
    ]
    #expect(
      ProgressLibrary.locate(override: "/flag", environment: environment, currentDirectory: folder)
        .directory == "/flag")
    #expect(
      ProgressLibrary.locate(override: nil, environment: environment, currentDirectory: folder)
        .directory == "/env/progress")
    #expect(
      ProgressLibrary.locate(
        override: nil, environment: ["XDG_DATA_HOME": "/xdg"], currentDirectory: folder
      ).directory == "/xdg/recall/progress")
    // An empty value is kept (and refused when a store opens), never replaced by a default.
    #expect(
      ProgressLibrary.locate(
        override: "", environment: ["HOME": "/home/a"], currentDirectory: folder
      )
      .directory == "")
    #expect(
      ProgressLibrary.locate(
        override: nil, environment: ["RECALL_PROGRESS": ""], currentDirectory: folder
      )
      .directory == "")
    #expect(throws: ProgressError.emptyFolderPath) {
      try ProgressStore.open(deckID: "deck", directory: "")
    }
    try FileManager.default.createDirectory(
      atPath: (folder as NSString).appendingPathComponent("Progress"),
      withIntermediateDirectories: false)
    #expect(
      ProgressLibrary.locate(
        override: nil, environment: ["XDG_DATA_HOME": "/xdg"], currentDirectory: folder
      ).directory == "Progress")
  }

  @Test func filesAreNamedAfterTheDeck() throws {
    let files = try ProgressFiles(deckID: "bajgora-offensive", directory: "Progress")
    #expect(files.snapshot == "Progress/bajgora-offensive.json")
    #expect(files.journal == "Progress/bajgora-offensive.journal.jsonl")
    #expect(files.reviews == "Progress/bajgora-offensive.reviews.jsonl")
    #expect(files.lock == "Progress/bajgora-offensive.lock")
  }

  @Test(arguments: ["", "../escape", "a/b", ".hidden", "a..b", "UPPER", "x\u{0}y"])
  func idsThatCouldLeaveTheFolderAreRefused(id: String) throws {
    let folder = try makeProgressFolder()
    #expect(throws: ProgressError.invalidDeckID(id)) {
      try ProgressStore.open(deckID: id, directory: folder)
    }
    #expect(throws: ProgressError.invalidDeckID(id)) {
      try ProgressStore.openReadOnly(deckID: id, directory: folder)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }
}
