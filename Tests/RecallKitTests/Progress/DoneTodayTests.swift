import Foundation
import Testing

@testable import RecallKit

/// A second session on the same day counts the day's new cards and reviews from the end of
/// the log; the figures must be those a walk through the whole history gives.
@Suite struct DoneTodayTests {
  @Test(arguments: 0..<25)
  func theDaysTailGivesTheWholeHistorysCounts(seed: Int) throws {
    var random = SeededGenerator(seed: UInt64(seed), salt: "done-today")
    let folder = try makeProgressFolder()
    var store = try ProgressStore.open(deckID: "deck", directory: folder)
    let utc = TimeZone(identifier: "UTC") ?? .current
    var minute = 0
    // Three days of answers on eight cards, with undos and sessions that end (compaction
    // moves the journal into the log) at random points.
    for _ in 0..<(20 + random.next(below: 60)) {
      minute += 1 + random.next(below: 180)
      let card = "c\(random.next(below: 8))/short"
      let rating: Rating = random.next(below: 4) == 0 ? .again : .good
      _ = try store.record(sampleReview(card, minute: minute, rating: rating))
      if random.next(below: 6) == 0 {
        _ = try store.undoLast(at: progressEpoch.addingTimeInterval(Double(minute) * 60 + 5))
      }
      if random.next(below: 10) == 0 {
        try store.close()
        store = try ProgressStore.open(deckID: "deck", directory: folder)
      }
    }
    let now = progressEpoch.addingTimeInterval(Double(minute) * 60 + 60)
    let day = StudyDay(containing: now, timeZone: utc)
    let today = try #require(try store.entries(since: day.start))
    let fast = StudySession.doneToday(from: today, in: day, store: store)
    let whole = try StudySession.doneToday(fromWholeLogOf: store, in: day)
    #expect(fast == whole)
    #expect(try StudySession.doneToday(in: store, at: now, timeZone: utc) == whole)
    try store.close()
  }

  @Test func aBadLineInTheDaysTailFallsBackToTheLocatedError() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    _ = try store.record(sampleReview("a/short", minute: 0))
    _ = try store.record(sampleReview("a/short", minute: 1))
    try store.close()
    try appendToFile(store.files.reviews, "{\"seq\": 3, \"type\": \"review\"}\n")
    let day = StudyDay(
      containing: progressEpoch, timeZone: TimeZone(identifier: "UTC") ?? .current)
    #expect(try store.entries(since: day.start) == nil)
  }

  /// Reading back from the end in chunks of any size finds the entries a forward read finds.
  @Test(arguments: [1, 7, 100, 1 << 16])
  func chunksOfAnySizeFindTheSameEntries(chunkSize: Int) throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    for minute in stride(from: 0, to: 600, by: 37) {
      _ = try store.record(sampleReview("c\(minute % 5)/short", minute: minute))
    }
    try store.close()
    try appendToFile(store.files.reviews, "{\"seq\": 99, \"ty")  // a torn line
    let bytes = try #require(fileBytes(store.files.reviews))
    let all = try #require(
      try ProgressLogFile.parse([UInt8](bytes), path: store.files.reviews, kind: .reviews)
    ).entries
    for cutoff in [0, 100, 333, 599, 700] {
      let date = progressEpoch.addingTimeInterval(Double(cutoff) * 60)
      let found = try ProgressReviewLogTail.entries(
        since: date, path: store.files.reviews, chunkSize: chunkSize)
      #expect(found == all.filter { $0.time >= date }, "since minute \(cutoff)")
    }
  }
}
