import Foundation
import RecallKit
import Testing

/// The cases py-fsrs's own test suite (tests/test_basic.py, py-fsrs 6) publishes, restated.
@Suite struct FSRSReferenceCaseTests {
  static let start = Date(microsecondsSince1970: 1_669_725_000_000_000)  // 2022-11-29 12:30 UTC
  static let minute = 60.0
  static let day = 86_400.0

  let plain: FSRSScheduler
  let fuzzed: FSRSScheduler

  init() throws {
    plain = try FSRSScheduler(options: SchedulerOptions(isFuzzEnabled: false))
    fuzzed = try FSRSScheduler(options: SchedulerOptions())
  }

  /// Whole days from the last review to the due time, as py-fsrs's tests measure intervals.
  private func intervalDays(_ card: CardState) -> Int {
    FSRSScheduler.wholeDays(from: card.lastReview ?? card.due, to: card.due)
  }

  private func seconds(from start: Date, to card: CardState) -> Double {
    card.due.timeIntervalSince(start)
  }

  /// py-fsrs's TEST_RATINGS_1: six Goods, two lapses, five Goods.
  static let referenceRatings: [Rating] = [
    .good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good, .good,
  ]

  @Test func goodGoodGoodThenTwoLapsesGivesTheReferenceIntervals() {
    var card = CardState.new(at: Self.start)
    var now = Self.start
    var intervals: [Int] = []
    for rating in Self.referenceRatings {
      card = plain.review(card, rating: rating, at: now)
      intervals.append(intervalDays(card))
      now = card.due
    }
    #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
  }

  @Test func tenQuickEasyReviewsBottomOutDifficulty() {
    var card = CardState.new(at: Self.start)
    for microsecond in 0..<10 {
      let now = Date(microsecondsSince1970: Self.start.microsecondsSince1970 + Int64(microsecond))
      card = plain.review(card, rating: .easy, at: now)
    }
    #expect(card.difficulty == 1.0)
  }

  @Test func memoryStateAfterAFixedHistory() throws {
    let history: [(Rating, Double)] = [
      (.again, 0), (.good, 0), (.good, 1), (.good, 3), (.good, 8), (.good, 21),
    ]
    var card = CardState.new(at: Self.start)
    var now = Self.start
    var generator = SplitMix64(seed: 7)
    for (rating, days) in history {
      now += days * Self.day
      // Fuzz moves only the due date, never the memory state.
      card = fuzzed.review(card, rating: rating, at: now, using: &generator)
    }
    let stability = try #require(card.stability)
    let difficulty = try #require(card.difficulty)
    #expect(abs(stability - 53.62691) < 1e-4)
    #expect(abs(difficulty - 6.3574867) < 1e-4)
  }

  @Test func newCardsHaveNoRetrievabilityAndReviewedOnesStayInRange() {
    var card = CardState.new(at: Self.start)
    #expect(plain.retrievability(of: card, at: Self.start) == 0)
    for (rating, phase) in [
      (Rating.good, CardState.Phase.learning), (.good, .review), (.again, .relearning),
    ] {
      card = plain.review(card, rating: rating, at: card.due)
      #expect(card.phase == phase)
      let value = plain.retrievability(of: card, at: card.due)
      #expect(value >= 0 && value <= 1)
    }
  }

  @Test(arguments: [
    (Rating.again, CardState.Phase.learning, 0, 1 * minute),
    (.hard, .learning, 0, 5.5 * minute),
    (.good, .learning, 1, 10 * minute),
  ])
  func firstLearningStep(rating: Rating, phase: CardState.Phase, step: Int, wait: Double) {
    let card = plain.review(.new(at: Self.start), rating: rating, at: Self.start)
    #expect(card.phase == phase)
    #expect(card.step == step)
    #expect(seconds(from: Self.start, to: card) == wait)
  }

  @Test func easyOnANewCardGraduatesForAtLeastADay() {
    let card = plain.review(.new(at: Self.start), rating: .easy, at: Self.start)
    #expect(card.phase == .review)
    #expect(card.step == nil)
    #expect(seconds(from: Self.start, to: card) >= Self.day)
  }

  @Test func goodThroughTheStepsGraduatesThenAgainRelearns() {
    var card = plain.review(.new(at: Self.start), rating: .good, at: Self.start)
    card = plain.review(card, rating: .good, at: card.due)
    #expect(card.phase == .review)
    #expect(card.step == nil)
    var previousDue = card.due
    card = plain.review(card, rating: .good, at: card.due)
    #expect(card.due.timeIntervalSince(previousDue) >= Self.day)

    previousDue = card.due
    card = plain.review(card, rating: .again, at: card.due)
    #expect(card.phase == .relearning)
    #expect(card.step == 0)
    #expect(card.due.timeIntervalSince(previousDue) == 10 * Self.minute)

    previousDue = card.due
    card = plain.review(card, rating: .again, at: card.due)
    #expect(card.phase == .relearning)
    #expect(card.step == 0)
    #expect(card.due.timeIntervalSince(previousDue) == 10 * Self.minute)

    previousDue = card.due
    card = plain.review(card, rating: .good, at: card.due)
    #expect(card.phase == .review)
    #expect(card.step == nil)
    #expect(card.due.timeIntervalSince(previousDue) >= Self.day)
  }

