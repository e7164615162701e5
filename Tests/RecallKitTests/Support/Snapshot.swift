import Foundation
import Testing

/// Compares printable output with a file under Tests/RecallKitTests/Snapshots.
///
/// Snapshots change only on purpose: run the tests with `RECALL_RECORD_SNAPSHOTS=1` to write
/// them. Otherwise a missing or different snapshot fails the test with the first differing line
/// and the path of the new output, ready for `diff -u`.
enum Snapshot {
  /// The source folder of the snapshots (not the copy in the test bundle), so recording writes
  /// where git sees it.
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["RECALL_RECORD_SNAPSHOTS"] == "1"
  }

  /// Checks `actual` against the snapshot `name` (a file name such as `preview-bajgora.txt`).
  static func assertMatches(
    _ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let file = directory.appendingPathComponent(name)
    if isRecording {
      do {
        try Data(actual.utf8).write(to: file, options: .atomic)
        FileHandle.standardError.write(Data("recorded snapshot \(file.path)\n".utf8))
      } catch {
        Issue.record(
          "cannot record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: file.path),
      let expected = String(data: data, encoding: .utf8)
    else {
      Issue.record(
        "no snapshot at \(file.path); record it with RECALL_RECORD_SNAPSHOTS=1 swift test",
        sourceLocation: sourceLocation)
      return
    }
    guard actual != expected else { return }
    let actualFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(UUID().uuidString)-\(name)")
    try? Data(actual.utf8).write(to: actualFile)
    Issue.record(
      """
      output differs from snapshot \(name) \(firstDifference(expected, actual))
      see: diff -u \(file.path) \(actualFile.path)
      if the change is intended, re-record with RECALL_RECORD_SNAPSHOTS=1 swift test
      """, sourceLocation: sourceLocation)
  }

  /// "at line N:" with the expected and actual lines.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    for line in 0..<max(old.count, new.count) {
      let before = line < old.count ? old[line] : "(end of file)"
      let after = line < new.count ? new[line] : "(end of file)"
      if before != after {
        return "at line \(line + 1):\n  expected: \(before)\n  actual:   \(after)"
      }
    }
    return "(only in line endings)"
  }
}
