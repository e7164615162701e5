import Foundation
import RecallKit
import RecallSynthetic

/// Whole-process rows over a folder of ten decks of 1,000 facts each, each with a learner's
/// history of 10,000 reviews: `recall study` with no deck, from the spawn to the first
/// question (target under 50 ms), and `recall decks`, from the spawn to its exit.
enum CollectionBenchmark {
  static let decks = 10
  static let facts = 1_000
  static let reviews = 10_000

  static func run(runs: Int, output: (String) -> Void) {
    let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    let recall = binaries + "/recall"
    guard FileManager.default.isExecutableFile(atPath: recall) else {
      output("collection: \(recall) is missing; build it first (swift build -c release)")
      return
    }
    // Under the working directory, not /tmp, which may be a RAM disk where fsync costs nothing.
    let folder =
      FileManager.default.currentDirectoryPath
      + "/.recall-bench-collection-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    func report(_ name: String, _ figure: String) {
      output(name.padding(toLength: 52, withPad: " ", startingAt: 0) + " " + figure)
    }
    do {
      for index in 0..<decks {
        try SyntheticCollection(
          deckID: "deck-\(index)", facts: facts, reviews: reviews, seed: UInt64(index + 1)
        ).write(to: folder)
      }
      let folders = [
        "--decks-dir", folder + "/Decks", "--progress-dir", folder + "/Progress",
        "--now", ScaleBenchmark.sessionTime,
      ]
      let index = IndexRuns(folder: folder + "/cache")
      let study = try index.measure(runs: runs) {
        try ScaleBenchmark.timeFirstPrompt(
          recall, ["study", "--seed", "1"] + folders, environment: $0)
      }
      report(
        "study, no deck: first prompt, 10 decks × 1,000 facts",
        study.figures { ScaleBenchmark.milliseconds(ScaleBenchmark.median($0)) })
      let list = (0..<runs).compactMap { _ in
        timeToExit(recall, ["decks"] + folders, environment: index.warm)
      }
      guard list.count == runs else {
        output("collection: recall decks did not run")
        return
      }
      report(
        "decks: the same folder, whole process",
        "median \(ScaleBenchmark.milliseconds(ScaleBenchmark.median(list))) ms (\(runs) runs)")
    } catch {
      output("collection: benchmark failed: \(error)")
    }
  }

  /// The wall time of a process run to its end, its output discarded.
  static func timeToExit(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:]
  ) -> Duration? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return clock.now - start
  }
}
