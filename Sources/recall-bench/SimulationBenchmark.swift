import Foundation
import RecallKit

/// `recall forecast` and `recall simulate` without the process: the simulator over 10,000
/// cards (issue #16's target: under 1 s each).
extension Benchmarks {
  /// 10,000 studied cards of assorted stability, forecast 30 days ahead with 20 new cards a
  /// day, averaged over 20 runs as the command does.
  static let forecast = Benchmark(name: "forecast: 10,000 cards, 30 days", report: .duration) {
    var generator = SplitMix64(seed: 4)
    func uniform(_ range: ClosedRange<Double>) -> Double {
      Double.random(in: range, using: &generator)
    }
    let states = (0..<10_000).map { _ in
      let stability = uniform(0.5...400)
      let lastReview = now - uniform(0...1) * stability * 86_400
      return CardState(
        phase: .review, step: nil, stability: stability, difficulty: uniform(1...10),
        due: lastReview + stability * 86_400, lastReview: lastReview)
    }
    let zone = TimeZone(identifier: "UTC") ?? .current
    return {
      let forecast = ReviewForecast(
        states: states, newCards: 1_000, options: SchedulerOptions(), newPerDay: 20, now: now,
        timeZone: zone, days: 30, runs: ReviewForecast.defaultRuns)
      return Int(forecast.days.map(\.reviews).reduce(0, +))
    }
  }

  /// One simulated year of 10,000 new cards learnt 100 a day (fsrs-rs's simulator defaults
  /// otherwise: no review limit, FSRS-6's weights, 90 %).
  static let simulation = Benchmark(
    name: "simulate: 10,000 cards, one year", report: .duration
  ) {
    let simulator = ReviewSimulator(
      config: SimulationConfig(days: 365, newCards: 10_000, newPerDay: 100))
    return {
      let result = simulator.run(seed: 42)
      return result.totalReviews &+ Int(result.finalMemorized)
    }
  }
}
