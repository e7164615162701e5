import Foundation
import Testing

@testable import RecallTestSupport

/// The one snapshot assertion: a mismatch fails, and so does a recording run.
@Suite struct SnapshotAssertionTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-snapshot-\(UUID().uuidString)")

  @Test func aMatchingSnapshotPassesInBothModes() throws {
    let file = folder.appendingPathComponent("same.txt")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("a\nb\n".utf8).write(to: file)
    #expect(snapshotProblem("a\nb\n", file: file, recording: false) == nil)
    #expect(snapshotProblem("a\nb\n", file: file, recording: true) == nil)
  }

  @Test func aDifferenceFailsWithTheFirstDifferingLineAndLeavesTheFile() throws {
    let file = folder.appendingPathComponent("old.txt")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("a\nb\nc\n".utf8).write(to: file)
    let problem = try #require(snapshotProblem("a\nB\nc\n", file: file, recording: false))
    #expect(problem.hasPrefix("output differs from snapshot old.txt at line 2:"))
    #expect(problem.contains("  expected: b\n  actual:   B\n"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "a\nb\nc\n")
  }

  @Test func aMissingSnapshotFailsAndSaysHowToRecord() {
    let problem = snapshotProblem(
      "x", file: folder.appendingPathComponent("none.txt"), recording: false)
    #expect(problem?.contains("record it with RECALL_RECORD_SNAPSHOTS=1") == true)
  }

  @Test func recordingWritesTheSnapshotAndStillFails() throws {
    let file = folder.appendingPathComponent("sub/new.txt")
    let recorded = try #require(snapshotProblem("new\n", file: file, recording: true))
    #expect(recorded.hasPrefix("recorded snapshot \(file.path) (new)"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
    let changed = try #require(snapshotProblem("newer\n", file: file, recording: true))
    #expect(changed.hasPrefix("recorded snapshot \(file.path) (changed)"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "newer\n")
    #expect(snapshotProblem("newer\n", file: file, recording: false) == nil)
  }

  @Test func expectSnapshotRecordsAnIssueOnAMismatch() {
    withKnownIssue {
      expectSnapshot("not what is there", named: "none.txt", in: folder)
    }
  }
}
