import RecallKit
import RecallTestSupport

@testable import RecallCLI

/// A `recall study` run in process on the Bajgora deck with a scripted learner: the session
/// setup the study tests share (seed 1, a fixed start, the deck folder of the checkout).
enum ScriptedStudy {
  static let now = "2026-11-24T10:00:00Z"

  /// Runs `recall study bajgora-offensive` with `extra` options, the answers of `script`, and
  /// progress in `progress`.
  static func bajgora(
    _ script: [String], progress: String, extra: [String] = [], now: String = now
  ) throws -> (status: RecallCLI.ExitStatus, output: String, error: String) {
    try bajgora(reading: ScriptedReader(script), progress: progress, extra: extra, now: now)
  }

  /// The same, reading from `reader`, whose prompts the test can then look at.
  static func bajgora(
    reading reader: ScriptedReader, progress: String, extra: [String] = [], now: String = now
  ) throws -> (status: RecallCLI.ExitStatus, output: String, error: String) {
    let command = try StudyCommand.parse(
      [
        "bajgora-offensive", "--decks-dir", Repository.decks.path, "--progress-dir", progress,
        "--seed", "1", "--now", now,
      ] + extra)
    let captured = CapturedConsole()
    let status = command.execute(
      in: CommandContext(
        console: captured.console, environment: [:], lineReader: { _ in reader }))
    return (status, captured.standardOutput, captured.standardError)
  }
}
