import Foundation
import RecallKit
import RecallSynthetic

/// `recall schedule optimize` without the process: a synthetic learner's log read, made into
/// items, fitted, and scored with the fitted and the default weights, as the command does
/// (issue #16's target: as fast as fsrs-rs's compute_parameters on the same reviews).
extension Benchmarks {
  static let optimize10k = optimize(reviews: 10_000)
  static let optimize100k = optimize(reviews: 100_000)

  static func optimize(reviews: Int) -> Benchmark {
    Benchmark(name: "optimize: \(Benchmark.grouped(Double(reviews))) reviews", report: .duration) {
      let log = Data(((try? SyntheticReviewLog(reviews: reviews).text()) ?? "").utf8)
      return {
        let (history, _) = ReviewHistory.read(log, file: "-", diagnostic: { _ in })
        let items = history.items(day: DayNumbering.utc.day(of:))
        guard let fit = try? FSRSOptimizer.fit(items),
          let fitted = FSRSEvaluation.evaluate(items, parameters: fit.parameters),
          let defaults = FSRSEvaluation.evaluate(items, parameters: FSRSParameters.defaults)
        else { return 0 }
        return items.count &+ Int(fitted.logLoss * 1e6) &+ Int(defaults.logLoss * 1e6)
      }
    }
  }
}

/// `recall-bench make-review-log --reviews N --out FILE [--seed S]`: the same learner's log
/// as a file, for timing the whole `recall schedule optimize` process against fsrs-rs
/// (scripts/optimizer-timing.py).
enum MakeReviewLog {
  static let usage = "usage: recall-bench make-review-log --reviews N --out FILE [--seed S]"

  static func run(_ arguments: [String]) -> Int32 {
    var values: [String: String] = [:]
    var index = 0
    while index < arguments.count {
      let key = arguments[index]
      guard ["--reviews", "--out", "--seed"].contains(key), index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("recall-bench: unexpected '\(key)'\n\(usage)\n".utf8))
        return 64
      }
      values[key] = arguments[index + 1]
      index += 2
    }
    guard let out = values["--out"], let reviews = Int(values["--reviews"] ?? ""),
      let seed = UInt64(values["--seed"] ?? "16"), reviews > 0
    else {
      FileHandle.standardError.write(Data("\(usage)\n".utf8))
      return 64
    }
    do {
      let text = try SyntheticReviewLog(reviews: reviews, seed: seed).text()
      try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    } catch {
      FileHandle.standardError.write(Data("recall-bench: cannot write \(out): \(error)\n".utf8))
      return 73
    }
    print("wrote \(out) (\(reviews) reviews)")
    return 0
  }
}
