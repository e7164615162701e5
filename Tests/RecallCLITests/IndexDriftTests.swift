import Foundation
import LineEditing
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// The index can never be trusted over its sources: whatever happens to the decks, the progress
/// files or the index itself, a session with a warm index prints exactly what a session without
/// one prints.
@Suite(.serialized) struct IndexDriftTests {
  let root: String
  let decks: String
  let cache: String
  /// Each session starts an hour after the one before, as a learner's would: two sessions given
  /// the same `--now` would log answers milliseconds apart in an order that depends on how fast
  /// each ran, which has nothing to do with the index.
  let sessions = SessionClock()

  init() throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "recall-drift-\(UUID().uuidString)"
      )
      .path
    decks = root + "/Decks"
    cache = root + "/cache"
    try FileManager.default.createDirectory(atPath: decks, withIntermediateDirectories: true)
  }

  /// What a scripted study session printed, with what real time decides left out: the
  /// session's running time, and whether a one-minute learning step, shown a few milliseconds
  /// after the answer, still reads "1 minute" (the session clock runs on from `--now`).
  private func study(
    _ deck: String?, progress: String, index: Bool, script: [String], cacheFolder: String? = nil,
    now: String? = nil
  ) throws -> String {
    let command = try StudyCommand.parse(
      (deck.map { [$0] } ?? []) + [
        "--decks-dir", decks, "--progress-dir", progress, "--seed", "7", "--now",
        now ?? sessions.next(),
      ])
    let captured = CapturedConsole()
    let environment =
      index ? ["RECALL_CACHE_DIR": cacheFolder ?? cache, "HOME": root] : ["RECALL_INDEX": "off"]
    let status = command.execute(
      in: CommandContext(
        console: captured.console, environment: environment,
        lineReader: { _ in ScriptedReader(script) }))
    let output = (captured.standardOutput + "\n--\n" + captured.standardError)
      .replacingOccurrences(
        of: #"time \d+m \d+s"#, with: "time –", options: .regularExpression
      )
      .replacingOccurrences(of: "next review in under a minute", with: "next review in 1 minute")
    return "status \(status)\n" + output
  }

  /// Runs the same session on two copies of `progress`, one without an index and one with the
  /// cache as it is; both must print the same. The copy with the index is kept as the new state.
  private func expectSameOutput(
    _ deck: String?, progress: String, script: [String], _ comment: Comment? = nil,
    succeeds: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let plain = progress + ".plain"
    try? FileManager.default.removeItem(atPath: plain)
    if FileManager.default.fileExists(atPath: progress) {
      try FileManager.default.copyItem(atPath: progress, toPath: plain)
    }
    let now = sessions.next()
    let without = try study(deck, progress: plain, index: false, script: script, now: now)
    let with = try study(deck, progress: progress, index: true, script: script, now: now)
    #expect(with == without, comment, sourceLocation: sourceLocation)
    #expect(with.hasPrefix("status ok") == succeeds, "\(with)", sourceLocation: sourceLocation)
  }

  /// What `recall decks` printed over the folder, with the index warm or without one.
  private func listDecks(progress: String, index: Bool) throws -> String {
    let command = try DecksCommand.parse(
      ["--decks-dir", decks, "--progress-dir", progress, "--now", "2026-11-25T10:00:00Z"])
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(
        console: captured.console,
        environment: index ? ["RECALL_CACHE_DIR": cache, "HOME": root] : ["RECALL_INDEX": "off"]))
    return "status \(status)\n" + captured.standardOutput + "\n--\n" + captured.standardError
  }

  /// `recall decks` prints the same with the index (twice: cold, then warm) as without.
  private func expectSameDecks(
    progress: String, _ comment: Comment? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let without = try listDecks(progress: progress, index: false)
    #expect(try listDecks(progress: progress, index: true) == without, comment)
    #expect(try listDecks(progress: progress, index: true) == without, comment)
  }

  private func isProgressIndex(_ file: String) -> Bool {
    (file as NSString).lastPathComponent.contains(".progress-")
  }

  private var indexFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [])
      .filter { $0.hasSuffix(".index") }.map { cache + "/" + $0 }
  }

  /// Answers given in every session: right and wrong ones, forms only the deck's other facts
  /// make right, and the empty lines that accept each suggested rating.
  let script = [
    "July 1998 to January 1999", "", "the Kosovo War", "", "northern Kosovo", "", "Zhvillidove",
    "", "Bajgora", "", "b", "", "1998", "", "KLA", "", "no idea", "", ":quit",
  ]

  private func copyBajgora() throws -> String {
    let path = decks + "/bajgora-offensive.yaml"
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.copyItem(
      atPath: Repository.deck("bajgora-offensive").path,
      toPath: path)
    return path
  }

  /// One seeded edit a teacher could make by hand: another accepted form on a list, a list
  /// emptied, or a key term reworded; the deck stays valid.
  private func edit(_ path: String, seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    let lists = lines.indices.filter {
      lines[$0].contains("alternatives: [") || lines[$0].contains("aliases: [")
        || lines[$0].contains("accept: [")
    }
    let index = lists[Int(random.next() % UInt64(lists.count))]
    switch random.next() % 3 {
    case 0:
      lines[index] = lines[index].replacingOccurrences(of: ": [", with: ": [Edited Form \(seed), ")
    case 1:
      lines[index] = String(lines[index].prefix { $0 != "[" }) + "[Only Form \(seed)]"
    default:
      let texts = lines.indices.filter { lines[$0].contains("[[") }
      let text = texts[Int(random.next() % UInt64(texts.count))]
      lines[text] = lines[text].replacingOccurrences(
        of: #"\[\[[^\]]*\]\]"#, with: "[[Renamed \(seed)]]", options: .regularExpression)
    }
    try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
  }

  @Test func aWarmIndexPrintsWhatNoIndexPrintsAcrossSeededDeckEdits() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let deck = try copyBajgora()
    let progress = root + "/progress"
    try expectSameOutput("bajgora-offensive", progress: progress, script: script, "first session")
    // The deck's file, this seed's questions, the grading table, and the progress snapshot's,
    // written by the compaction that ended the session.
    #expect(indexFiles.count == 4)
    try expectSameOutput("bajgora-offensive", progress: progress, script: script, "warm")
    for seed in UInt64(1)...6 {
      try edit(deck, seed: seed)
      try expectSameOutput(
        "bajgora-offensive", progress: progress, script: script, "after edit \(seed)")
      // The next session the same day finds the index written for the edited deck.
      try expectSameOutput(
        "bajgora-offensive", progress: progress, script: script, "again after edit \(seed)")
    }
  }

  /// `recall study` with no deck reads every deck of the folder through the index: the same
  /// session with a warm index as with none, across edits of one deck, a deck broken and
  /// mended, and a deck added.
  @Test func severalDecksPrintWhatNoIndexPrintsAcrossEdits() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let deck = try copyBajgora()
    for name in ["cuban-missile-crisis", "norman-conquest"] {
      try FileManager.default.copyItem(
        atPath: try Repository.fixture("review-decks/\(name).yaml").path,
        toPath: decks + "/\(name).yaml")
    }
    let progress = root + "/progress"
    let answers = Array(repeating: ["1066", ""], count: 8).flatMap { $0 } + [":quit"]
    try expectSameOutput(nil, progress: progress, script: answers, "first session")
    #expect(indexFiles.count == 12)
    try expectSameOutput(nil, progress: progress, script: answers, "warm")
    try expectSameDecks(progress: progress, "warm")
    for seed in UInt64(1)...3 {
      try edit(deck, seed: seed)
      try expectSameDecks(progress: progress, "after edit \(seed)")
      try expectSameOutput(nil, progress: progress, script: answers, "after edit \(seed)")
      try expectSameOutput(nil, progress: progress, script: answers, "again after edit \(seed)")
      try expectSameDecks(progress: progress, "sessions after edit \(seed)")
    }
    let good = try String(contentsOfFile: deck, encoding: .utf8)
    try (good + "\n  - id: broken\n").write(toFile: deck, atomically: true, encoding: .utf8)
    try expectSameOutput(nil, progress: progress, script: answers, "broken", succeeds: false)
    try expectSameDecks(progress: progress, "broken")
    try expectSameOutput(nil, progress: progress, script: answers, "still broken", succeeds: false)
    try good.write(toFile: deck, atomically: true, encoding: .utf8)
    try expectSameOutput(nil, progress: progress, script: answers, "mended")
    try FileManager.default.copyItem(
      atPath: try Repository.fixture("review-decks/fall-of-the-roman-republic.yaml").path,
      toPath: decks + "/fall-of-the-roman-republic.yaml")
    try expectSameOutput(nil, progress: progress, script: answers, "a deck added")
    try expectSameOutput(nil, progress: progress, script: answers, "a deck added, warm")
  }

  /// A deck where one answer is right only through the grading table: a stale table would
  /// accept it after the teacher takes it out.
  @Test func aTableForAnEarlierDeckIsNeverUsed() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = decks + "/capitals.yaml"
    func write(alsoTrue: String) throws {
      try """
      id: capitals
      title: Capitals
      subject: Geography
      language: en
      source:
        title: Test
      facts:
        - id: capital
          kind: statement
          text: The capital of Kosovo is [[Prishtina]].
          \(alsoTrue)
      """.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let answer = ["Old Town Name", "", ":quit"]
    try write(alsoTrue: "also_true: [Old Town Name]")
    try expectSameOutput("capitals", progress: root + "/p1", script: answer)
    let accepted = try study("capitals", progress: root + "/p2", index: true, script: answer)
    #expect(accepted.contains("✓"), "\(accepted)")
    try write(alsoTrue: "")
    let refused = try study("capitals", progress: root + "/p3", index: true, script: answer)
    #expect(!refused.contains("✓"), "\(refused)")
    try expectSameOutput("capitals", progress: root + "/p4", script: answer)
  }

  @Test func aDamagedForeignOrNewerIndexIsRebuiltSilently() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try copyBajgora()
    let progress = root + "/progress"
    try expectSameOutput("bajgora-offensive", progress: progress, script: script)
    #expect(indexFiles.count == 4)
    for file in indexFiles {
      try expectRebuilt(file, progress: progress)
    }
    // An index another Recall build wrote, whole and valid but under its own key.
    let other = IndexBuild(version: "9.9.9", executable: "elsewhere")
    let path = decks + "/bajgora-offensive.yaml"
    let (result, source) = try StudyIndex.load(
      path: path, loader: DeckLoader(), cache: IndexCache(directory: cache), build: other)
    let deck = try #require(result.deck)
    let questions = StudyIndex.questions(
      deck: deck, seed: 7, source: source, cache: IndexCache(directory: cache), keep: true,
      build: other)
    _ = GradingIndex.acceptedAnswers(
      deck: deck, questions: questions, source: source, cache: IndexCache(directory: cache),
      build: other)
    try expectSameOutput("bajgora-offensive", progress: progress, script: script, "other version")
  }

  /// Damages the index file at `file` in every way the tests know, and requires the same output
  /// each time and the file rebuilt whole after.
  private func expectRebuilt(_ file: String, progress: String) throws {
    let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    var random = SeededGenerator(seed: 21)
    var damages: [(String, [UInt8])] = [
      ("empty", []), ("truncated", Array(good.prefix(good.count / 2))),
      ("cut by one byte", Array(good.dropLast())), ("garbage", Array("not an index\n".utf8)),
    ]
    for _ in 0..<4 {
      var flipped = good
      let position = Int(random.next() % UInt64(good.count))
      flipped[position] ^= 1 << UInt8(random.next() % 8)
      damages.append(("bit flipped at \(position)", flipped))
    }
    var newer = good
    withUnsafeBytes(of: (IndexFile.formatVersion + 1).littleEndian) {
      newer.replaceSubrange(8..<12, with: $0)
    }
    damages.append(("newer format", newer))
    for (name, bytes) in damages {
      try Data(bytes).write(to: URL(fileURLWithPath: file))
      try expectSameOutput("bajgora-offensive", progress: progress, script: script, "\(name)")
      // Rebuilt: the next session reads a whole index again (the progress snapshot's is
      // rewritten for the snapshot the session leaves, which has grown).
      let rebuilt = try Data(contentsOf: URL(fileURLWithPath: file))
      #expect(
        isProgressIndex(file) ? rebuilt.count > 64 : rebuilt.count == good.count,
        "\(name) \(file)")
    }
  }

  @Test func progressEditedByHandBetweenSessionsChangesNothingButTheProgress() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try copyBajgora()
    let progress = root + "/progress"
    try expectSameOutput("bajgora-offensive", progress: progress, script: script)
    try expectSameOutput("bajgora-offensive", progress: progress, script: script)
    // A due time moved by hand in the snapshot, keeping the file's size: only its bytes
    // say it changed.
    let snapshot = progress + "/bajgora-offensive.json"
    let text = try String(contentsOfFile: snapshot, encoding: .utf8)
    let moved = text.replacingOccurrences(
      of: #""due": "2026-"#, with: #""due": "2024-"#, options: .regularExpression)
    #expect(moved != text && moved.utf8.count == text.utf8.count)
    try moved.write(toFile: snapshot, atomically: false, encoding: .utf8)
    try expectSameOutput("bajgora-offensive", progress: progress, script: script, "due moved")
    // The learner starts over by deleting the log, then by deleting everything.
    try FileManager.default.removeItem(atPath: progress + "/bajgora-offensive.reviews.jsonl")
    try expectSameOutput("bajgora-offensive", progress: progress, script: script, "no log")
    try FileManager.default.removeItem(atPath: progress)
    try expectSameOutput("bajgora-offensive", progress: progress, script: script, "no progress")
  }

  @Test func anUnwritableCacheFolderChangesNothing() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try copyBajgora()
    // A file where the cache folder would go: nothing can be written there, even by root.
    try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/blocked"))
    let now = sessions.next()
    let without = try study(
      "bajgora-offensive", progress: root + "/a", index: false, script: script, now: now)
    let blocked = try study(
      "bajgora-offensive", progress: root + "/b", index: true, script: script,
      cacheFolder: root + "/blocked/recall", now: now)
    #expect(blocked == without)
  }

  @Test func sessionsAtOnceShareOneCacheFolder() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try copyBajgora()
    let now = sessions.next()
    let expected = try study(
      "bajgora-offensive", progress: root + "/plain", index: false, script: script, now: now)
    let outputs = Outputs()
    DispatchQueue.concurrentPerform(iterations: 4) { number in
      let output = try? study(
        "bajgora-offensive", progress: root + "/p\(number)", index: true, script: script, now: now)
      outputs.append(output ?? "failed")
    }
    #expect(outputs.values == Array(repeating: expected, count: 4))
    // One deck file, its questions and grading table; a progress index for each progress
    // folder.
    #expect(indexFiles.filter { !isProgressIndex($0) }.count == 3)
    #expect(indexFiles.filter(isProgressIndex).count == 4)
  }

  @Test func theIndexKeysRecallsOwnVersion() {
    #expect(RecallCommand.configuration.version == IndexBuild.recallVersion)
  }

  @Test func checkReadsTheDeckWhateverTheIndexHolds() throws {
    defer { try? FileManager.default.removeItem(atPath: root) }
    let deck = try copyBajgora()
    _ = try study("bajgora-offensive", progress: root + "/p", index: true, script: script)
    try edit(deck, seed: 3)
    try String(contentsOfFile: deck, encoding: .utf8).appending("\n  - id: broken\n")
      .write(toFile: deck, atomically: true, encoding: .utf8)
    let captured = CapturedConsole()
    let command = try CheckCommand.parse([deck])
    let status = command.execute(
      in: CommandContext(console: captured.console, environment: ["RECALL_CACHE_DIR": cache]))
    #expect(status == .dataError)
    #expect(captured.standardError.contains("bajgora-offensive.yaml:"), "\(captured.standardError)")
  }
}

/// The start of each test session: 08:00 UTC on 24 November 2026, then an hour later each time.
final class SessionClock: @unchecked Sendable {
  private var hours = 0

  func next() -> String {
    defer { hours += 1 }
    let date = Date(timeIntervalSince1970: 1_795_507_200 + Double(hours) * 3600)
    return ISO8601DateFormatter().string(from: date)
  }
}

/// Outputs gathered from several threads.
private final class Outputs: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [String] = []

  func append(_ value: String) {
    lock.lock()
    values.append(value)
    lock.unlock()
  }
}
