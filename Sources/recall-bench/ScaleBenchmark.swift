import Foundation
import RecallKit
import RecallSynthetic

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-process figures: `recall study` spawned as a user would run it, timed from the spawn
/// to the first question on its standard output, over the Bajgora deck and over a synthetic
/// 100,000-card, 1,000,000-review collection; plus the in-process costs behind them.
enum ScaleBenchmark {
  static let cards = 100_000
  static let reviews = 1_000_000
  /// The synthetic history ends at 2025-01-01 00:00 UTC; the session runs that morning.
  static let sessionTime = "2025-01-01T09:00:00Z"
  /// An hour after the answers the durable-answer row gives at `sessionTime`.
  static let laterSessionTime = "2025-01-01T10:00:00Z"

  struct Row {
    var name: String
    var figure: String
  }

  static func run(runs: Int, output: (String) -> Void) {
    let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    let recall = binaries + "/recall"
    guard FileManager.default.isExecutableFile(atPath: recall) else {
      output("scale: \(recall) is missing; build it first (swift build -c release)")
      return
    }
    // Under the working directory, not /tmp, which may be a RAM disk where fsync costs nothing.
    let folder =
      FileManager.default.currentDirectoryPath
      + "/.recall-bench-scale-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    func report(_ name: String, _ figure: String) {
      output(name.padding(toLength: 52, withPad: " ", startingAt: 0) + " " + figure)
    }
    do {
      // Bajgora: the deck shipped in Decks/, fresh progress.
      let bajgora = folder + "/bajgora-progress"
      let small = try (0..<runs).map { _ in
        try timeFirstPrompt(
          recall,
          ["study", "bajgora-offensive", "--progress-dir", bajgora, "--seed", "1"])
      }
      report(
        "cold start: first prompt, Bajgora deck",
        "median \(milliseconds(median(small.map(\.time)))) ms (\(runs) runs)")

      let clock = ContinuousClock()
      var start = clock.now
      let collection = SyntheticCollection(facts: cards, reviews: reviews)
      try collection.write(to: folder)
      report(
        "make-collection: \(cards) facts, \(reviews) reviews",
        "\(milliseconds(clock.now - start)) ms")

      let arguments = [
        "study", collection.deckID, "--decks-dir", folder + "/Decks", "--progress-dir",
        folder + "/Progress", "--seed", "1", "--now", sessionTime,
      ]
      let index = IndexRuns(folder: folder + "/cache")
      let large = try index.measure(runs: runs) {
        try timeFirstPrompt(recall, arguments, environment: $0)
      }
      report(
        "open + queue + first prompt, 100k cards / 1M reviews",
        large.figures(milliseconds: { milliseconds(median($0)) }))

      start = clock.now
      let loaded = try DeckLoader().load(path: folder + "/Decks/\(collection.deckID).yaml")
      let loadTime = clock.now - start
      guard let deck = loaded.deck else {
        output(
          "scale: the synthetic deck did not load: \(loaded.diagnostics.first.map { "\($0)" } ?? "")"
        )
        return
      }
      report("load the 100,000-fact deck (YAML)", "\(milliseconds(loadTime)) ms")
      start = clock.now
      let questions = QuestionGenerator(deck: deck, seed: 1).questions()
      report(
        "generate all questions (\(questions.count))", "\(milliseconds(clock.now - start)) ms")

      let input = Data(collection.replayInput().utf8)
      start = clock.now
      var replay = try ReviewReplay(options: SchedulerOptions())
      var bytes = 0
      _ = replay.run(input, file: "-", output: { bytes &+= $0.utf8.count }, diagnostic: { _ in })
      report("FSRS replay of \(reviews) reviews", "\(milliseconds(clock.now - start)) ms")

      let answers = try durableAnswers(
        folder: folder + "/Progress", deckID: collection.deckID, cache: index.folder)
      report(
        "durable answer on that collection",
        "median \(milliseconds(answers.median)) ms, p99 \(milliseconds(answers.p99)) ms "
          + "(\(answers.count) answers)")

      // Those answers were given at 09:00; a second session at 10:00 counts them against the
      // daily limits, so it reads the end of the review log as well.
      let secondArguments = arguments.map { $0 == sessionTime ? laterSessionTime : $0 }
      // The answers' session compacted the progress through the cache, as a session does.
      let second = try index.measure(runs: runs, cold: false) {
        try timeFirstPrompt(recall, secondArguments, environment: $0)
      }
      report(
        "second session the same day: first prompt",
        second.figures(milliseconds: { milliseconds(median($0)) }))
    } catch {
      output("scale: benchmark failed: \(error)")
    }
  }

  /// Appends answers through the store as a session does (each one fsynced before it returns).
  static func durableAnswers(folder: String, deckID: String, cache: String? = nil) throws -> (
    median: Duration, p99: Duration, count: Int
  ) {
    let store = try ProgressStore.open(
      deckID: deckID, directory: folder, cache: cache.map(IndexCache.init(directory:)))
    store.compactionThreshold = Int.max
    let clock = ContinuousClock()
    let now = Date(timeIntervalSince1970: 1_735_722_000)
    var times: [Duration] = []
    for index in 0..<300 {
      let review = ReviewRecord(
        cardID: "fact-\(index * 331 % cards)/cloze", reviewedAt: now + Double(index), rating: .good,
        answer: "zq\(index)x", accepted: true, responseMilliseconds: 4_200,
        state: CardState(
          phase: .review, step: nil, stability: 12.5, difficulty: 5.1,
          due: now + 12 * 86_400, lastReview: now + Double(index)))
      let start = clock.now
      _ = try store.record(review)
      times.append(clock.now - start)
    }
    try store.close()
    times.sort()
    return (
      times[times.count / 2], times[min(times.count - 1, times.count * 99 / 100)], times.count
    )
  }

  struct Spawned: Sendable {
    var time: Duration
    var maxResidentKilobytes: Int
  }

  /// Spawns `executable` with a pipe for standard input, waits for its first line of output
  /// (the first question), then closes the input so the session ends, and reaps it.
  /// `environment` is added to this process's own (`RECALL_CACHE_DIR`, `RECALL_INDEX`).
  static func timeFirstPrompt(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> Spawned {
    var input: [Int32] = [0, 0]
    var output: [Int32] = [0, 0]
    guard pipe(&input) == 0, pipe(&output) == 0 else { throw ScaleError.spawn("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input[0], 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    for descriptor in input + output { posix_spawn_file_actions_addclose(&actions, descriptor) }
    let argv: [UnsafeMutablePointer<CChar>?] =
      ([executable] + arguments).map { strdup($0) } + [nil]
    var variables = ProcessInfo.processInfo.environment
    variables.merge(environment) { $1 }
    let envp: [UnsafeMutablePointer<CChar>?] =
      variables.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    let clock = ContinuousClock()
    let start = clock.now
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
    close(input[0])
    close(output[1])
    guard status == 0 else {
      close(input[1])
      close(output[0])
      throw ScaleError.spawn("posix_spawn \(executable): \(status)")
    }
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var elapsed: Duration?
    while elapsed == nil {
      let count = read(output[0], &buffer, buffer.count)
      if count <= 0 { break }
      seen += buffer[0..<count]
      if isQuestion(seen) { elapsed = clock.now - start }
    }
    // The child's own high-water mark, read while it still runs: posix_spawn may share the
    // parent's memory until exec, and Linux then carries the parent's peak into ru_maxrss.
    let highWater = peakKilobytes(of: child)
    close(input[1])
    while read(output[0], &buffer, buffer.count) > 0 {}
    close(output[0])
    var usage = rusage()
    var exit: Int32 = 0
    _ = wait4(child, &exit, 0, &usage)
    guard let elapsed else {
      throw ScaleError.spawn(
        "recall printed no question: \(String(decoding: seen, as: UTF8.self).prefix(300))")
    }
    return Spawned(time: elapsed, maxResidentKilobytes: highWater ?? Int(usage.ru_maxrss))
  }

  /// `VmHWM` from /proc (Linux), in kilobytes; nil where there is no /proc.
  static func peakKilobytes(of process: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8)
    else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
    }
    return nil
  }

  /// The session prints a few lines of heading, a blank line, the card's label ("1. short ·
  /// new") and then the question; the question is on screen once two lines follow the blank.
  static func isQuestion(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let blank = text.range(of: "\n\n") else { return false }
    return text[blank.upperBound...].filter { $0 == "\n" }.count >= 2
  }

  enum ScaleError: Error, CustomStringConvertible {
    case spawn(String)
    var description: String {
      switch self {
      case .spawn(let message): "cannot run recall: \(message)"
      }
    }
  }

  static func median(_ values: [Duration]) -> Duration {
    values.sorted()[values.count / 2]
  }

  static func milliseconds(_ duration: Duration) -> String {
    let seconds =
      Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(format: "%.1f", seconds * 1000)
  }
}
