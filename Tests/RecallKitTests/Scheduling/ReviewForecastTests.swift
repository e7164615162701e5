import Foundation
import RecallKit
import Testing

@Suite struct ReviewForecastTests {
  let utc = TimeZone(secondsFromGMT: 0) ?? .current
  /// 2026-11-30T00:53:20Z, before 4 a.m.: the study day of 29 November.
  let now = Date(timeIntervalSince1970: 1_796_000_000)

  func reviewed(daysAgo: Double, dueIn days: Double, stability: Double) -> CardState {
    CardState(
      phase: .review, step: nil, stability: stability, difficulty: 5,
      due: now.addingTimeInterval(days * 86_400),
      lastReview: now.addingTimeInterval(-daysAgo * 86_400))
  }

  @Test func storedDueDatesFallOnTheirDaysAndOverdueCardsToday() {
    let states = [
      reviewed(daysAgo: 10, dueIn: -3, stability: 1000),
      reviewed(daysAgo: 5, dueIn: 2, stability: 1000),
      reviewed(daysAgo: 5, dueIn: 2, stability: 1000),
      reviewed(daysAgo: 1, dueIn: 6, stability: 1000),
    ]
    let forecast = ReviewForecast(
      states: states, newCards: 0, options: SchedulerOptions(), newPerDay: 0, now: now,
      timeZone: utc, days: 10)
    #expect(forecast.days.count == 10)
    #expect(forecast.days.map(\.due) == [1, 0, 2, 0, 0, 0, 1, 0, 0, 0])
    // With no daily limit each card is reviewed on its due day; the long-lived ones do not
    // come back within ten days, so only the overdue card can add reviews later.
    #expect(abs(forecast.days[0].reviews - 1) < 1e-9)
    #expect(forecast.days[2].reviews >= 2 && forecast.days[2].reviews < 2.5)
    #expect(forecast.days[6].reviews >= 1 && forecast.days[6].reviews < 1.5)
    #expect(forecast.days.map(\.new).allSatisfy { $0 == 0 })
  }

  @Test func weakCardsComeBackWithinTheForecast() {
    let states = (0..<50).map { _ in reviewed(daysAgo: 1, dueIn: 0.5, stability: 0.5) }
    let forecast = ReviewForecast(
      states: states, newCards: 0, options: SchedulerOptions(), newPerDay: 0, now: now,
      timeZone: utc, days: 30)
    #expect(forecast.days.map(\.due).reduce(0, +) == 50)
    let expected = forecast.days.map(\.reviews).reduce(0, +)
    #expect(expected > 100)
  }

  @Test func newCardsAreLearntAtTheDailyRate() {
    let forecast = ReviewForecast(
      states: [], newCards: 45, options: SchedulerOptions(), newPerDay: 20, now: now,
      timeZone: utc, days: 7)
    #expect(forecast.days.prefix(3).map(\.new) == [20, 20, 5])
    #expect(forecast.days.dropFirst().contains { $0.reviews > 0 })
  }

  @Test func daysStartAtTheStudyDayBoundary() {
    let forecast = ReviewForecast(
      states: [], newCards: 0, options: SchedulerOptions(), newPerDay: 0, now: now,
      timeZone: utc, days: 2)
    #expect(forecast.days[0].start == StudyDay(containing: now, timeZone: utc).start)
    #expect(forecast.days[1].start.timeIntervalSince(forecast.days[0].start) == 86_400)
  }
}
