import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// A small seeded generator, so a failing round can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// Kills real study sessions at random moments and checks that every answer whose feedback
/// the learner saw survives, and that the progress files always load.
@Suite(.serialized) struct CrashSafetyTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-crash-\(UUID().uuidString)").path
  static let deckID = "bajgora-offensive"
  static let rounds = 40

  /// Where the REPL may be killed.
  enum Moment: CaseIterable {
    case afterFeedback, afterAccepting, afterSendingAnswer, afterShortDelay
    /// While `:quit` folds the journal into the snapshot.
    case duringQuit
  }

  private func arguments(round: Int) -> [String] {
    let day = Date(timeIntervalSince1970: 1_795_000_000 + Double(round) * 86_400)
    return [
      "study", Self.deckID, "--decks-dir", decks, "--progress-dir", progress, "--seed",
      "\(round)", "--now", ISO8601DateFormatter().string(from: day),
    ]
  }

  private func savedReviewCount() throws -> Int {
    guard FileManager.default.fileExists(atPath: progress) else { return 0 }
    return try ProgressStore.openReadOnly(deckID: Self.deckID, directory: progress).reviews()
      .count
  }

  /// An answer the grader takes for the kind in the last question header (a wrong one is
  /// as good as a right one: both are rated and saved).
  static func answer(for output: String) -> String {
    let headers = output.split(separator: "\n").filter {
      $0.range(of: #"^\d+\. [a-z]+ · "#, options: .regularExpression) != nil
    }
    let kind = headers.last.map { $0.split(separator: " ")[1] } ?? ""
    switch kind {
    case "choice": return "a"
    case "truefalse": return "t"
    case "numeric": return "12345"
    case "order": return "a b c d e f".prefix(optionCount(output) * 2 - 1).description
    case "match": return "1a"
    default: return "1 March 1990"
    }
  }

  private static func optionCount(_ output: String) -> Int {
    let tail = output.components(separatedBy: "\n").suffix(12)
    return max(
      2, tail.filter { $0.range(of: #"^\s*[a-f]\) "#, options: .regularExpression) != nil }.count)
  }

  private static func ratedCount(_ text: String) -> Int {
    text.components(separatedBy: "rated ").count - 1
  }

  @Test func killedSessionsKeepEveryAnswerWhoseFeedbackWasShown() throws {
    defer { try? FileManager.default.removeItem(atPath: progress) }
    var random = SplitMix(state: 9)
    var rounds = 0
    var killedAfterFeedback = 0
    var totalShown = 0
    for round in 0..<Self.rounds {
      let before = try savedReviewCount()
      let session = try StreamingSession(arguments: arguments(round: round))
      defer { session.kill() }
      guard session.wait(timeout: 20, until: { $0.contains("1. ") }) else {
        Issue.record("round \(round): no first question; output: \(session.text)")
        return
      }
      let answers = Int.random(in: 0...6, using: &random)
      let moment = Moment.allCases.randomElement(using: &random) ?? .afterFeedback
      var shown = 0
      answering: for index in 0...answers {
        let last = index == answers
        if !session.send(Self.answer(for: session.text)) { break }
        if last && moment == .afterSendingAnswer { break }
        if last && moment == .afterShortDelay {
          Thread.sleep(forTimeInterval: Double.random(in: 0...0.05, using: &random))
          break
        }
        let target = shown + 1
        if session.wait(timeout: 5, until: { Self.ratedCount($0) >= target }) {
          shown = target
        } else {
          // Refused as invalid for this kind, or the queue ran out: move on.
          if !session.send(":skip") { break answering }
          continue
        }
        if last && moment == .afterFeedback {
          killedAfterFeedback += 1
          break
        }
        session.send("")
        if last && moment == .duringQuit {
          session.send(":quit")
          Thread.sleep(forTimeInterval: Double.random(in: 0...0.03, using: &random))
        }
      }
      session.kill()
      shown = Self.ratedCount(session.text)
      let after = try savedReviewCount()
      #expect(
        after >= before + shown,
        "round \(round): \(shown) answers had feedback, but \(after - before) were saved")
      rounds += 1
      totalShown += shown
    }
    #expect(rounds == Self.rounds)
    #expect(killedAfterFeedback > 0)
    #expect(totalShown >= 30, "only \(totalShown) answers had feedback in \(rounds) rounds")
    #expect(try savedReviewCount() > 0)
  }

  @Test func aFileWhereTheProgressFolderShouldBeIsACleanError() throws {
    try Data("not a folder".utf8).write(to: URL(fileURLWithPath: progress))
    defer { try? FileManager.default.removeItem(atPath: progress) }
    let result = try BinaryRunner().run(arguments(round: 0), input: "1 March 1990\n\n:quit\n")
    #expect(result.exitCode != 0)
    #expect(result.standardError.contains(progress), "\(result.standardError)")
    #expect(!result.standardError.contains("Fatal error"))
    #expect(try String(contentsOfFile: progress, encoding: .utf8) == "not a folder")
  }

  @Test func aReadOnlyProgressFolderKeepsTheOldFileIntact() throws {
    guard getuid() != 0 else { return }  // root writes through mode 0500
    defer { try? FileManager.default.removeItem(atPath: progress) }
    let runner = BinaryRunner()
    let first = try runner.run(arguments(round: 0), input: "1 March 1990\n\n:quit\n")
    #expect(first.exitCode == 0, "\(first.standardError)")
    let file = progress + "/\(Self.deckID).json"
    let saved = try Data(contentsOf: URL(fileURLWithPath: file))
    try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: progress)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: progress)
    }
    let second = try runner.run(arguments(round: 1), input: "1 March 1990\n\n:quit\n")
    #expect(second.exitCode != 0)
    #expect(!second.standardError.isEmpty)
    #expect(!second.standardError.contains("Fatal error"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == saved)
    #expect(try savedReviewCount() == 1)
  }

  /// Works as root too: a folder where the journal should be makes every append fail.
  @Test func aFailingWriteIsACleanErrorAndKeepsTheSnapshot() throws {
    defer { try? FileManager.default.removeItem(atPath: progress) }
    let runner = BinaryRunner()
    let first = try runner.run(arguments(round: 0), input: "1 March 1990\n\n:quit\n")
    #expect(first.exitCode == 0, "\(first.standardError)")
    let file = progress + "/\(Self.deckID).json"
    let saved = try Data(contentsOf: URL(fileURLWithPath: file))
    let journal = progress + "/\(Self.deckID).journal.jsonl"
    try? FileManager.default.removeItem(atPath: journal)
    try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: false)
    let second = try runner.run(arguments(round: 1), input: "1 March 1990\n\n:quit\n")
    #expect(second.exitCode != 0)
    #expect(second.standardError.contains(journal), "\(second.standardError)")
    #expect(!second.standardError.contains("Fatal error"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == saved)
  }

  /// A path is read as given (the user chose it) but is no deck; an id never leaves the folder.
  @Test(arguments: ["../../etc/passwd", "/etc/passwd", "..", "../Decks/bajgora-offensive"])
  func namesThatLeaveTheDecksFolderAreErrors(name: String) throws {
    defer { try? FileManager.default.removeItem(atPath: progress) }
    let result = try BinaryRunner().run(
      ["study", name, "--decks-dir", decks, "--progress-dir", progress], input: ":quit\n")
    #expect(result.exitCode != 0, "\(result.standardOutput)")
    #expect(result.standardError.contains("error"), "\(result.standardError)")
    #expect(!result.standardError.contains("Fatal error"))
    #expect(!FileManager.default.fileExists(atPath: progress))
  }
}
