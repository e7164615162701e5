import ArgumentParser
import Foundation
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// The session tools of #17 on the Bajgora deck: an empty answer asked about once, the message
/// after a card the session will ask again early, the line that marks a card shown early, and
/// `--minutes` in the header.
@Suite struct StudySessionToolsTests {
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-tools-\(UUID().uuidString)").path

  private func study(_ script: [String], extra: [String] = [], folder: String? = nil) throws
    -> (status: RecallCLI.ExitStatus, output: String, error: String)
  {
    try ScriptedStudy.bajgora(script, progress: folder ?? progress, extra: extra)
  }

  private func reviews() throws -> [ReviewRecord] {
    try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress).reviews()
  }

  @Test func anEmptyAnswerIsAskedAboutOnceThenCountsAsAMiss() throws {
    let result = try study(["", "", "", ":quit"])
    #expect(result.status == .ok, "\(result.error)")
    #expect(result.output.contains("no answer — press Enter again to see it, or type your answer"))
    #expect(result.output.contains("✗ no answer — the answer is July 1998 to January 1999"))
    #expect(result.output.contains("rated again"))
    #expect(result.output.contains("missed in this session (1):"))
    let saved = try reviews()
    #expect(saved.count == 1)
    #expect(saved.first?.answer == "")
    #expect(saved.first?.accepted == false)
    #expect(saved.first?.rating == .again)
  }

  @Test func anAnswerAfterOneEmptyLineIsGradedAsUsual() throws {
    let result = try study(["", ":hint", "", "July 1998 to January 1999", "", ":quit"])
    // A command between two empty lines starts the count again.
    #expect(!result.output.contains("✗ no answer"))
    #expect(result.output.contains("✓ correct — July 1998 to January 1999"))
    #expect(try reviews().map(\.accepted) == [true])
  }

  @Test func aCardAskedAgainEarlySaysSoInsteadOfPromisingAWait() throws {
    // One new card: once it is answered nothing else is due, so its 10-minute step is asked
    // early in this session.
    let result = try study(["July 1998 to January 1999", "", ":quit"], extra: ["--new", "1"])
    #expect(
      result.output.contains(
        "rated good; due in 10 minutes, but nothing else is left, so this session asks it "
          + "again early"), "\(result.output)")
    #expect(!result.output.contains("next review in 10 minutes"))
    // With other cards still to come, the wait is the real one.
    let other = try study(
      ["July 1998 to January 1999", "", ":quit"], extra: ["--new", "5"], folder: progress + "-5")
    #expect(other.output.contains("rated good; next review in 10 minutes"), "\(other.output)")
  }

  @Test func aLearningCardShownEarlySaysHowEarlyAndItsNextReviewIsTheSavedOne() throws {
    // The one new card is answered, then shown again before its 10-minute step is due.
    let result = try study(
      ["July 1998 to January 1999", "", "July 1998 to January 1999", "", ":quit"],
      extra: ["--new", "1"])
    let lines = result.output.components(separatedBy: "\n")
    let second = try #require(lines.firstIndex { $0.hasPrefix("2. short · learning") })
    #expect(lines[second + 1] == "(early: due in 10 minutes)", "\(result.output)")
    // The new card, due when shown, has no such line.
    #expect(result.output.components(separatedBy: "(early:").count == 2)
    // What the message after the early answer promises is what was saved.
    let saved = try #require(try reviews().last)
    let promised = StudyREPL.describe(saved.state.due, from: saved.reviewedAt)
    let after = lines[second...].first { $0.hasPrefix("rated good;") }
    #expect(after == "rated good; next review \(promised)", "\(result.output)")
    #expect(saved.state.phase == .review)
  }

  @Test func minutesAreInTheHeaderAndMustBePositive() throws {
    let result = try study([":quit"], extra: ["--minutes", "15"])
    #expect(result.output.contains("limits 20 new and 200 reviews a day · 15 minutes"))
    #expect(throws: (any Error).self) {
      try StudyCommand.parse(["bajgora-offensive", "--minutes", "0"])
    }
  }
}
