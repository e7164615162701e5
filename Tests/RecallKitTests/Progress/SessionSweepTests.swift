import Foundation
import Testing

@testable import RecallKit

/// The short form of the kill and fault sweeps, run by `swift test`: the scripted session of
/// `SessionSweep` with one call failed per run. `scripts/reliability-sweep` runs every call
/// with every effect (set RECALL_SWEEP=full).
@Suite struct SessionSweepTests {
  static let isFull = ProcessInfo.processInfo.environment["RECALL_SWEEP"] == "full"
  /// Every call in the full sweep; a spread of calls (offset so the effects cover different
  /// ones) in the short one.
  static func stride(_ offset: Int) -> (every: Int, offset: Int) { isFull ? (1, 0) : (5, offset) }

  @Test(arguments: [
    (ProgressFaults.Effect.stop, 0), (.tear, 1), (.fail(ENOSPC), 2), (.fail(EIO), 3),
  ])
  func noAnswerIsLostWhateverCallFails(effect: ProgressFaults.Effect, offset: Int) throws {
    let sweep = SessionSweep(steps: SessionSweep.standardSteps)
    let (every, start) = Self.stride(offset)
    let tally = try sweep.sweep(effect: effect, every: every, from: 1 + start)
    #expect(tally.faultsFired > 0)
    #expect(tally.answersLost == 0, "\(tally.failures.joined(separator: "\n"))")
    #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
    if Self.isFull {
      print(
        "sweep \(effect): \(tally.runs) runs, \(tally.faultsFired) faults fired, "
          + "\(tally.answersLost) answers lost, \(tally.unreadable) unreadable")
    }
  }

  /// Defect 1 of #19: a re-rate was an undo and a review, two appends; a failure between them
  /// left the card new although the learner saw it rated.
  @Test func aRerateThatFailsLeavesTheOldReviewStanding() throws {
    let sweep = SessionSweep(steps: [.answer, .rerate(.again)])
    let reference = sweep.run(in: try makeProgressFolder(), plan: nil)
    let answered = reference.statesAfterStep[1]
    let rerated = reference.statesAfterStep[2]
    #expect(answered != rerated)
    // Every call the re-rate makes, failed in turn.
    for number in 1...reference.calls {
      for effect in [ProgressFaults.Effect.fail(ENOSPC), .stop] {
        let folder = try makeProgressFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = sweep.run(
          in: folder, plan: ProgressFaults.Plan(folder: folder, number: number, effect: effect))
        guard run.failedStep == 2 else { continue }
        let loaded = try ProgressStore.openReadOnly(
          deckID: "bajgora-offensive", directory: folder)
        #expect(
          loaded.states == answered || loaded.states == rerated,
          "\(effect) at call \(number): \(loaded.states) is neither the old nor the new rating")
      }
    }
  }

  /// How the sweep is known to work: with defect 1 planted back (`ProgressFaults.Plant`), the
  /// same sweep that finds no lost answer above finds them.
  @Test func theSweepReportsTheAnswersAPlantedSplitRerateLoses() throws {
    var sweep = SessionSweep(steps: SessionSweep.standardSteps)
    sweep.plant = .splitRerate
    let tally = try sweep.sweep(effect: .stop)
    #expect(tally.faultsFired > 0)
    #expect(tally.answersLost > 0, "\(tally.failures.joined(separator: "\n"))")
    #expect(tally.unreadable == 0, "\(tally.failures.joined(separator: "\n"))")
    if Self.isFull {
      print(
        "sweep stop, split-rerate planted: \(tally.runs) runs, \(tally.faultsFired) faults "
          + "fired, \(tally.answersLost) answers lost")
    }
  }

  /// The re-rate is one line of the journal, naming the review it replaces.
  @Test func aRerateIsOneJournalLine() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "deck", directory: folder)
    try store.record(sampleReview("a/short", minute: 0, rating: .good))
    let before = fileText(store.files.journal).split(separator: "\n").count
    try store.rerateLast(sampleReview("a/short", minute: 1, rating: .again))
    let lines = fileText(store.files.journal).split(separator: "\n")
    #expect(lines.count == before + 1)
    #expect(lines.last?.contains("\"type\": \"rerate\", \"replaces\": 1") == true)
    #expect(try store.reviews().map(\.rating) == [.again])
    #expect(store.counts(for: "a/short").reps == 1)
    try store.close()
    let reopened = try ProgressStore.openReadOnly(deckID: "deck", directory: folder)
    #expect(try reopened.reviews().map(\.rating) == [.again])
    #expect(reopened.counts(for: "a/short") == CardCounts(reps: 1, lapses: 0))
  }
}
