import ArgumentParser
import Foundation
import LineEditing
import RecallKit

/// `recall study`: the daily study session in a line-editing REPL.
public struct StudyCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Study a deck: answer the cards that are due, with spaced repetition.",
    discussion: """
      Shows due learning cards first, then due reviews, then new cards (20 a day by default). \
      Every answer is saved before the next question appears; Ctrl-D or :quit ends the \
      session. When input is not a terminal, plain lines are read, so sessions can be \
      scripted: after each answer, an empty line accepts the rating.

      Examples:
        recall study bajgora-offensive
        recall study bajgora-offensive --new 5 --limit 10
        printf 'Zhvillidove\\n\\n:quit\\n' | recall study bajgora-offensive --seed 1
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions
  @OptionGroup(title: "Scheduling") public var scheduling: SchedulingOptions

  @Argument(help: ArgumentHelp("Deck id or path to a deck file.", valueName: "deck"))
  public var deck: String

  @Option(help: "Most cards this session (default: no cap beyond the daily limits).")
  public var limit: Int?

  @Option(name: .customLong("new"), help: "New cards a day (default: the deck's, else 20).")
  public var newPerDay: Int?

  @Option(name: .customLong("reviews"), help: "Reviews a day (default: the deck's, else 200).")
  public var reviewsPerDay: Int?

  @Flag(help: "Study cards that are not due yet; their schedule is left unchanged.")
  public var ahead = false

  @Option(help: "Seed for option order, hints and interval fuzz (default: random).")
  public var seed: UInt64?

  @Option(
    help: ArgumentHelp(
      "Start the session at this ISO 8601 instant; time runs on from it (for scripts, tests).",
      valueName: "time"))
  public var now: String?

  public init() {}

  public func validate() throws {
    for (name, value) in [("--limit", limit), ("--new", newPerDay), ("--reviews", reviewsPerDay)] {
      if let value, value < 0 { throw ValidationError("\(name) must be 0 or more") }
    }
    if let now {
      switch UTCTimestamp.parse(now) {
      case .failure(let error): throw ValidationError("--now: \(error)")
      case .success(let date):
        if let refusal = ProgressStore.refusal(ofSessionTime: date) {
          throw ValidationError("--now: \(refusal)")
        }
      }
    }
  }

  /// The whole session: the deck, its progress, the REPL. The prompt tracker learns which
  /// prompt is reading, for the Tab completer built on it.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    let prompts = StudyPromptTracker()
    let progress = progressOptions.library()
    let prefetch = ProgressPrefetch(library: progress, deckName: self.deck)
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let (deck, source) = loading.loadWithSource(self.deck, printWarnings: false) else {
      prefetch?.discard()
      return
    }
    let scheduler: FSRSScheduler
    do {
      // The learner's own fitted weights (`recall optimize`) replace the deck's.
      let learner = try LearnerParameters.options(
        over: SchedulerOptions(settings: deck.settings), deckID: deck.id,
        directory: progress.directory)
      scheduler = try FSRSScheduler(options: scheduling.options(over: learner))
    } catch {
      prefetch?.discard()
      throw error
    }
    let setup = StudySetup(
      newPerDay: newPerDay, reviewsPerDay: reviewsPerDay, sessionLimit: limit, ahead: ahead,
      seed: seed, start: now.flatMap { try? UTCTimestamp.parse($0).get() })
    let clock = setup.makeClock()
    let store = try setup.openProgress(for: deck, in: progress, prefetched: prefetch)
    if let migration = store.migration { console.errorLine("recall: \(migration)") }
    let reader = context.lineReader(prompts.completions)
    defer { (reader as? EditLineReader)?.close() }
    do {
      let session = try setup.session(
        deck: deck, store: store, scheduler: scheduler, clock: clock, source: source,
        cache: IndexCache.locate(environment: context.environment))
      let repl = StudyREPL(
        session: session, reader: reader, console: console,
        text: TerminalText.current(environment: context.environment), clock: clock,
        prompts: prompts)
      try repl.run()
      try session.close()
    } catch {
      try? store.close()
      throw error
    }
  }
}
