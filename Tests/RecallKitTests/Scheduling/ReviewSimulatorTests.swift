import Foundation
import RecallKit
import Testing

@Suite struct ReviewSimulatorTests {
  @Test func aSeedGivesTheSameRunAndAnotherSeedADifferentOne() {
    let simulator = ReviewSimulator(
      config: SimulationConfig(days: 60, newCards: 200, newPerDay: 10))
    let first = simulator.run(seed: 7)
    #expect(first == simulator.run(seed: 7))
    #expect(first != simulator.run(seed: 8))
  }

  @Test func newCardsAreLearntAtTheDailyRateUntilNoneAreLeft() {
    let result = ReviewSimulator(config: SimulationConfig(days: 30, newCards: 95, newPerDay: 10))
      .run(seed: 1)
    #expect(Array(result.learned.prefix(10)) == Array(repeating: 10, count: 9) + [5])
    #expect(result.learned.dropFirst(10).allSatisfy { $0 == 0 })
    #expect(result.totalLearned == 95)
    // Every learnt card comes back for review within the month (the longest first
    // interval, after a first easy, is about 8 days at 90 %).
    #expect(result.totalReviews > 95)
    #expect(result.totalCorrect <= result.totalReviews)
  }

  @Test func theDailyReviewLimitHoldsAndLateReviewsWait() {
    var config = SimulationConfig(days: 20, newCards: 0, newPerDay: 0, reviewsPerDay: 3)
    config.parameters = FSRSParameters.defaults
    let cards = (0..<10).map { _ in
      SimulatedCard(stability: 100, difficulty: 5, lastDay: -100, dueDay: 0)
    }
    let result = ReviewSimulator(config: config).run(existing: cards, seed: 3)
    #expect(Array(result.reviews.prefix(4)) == [3, 3, 3, 1])
  }

  @Test func aLearntCardIsRememberedWithItsRetrievabilityEveryDay() {
    let config = SimulationConfig(days: 10, newCards: 0, newPerDay: 0)
    let card = SimulatedCard(stability: 1000, difficulty: 5, lastDay: -2, dueDay: 400)
    let result = ReviewSimulator(config: config).run(existing: [card], seed: 0)
    let model = MemoryModel(weights: FSRSParameters.defaults)
    #expect(result.totalReviews == 0)
    for day in 0..<10 {
      let expected = model.retrievability(elapsedDays: Double(day + 2), stability: 1000)
      #expect(abs(result.memorized[day] - expected) < 1e-12)
    }
  }

  @Test func aHigherDesiredRetentionMeansMoreReviewsAndMoreKnown() {
    func run(_ retention: Double) -> SimulationResult {
      ReviewSimulator(
        config: SimulationConfig(
          desiredRetention: retention, days: 180, newCards: 1000, newPerDay: 20)
      ).run(seed: 11)
    }
    let low = run(0.75)
    let high = run(0.95)
    #expect(high.totalReviews > low.totalReviews)
    #expect(high.finalMemorized > low.finalMemorized)
    #expect(high.totalSeconds > low.totalSeconds)
  }

  @Test func keepingOnlyTheLastDaysKnowledgeChangesNothingElse() {
    let simulator = ReviewSimulator(
      config: SimulationConfig(days: 120, newCards: 400, newPerDay: 15))
    let existing = (0..<30).map {
      SimulatedCard(
        stability: Double($0 + 1), difficulty: 6, lastDay: -$0, dueDay: $0 % 7)
    }
    let full = simulator.run(existing: existing, seed: 5)
    var last = simulator.run(existing: existing, seed: 5, memorized: .lastDay)
    #expect(last.memorized.isEmpty)
    #expect(full.memorized.count == 120)
    #expect(last.finalMemorized == full.finalMemorized)
    #expect(full.memorized.last == full.finalMemorized)
    last.memorized = full.memorized
    #expect(last == full)
  }

  @Test func aComparisonIsTheSameRunsSummedInSeedOrder() {
    let base = SimulationConfig(days: 90, newCards: 300, newPerDay: 10)
    let comparison = RetentionComparison(
      base: base, retentions: [0.8, 0.9], runs: 3, seed: 20)
    for (row, retention) in zip(comparison.rows, [0.8, 0.9]) {
      var config = base
      config.desiredRetention = retention
      let runs = (0..<3).map { ReviewSimulator(config: config).run(seed: 20 + UInt64($0)) }
      #expect(row.desiredRetention == retention)
      #expect(row.known == runs.map(\.finalMemorized).reduce(0, +) / 3)
      #expect(
        row.reviewsPerDay == Double(runs.map(\.totalReviews).reduce(0, +)) / 3 / 90)
    }
  }
}
