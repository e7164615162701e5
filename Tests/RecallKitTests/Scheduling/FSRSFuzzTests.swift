import Foundation
import RecallKit
import Testing

@Suite struct FSRSFuzzTests {
  @Test func splitMix64MatchesItsReferenceOutput() {
    var generator = SplitMix64(seed: 1_234_567)
    let outputs = (0..<5).map { _ in generator.next() }
    #expect(
      outputs == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
        4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
      ])
  }

  /// Ranges from py-fsrs's formula: ±1 day plus 15% of the part between 2.5 and 7 days, 10%
  /// of the part between 7 and 20 and 5% beyond, rounded half to even, at least 2 days.
  @Test(arguments: [
    (3, 2...4), (4, 3...5), (5, 4...6), (7, 5...9), (8, 6...10), (10, 8...12), (20, 17...23),
    (21, 18...24), (30, 27...33), (50, 46...54), (100, 93...107), (365, 345...385),
    (1000, 948...1052), (36500, 34673...36500),
  ])
  func fuzzRangesMatchTheReference(days: Int, range: ClosedRange<Int>) throws {
    let scheduler = try FSRSScheduler()
    #expect(scheduler.fuzzRange(days: days) == range)
  }

  @Test func shortIntervalsAreNeverFuzzed() throws {
    let scheduler = try FSRSScheduler()
    #expect(scheduler.fuzzRange(days: 1) == nil)
    #expect(scheduler.fuzzRange(days: 2) == nil)
  }

  @Test func theMaximumIntervalBoundsTheRange() throws {
    #expect(
      try FSRSScheduler(options: SchedulerOptions(maximumInterval: 100)).fuzzRange(days: 100)
        == 93...100)
    #expect(
      try FSRSScheduler(options: SchedulerOptions(maximumInterval: 25)).fuzzRange(days: 30)
        == 25...25)
    #expect(
      try FSRSScheduler(options: SchedulerOptions(maximumInterval: 2)).fuzzRange(days: 3) == 2...2)
  }

  /// Random histories reviewed twice, with and without fuzz: every fuzzed review interval lies
  /// in the range around the unfuzzed one, and fuzz never touches the memory state.
  @Test(arguments: [
    SchedulerOptions(), SchedulerOptions(desiredRetention: 0.8, maximumInterval: 60),
  ])
  func everyFuzzedIntervalLiesInItsRange(options: SchedulerOptions) throws {
    let fuzzed = try FSRSScheduler(options: options)
    var plainOptions = options
    plainOptions.isFuzzEnabled = false
    let plain = try FSRSScheduler(options: plainOptions)
    var generator = SplitMix64(seed: 42)
    var choices = SplitMix64(seed: 99)
    var fuzzedCount = 0
    var moved = 0
    for _ in 0..<300 {
      var card = CardState.new(at: Date(timeIntervalSince1970: 1_700_000_000))
      for _ in 0..<12 {
        let rating = Rating.allCases.randomElement(using: &choices) ?? .good
        let now = card.due + Double.random(in: 0...86_400, using: &choices)
        let expected = plain.review(card, rating: rating, at: now)
        let actual = fuzzed.review(card, rating: rating, at: now, using: &generator)
        #expect(actual.phase == expected.phase && actual.step == expected.step)
        #expect(actual.stability == expected.stability)
        #expect(actual.difficulty == expected.difficulty)
        if actual.phase == .review {
          let base = FSRSScheduler.wholeDays(from: now, to: expected.due)
          let days = FSRSScheduler.wholeDays(from: now, to: actual.due)
          if let range = fuzzed.fuzzRange(days: base) {
            fuzzedCount += 1
            #expect(range.contains(days), "\(days) days is outside \(range) around \(base)")
            if days != base { moved += 1 }
          } else {
            #expect(days == base)
          }
        } else {
          #expect(actual.due == expected.due)
        }
        card = actual
      }
    }
    #expect(fuzzedCount > 500)
    #expect(moved > fuzzedCount / 2)
  }

  @Test func theSameSeedGivesTheSameScheduleAndDrawsCoverTheRange() throws {
    let scheduler = try FSRSScheduler()
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    func dues(seed: UInt64) -> [Date] {
      var generator = SplitMix64(seed: seed)
      var card = CardState.new(at: start)
      var dues: [Date] = []
      for _ in 0..<8 {
        card = scheduler.review(card, rating: .good, at: card.due, using: &generator)
        dues.append(card.due)
      }
      return dues
    }
    #expect(dues(seed: 1) == dues(seed: 1))
    #expect(dues(seed: 1) != dues(seed: 2))

    // 2,000 reviews of the same card reach every day of the range and nothing else.
    let card = CardState(
      phase: .review, step: nil, stability: 20, difficulty: 5, due: start,
      lastReview: start - 20 * 86_400)
    var plainOptions = scheduler.options
    plainOptions.isFuzzEnabled = false
    let base = FSRSScheduler.wholeDays(
      from: start,
      to: try FSRSScheduler(options: plainOptions).review(card, rating: .good, at: start).due)
    let range = try #require(scheduler.fuzzRange(days: base))
    var generator = SplitMix64(seed: 5)
    var seen = Set<Int>()
    for _ in 0..<2_000 {
      let next = scheduler.review(card, rating: .good, at: start, using: &generator)
      seen.insert(FSRSScheduler.wholeDays(from: start, to: next.due))
    }
    #expect(seen == Set(range))
  }
}
