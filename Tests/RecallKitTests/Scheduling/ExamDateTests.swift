import Foundation
import RecallKit
import Testing

@Suite struct ExamDateTests {
  static let now = LoadBalancerTests.now  // Tue 2 Dec 2025 10:00 UTC
  static let utc = LoadBalancerTests.utc

  static func draws(
    _ scheduler: FSRSScheduler, _ card: CardState, placement: ReviewPlacement = .none
  ) -> [Int] {
    (0..<300).map { seed in
      var generator = SplitMix64(seed: UInt64(seed))
      return LoadBalancerTests.dueDays(
        scheduler.review(card, rating: .good, at: now, using: &generator, placement: placement))
    }
  }

  /// The interval is 20 days, fuzzed over 17 to 23. An exam on day 21 comes after the day
  /// recall reaches the desired retention, so every review lands before it (20 at the
  /// latest); an exam on day 12 comes while recall is still higher, so nothing changes.
  @Test func reviewsComeBeforeTheExamOnlyWhenRecallOnTheDayWouldFallShort() throws {
    let scheduler = try FSRSScheduler()
    let card = LoadBalancerTests.card(interval: 20, scheduler: scheduler)
    let plain = Self.draws(scheduler, card)
    #expect(plain.contains { $0 > 20 })
    let capped = Self.draws(scheduler, card, placement: ReviewPlacement(examDays: 21))
    #expect(capped.allSatisfy { (17...20).contains($0) }, "\(capped)")
    #expect(Self.draws(scheduler, card, placement: ReviewPlacement(examDays: 12)) == plain)
    // On the exam day and after it, scheduling is back to normal.
    #expect(Self.draws(scheduler, card, placement: ReviewPlacement(examDays: 0)) == plain)
  }

  /// Without fuzz the interval itself is cut to the day before the exam, and an exam past
  /// the whole range changes nothing.
  @Test func withoutFuzzTheIntervalIsCutToTheDayBefore() throws {
    let scheduler = try FSRSScheduler()
    let card = LoadBalancerTests.card(interval: 20, scheduler: scheduler)
    let far = Self.draws(scheduler, card, placement: ReviewPlacement(examDays: 40))
    #expect(far.allSatisfy { (17...23).contains($0) })
    var options = SchedulerOptions()
    options.isFuzzEnabled = false
    let unfuzzed = try FSRSScheduler(options: options)
    var generator = SplitMix64(seed: 1)
    let next = unfuzzed.review(
      card, rating: .good, at: Self.now, using: &generator,
      placement: ReviewPlacement(examDays: 20))
    #expect(LoadBalancerTests.dueDays(next) == 19)
  }

  /// With a load, the reviews kept before the exam still prefer the lighter days.
  @Test func cappedReviewsStillPreferLighterDays() throws {
    let scheduler = try FSRSScheduler()
    let card = LoadBalancerTests.card(interval: 20, scheduler: scheduler)
    var due = [Int](repeating: 40, count: LoadBalancer.horizon)
    due[18] = 1
    let draws = Self.draws(
      scheduler, card, placement: ReviewPlacement(load: LoadBalancer(due: due), examDays: 21))
    #expect(draws.allSatisfy { (17...20).contains($0) })
    #expect(draws.filter { $0 == 18 }.count > 270)
  }

  @Test func datesReadSaveAndClear() throws {
    #expect(ExamDate.parse("2027-06-10") == ExamDate(year: 2027, month: 6, day: 10))
    for bad in ["2027-02-30", "2027-6-10", "10/06/2027", "", "2027-06-10T00:00:00Z"] {
      #expect(ExamDate.parse(bad) == nil, "\(bad)")
    }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-exam-\(UUID().uuidString)").path
    #expect(try ExamDate.load(deckID: "bajgora-offensive", directory: directory) == nil)
    let date = try #require(ExamDate.parse("2027-06-10"))
    try ExamDate.save(date, deckID: "bajgora-offensive", directory: directory)
    #expect(try ExamDate.load(deckID: "bajgora-offensive", directory: directory) == date)
    try ExamDate.save(nil, deckID: "bajgora-offensive", directory: directory)
    #expect(try ExamDate.load(deckID: "bajgora-offensive", directory: directory) == nil)
  }

  /// Days count from now to the exam's study day (4 a.m. on the date); none once it began.
  @Test func daysAheadCountToTheExamDayAndStopOnIt() throws {
    let exam = try #require(ExamDate.parse("2025-12-12"))
    #expect(exam.daysAhead(of: Self.now, timeZone: Self.utc) == 10)
    let onTheDay = try UTCTimestamp.parse("2025-12-12T05:00:00Z").get()
    #expect(exam.daysAhead(of: onTheDay, timeZone: Self.utc) == nil)
    let nightBefore = try UTCTimestamp.parse("2025-12-12T03:00:00Z").get()
    #expect(exam.daysAhead(of: nightBefore, timeZone: Self.utc) == 1)
  }
}
