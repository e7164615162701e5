import ArgumentParser
import Foundation
import RecallCLI
import RecallKit
import Testing

@Suite struct ScheduleOptimizeCommandTests {
  /// A made-up learner: 120 cards reviewed on days 0, 2, 6, 14 and 30, forgetting about one
  /// review in six.
  static let log: String = {
    var generator = SeededGenerator(seed: 7)
    var lines: [String] = []
    for card in 0..<120 {
      for (index, day) in [0, 2, 6, 14, 30].enumerated() {
        let rating =
          index == 0 ? 1 + generator.next(below: 4) : generator.next(below: 6) == 0 ? 1 : 3
        let time = "2026-02-\(String(format: "%02d", 1 + day % 28))".replacingOccurrences(
          of: "-02-", with: day >= 28 ? "-03-" : "-02-")
        lines.append(
          "{\"card\": \"c\(card)\", \"time\": \"\(time)T10:\(String(format: "%02d", card % 60)):00Z\", "
            + "\"rating\": \(rating)}")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  static func write(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-optimize-\(UUID().uuidString).jsonl")
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test func printsFittedParametersAsJSON() throws {
    let command = try ScheduleOptimizeCommand.parse(["--format", "json", try Self.write(Self.log)])
    let captured = CapturedConsole()
    #expect(
      command.execute(in: CommandContext(console: captured.console, standardInput: { Data() }))
        == .ok)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(captured.standardOutput.utf8))
        as? [String: Any])
    let parameters = try #require(object["parameters"] as? [Double])
    #expect(parameters.count == 21)
    #expect(object["reviews"] as? Int == 600)
    #expect(object["stage"] as? String == "trained")
    let fitted = try #require(object["log_loss"] as? Double)
    let defaults = try #require(object["default_log_loss"] as? Double)
    #expect(fitted < defaults)
    // What it prints, evaluate reads.
    let evaluate = try ScheduleEvaluateCommand.parse([
      "--format", "json", "--parameters", parameters.map { String($0) }.joined(separator: ","),
      try Self.write(Self.log),
    ])
    let scored = CapturedConsole()
    #expect(
      evaluate.execute(in: CommandContext(console: scored.console, standardInput: { Data() }))
        == .ok)
    let metrics = try #require(
      try JSONSerialization.jsonObject(with: Data(scored.standardOutput.utf8)) as? [String: Any])
    #expect(abs((metrics["log_loss"] as? Double ?? 0) - fitted) < 1e-12)
    #expect(metrics["auc"] is Double)
    #expect(metrics["time_series_split"] is [String: Any])
  }

  @Test func refusesTooLittleHistory() throws {
    let command = try ScheduleOptimizeCommand.parse([])
    let captured = CapturedConsole()
    let one = "{\"card\": \"a\", \"time\": \"2026-01-01T10:00:00Z\", \"rating\": \"good\"}\n"
    #expect(
      command.execute(
        in: CommandContext(console: captured.console, standardInput: { Data(one.utf8) }))
        == .dataError)
    #expect(captured.standardOutput.isEmpty)
    #expect(captured.standardError.contains("fitting needs at least 8"))
  }

  @Test func badLinesAreLocatedAndNothingIsFitted() throws {
    let bad =
      Self.log + "{\"card\": \"c1\", \"time\": \"2025-01-01T00:00:00Z\", \"rating\": 3}\n"
      + "{\"card\": \"z\", \"time\": \"2026-01-01T00:00:00Z\", \"rating\": 0}\n"
    let path = try Self.write(bad)
    let command = try ScheduleOptimizeCommand.parse([path])
    let captured = CapturedConsole()
    #expect(
      command.execute(in: CommandContext(console: captured.console, standardInput: { Data() }))
        == .dataError)
    #expect(captured.standardOutput.isEmpty)
    #expect(captured.standardError.contains("\(path):601:"))
    #expect(captured.standardError.contains("\(path):602:"))
  }

  @Test func missingFilesAndFoldersAreRefused() throws {
    let captured = CapturedConsole()
    let missing = try ScheduleEvaluateCommand.parse(["/nonexistent/log.jsonl"])
    #expect(
      missing.execute(in: CommandContext(console: captured.console, standardInput: { Data() }))
        == .noInput)
    let folder = try ScheduleEvaluateCommand.parse([FileManager.default.temporaryDirectory.path])
    #expect(
      folder.execute(in: CommandContext(console: captured.console, standardInput: { Data() }))
        == .noInput)
    #expect(captured.standardError.contains("is a folder"))
    #expect(throws: (any Error).self) {
      try ScheduleEvaluateCommand.parse(["--parameters", "1,2"])
    }
  }
}
