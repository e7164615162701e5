import Foundation
import RecallKit

/// Times the progress store at the scale it is designed for: a 100,000-card deck with a
/// million logged reviews. The headline is one durable `record` (append + fsync), which must
/// not grow with the deck; opening must not grow with the log.
///
/// Works in a folder under the current directory (not /tmp, which may be a RAM disk where
/// fsync costs nothing) and removes it afterwards.
func benchmarkProgress() -> String {
  let cardCount = 100_000
  let logCount = 1_000_000
  let recordCount = 300
  let folder =
    FileManager.default.currentDirectoryPath
    + "/.recall-bench-progress-\(ProcessInfo.processInfo.processIdentifier)"
  defer { try? FileManager.default.removeItem(atPath: folder) }
  do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try progressBenchmarkFiles(in: folder, cards: cardCount, reviews: logCount)

    let clock = ContinuousClock()
    var start = clock.now
    let store = try ProgressStore.open(deckID: "bench", directory: folder)
    let openTime = clock.now - start
    store.compactionThreshold = Int.max  // measure appends alone; compaction is timed below

    let now = Date()
    var recordTimes: [Duration] = []
    for index in 0..<recordCount {
      let card = "fact-\(index * 331 % cardCount)/date-short"
      let review = ReviewRecord(
        cardID: card, reviewedAt: now, rating: .good, answer: "10 July 1998", accepted: true,
        responseMilliseconds: 4200,
        state: CardState(
          phase: .review, step: nil, stability: 12.5, difficulty: 5.1,
          due: now.addingTimeInterval(12 * 86_400), lastReview: now))
      start = clock.now
      try store.record(review)
      recordTimes.append(clock.now - start)
    }
    start = clock.now
    try store.compact()
    let compactTime = clock.now - start
    try store.close()

    start = clock.now
    let reader = try ProgressStore.openReadOnly(deckID: "bench", directory: folder)
    let reviews = try reader.reviews()
    let reviewsTime = clock.now - start

    recordTimes.sort()
    let median = recordTimes[recordTimes.count / 2]
    let p99 = recordTimes[min(recordTimes.count - 1, recordTimes.count * 99 / 100)]
    return """
      progress: durable record, \(cardCount) cards   median \(progressMilliseconds(median)) ms, \
      p99 \(progressMilliseconds(p99)) ms (\(recordCount) records)
      progress: open (\(cardCount) cards, \(logCount) logged)   \(progressMilliseconds(openTime)) ms
      progress: compact (\(cardCount) cards)   \(progressMilliseconds(compactTime)) ms
      progress: read the whole log (\(reviews.count) reviews)   \
      \(progressMilliseconds(reviewsTime)) ms
      """
  } catch {
    return "progress: benchmark failed: \(error)"
  }
}

private func progressMilliseconds(_ duration: Duration) -> String {
  let seconds =
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  return String(format: "%.2f", seconds * 1000)
}

/// Writes the files a long-used deck would have, in the documented format, without a million
/// fsyncs: a snapshot of `cards` cards and a review log of `reviews` lines.
private func progressBenchmarkFiles(in folder: String, cards: Int, reviews: Int) throws {
  let state =
    #"{"phase": "review", "step": null, "stability": 12.5, "difficulty": 5.1, "#
    + #""due": "2025-03-13T09:50:00.000Z", "lastReview": "2025-03-01T09:50:00.000Z"}"#
  // Schema 2: each card also has its reps (its lines in the log below) and lapses (none).
  var reps = [Int](repeating: 0, count: cards)
  for sequence in 1...reviews { reps[sequence % cards] += 1 }
  var snapshot = "{\n  \"schema\": 2,\n  \"deck\": \"bench\",\n  \"journalThrough\": "
  snapshot += "\(reviews),\n  \"cards\": {"
  for index in 0..<cards {
    snapshot +=
      (index == 0 ? "\n    " : ",\n    ") + "\"fact-\(index)/date-short\": "
      + state.dropLast() + ", \"reps\": \(reps[index]), \"lapses\": 0}"
  }
  snapshot += "\n  }\n}\n"
  try Data(snapshot.utf8).write(to: URL(fileURLWithPath: folder + "/bench.json"))

  _ = FileManager.default.createFile(atPath: folder + "/bench.reviews.jsonl", contents: nil)
  let log = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/bench.reviews.jsonl"))
  defer { try? log.close() }
  var chunk = #"{"type": "reviews", "schema": 1, "deck": "bench"}"# + "\n"
  for sequence in 1...reviews {
    chunk +=
      #"{"seq": \#(sequence), "type": "review", "card": "fact-\#(sequence % cards)/"#
      + #"date-short", "at": "2025-03-01T09:50:00.000Z", "rating": "good", "#
      + #""answer": "10 July 1998", "accepted": true, "responseMs": 4200, "state": "#
      + state + "}\n"
    if chunk.utf8.count > 1 << 22 {
      try log.write(contentsOf: Data(chunk.utf8))
      chunk = ""
    }
  }
  try log.write(contentsOf: Data(chunk.utf8))
}
