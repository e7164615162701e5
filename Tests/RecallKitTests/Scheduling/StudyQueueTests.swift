import Foundation
import RecallKit
import Testing

@Suite struct StudyQueueTests {
  /// 2024-03-05 10:00 UTC, a Tuesday morning.
  static let now = Date(timeIntervalSince1970: 1_709_632_800)
  static let hour = 3_600.0
  static let day = 86_400.0
  static let utcDay = StudyDay(
    containing: now, timeZone: TimeZone(identifier: "UTC") ?? .current, startHour: 4)

  let scheduler: FSRSScheduler

  init() throws {
    scheduler = try FSRSScheduler()
  }

  private func learning(dueIn offset: TimeInterval, phase: CardState.Phase = .learning)
    -> CardState
  {
    CardState(
      phase: phase, step: 0, stability: 1, difficulty: 5, due: Self.now + offset,
      lastReview: Self.now - 10 * 60)
  }

  /// A review card last seen `elapsed` days ago with this stability.
  private func review(stability: Double, elapsed: Double, dueIn offset: TimeInterval)
    -> CardState
  {
    CardState(
      phase: .review, step: nil, stability: stability, difficulty: 5, due: Self.now + offset,
      lastReview: Self.now - elapsed * Self.day)
  }

  private func build(
    _ cards: [CardState?], limits: StudyLimits = StudyLimits(),
    done: StudyQueue.DoneToday = StudyQueue.DoneToday(), mode: StudyQueue.Mode = .due
  ) -> StudyQueue {
    StudyQueue.build(
      cards: cards, now: Self.now, day: Self.utcDay, limits: limits, doneToday: done,
      scheduler: scheduler, mode: mode)
  }

