import Foundation
import RecallKit
import Testing

@Suite struct LoadBalancerTests {
  static let now = Date(timeIntervalSince1970: 1_764_669_600)  // Tue 2 Dec 2025 10:00 UTC
  static let utc = TimeZone(identifier: "UTC") ?? .current

  /// A review card whose unfuzzed next interval, after a good answer now, is `days`.
  static func card(interval days: Int, scheduler: FSRSScheduler) -> CardState {
    var card = CardState.new(at: now)
    card.phase = .review
    card.difficulty = 5
    card.lastReview = now.addingTimeInterval(-Double(days) * 86_400)
    // Search the stability that gives `days` after a good review on time.
    var low = 0.1
    var high = 1000.0
    for _ in 0..<60 {
      let middle = (low + high) / 2
      card.stability = middle
      let next = scheduler.model.nextStability(
        difficulty: 5, stability: middle,
        retrievability: scheduler.retrievability(of: card, at: now), rating: .good)
      if scheduler.interval(stability: next) < days { low = middle } else { high = middle }
    }
    card.stability = high
    return card
  }

  static func dueDays(_ state: CardState) -> Int {
    FSRSScheduler.wholeDays(from: now, to: state.due)
  }

  @Test func aFullerOrFartherDayWeighsLessAndAnEasyDayLess() {
    #expect(
      LoadBalancer.weight(days: 10, due: 3, isEasyDay: false)
        < LoadBalancer.weight(days: 10, due: 2, isEasyDay: false))
    #expect(
      LoadBalancer.weight(days: 11, due: 2, isEasyDay: false)
        < LoadBalancer.weight(days: 10, due: 2, isEasyDay: false))
    // Anki's figures: 30 due against 2 due is about 150 times less likely.
    let ratio =
      LoadBalancer.weight(days: 10, due: 2, isEasyDay: false)
      / LoadBalancer.weight(days: 10, due: 30, isEasyDay: false)
    #expect(ratio > 150 && ratio < 152)
    let easy = LoadBalancer.weight(days: 10, due: 4, isEasyDay: true)
    let normal = LoadBalancer.weight(days: 10, due: 4, isEasyDay: false)
    #expect(abs(easy / normal - pow(0.5, 3.15)) < 1e-12)
  }

  /// Every day of the range is busy but one, and the days just outside it are empty: the
  /// review lands on the light day far more often than on any other, and never outside.
  @Test func theDueDateMovesTowardsALighterDayInsideTheFuzzRangeOnly() throws {
    let scheduler = try FSRSScheduler()
    let card = Self.card(interval: 20, scheduler: scheduler)
    var plain = scheduler.options
    plain.isFuzzEnabled = false
    let unfuzzed = try FSRSScheduler(options: plain).review(card, rating: .good, at: Self.now)
    #expect(Self.dueDays(unfuzzed) == 20)
    let range = try #require(scheduler.fuzzRange(days: 20))
    #expect(range == 17...23)
    var due = [Int](repeating: 0, count: LoadBalancer.horizon)
    for day in range { due[day] = 30 }
    due[22] = 2
    let placement = ReviewPlacement(load: LoadBalancer(due: due))
    var counts: [Int: Int] = [:]
    for seed in 0..<400 {
      var generator = SplitMix64(seed: UInt64(seed))
      let next = scheduler.review(
        card, rating: .good, at: Self.now, using: &generator, placement: placement)
      counts[Self.dueDays(next), default: 0] += 1
      #expect(next.stability == unfuzzed.stability && next.difficulty == unfuzzed.difficulty)
    }
    #expect(Set(counts.keys).isSubset(of: Set(range)), "\(counts)")
    #expect(counts[22, default: 0] >= 360, "\(counts)")

    // Without a load the same seeds spread over the range.
    var plainCounts: [Int: Int] = [:]
    for seed in 0..<400 {
      var generator = SplitMix64(seed: UInt64(seed))
      plainCounts[
        Self.dueDays(scheduler.review(card, rating: .good, at: Self.now, using: &generator)),
        default: 0] += 1
    }
    #expect(plainCounts[22, default: 0] < 100, "\(plainCounts)")
  }

  /// Replays and parity checks turn fuzz off: a load then changes nothing at all.
  @Test func withoutFuzzALoadChangesNothing() throws {
    var options = SchedulerOptions()
    options.isFuzzEnabled = false
    let scheduler = try FSRSScheduler(options: options)
    let placement = ReviewPlacement(
      load: LoadBalancer(due: (0..<LoadBalancer.horizon).map { $0 % 5 == 0 ? 0 : 50 }))
    var choices = SplitMix64(seed: 7)
    var card = CardState.new(at: Self.now)
    var time = Self.now
    for _ in 0..<200 {
      let rating = Rating(rawValue: Int(choices.next() % 4) + 1) ?? .good
      var first = SplitMix64(seed: 1)
      var second = SplitMix64(seed: 1)
      let plain = scheduler.review(card, rating: rating, at: time, using: &first)
      let balanced = scheduler.review(
        card, rating: rating, at: time, using: &second, placement: placement)
      #expect(plain == balanced)
      card = plain
      time = card.due.addingTimeInterval(Double(choices.next() % 86_400))
    }
  }

  @Test func longIntervalsAndRangesPastTheHorizonAreNotBalanced() {
    let balancer = LoadBalancer(due: [Int](repeating: 1, count: LoadBalancer.horizon))
    var generator = SplitMix64(seed: 3)
    #expect(balancer.days(for: 91, in: 85...97, using: &generator) == nil)
    #expect(balancer.days(for: 90, in: 95...99, using: &generator) == nil)
    #expect(LoadBalancer(due: [1, 1, 1]).days(for: 3, in: 2...4, using: &generator) == nil)
    #expect(
      balancer.days(for: 90, in: 84...96, using: &generator).map { (84...96).contains($0) } == true)
  }

  /// Placing many reviews one after another into the same range: without easy days the load
  /// stays level (up to the slight pull towards nearer days), and an easy day ends up with
  /// about half a normal day's reviews.
  @Test(arguments: [false, true])
  func placedReviewsLevelTheLoadAndEasyDaysGetAboutHalf(withEasyDay: Bool) {
    let range = 40...44
    var balancer = LoadBalancer(
      due: [Int](repeating: 0, count: LoadBalancer.horizon),
      easy: (0..<LoadBalancer.horizon).map { withEasyDay && $0 == 42 })
    var generator = SplitMix64(seed: 11)
    for _ in 0..<1000 {
      let day = balancer.days(for: 42, in: range, using: &generator) ?? -1
      #expect(range.contains(day))
      if range.contains(day) { balancer.due[day] += 1 }
    }
    let normal = range.filter { $0 != 42 }.map { Double(balancer.due[$0]) }
    let mean = normal.reduce(0, +) / Double(normal.count)
    #expect(normal.allSatisfy { abs($0 - mean) / mean < 0.15 }, "\(balancer.due[range])")
    let ratio = Double(balancer.due[42]) / mean
    if withEasyDay {
      #expect(ratio > 0.4 && ratio < 0.6, "\(balancer.due[range])")
    } else {
      #expect(abs(ratio - 1) < 0.15, "\(balancer.due[range])")
    }
  }

  /// The load a session builds from its cards: whole days from now, overdue cards today, new
  /// and left-out cards not counted, easy days by the weekday of the study day.
  @Test func aSessionsLoadCountsDueCardsByStudyDay() throws {
    let day = StudyDay(containing: Self.now, timeZone: Self.utc)
    func due(_ text: String) throws -> CardState {
      var card = CardState.new(at: Self.now)
      card.phase = .review
      card.stability = 5
      card.difficulty = 5
      card.due = try UTCTimestamp.parse(text).get()
      return card
    }
    let cards: [CardState?] = [
      try due("2025-11-20T09:00:00Z"),  // overdue: today
      try due("2025-12-03T03:00:00Z"),  // before 4 a.m.: still today's study day
      try due("2025-12-03T05:00:00Z"),  // tomorrow
      try due("2025-12-05T12:00:00Z"),  // in three days
      try due("2025-12-05T13:00:00Z"),  // left out (the card being scheduled)
      CardState.new(at: Self.now), nil,
    ]
    let balancer = LoadBalancer(
      cards: cards, isLeftOut: { $0 == 4 }, now: Self.now, day: day, timeZone: Self.utc,
      easyDays: [.saturday, .sunday])
    #expect(balancer.due.count == LoadBalancer.horizon)
    #expect(Array(balancer.due[0..<5]) == [2, 1, 0, 1, 0])
    // Tuesday 2 December: days 4 and 5 ahead are Saturday and Sunday.
    #expect(Array(balancer.easy[0..<8]) == [false, false, false, false, true, true, false, false])
  }

  @Test func weekdaysReadByShortOrWholeName() throws {
    #expect(try Weekday.parseList("sat,Sunday") == [.saturday, .sunday])
    #expect(try Weekday.parseList(" none ") == [])
    #expect(throws: SchedulerOptionsError.unreadableWeekday("funday")) {
      try Weekday.parseList("mon,funday")
    }
    #expect(Weekday.saturday.advanced(by: 1) == .sunday)
    #expect(Weekday.sunday.advanced(by: -1) == .saturday)
  }
}
