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
      "Pretend the time is this ISO 8601 instant, fixed for the session (for scripts and tests).",
      valueName: "time"))
  public var now: String?

  public init() {}

  public func validate() throws {
    for (name, value) in [("--limit", limit), ("--new", newPerDay), ("--reviews", reviewsPerDay)] {
      if let value, value < 0 { throw ValidationError("\(name) must be 0 or more") }
    }
    if let now, case .failure(let error) = UTCTimestamp.parse(now) {
      throw ValidationError("--now: \(error)")
    }
  }

  public static var completions: [String] { StudyREPL.commands }

  /// The whole session: the deck, its progress, the REPL.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    let progress = progressOptions.library()
    let prefetch = ProgressPrefetch(library: progress, deckName: self.deck)
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(self.deck, printWarnings: false) else {
      prefetch?.discard()
      return
    }
    let scheduler: FSRSScheduler
    do {
      scheduler = try FSRSScheduler(
        options: scheduling.options(over: SchedulerOptions(settings: deck.settings)))
    } catch {
      prefetch?.discard()
      throw error
    }
    var limits = StudyLimits(settings: deck.settings)
    if let newPerDay { limits.newPerDay = newPerDay }
    if let reviewsPerDay { limits.reviewsPerDay = reviewsPerDay }
    let fixed: Date? = now.flatMap { try? UTCTimestamp.parse($0).get() }
    let clock: @Sendable () -> Date = { fixed ?? Date() }
    let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
    let store: ProgressStore
    if let prefetched = prefetch?.take(for: deck.id) {
      store = try prefetched.get()
    } else {
      store = try progress.open(deckID: deck.id)
    }
    if let migration = store.migration { console.errorLine("recall: \(migration)") }
    let reader = context.lineReader()
    defer { (reader as? EditLineReader)?.close() }
    do {
      let session = try StudySession(
        deck: deck,
        questions: StudyOrder.spreadingSiblings(
          QuestionGenerator(deck: deck, seed: seed).questions()),
        store: store, scheduler: scheduler,
        options: StudySession.Options(
          limits: limits, sessionLimit: limit, mode: ahead ? .studyAhead : .due, seed: seed,
          timeZone: fixed == nil ? .current : TimeZone(identifier: "UTC") ?? .current),
        clock: clock)
      let repl = StudyREPL(
        session: session, reader: reader, console: console,
        text: TerminalText.current(environment: context.environment), clock: clock)
      try repl.run()
      try session.close()
    } catch {
      try? store.close()
      throw error
    }
  }
}