  @Test func noLearningStepsSendsEvenAgainStraightToReview() throws {
    let scheduler = try FSRSScheduler(options: SchedulerOptions(learningSteps: []))
    let card = scheduler.review(.new(at: Self.start), rating: .again, at: Self.start)
    #expect(card.phase == .review)
    #expect(intervalDays(card) >= 1)
  }

  @Test func noRelearningStepsKeepsALapseInReview() throws {
    let scheduler = try FSRSScheduler(options: SchedulerOptions(relearningSteps: []))
    var card = scheduler.review(.new(at: Self.start), rating: .good, at: Self.start)
    #expect(card.phase == .learning)
    card = scheduler.review(card, rating: .good, at: card.due)
    #expect(card.phase == .review)
    card = scheduler.review(card, rating: .again, at: card.due)
    #expect(card.phase == .review)
    #expect(intervalDays(card) >= 1)
  }

  @Test func oneCardSurvivesSchedulersWithDifferentSteps() throws {
    func scheduler(learning: [Double] = [60, 600], relearning: [Double] = [600]) throws
      -> FSRSScheduler
    {
      try FSRSScheduler(
        options: SchedulerOptions(learningSteps: learning, relearningSteps: relearning))
    }
    let now = Self.start
    var card = try scheduler().review(.new(at: now), rating: .good, at: now)
    #expect(card.phase == .learning && card.step == 1)
    card = try scheduler(learning: [60]).review(card, rating: .again, at: now)
    #expect(card.phase == .learning && card.step == 0)
    card = try scheduler(learning: []).review(card, rating: .hard, at: now)
    #expect(card.phase == .review && card.step == nil)

    card = try scheduler(relearning: [60, 600]).review(card, rating: .again, at: now)
    #expect(card.phase == .relearning && card.step == 0)
    card = try scheduler(relearning: [60, 600]).review(card, rating: .good, at: now)
    #expect(card.phase == .relearning && card.step == 1)
    // Step 1 is past the end of a one-step list: Again still restarts it...
    card = try scheduler(relearning: [60]).review(card, rating: .again, at: now)
    #expect(card.phase == .relearning && card.step == 0)
    // ...and with no steps at all, any rating but Again graduates.
    card = try scheduler(relearning: []).review(card, rating: .hard, at: now)
    #expect(card.phase == .review && card.step == nil)
  }

  @Test func maximumIntervalCapsEveryReviewInterval() throws {
    let scheduler = try FSRSScheduler(options: SchedulerOptions(maximumInterval: 100))
    var card = CardState.new(at: Self.start)
    var generator = SplitMix64(seed: 3)
    for rating in [Rating.easy, .good, .easy, .good] {
      card = scheduler.review(card, rating: rating, at: card.due, using: &generator)
      #expect(intervalDays(card) <= 100)
    }
  }

  @Test func stabilityNeverFallsBelowItsFloor() {
    var card = CardState.new(at: Self.start)
    for _ in 0..<1_000 {
      card = plain.review(card, rating: .again, at: card.due + Self.day)
      #expect((card.stability ?? 0) >= FSRSParameters.minimumStability)
    }
  }

  @Test func hardOnTheOnlyLearningStepWaitsOneAndAHalfSteps() throws {
    let scheduler = try FSRSScheduler(options: SchedulerOptions(learningSteps: [10 * Self.minute]))
    let card = scheduler.review(.new(at: Self.start), rating: .hard, at: Self.start)
    #expect(card.phase == .learning)
    #expect(seconds(from: Self.start, to: card) == 15 * Self.minute)
  }

  @Test func hardOnTheSecondLearningStepRepeatsIt() throws {
    var card = plain.review(.new(at: Self.start), rating: .good, at: Self.start)
    #expect(card.step == 1)
    let previousDue = card.due
    card = plain.review(card, rating: .hard, at: previousDue)
    #expect(card.phase == .learning && card.step == 1)
    #expect(card.due.timeIntervalSince(previousDue) == 10 * Self.minute)
  }

  @Test func aRelearningCardReviewedADayLateGraduates() {
    var card = plain.review(.new(at: Self.start), rating: .easy, at: Self.start)
    card = plain.review(card, rating: .again, at: card.due)
    #expect(card.phase == .relearning)
    card = plain.review(card, rating: .good, at: card.due + Self.day)
    #expect(card.phase == .review)
  }

