import Foundation
import Testing

/// The environment variable that turns snapshot checks into recordings:
/// `RECALL_RECORD_SNAPSHOTS=1 swift test --filter …`.
public let recordSnapshotsVariable = "RECALL_RECORD_SNAPSHOTS"

/// Checks `actual` against the snapshot file `name` under `folder` (by default
/// `Tests/RecallKitTests/Snapshots`; `name` may hold subfolders, as in `worksheets/key.txt`).
///
/// A missing or different snapshot fails the test with the first differing line and a file
/// holding the actual output, ready for `diff -u`. With `RECALL_RECORD_SNAPSHOTS=1` a missing
/// or different snapshot is written instead, and the test still fails, saying so: a recording
/// run never passes, so a changed snapshot cannot slip through as a green run. A snapshot that
/// already matches is left alone and passes in both modes.
public func expectSnapshot(
  _ actual: String, named name: String, in folder: URL = Repository.snapshots,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let recording = ProcessInfo.processInfo.environment[recordSnapshotsVariable] == "1"
  if let problem = snapshotProblem(
    actual, file: folder.appendingPathComponent(name), recording: recording)
  {
    Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
  }
}

/// What is wrong with `actual` against the snapshot at `file`, or nil when it matches; when
/// `recording`, a missing or different snapshot is written first and the answer says so.
func snapshotProblem(_ actual: String, file: URL, recording: Bool) -> String? {
  let expected = FileManager.default.contents(atPath: file.path).map {
    String(decoding: $0, as: UTF8.self)
  }
  if expected == actual { return nil }
  if recording {
    do {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: file, options: .atomic)
    } catch {
      return "cannot record snapshot \(file.path): \(error)"
    }
    return """
      recorded snapshot \(file.path) (\(expected == nil ? "new" : "changed")); check it with \
      git diff and run again without \(recordSnapshotsVariable)
      """
  }
  guard let expected else {
    return "no snapshot at \(file.path); record it with \(recordSnapshotsVariable)=1 swift test"
  }
  let actualFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("\(UUID().uuidString)-\(file.lastPathComponent)")
  try? Data(actual.utf8).write(to: actualFile)
  return """
    output differs from snapshot \(file.lastPathComponent) \(SnapshotDifference.first(expected, actual))
    see: diff -u \(file.path) \(actualFile.path)
    if the change is intended, re-record with \(recordSnapshotsVariable)=1 swift test
    """
}

/// Where two texts first differ, for a failure message a reader can act on.
enum SnapshotDifference {
  /// "at line N:" with the expected and the actual line.
  static func first(_ expected: String, _ actual: String) -> String {
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
