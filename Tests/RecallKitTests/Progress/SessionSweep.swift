import Foundation
import RecallTestSupport
import Testing

@testable import RecallKit

/// A scripted study session (answers, re-rates, undos, an early compaction, a second session)
/// that the kill and fault sweeps run again and again, failing a different file-system call
/// each time, to check that every answer the learner saw rated survives.
///
/// The check needs no model of the files: a run without faults gives the card states after
/// every step; after a fault at step `k`, the files must load to the states after step `k-1`
/// (the step failed) or after step `k` (it was on disk before the failure).
struct SessionSweep {
  enum Step: Hashable {
    case answer
    case rerate(Rating)
    case undo
    /// Ends the session (folding the journal into the snapshot) and opens the next one.
    case newSession
  }

  static let deckPath = Repository.deck("bajgora-offensive").path
  static let deckAndQuestions: (Deck, [Question]) = {
    guard let deck = try? DeckLoader().load(path: deckPath).deck else {
      preconditionFailure("the Bajgora deck does not load")
    }
    return (deck, QuestionGenerator(deck: deck, seed: 1).questions())
  }()

  /// Answers, re-rates (several in a row, and of a new card), undos of re-rates, and a
  /// compaction every three journal entries, over two sessions.
  static let standardSteps: [Step] = [
    .answer, .rerate(.again), .answer, .answer, .rerate(.easy), .rerate(.hard), .undo, .answer,
    .rerate(.good), .newSession, .answer, .rerate(.again), .undo, .undo, .answer, .answer,
    .rerate(.easy),
  ]

  let steps: [Step]
  var compactionThreshold = 3
  /// A defect planted back for the run (see `ProgressFaults.Plant`); nil for the real code.
  var plant: ProgressFaults.Plant?
  static let utc = TimeZone(identifier: "UTC") ?? .current
  static let scheduler: FSRSScheduler = {
    guard let scheduler = try? FSRSScheduler() else {
      preconditionFailure("the default scheduler options are valid")
    }
    return scheduler
  }()

  /// What one run saw: card states after each completed step (index 0: before any), and
  /// the step that failed, if one did.
  struct Run {
    var statesAfterStep: [[String: CardState]]
    var reviewsAfterStep: [Int]
    var failedStep: Int?
    var calls: Int
  }

  /// Runs the script in `folder` under `plan` (nil: no fault). A failing step ends the run as
  /// `recall study` ends: it tries to close the store (unless the plan stops every call).
  func run(in folder: String, plan: ProgressFaults.Plan?) -> Run {
    let (deck, questions) = Self.deckAndQuestions
    ProgressFaults.install(plan, folder: folder, plant: plant)
    defer { ProgressFaults.remove(folder: folder) }
    var minute = 0.0
    let clock: () -> Date = { progressEpoch.addingTimeInterval(minute * 60) }
    var result = Run(statesAfterStep: [[:]], reviewsAfterStep: [0], failedStep: nil, calls: 0)
    var store: ProgressStore?
    var session: StudySession?
    func open() throws(ProgressError) {
      let opened = try ProgressStore.open(deckID: deck.id, directory: folder)
      opened.compactionThreshold = compactionThreshold
      store = opened
      session = try StudySession(
        deck: deck, questions: questions, store: opened, scheduler: Self.scheduler,
        options: StudySession.Options(seed: 7, timeZone: Self.utc),
        clock: clock)
    }
    do {
      try open()
    } catch {
      result.failedStep = 0
      result.calls = ProgressFaults.count(folder: folder)
      return result
    }
    for (index, step) in steps.enumerated() {
      minute += 1
      do {
        guard let current = session else { break }
        switch step {
        case .answer:
          guard let (question, kind) = current.next() else { break }
          let input = question.answerTexts.first ?? "x"
          if case .invalid = try current.answer(
            input, to: question, kind: kind, milliseconds: 1500, hintUsed: false)
          {
            current.skip(question)
          }
        case .rerate(let rating): _ = try current.changeLastRating(to: rating)
        case .undo: _ = try current.undo()
        case .newSession:
          try current.close()
          minute += 60 * 24
          try open()
        }
      } catch {
        result.failedStep = index + 1
        if case .fail = plan?.effect { try? store?.close() }
        break
      }
      result.statesAfterStep.append(store?.states ?? [:])
      result.reviewsAfterStep.append((try? store?.reviews().count) ?? -1)
    }
    if result.failedStep == nil {
      do {
        try session?.close()
      } catch {
        result.failedStep = steps.count + 1
      }
    }
    result.calls = ProgressFaults.count(folder: folder)
    return result
  }

  /// What a sweep found.
  struct Tally {
    var runs = 0
    var faultsFired = 0
    var answersLost = 0
    var unreadable = 0
    var failures: [String] = []
  }

  /// Runs the script once per counted call, failing that call with `effect`, and checks the
  /// files after each run.
  func sweep(effect: ProgressFaults.Effect, every stride: Int = 1, from first: Int = 1) throws
    -> Tally
  {
    let reference = run(in: try makeProgressFolder(), plan: nil)
    #expect(reference.failedStep == nil)
    var tally = Tally()
    for number in Swift.stride(from: first, through: reference.calls, by: stride) {
      let folder = try makeProgressFolder()
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let plan = ProgressFaults.Plan(folder: folder, number: number, effect: effect)
      let faulted = run(in: folder, plan: plan)
      tally.runs += 1
      guard let failed = faulted.failedStep else { continue }
      tally.faultsFired += 1
      let label = "\(effect) at call \(number) (step \(failed))"
      let loaded: ProgressStore
      do {
        loaded = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: folder)
      } catch {
        tally.unreadable += 1
        tally.failures.append("\(label): the files do not load: \(error)")
        continue
      }
      let last = reference.statesAfterStep.count - 1
      let before = reference.statesAfterStep[min(max(failed - 1, 0), last)]
      let after = reference.statesAfterStep[min(failed, last)]
      let reviews = (try? loaded.reviews().count) ?? -1
      let reviewsBefore = reference.reviewsAfterStep[min(max(failed - 1, 0), last)]
      let reviewsAfter = reference.reviewsAfterStep[min(failed, last)]
      if loaded.states != before && loaded.states != after {
        let lost = Set(before.keys).union(after.keys).filter {
          loaded.states[$0] != before[$0] && loaded.states[$0] != after[$0]
        }
        tally.answersLost += max(lost.count, 1)
        tally.failures.append("\(label): cards \(lost.sorted()) are in neither state")
      } else if reviews != reviewsBefore && reviews != reviewsAfter {
        tally.answersLost += 1
        tally.failures.append(
          "\(label): \(reviews) reviews saved, expected \(reviewsBefore) or \(reviewsAfter)")
      }
      // Whatever the fault left, the next session opens and saves again.
      ProgressFaults.remove(folder: folder)
      do {
        let next = try ProgressStore.open(deckID: "bajgora-offensive", directory: folder)
        try next.close()
      } catch {
        tally.failures.append("\(label): the next session cannot open: \(error)")
      }
    }
    return tally
  }
}