  @Test func hardWhileRelearningFollowsTheSameStepRules() throws {
    let one = try FSRSScheduler(options: SchedulerOptions(relearningSteps: [10 * Self.minute]))
    var card = one.review(.new(at: Self.start), rating: .easy, at: Self.start)
    card = one.review(card, rating: .again, at: card.due)
    var previousDue = card.due
    card = one.review(card, rating: .hard, at: previousDue)
    #expect(card.phase == .relearning && card.step == 0)
    #expect(card.due.timeIntervalSince(previousDue) == 15 * Self.minute)

    let two = try FSRSScheduler(
      options: SchedulerOptions(relearningSteps: [1 * Self.minute, 10 * Self.minute]))
    card = two.review(.new(at: Self.start), rating: .easy, at: Self.start)
    card = two.review(card, rating: .again, at: card.due)
    previousDue = card.due
    card = two.review(card, rating: .hard, at: previousDue)
    #expect(card.phase == .relearning && card.step == 0)
    #expect(card.due.timeIntervalSince(previousDue) == 5.5 * Self.minute)
    card = two.review(card, rating: .good, at: card.due)
    #expect(card.phase == .relearning && card.step == 1)
    previousDue = card.due
    card = two.review(card, rating: .hard, at: previousDue)
    #expect(card.phase == .relearning && card.step == 1)
    #expect(card.due.timeIntervalSince(previousDue) == 10 * Self.minute)
    card = two.review(card, rating: .easy, at: previousDue)
    #expect(card.phase == .review && card.step == nil)
  }

  /// Replays the reference rating sequence, each review at its due time.
  private func referenceHistory(_ scheduler: FSRSScheduler) -> [(Rating, Date)] {
    var card = CardState.new(at: Self.start)
    var reviews: [(Rating, Date)] = []
    for rating in Self.referenceRatings {
      reviews.append((rating, card.due))
      card = scheduler.review(card, rating: rating, at: card.due)
    }
    return reviews
  }

  private func replay(_ reviews: [(Rating, Date)], with scheduler: FSRSScheduler) -> CardState {
    reviews.reduce(CardState.new(at: Self.start)) { card, review in
      scheduler.review(card, rating: review.0, at: review.1)
    }
  }

  @Test func reschedulingWithOtherOptionsChangesWhatThoseOptionsGovern() throws {
    let reviews = referenceHistory(plain)
    let original = replay(reviews, with: plain)
    #expect(replay(reviews, with: plain) == original)

    let trained = try FSRSScheduler(
      options: SchedulerOptions(
        parameters: [
          0.12340357383516173, 1.2931, 2.397673571899466, 8.2956, 6.686820427099132,
          0.45021679958387956, 3.077875127553957, 0.053520395733247045, 1.6539992229052127,
          0.1466206769107436, 0.6300772488850335, 1.611965002575047, 0.012840136810798864,
          0.34853762746216305, 1.8878958285806287, 0.8546376191171063, 1.8729,
          0.6748536823468675, 0.20451266082721842, 0.22622814695113844, 0.46030603398979064,
        ], isFuzzEnabled: false))
    let retrained = replay(reviews, with: trained)
    #expect(retrained.phase == original.phase && retrained.step == original.step)
    #expect(retrained.stability != original.stability)
    #expect(retrained.difficulty != original.difficulty)
    #expect(retrained.lastReview == original.lastReview)
    #expect(retrained.due != original.due)

    let lower = try FSRSScheduler(
      options: SchedulerOptions(desiredRetention: 0.8, isFuzzEnabled: false))
    let relaxed = replay(reviews, with: lower)
    #expect(relaxed.stability == original.stability)
    #expect(relaxed.difficulty == original.difficulty)
    #expect(relaxed.due > original.due)

    let manySteps = try FSRSScheduler(
      options: SchedulerOptions(
        learningSteps: Array(repeating: Self.minute, count: reviews.count), isFuzzEnabled: false))
    let stillLearning = replay(reviews, with: manySteps)
    #expect(stillLearning.phase != original.phase)
    #expect(stillLearning.stability == original.stability)
    #expect(stillLearning.difficulty == original.difficulty)
    #expect(stillLearning.due < original.due)
  }

  @Test(arguments: [
    (6, 100.0), (10, -42.0), (0, 0.0), (3, 101.0), (20, 0.9),
  ])
  func parametersOutOfBoundsAreRejected(index: Int, value: Double) {
    var parameters = FSRSParameters.defaults
    parameters[index] = value
    #expect(throws: SchedulerOptionsError.self) {
      try FSRSScheduler(options: SchedulerOptions(parameters: parameters))
    }
  }

  @Test(arguments: [0, 20, 24])
  func aWrongNumberOfParametersIsRejected(count: Int) {
    let parameters = Array((FSRSParameters.defaults + [1, 2, 3]).prefix(count))
    #expect(throws: SchedulerOptionsError.parameterCount(found: count)) {
      try FSRSScheduler(options: SchedulerOptions(parameters: parameters))
    }
  }
}
