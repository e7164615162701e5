import ArgumentParser
import Foundation
import RecallKit

/// `recall schedule replay`: recomputes FSRS memory states from a review log.
public struct ScheduleReplayCommand: RecallSubcommand {
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

  /// Replays the log in `file` (or standard input) and prints one line per review.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    var base = SchedulerOptions()
    if let deck {
      let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
      guard let loaded = loading.load(deck, printWarnings: false) else { return }
      base = SchedulerOptions(settings: loaded.settings)
      // The loader checks ranges only loosely (parameters within ±100); a deck whose
      // settings FSRS cannot use is bad data, not a bad command line.
      do {
        try base.validate()
      } catch {
        throw CommandError.data("the settings of deck '\(deck)' cannot be used: \(error)")
      }
    }
    var replay = try ReviewReplay(options: scheduling.options(over: base))

    let name = file ?? "-"
    let input: Data
    do {
      input =
        try name == "-" ? context.standardInput() : Data(contentsOf: URL(fileURLWithPath: name))
    } catch {
      if name == "-" {
        throw CommandError.io("cannot read standard input: \(error.localizedDescription)")
      }
      let missing = !FileManager.default.fileExists(atPath: name)
      let reason = missing ? "no such file" : error.localizedDescription
      throw CommandError(missing ? .noInput : .ioError, "cannot read '\(name)': \(reason)")
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
        diagnostics.emit(diagnostic)
      })
    if !pending.isEmpty { console.out(pending) }
    if !clean { diagnostics.fail(.dataError) }
  }
}
