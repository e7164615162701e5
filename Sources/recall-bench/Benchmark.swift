import Foundation

/// One row of the benchmark table: a named workload and how to express its speed.
struct Benchmark: Sendable {
  enum Report: Sendable {
    /// Work items per second, from `count` items per run.
    case throughput(count: Int, unit: String)
    /// Time per run.
    case duration
  }

  var name: String
  var report: Report
  /// Prepares the input once, outside the timing, and returns the timed work. The work
  /// returns a checksum so the optimizer cannot drop it.
  var setUp: @Sendable () -> @Sendable () -> Int

  /// Runs the work `repetitions` times and keeps the fastest, the figure least disturbed by
  /// other processes on a shared machine.
  func measure(repetitions: Int) -> (best: Duration, checksum: Int) {
    let work = setUp()
    let clock = ContinuousClock()
    var best = Duration.seconds(Int64.max)
    var checksum = 0
    for _ in 0..<repetitions {
      let start = clock.now
      checksum &+= work()
      best = min(best, clock.now - start)
    }
    return (best, checksum)
  }

  func describe(_ duration: Duration) -> String {
    let seconds =
      Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    switch report {
    case .throughput(let count, let unit):
      return "\(Self.grouped(Double(count) / seconds)) \(unit)/s"
    case .duration:
      return String(format: "%.1f ms", seconds * 1_000)
    }
  }

  static func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
