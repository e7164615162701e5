import Foundation
import RecallKit
import Testing

/// Recall's simulator against fsrs-rs's, through the totals `scripts/fsrs-rs-simulator-vectors.py`
/// recorded: the two draw from different generators, so runs are compared in distribution.
/// Over n seeds each, the difference of two means has standard error
/// √(sd₁²/n₁ + sd₂²/n₂); each of Recall's means must lie within four of them of fsrs-rs's
/// (a false alarm about once in 16,000 comparisons if the simulators agree), and a total
/// that never varies (every card learnt) must be equal.
@Suite struct ReviewSimulatorParityTests {
  struct Expected: Decodable {
    struct Metric: Decodable {
      var mean: Double
      var sd: Double
    }

    struct Case: Decodable {
      var name: String
      var parameters: [Double]
      var desiredRetention: Double
      var cards: Int
      var days: Int
      var newPerDay: Int
      var reviewsPerDay: Int?
      var secondsPerDay: Double?
      var learningSteps: Int
      var relearningSteps: Int
      var maximumInterval: Int
      var seeds: Int
      var metrics: [String: Metric]

      enum CodingKeys: String, CodingKey {
        case name, parameters, cards, days, seeds, metrics
        case desiredRetention = "desired_retention", newPerDay = "new_per_day"
        case reviewsPerDay = "reviews_per_day", secondsPerDay = "seconds_per_day"
        case learningSteps = "learning_steps", relearningSteps = "relearning_steps"
        case maximumInterval = "maximum_interval"
      }
    }

    var cases: [Case]
  }

  static let cases: [Expected.Case] = {
    let data = try? Fixtures.data("fsrs-rs-simulator/expected.json")
    return data.flatMap { try? JSONDecoder().decode(Expected.self, from: $0).cases } ?? []
  }()

  @Test func theFixtureHasEveryCase() {
    #expect(Self.cases.count == 7)
  }

  @Test(arguments: cases.map(\.name))
  func totalsMatchFsrsRsInDistribution(name: String) throws {
    let expected = try #require(Self.cases.first { $0.name == name })
    let config = SimulationConfig(
      parameters: expected.parameters, desiredRetention: expected.desiredRetention,
      days: expected.days, newCards: expected.cards, newPerDay: expected.newPerDay,
      reviewsPerDay: expected.reviewsPerDay ?? .max,
      maximumSecondsPerDay: expected.secondsPerDay ?? .infinity,
      maximumInterval: expected.maximumInterval, learningStepCount: expected.learningSteps,
      relearningStepCount: expected.relearningSteps)
    let simulator = ReviewSimulator(config: config)
    let seeds = expected.seeds
    var samples: [String: [Double]] = [:]
    for seed in 0..<seeds {
      let run = simulator.run(seed: UInt64(1000 + seed))
      let middle = run.memorized[expected.days / 2]
      let values: [String: Double] = [
        "reviews": Double(run.totalReviews), "correct": Double(run.totalCorrect),
        "learned": Double(run.totalLearned), "seconds": run.totalSeconds,
        "memorized_middle": middle, "memorized_last": run.finalMemorized,
      ]
      for (key, value) in values { samples[key, default: []].append(value) }
    }
    #expect(Set(samples.keys) == Set(expected.metrics.keys))
    for (key, reference) in expected.metrics {
      let values = try #require(samples[key])
      let mean = values.reduce(0, +) / Double(values.count)
      let variance =
        values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
      let standardError = sqrt(
        reference.sd * reference.sd / Double(seeds) + variance / Double(values.count))
      let tolerance = 4 * standardError + 1e-6 * abs(reference.mean)
      #expect(
        abs(mean - reference.mean) <= tolerance,
        "\(name) \(key): Recall \(mean), fsrs-rs \(reference.mean) ± \(tolerance)")
    }
  }
}
