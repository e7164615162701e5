import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// The kill and fault sweep of the whole `recall` process (#19): a scripted `recall study`
/// session (answers, changed ratings, undos at both prompts, `:quit`) runs once per counted
/// file-system call, that call stopped, torn, or failed with ENOSPC or EIO through the testing
/// hook `RECALL_FAULT_INJECTION`. After each run `recall stats` must load the folder, and
/// every answer whose feedback the session printed before the fault must be saved with the
/// rating it last showed. `scripts/reliability-sweep` runs every call (RECALL_SWEEP=full);
/// `swift test` runs every seventh.
@Suite struct ProcessFaultSweepTests {
  static let isFull = ProcessInfo.processInfo.environment["RECALL_SWEEP"] == "full"
  static let decks = Repository.decks.path
  static let deckID = "bajgora-offensive"

  static func studyArguments(progress: String) -> [String] {
    [
      "study", deckID, "--decks-dir", decks, "--progress-dir", progress, "--seed", "1",
      "--now", "2026-11-24T10:00:00Z",
    ]
  }

  static func makeFolder() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-fault-\(UUID().uuidString)").path
  }

  /// What the session confirmed, in order, read from its output.
  enum Event: Equatable {
    /// An answer's feedback: `rated good; next review in …`.
    case rated(String)
    /// The rating of that answer changed (a second `rated …` line after the same feedback).
    case changed(String)
    /// `undone; that answer is no longer saved …`.
    case undone
  }

  static func events(in output: String) -> [Event] {
    var events: [Event] = []
    var feedbackShown = false
    for line in output.split(separator: "\n") {
      if line.hasPrefix("✓ ") || line.hasPrefix("✗ ") {
        feedbackShown = true
      } else if line.hasPrefix("rated ") {
        let rating = String(line.dropFirst(6).prefix { $0 != ";" })
        events.append(feedbackShown ? .rated(rating) : .changed(rating))
        feedbackShown = false
      } else if line.hasPrefix("undone") {
        events.append(.undone)
      }
    }
    return events
  }

  /// The ratings saved after `events`, oldest first.
  static func ratings(after events: some Sequence<Event>) -> [String] {
    var ratings: [String] = []
    for event in events {
      switch event {
      case .rated(let rating): ratings.append(rating)
      case .changed(let rating):
        if !ratings.isEmpty { ratings[ratings.count - 1] = rating }
      case .undone: _ = ratings.popLast()
      }
    }
    return ratings
  }

  private static func count(_ pattern: String, in text: String) -> Int {
    text.components(separatedBy: pattern).count - 1
  }

  private static func questionCount(_ text: String) -> Int {
    text.split(separator: "\n").filter {
      $0.range(of: #"^\d+\. [a-z]+ · "#, options: .regularExpression) != nil
    }.count
  }

  /// The lines of the script, found by playing it once against a real session: an answer the
  /// grader can read is chosen from each question's kind, so the script does not depend on
  /// the deck's wording. The session is deterministic (`--seed`, `--now`), so the same lines
  /// piped in give the same session again.
  static func recordScript() throws -> [String] {
    let progress = makeFolder()
    defer { try? FileManager.default.removeItem(atPath: progress) }
    let session = try StreamingSession(arguments: studyArguments(progress: progress))
    defer { session.kill() }
    var lines: [String] = []
    func send(_ line: String, until condition: @escaping (String) -> Bool) throws {
      lines.append(line)
      session.send(line)
      guard session.wait(timeout: 20, until: condition) else {
        throw Failure("no response to \(line.debugDescription); output:\n\(session.text)")
      }
    }
    func answer() throws {
      for _ in 0..<6 {
        let rated = count("rated ", in: session.text)
        let refused = count("type your answer, or :help", in: session.text)
        try send(CrashSafetyTests.answer(for: session.text)) {
          count("rated ", in: $0) > rated || count("type your answer, or :help", in: $0) > refused
        }
        if count("rated ", in: session.text) > rated { return }
        let asked = questionCount(session.text)
        try send(":skip") { questionCount($0) > asked }
      }
      throw Failure("no answer was accepted; output:\n\(session.text)")
    }
    func rating(_ line: String) throws {
      let rated = count("rated ", in: session.text)
      try send(line) { count("rated ", in: $0) > rated }
    }
    func keep() throws {
      let asked = questionCount(session.text)
      try send("") { questionCount($0) > asked }
    }
    func undo() throws {
      let undone = count("undone", in: session.text)
      try send(":undo") { count("undone", in: $0) > undone }
    }
    guard session.wait(timeout: 20, until: { questionCount($0) > 0 }) else {
      throw Failure("no first question; output:\n\(session.text)")
    }
    try answer()
    try rating("1")
    try answer()
    try keep()
    try answer()
    try undo()
    try answer()
    try rating("4")
    try answer()
    try keep()
    try undo()
    try answer()
    try rating("2")
    try send(":quit") { $0.contains("Session over") }
    return lines
  }

  struct Failure: Error, CustomStringConvertible, Sendable {
    var description: String
    init(_ description: String) { self.description = description }
  }

  static let script: Result<[String], Failure> = {
    do {
      return .success(try recordScript())
    } catch {
      return .failure(Failure("recording the script: \(error)"))
    }
  }()

  /// Runs the script with `RECALL_FAULT_INJECTION` set to `injection` (none when nil) and
  /// `RECALL_FAULT_PLANT` to `plant`.
  static func study(progress: String, injection: String?, plant: String? = nil) throws
    -> BinaryRunner.Result
  {
    var runner = BinaryRunner()
    runner.environment["RECALL_FAULT_INJECTION"] = injection
    runner.environment["RECALL_FAULT_PLANT"] = plant
    let input = try script.get().joined(separator: "\n") + "\n"
    return try runner.run(studyArguments(progress: progress), input: input, timeout: 60)
  }

  /// What a sweep of one kind found.
  struct Tally {
    var calls = 0
    var runs = 0
    var fired = 0
    var answersLost = 0
    var failures: [String] = []
  }

  static func sweep(kind: String, every stride: Int, from first: Int, plant: String? = nil)
    throws -> Tally
  {
    let referenceFolder = makeFolder()
    defer { try? FileManager.default.removeItem(atPath: referenceFolder) }
    let reference = try study(progress: referenceFolder, injection: "kind=count", plant: plant)
    let expected = events(in: reference.standardOutput)
    var tally = Tally()
    guard reference.exitCode == 0,
      let counted = reference.standardError.split(separator: "\n")
        .first(where: { $0.hasPrefix("recall: fault injection: ") })?
        .split(separator: " ").dropFirst(3).first.flatMap({ Int($0) })
    else {
      tally.failures.append("the counting run failed: \(reference.standardError)")
      return tally
    }
    tally.calls = counted
    for number in Swift.stride(from: first, through: counted, by: stride) {
      let progress = makeFolder()
      defer { try? FileManager.default.removeItem(atPath: progress) }
      let label = "\(kind) at call \(number)"
      let run = try study(
        progress: progress, injection: "call=\(number),kind=\(kind)", plant: plant)
      tally.runs += 1
      if run.standardError.contains("fault injected at call \(number):") { tally.fired += 1 }
      if run.standardError.contains("Fatal error") || run.exitCode > 128 {
        tally.failures.append("\(label): recall crashed: \(run.standardError)")
      }
      let confirmed = events(in: run.standardOutput)
      guard confirmed == Array(expected.prefix(confirmed.count)) else {
        tally.failures.append("\(label): the session went differently: \(confirmed)")
        continue
      }
      let stats = try BinaryRunner().run(
        ["stats", deckID, "--decks-dir", decks, "--progress-dir", progress], timeout: 60)
      guard stats.exitCode == 0 else {
        tally.failures.append("\(label): recall stats fails: \(stats.standardError)")
        continue
      }
      let saved =
        FileManager.default.fileExists(atPath: progress)
        ? try ProgressStore.openReadOnly(deckID: deckID, directory: progress).reviews()
          .map(\.rating.name) : []
      // The fault falls on the step after the last confirmed one, whose change may or may not
      // have reached the disk; anything else loses (or invents) an answer.
      let before = ratings(after: confirmed)
      let after = ratings(after: expected.prefix(confirmed.count + 1))
      if saved != before && saved != after {
        tally.answersLost += 1
        tally.failures.append(
          "\(label): saved \(saved), confirmed \(before) (or \(after) with the next step)")
      }
    }
    return tally
  }

  @Test func theScriptRatesChangesAndUndoes() throws {
    let progress = Self.makeFolder()
    defer { try? FileManager.default.removeItem(atPath: progress) }
    let run = try Self.study(progress: progress, injection: "kind=count")
    #expect(run.exitCode == 0, "\(run.standardError)")
    let events = Self.events(in: run.standardOutput)
    #expect(events.count { if case .rated = $0 { true } else { false } } == 6, "\(events)")
    #expect(events.count { if case .changed = $0 { true } else { false } } == 3, "\(events)")
    #expect(events.count { $0 == .undone } == 2, "\(events)")
    let saved = try ProgressStore.openReadOnly(deckID: Self.deckID, directory: progress).reviews()
    #expect(saved.map(\.rating.name) == Self.ratings(after: events))
    #expect(run.standardError.contains("recall: fault injection: "), "\(run.standardError)")
  }

  @Test(arguments: [("stop", 0), ("torn", 1), ("enospc", 2), ("eio", 3)])
  func noConfirmedAnswerIsLostWhateverCallFails(kind: String, offset: Int) throws {
    let (every, first) = Self.isFull ? (1, 1) : (7, 1 + offset)
    let tally = try Self.sweep(kind: kind, every: every, from: first)
    #expect(tally.calls > 0)
    #expect(tally.fired > 0)
    #expect(tally.answersLost == 0)
    #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
    if Self.isFull {
      print(
        "sweep recall \(kind): \(tally.calls) counted calls, \(tally.runs) runs, "
          + "\(tally.fired) faults fired, \(tally.answersLost) answers lost")
    }
  }

  /// How the sweep is known to work: with defect 1 of #19 planted back
  /// (`RECALL_FAULT_PLANT=split-rerate`: a changed rating written as an undo and then a new
  /// review, two appends), stopping the process between the two loses the answer, and the
  /// sweep must say so; `noConfirmedAnswerIsLostWhateverCallFails` runs the same sweep
  /// without the plant and finds none. Every second call is enough: the calls that lose come
  /// in pairs (the undo's fsync, the review's write).
  @Test func theSweepReportsTheAnswersAPlantedSplitRerateLoses() throws {
    let (every, first) = Self.isFull ? (1, 1) : (2, 1)
    let tally = try Self.sweep(kind: "stop", every: every, from: first, plant: "split-rerate")
    #expect(tally.fired > 0)
    #expect(tally.answersLost > 0, "\(tally.failures.joined(separator: "\n"))")
    // Every failure is a lost answer, not some other breakage.
    #expect(tally.failures.count == tally.answersLost, "\(tally.failures.joined(separator: "\n"))")
    if Self.isFull {
      print(
        "sweep recall stop, split-rerate planted: \(tally.calls) counted calls, "
          + "\(tally.runs) runs, \(tally.fired) faults fired, \(tally.answersLost) answers lost")
    }
  }

  /// The plant writes the old two appends (an undo per changed rating in the review log, no
  /// `rerate` line), and only when `RECALL_FAULT_INJECTION` is set: alone it does nothing.
  @Test func thePlantActsOnlyWithTheHook() throws {
    func reviewLog(injection: String?) throws -> String {
      let progress = Self.makeFolder()
      defer { try? FileManager.default.removeItem(atPath: progress) }
      let run = try Self.study(progress: progress, injection: injection, plant: "split-rerate")
      #expect(run.exitCode == 0, "\(run.standardError)")
      let log = progress + "/\(Self.deckID).reviews.jsonl"
      return (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    }
    // The script's two `:undo`s, and its changed ratings that differ from the one given
    // (a `1` after an answer already rated again changes nothing).
    let ignored = try reviewLog(injection: nil)
    let rerates = Self.count("\"type\": \"rerate\"", in: ignored)
    #expect(rerates > 0, "\(ignored)")
    #expect(Self.count("\"type\": \"undo\"", in: ignored) == 2, "\(ignored)")
    let planted = try reviewLog(injection: "kind=count")
    #expect(Self.count("\"type\": \"rerate\"", in: planted) == 0, "\(planted)")
    #expect(Self.count("\"type\": \"undo\"", in: planted) == 2 + rerates, "\(planted)")
  }

  @Test func anUnknownPlantIsAUsageError() throws {
    var runner = BinaryRunner()
    runner.environment["RECALL_FAULT_INJECTION"] = "kind=count"
    runner.environment["RECALL_FAULT_PLANT"] = "bogus"
    let result = try runner.run(["decks", "--decks-dir", Self.decks])
    #expect(result.exitCode == 64, "\(result.standardError)")
    #expect(result.standardError.contains("RECALL_FAULT_PLANT"), "\(result.standardError)")
  }

  @Test(arguments: ["call=3", "kind=bogus", "call=0,kind=stop", "kind=count,call=2", "x"])
  func aMalformedHookIsAUsageError(value: String) throws {
    var runner = BinaryRunner()
    runner.environment["RECALL_FAULT_INJECTION"] = value
    let result = try runner.run(["decks", "--decks-dir", Self.decks])
    #expect(result.exitCode == 64, "\(result.standardError)")
    #expect(result.standardError.contains("RECALL_FAULT_INJECTION"), "\(result.standardError)")
  }
}
