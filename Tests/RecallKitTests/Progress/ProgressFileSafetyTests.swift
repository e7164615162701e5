import Foundation
import Testing

@testable import RecallKit

/// Links and special files in the progress folder (#19, defects 2 and 3): nothing is written
/// through a link, nothing waits on a FIFO, and each refusal names the path.
@Suite struct ProgressFileSafetyTests {
  /// A file outside the progress folder that a link points at; it must never change.
  private func victim() throws -> String {
    let path = try makeProgressFolder() + "/precious.txt"
    try writeFile(path, "precious\n")
    return path
  }

  @Test func aLinkedLockFileIsRefusedAndItsTargetKept() throws {
    let folder = try makeProgressFolder()
    let target = try victim()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    try FileManager.default.createSymbolicLink(atPath: files.lock, withDestinationPath: target)
    #expect {
      try ProgressStore.open(deckID: "deck", directory: folder)
    } throws: { error in
      "\(error)".contains(files.lock) && "\(error)".contains("symbolic link")
    }
    #expect(fileText(target) == "precious\n")
  }

  @Test(arguments: [".json.tmp", ".journal.jsonl.tmp", ".reviews.jsonl.tmp"])
  func aLinkLeftAsATemporaryFileIsRemovedNotWrittenThrough(suffix: String) throws {
    let folder = try makeProgressFolder()
    let target = try victim()
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/deck" + suffix, withDestinationPath: target)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(sampleReview("a/short"))
    try store.close()
    #expect(fileText(target) == "precious\n")
    for path in [store.files.snapshot, store.files.journal, store.files.reviews] {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(path)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/deck" + suffix))
    let reopened = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(try reopened.reviews().count == 1)
  }

  @Test(arguments: [".json", ".journal.jsonl", ".reviews.jsonl"])
  func aLinkedProgressFileIsRefusedWithItsPath(suffix: String) throws {
    let folder = try makeProgressFolder()
    let target = try victim()
    let path = folder + "/deck" + suffix
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    for readOnly in [true, false] {
      #expect {
        let store =
          readOnly
          ? try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
          : try ProgressStore.open(deckID: "deck", directory: folder)
        _ = try store.reviews()
      } throws: { error in
        "\(error)".contains(path) && "\(error)".contains("symbolic link")
      }
    }
    #expect(fileText(target) == "precious\n")
  }

  /// A linked progress folder is fine: only links inside it are refused.
  @Test func aLinkedProgressFolderWorks() throws {
    let real = try makeProgressFolder()
    let link = try makeProgressFolder() + "/linked"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    let store = try ProgressStore.open(deckID: "deck", directory: link)
    try store.record(sampleReview("a/short"))
    try store.close()
    #expect(FileManager.default.fileExists(atPath: real + "/deck.json"))
    #expect(try ProgressStore.openReadOnly(deckID: "deck", directory: link).reviews().count == 1)
  }

  @Test(arguments: [".json", ".journal.jsonl", ".reviews.jsonl", ".lock"])
  func aFIFOIsRefusedWithItsPathInsteadOfHanging(suffix: String) throws {
    let folder = try makeProgressFolder()
    let path = folder + "/deck" + suffix
    #expect(mkfifo(path, 0o644) == 0)
    for readOnly in [true, false] where !(readOnly && suffix == ".lock") {
      #expect {
        let store =
          readOnly
          ? try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
          : try ProgressStore.open(deckID: "deck", directory: folder)
        _ = try store.reviews()
        try store.record(sampleReview("a/short"))
        try store.close()
      } throws: { error in
        "\(error)".contains(path) && "\(error)".contains("FIFO")
      }
    }
  }
}
