import Foundation
import RecallKit
import Testing

/// Reps and lapses stay what the review log says, through every path that changes them.
@Suite struct ProgressCountsTests {
  /// A review of `card` that leaves it in `phase`.
  private func review(_ card: String, minute: Int, rating: Rating, phase: CardState.Phase)
    -> ReviewRecord
  {
    var record = sampleReview(card, minute: minute, rating: rating)
    record.state.phase = phase
    return record
  }

  @Test func aLapseIsAgainOnACardInReviewOnly() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(review("a/q", minute: 0, rating: .again, phase: .learning))  // new: no
    try store.record(review("a/q", minute: 1, rating: .again, phase: .learning))  // learning: no
    try store.record(review("a/q", minute: 2, rating: .good, phase: .review))
    #expect(store.counts(for: "a/q") == CardCounts(reps: 3, lapses: 0))
    try store.record(review("a/q", minute: 3, rating: .again, phase: .relearning))  // a lapse
    try store.record(review("a/q", minute: 4, rating: .again, phase: .relearning))  // no
    #expect(store.counts(for: "a/q") == CardCounts(reps: 5, lapses: 1))
    #expect(store.counts(for: "never/seen") == .zero)
    try store.close()
  }

  @Test func undoTakesTheReviewAndItsLapseBack() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(review("a/q", minute: 0, rating: .easy, phase: .review))
    try store.record(review("a/q", minute: 1, rating: .again, phase: .relearning))
    #expect(store.counts(for: "a/q") == CardCounts(reps: 2, lapses: 1))
    _ = try store.undoLast(at: progressEpoch)
    #expect(store.counts(for: "a/q") == CardCounts(reps: 1, lapses: 0))
    _ = try store.undoLast(at: progressEpoch)
    #expect(store.counts["a/q"] == nil)
    try store.close()
  }

  @Test func snapshotCardsEndWithRepsAndLapses() throws {
    let folder = try makeProgressFolder()
    let files = try ProgressFiles(deckID: "deck", directory: folder)
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(review("a/q", minute: 0, rating: .easy, phase: .review))
    try store.record(review("a/q", minute: 1, rating: .again, phase: .relearning))
    try store.close()
    let text = fileText(files.snapshot)
    #expect(text.hasPrefix("{\n  \"schema\": 3,\n"))
    #expect(
      text.contains(
        "\"lastReview\": \"2025-03-01T09:51:00.000Z\", \"reps\": 2, \"lapses\": 1}\n  },\n  \"marks\": {}\n}\n"
      ))
    // The journal and log lines keep the schema-1 line format: no counts in them.
    #expect(!fileText(files.reviews).contains("reps"))
  }

  /// A crash (no close) after a compaction in the middle of a session, then an undo of a
  /// review the compaction already folded in: replaying the journal has to find that review
  /// in the log to take its lapse back.
  @Test func replayFindsTheUndoneReviewInTheLog() throws {
    let folder = try makeProgressFolder()
    do {
      let store = try ProgressStore.open(deckID: "deck", directory: folder)
      try store.record(review("a/q", minute: 0, rating: .easy, phase: .review))
      try store.record(review("a/q", minute: 1, rating: .again, phase: .relearning))
      try store.compact()
      #expect(store.counts(for: "a/q") == CardCounts(reps: 2, lapses: 1))
      _ = try store.undoLast(at: progressEpoch)
      #expect(store.counts(for: "a/q") == CardCounts(reps: 1, lapses: 0))
      // Another session reading now sees the same.
      let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
      #expect(reader.counts(for: "a/q") == CardCounts(reps: 1, lapses: 0))
    }
    let reopened = try ProgressStore.open(deckID: "deck", directory: folder)
    #expect(reopened.counts(for: "a/q") == CardCounts(reps: 1, lapses: 0))
    try reopened.close()
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reader.counts(for: "a/q") == CardCounts(reps: 1, lapses: 0))
  }

  @Test func pruneForgetsTheOrphansCounts() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(review("a/q", minute: 0, rating: .good, phase: .review))
    try store.record(review("gone/q", minute: 1, rating: .good, phase: .review))
    try store.prune(knownIDs: ["a/q"])
    #expect(store.counts == ["a/q": CardCounts(reps: 1, lapses: 0)])
    try store.close()
    let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(reader.counts == ["a/q": CardCounts(reps: 1, lapses: 0)])
  }

  /// Random sessions of reviews and undos, with compactions, crashes and reopenings between
  /// them: the counts always equal a tally of `reviews()`.
  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func countsAlwaysMatchTheLog(seed: UInt64) throws {
    let folder = try makeProgressFolder()
    var random = SplitMix64(seed: seed)
    func roll(_ sides: Int) -> Int { Int(random.next() % UInt64(sides)) }
    let phases: [CardState.Phase] = [.learning, .review, .review, .relearning]
    let ratings: [Rating] = [.again, .again, .hard, .good, .easy]
    var minute = 0
    for _ in 0..<12 {
      let store = try ProgressStore.open(deckID: "deck", directory: folder)
      store.compactionThreshold = 3 + roll(6)
      #expect(store.counts == CardCounts.tally(try store.reviews()))
      for _ in 0..<(5 + roll(10)) {
        if roll(4) == 0, store.canUndo {
          _ = try store.undoLast(at: progressEpoch.addingTimeInterval(Double(minute) * 60))
        } else {
          minute += 1
          try store.record(
            review(
              "card-\(roll(4))/q", minute: minute, rating: ratings[roll(ratings.count)],
              phase: phases[roll(phases.count)]))
        }
        #expect(store.counts == CardCounts.tally(try store.reviews()))
      }
      let reader = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
      #expect(reader.counts == store.counts)
      if roll(3) > 0 { try store.close() }  // otherwise a crash: the journal is replayed
    }
  }
}
