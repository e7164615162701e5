import Foundation
import RecallKit
import RecallSynthetic

/// `recall forecast` and `recall simulate` without the process: the simulator over 10,000
/// cards (issue #16's target: under 1 s each, whole process; `benchmarkSimulationProcesses`).
extension Benchmarks {
  /// 10,000 studied cards of assorted stability, forecast a year ahead with 20 new cards a
  /// day, averaged over 20 runs as the command does.
  static let forecast = Benchmark(name: "forecast: 10,000 cards, one year", report: .duration) {
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
        timeZone: zone, days: 365, runs: ReviewForecast.defaultRuns)
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

  /// What `recall simulate --cards 10000` works out: the six default retentions over a year,
  /// each the mean of its runs, 20 new cards a day.
  static let retentionComparison = Benchmark(
    name: "simulate: 6 retentions, 10,000 cards", report: .duration
  ) {
    let config = SimulationConfig(days: 365, newCards: 10_000, newPerDay: 20)
    return {
      let comparison = RetentionComparison(
        base: config, retentions: RetentionComparison.defaultRetentions,
        runs: RetentionComparison.runs(forCards: 10_000), seed: 0)
      return comparison.rows.map { Int($0.known) }.reduce(0, +)
    }
  }
}

/// The whole `recall simulate --cards 10000` and `recall forecast --days 365` processes, the
/// latter over a synthetic deck of 10,000 facts with 100,000 reviews, from spawn to exit;
/// median of `runs`.
func benchmarkSimulationProcesses(runs: Int = 5) -> [String] {
  let recall =
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/recall"
  guard FileManager.default.isExecutableFile(atPath: recall) else {
    return ["simulate/forecast processes skipped: \(recall) is missing; build it first"]
  }
  let folder =
    FileManager.default.currentDirectoryPath
    + "/.recall-bench-forecast-\(ProcessInfo.processInfo.processIdentifier)"
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let collection = SyntheticCollection(facts: 10_000, reviews: 100_000)
  do {
    try collection.write(to: folder)
  } catch {
    return ["forecast: cannot write the collection: \(error)"]
  }
  let cases = [
    ("simulate: process, --cards 10000", ["simulate", "--cards", "10000"]),
    (
      "forecast: process, 10k cards, a year",
      [
        "forecast", collection.deckID, "--days", "365", "--decks-dir", folder + "/Decks",
        "--progress-dir", folder + "/Progress", "--now", "2025-01-02T09:00:00Z",
      ]
    ),
  ]
  return cases.map { name, arguments in
    let label = name.padding(toLength: 36, withPad: " ", startingAt: 0)
    var times: [Duration] = []
    for _ in 0..<runs {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: recall)
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      let clock = ContinuousClock()
      let start = clock.now
      guard (try? process.run()) != nil else { return "\(label) failed to start" }
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        return "\(label) failed: exit \(process.terminationStatus)"
      }
      times.append(clock.now - start)
    }
    return "\(label) \(ScaleBenchmark.milliseconds(ScaleBenchmark.median(times))) ms  "
      + "(median of \(runs), spawn to exit)"
  }
}
