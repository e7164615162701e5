import Foundation
import Testing

/// Compares text with a file under Tests/RecallKitTests/Snapshots/worksheets; with
/// RECALL_RECORD_SNAPSHOTS=1 it writes the file instead (and the test fails, so a recording run
/// is never mistaken for a passing one).
func expectWorksheetSnapshot(
  _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation,
  filePath: String = #filePath
) {
  let folder = URL(fileURLWithPath: filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots/worksheets")
  let file = folder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["RECALL_RECORD_SNAPSHOTS"] == "1" {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
      Issue.record("recorded snapshot \(name); run again without RECALL_RECORD_SNAPSHOTS")
    } catch {
      Issue.record("cannot record snapshot \(file.path): \(error)")
    }
    return
  }
  guard let data = FileManager.default.contents(atPath: file.path),
    let expected = String(data: data, encoding: .utf8)
  else {
    Issue.record(
      "no snapshot \(file.path); record it with RECALL_RECORD_SNAPSHOTS=1",
      sourceLocation: sourceLocation)
    return
  }
  if text != expected {
    let actual = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    try? Data(text.utf8).write(to: URL(fileURLWithPath: actual))
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    Issue.record(
      """
      snapshot \(name) differs from line \(line + 1) (actual output in \(actual)):
        expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
        actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
      """, sourceLocation: sourceLocation)
  }
}