  @Test func learningFirstThenReviewsByRetrievabilityThenNewInDeckOrder() {
    let cards: [CardState?] = [
      nil,  // 0 new
      review(stability: 30, elapsed: 30, dueIn: -1 * Self.hour),  // 1 R 0.9
      learning(dueIn: -5 * 60, phase: .relearning),  // 2 due 5 min ago
      review(stability: 2, elapsed: 10, dueIn: -8 * Self.day),  // 3 R lowest
      learning(dueIn: -20 * 60),  // 4 due 20 min ago: first
      .new(at: Self.now),  // 5 new
      review(stability: 10, elapsed: 12, dueIn: 6 * Self.hour),  // 6 due later today
      review(stability: 50, elapsed: 1, dueIn: 40 * Self.day),  // 7 not due
      learning(dueIn: 5 * 60),  // 8 learning, not yet due
    ]
    let queue = build(cards)
    #expect(
      queue.entries == [
        .init(index: 4, kind: .learning), .init(index: 2, kind: .learning),
        .init(index: 3, kind: .review), .init(index: 0, kind: .new),
        .init(index: 6, kind: .review), .init(index: 5, kind: .new),
        .init(index: 1, kind: .review),
      ])
    #expect(queue.nextLearningDue == Self.now + 5 * 60)
    #expect(queue.reviewsOverLimit == 0 && queue.newOverLimit == 0)
  }

  @Test func dailyLimitsCountWhatWasDoneToday() {
    let reviews: [CardState?] = (0..<10).map { number in
      review(stability: Double(number + 1), elapsed: 5, dueIn: -Self.hour)
    }
    let cards = reviews + Array(repeating: nil, count: 8)
    let queue = build(
      cards, limits: StudyLimits(newPerDay: 5, reviewsPerDay: 6),
      done: StudyQueue.DoneToday(newCards: 2, reviews: 2))
    let kinds = queue.entries.map(\.kind)
    #expect(kinds.filter { $0 == .review }.count == 4)
    #expect(kinds.filter { $0 == .new }.count == 3)
    #expect(queue.reviewsOverLimit == 6)
    #expect(queue.newOverLimit == 5)
    // The least stable (least likely recalled) reviews survive the limit.
    #expect(queue.entries.filter { $0.kind == .review }.map(\.index) == [0, 1, 2, 3])
    // New cards keep deck order.
    #expect(queue.entries.filter { $0.kind == .new }.map(\.index) == [10, 11, 12])
  }

  @Test func limitsNeverHoldBackLearningCards() {
    let cards: [CardState?] = [learning(dueIn: -60), learning(dueIn: -30), nil]
    let queue = build(
      cards, limits: StudyLimits(newPerDay: 0, reviewsPerDay: 0),
      done: StudyQueue.DoneToday(newCards: 50, reviews: 500))
    #expect(queue.entries == [.init(index: 0, kind: .learning), .init(index: 1, kind: .learning)])
    #expect(queue.newOverLimit == 1)
  }

  @Test(arguments: [
    (8, 2, "RRRRNRRRRN"), (3, 5, "RNRNRNNN"), (0, 3, "NNN"), (4, 0, "RRRR"), (7, 3, "RRNRRNRRNR"),
  ])
  func newCardsAreSpreadAmongReviews(reviewCount: Int, newCount: Int, pattern: String) {
    let reviews = (0..<reviewCount).map { StudyQueue.Entry(index: $0, kind: .review) }
    let newCards = (0..<newCount).map { StudyQueue.Entry(index: 100 + $0, kind: .new) }
    let merged = StudyQueue.interleave(reviews: reviews, newCards: newCards)
    #expect(String(merged.map { $0.kind == .review ? "R" : "N" }) == pattern)
  }

  @Test func studyAheadAppendsScheduledCardsNotYetDueSoonestFirst() {
    let cards: [CardState?] = [
      review(stability: 50, elapsed: 1, dueIn: 40 * Self.day),
      nil,
      review(stability: 5, elapsed: 1, dueIn: 3 * Self.day),
      learning(dueIn: 9 * 60),
      review(stability: 30, elapsed: 30, dueIn: -Self.hour),
    ]
    let normal = build(cards)
    #expect(normal.entries == [.init(index: 4, kind: .review), .init(index: 1, kind: .new)])
    let ahead = build(cards, mode: .studyAhead)
    #expect(
      ahead.entries == normal.entries + [
        .init(index: 3, kind: .ahead), .init(index: 2, kind: .ahead),
        .init(index: 0, kind: .ahead),
      ])
  }

  @Test func reviewsDueLaterInTheStudyDayAreDueNow() {
    let evening = review(stability: 10, elapsed: 9, dueIn: 17 * Self.hour)  // 03:00 next day
    let tomorrow = review(stability: 10, elapsed: 9, dueIn: 18 * Self.hour + 1)  // 04:00:01
    let queue = build([evening, tomorrow])
    #expect(queue.entries == [.init(index: 0, kind: .review)])
  }

  @Test func theStudyDayStartsAtTheGivenLocalHour() throws {
    let tirana = try #require(TimeZone(identifier: "Europe/Tirane"))
    // 2024-03-05 02:30 in Tirana (01:30 UTC) still belongs to 4 March's study day.
    let lateNight = Date(timeIntervalSince1970: 1_709_602_200)
    let day = StudyDay(containing: lateNight, timeZone: tirana)
    #expect(day.start == Date(timeIntervalSince1970: 1_709_521_200))  // 4 March 03:00 UTC
    #expect(day.end == Date(timeIntervalSince1970: 1_709_607_600))  // 5 March 03:00 UTC
    #expect(day.contains(lateNight))
    #expect(!day.contains(day.end))

    // The study day that spans the spring-forward night (30–31 March 2024) is 23 hours long.
    let spring = StudyDay(
      containing: Date(timeIntervalSince1970: 1_711_800_000), timeZone: tirana)
    #expect(spring.end.timeIntervalSince(spring.start) == 23 * Self.hour)
  }

  /// Suspended cards and cards buried until later are in no part of the queue, studying
  /// ahead included; a bury that has run out hides nothing.
  @Test func suspendedAndBuriedCardsAreLeftOut() {
    let cards: [CardState?] = [
      learning(dueIn: -60),  // 0 suspended
      review(stability: 2, elapsed: 10, dueIn: -Self.day),  // 1 buried until tonight
      nil,  // 2 new, suspended
      review(stability: 3, elapsed: 10, dueIn: -Self.day),  // 3 buried until an hour ago
      nil,  // 4 new
      review(stability: 50, elapsed: 1, dueIn: 40 * Self.day),  // 5 suspended, not due
    ]
    let marks: [Int: CardMarks] = [
      0: CardMarks(suspended: true),
      1: CardMarks(buriedUntil: Self.utcDay.end),
      2: CardMarks(suspended: true, flag: CardMarks.Flag(at: Self.now)),
      3: CardMarks(buriedUntil: Self.now - Self.hour),
      4: CardMarks(flag: CardMarks.Flag(at: Self.now, note: "wrong year")),
      5: CardMarks(suspended: true),
    ]
    for mode in [StudyQueue.Mode.due, .studyAhead] {
      let queue = StudyQueue.build(
        cards: cards, marks: marks, now: Self.now, day: Self.utcDay, scheduler: scheduler,
        mode: mode)
      #expect(queue.entries == [.init(index: 3, kind: .review), .init(index: 4, kind: .new)])
      #expect(queue.suspended == 3 && queue.buried == 1)
    }
    // The next morning the bury has run out.
    let tomorrow = StudyDay(
      containing: Self.utcDay.end + Self.hour, timeZone: TimeZone(identifier: "UTC")!,
      startHour: 4)
    let later = StudyQueue.build(
      cards: cards, marks: marks, now: Self.utcDay.end + Self.hour, day: tomorrow,
      scheduler: scheduler)
    #expect(later.entries.map(\.index).contains(1))
    #expect(later.buried == 0)
  }

  /// Learning cards due after the learn-ahead window but within the study day are counted.
  @Test func learningCardsDueLaterTodayAreCounted() {
    let cards: [CardState?] = [
      learning(dueIn: 30 * 60), learning(dueIn: 5 * Self.hour, phase: .relearning),
      learning(dueIn: 20 * Self.hour), learning(dueIn: -60),
    ]
    let queue = build(cards)
    #expect(queue.learningLaterToday == 2)
    #expect(queue.entries == [.init(index: 3, kind: .learning)])
  }

  @Test func limitsComeFromDeckSettings() {
    #expect(StudyLimits(settings: DeckSettings()) == StudyLimits(newPerDay: 20, reviewsPerDay: 200))
    #expect(
      StudyLimits(settings: DeckSettings(newPerDay: 5, reviewsPerDay: 50))
        == StudyLimits(newPerDay: 5, reviewsPerDay: 50))
  }
}
