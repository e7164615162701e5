import ArgumentParser
import Foundation
import RecallKit

/// `recall schedule replay`: recomputes FSRS memory states from a review log.
public struct ScheduleReplayCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Recompute FSRS-6 memory states from a review log (JSON Lines).",
    discussion: """
      Each input line is {"card": "<id>", "time": "<ISO 8601 UTC>", "rating": "again"|"hard"|\
      "good"|"easy"} (or a rating of 1–4), with each card's reviews in time order; cards may \
      interleave. For every review one JSON line is printed, in input order: card, time, \
      rating, state (learning, review or relearning), step, stability, difficulty, due and \
      retrievability (the card's just before the review; null for its first). Replays never \
      fuzz, so the same log always gives the same output.

      A bad line is reported as `file:line:column: error: …` and the rest of that card's \
      lines are skipped; other cards go on. The exit status is then 65.

      Examples:
        recall schedule replay reviews.jsonl
        cat log.jsonl | recall schedule replay --learning-steps 1m,10m,1h
        recall schedule replay --deck bajgora-offensive reviews.jsonl
      """)

  @OptionGroup public var scheduling: SchedulingOptions
  @OptionGroup public var libraryOptions: LibraryOptions

  @Option(
    help: ArgumentHelp(
      "Start from this deck's settings (id or path); the options above override them.",
      valueName: "deck"))
  public var deck: String?

  @Argument(
    help: ArgumentHelp("The review log; standard input when omitted or '-'.", valueName: "file"))
  public var file: String?

  public init() {}

  public func run() throws {
    let status = Self.replay(
      file: file, deck: deck, scheduling: scheduling, library: libraryOptions.library(),
      console: .standard,
      standardInput: { try FileHandle.standardInput.readToEnd() ?? Data() })
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Replays the log in `file` (or standard input) and prints one line per review.
  public static func replay(
    file: String?, deck: String? = nil, scheduling: SchedulingOptions,
    library: DeckLibrary, console: Console, standardInput: () throws -> Data
  ) -> ExitStatus {
    var base = SchedulerOptions()
    if let deck {
      switch DeckLoading(library: library, console: console).load(deck, printWarnings: false) {
      case .success(let loaded): base = SchedulerOptions(settings: loaded.settings)
      case .failure(let failure): return failure.status
      }
      // The loader checks ranges only loosely (parameters within ±100); a deck whose
      // settings FSRS cannot use is bad data, not a bad command line.
      do {
        try base.validate()
      } catch {
        console.errorLine("recall: error: the settings of deck '\(deck)' cannot be used: \(error)")
        return .dataError
      }
    }
    var replay: ReviewReplay
    do {
      replay = try ReviewReplay(options: scheduling.options(over: base))
    } catch {
      console.errorLine("recall: error: \(error)")
      return .usage
    }

    let name = file ?? "-"
    let input: Data
    do {
      input = try name == "-" ? standardInput() : Data(contentsOf: URL(fileURLWithPath: name))
    } catch {
      if name == "-" {
        console.errorLine(
          "recall: error: cannot read standard input: \(error.localizedDescription)")
        return .ioError
      }
      let missing = !FileManager.default.fileExists(atPath: name)
      let reason = missing ? "no such file" : error.localizedDescription
      console.errorLine("recall: error: cannot read '\(name)': \(reason)")
      return missing ? .noInput : .ioError
    }

    // Lines are batched: one write per line would dominate the run time on long logs.
    var pending = ""
    let clean = replay.run(
      input, file: name,
      output: { line in
        pending += line
        pending += "\n"
        if pending.utf8.count >= 65_536 {
          console.out(pending)
          pending = ""
        }
      },
      diagnostic: { diagnostic in
        if !pending.isEmpty {
          console.out(pending)
          pending = ""
        }
        console.errorLine(diagnostic.description)
      })
    if !pending.isEmpty { console.out(pending) }
    return clean ? .ok : .dataError
  }
}
