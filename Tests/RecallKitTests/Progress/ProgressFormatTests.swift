import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// The files Recall writes, compared with the documented example under Snapshots/progress
/// (`expectSnapshot`; RECALL_RECORD_SNAPSHOTS=1 rewrites it and fails the run).
@Suite struct ProgressFormatTests {
  static let snapshotFolder = Repository.snapshots.appendingPathComponent("progress")

  private func time(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return try #require(formatter.date(from: text))
  }

  private func review(
    _ card: String, _ at: String, _ rating: Rating, _ answer: String, _ accepted: Bool,
    _ milliseconds: Int, _ state: CardState
  ) throws -> ReviewRecord {
    ReviewRecord(
      cardID: card, reviewedAt: try time(at), rating: rating, answer: answer, accepted: accepted,
      responseMilliseconds: milliseconds, state: state)
  }

  /// Two sessions: the first closed (compacted), the second still open with an undo in it.
  private func writeExample(in folder: String) throws -> [ReviewRecord] {
    let first = try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
    let mazhiq = try first.record(
      review(
        "battle-of-mazhiq/date-short", "2025-03-01T09:50:04.210Z", .easy, "10 July 1998", true,
        6120,
        CardState(
          phase: .review, step: nil, stability: 8.2956, difficulty: 1,
          due: try time(
            "2025-03-09T09:50:04.210Z"), lastReview: try time("2025-03-01T09:50:04.210Z"))))
    let ibishiWrong = try first.record(
      review(
        "nusret-ibishi/role", "2025-03-01T09:50:31.877Z", .again, "a police commander", false,
        11_045,
        CardState(
          phase: .learning, step: 0, stability: 0.212, difficulty: 6.4133,
          due: try time("2025-03-01T09:51:31.877Z"),
          lastReview: try time("2025-03-01T09:50:31.877Z"))))
    let ibishiRight = try first.record(
      review(
        "nusret-ibishi/role", "2025-03-01T09:51:40.002Z", .good, "a trainer", true, 3500,
        CardState(
          phase: .learning, step: 1, stability: 0.3173, difficulty: 6.3911,
          due: try time("2025-03-01T10:01:40.002Z"),
          lastReview: try time("2025-03-01T09:51:40.002Z"))))
    try first.close()

    let second = try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
    _ = try second.record(
      review(
        "soldiers-captured-count/numeric", "2025-03-02T18:05:12.500Z", .again, "9", false, 2950,
        CardState(
          phase: .learning, step: 0, stability: 0.212, difficulty: 6.4133,
          due: try time("2025-03-02T18:06:12.500Z"),
          lastReview: try time("2025-03-02T18:05:12.500Z"))))
    _ = try second.undoLast(at: try time("2025-03-02T18:05:15.000Z"))
    let soldiers = try second.record(
      review(
        "soldiers-captured-count/numeric", "2025-03-02T18:05:19.750Z", .good, "8", true, 1830,
        CardState(
          phase: .learning, step: 1, stability: 2.3065, difficulty: 2.1181,
          due: try time("2025-03-02T18:15:19.750Z"),
          lastReview: try time("2025-03-02T18:05:19.750Z"))))
    // Not closed: the second session is still studying, so its reviews are in the journal.
    return [mazhiq, ibishiWrong, ibishiRight, soldiers]
  }

  @Test(arguments: [
    "bajgora-offensive.json", "bajgora-offensive.journal.jsonl",
    "bajgora-offensive.reviews.jsonl",
  ])
  func filesMatchTheDocumentedExample(name: String) throws {
    let folder = try makeProgressFolder()
    _ = try writeExample(in: folder)
    let written = fileText((folder as NSString).appendingPathComponent(name))
    expectSnapshot(written, named: name, in: Self.snapshotFolder)
  }

  @Test func theDocumentedExampleReadsBack() throws {
    let folder = try makeProgressFolder()
    let reviews = try writeExample(in: folder)
    let example = try ProgressStore.openReadOnly(
      deckID: "bajgora-offensive", directory: Self.snapshotFolder.path)
    #expect(
      example.states == [
        "battle-of-mazhiq/date-short": reviews[0].state, "nusret-ibishi/role": reviews[2].state,
        "soldiers-captured-count/numeric": reviews[3].state,
      ])
    #expect(try example.reviews() == reviews)
  }

  /// The damaged-file messages Documentation/progress-files.md quotes, produced from the documented example.
  @Test(arguments: [
    (
      "bajgora-offensive.json", "\"stability\": 0.3173", "\"stability\": \"high\"", 7, 73,
      "expected a number for 'stability', found a string"
    ),
    (
      "bajgora-offensive.journal.jsonl", "{\"seq\": 5", "\"junk\"\n{\"seq\": 5", 3, 1,
      "expected an object for a log entry, found a string"
    ),
    (
      "bajgora-offensive.json", "\"schema\": 3", "\"schema\": 4", 2, 13,
      "written by a newer Recall (schema 4); this Recall reads schema 3"
    ),
  ])
  func damagedExampleFilesAreReportedAsTheGuideSays(
    file: String, find: String, replacement: String, line: Int, column: Int, message: String
  ) throws {
    let folder = try makeProgressFolder()
    for name in ["bajgora-offensive.json", "bajgora-offensive.journal.jsonl"] {
      var text = try String(
        contentsOf: Self.snapshotFolder.appendingPathComponent(name), encoding: .utf8)
      if name == file {
        let range = try #require(text.range(of: find))
        text.replaceSubrange(range, with: replacement)
      }
      try writeFile((folder as NSString).appendingPathComponent(name), text)
    }
    let error = #expect(throws: ProgressError.self) {
      try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
    }
    let path = (folder as NSString).appendingPathComponent(file)
    #expect(error?.description == "\(path):\(line):\(column): error: \(message)")
  }
}
