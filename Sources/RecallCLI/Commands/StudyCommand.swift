import ArgumentParser
import Foundation
import LineEditing
import RecallKit

/// `recall study`: the daily study session in a line-editing REPL.
public struct StudyCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Study the cards that are due, with spaced repetition: one deck, several or all.",
    discussion: """
      Shows due learning cards first, then due reviews, then new cards (20 a day by default). \
      Every answer is saved before the next question appears; Ctrl-D or :quit ends the \
      session. When input is not a terminal, plain lines are read, so sessions can be \
      scripted: after each answer, an empty line accepts the rating.

      With no deck, every deck in the deck folder; with several, those. Learning cards of \
      every deck come first, then reviews, then new cards, taken from the decks in turn. \
      Each deck keeps its own daily limits, and --new and --reviews cap them all together. \
      A deck another session is studying is left out, with a note.

      Examples:
        recall study bajgora-offensive
        recall study bajgora-offensive --new 5 --limit 10
        recall study bajgora-offensive --easy-days sat,sun   # lighter weekends
        recall study bajgora-offensive --exam 2027-06-10
        recall study                      # every deck that has something due
        recall study --tag kosovo --minutes 15
        printf 'Zhvillidove\\n\\n:quit\\n' | recall study bajgora-offensive --seed 1
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions
  @OptionGroup(title: "Scheduling") public var scheduling: SchedulingOptions

  @Argument(
    help: ArgumentHelp(
      "Deck ids or paths to deck files (default: every deck in the deck folder).",
      valueName: "deck"))
  public var decks: [String] = []

  @Option(help: ArgumentHelp("Only the cards of facts and cards with this tag.", valueName: "tag"))
  public var tag: String?

  @Option(help: "End the session after this many minutes, at the next card.")
  public var minutes: Int?

  @Option(help: "Most cards this session (default: no cap beyond the daily limits).")
  public var limit: Int?

  @Option(
    name: .customLong("new"),
    help: "New cards a day (default: the deck's, else 20); over several decks, in all.")
  public var newPerDay: Int?

  @Option(
    name: .customLong("reviews"),
    help: "Reviews a day (default: the deck's, else 200); over several decks, in all.")
  public var reviewsPerDay: Int?

  @Flag(help: "Study cards that are not due yet; their schedule is left unchanged.")
  public var ahead = false

  @Flag(
    name: .customLong("balance-load"),
    help: "Move fuzzed intervals towards the days of their range with fewer reviews due.")
  public var balancesLoad = false

  @Option(
    name: .customLong("easy-days"),
    help: ArgumentHelp(
      "Weekdays with about half the reviews, such as sat,sun (turns on --balance-load).",
      valueName: "days"))
  public var easyDays: String?

  @Option(
    help: ArgumentHelp(
      "Exam date, such as 2027-06-10: reviews come before it when recall on the day would "
        + "fall below the desired retention. Kept for the deck's later sessions; 'none' clears it.",
      valueName: "date"))
  public var exam: String?

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
    if let minutes, minutes < 1 { throw ValidationError("--minutes must be 1 or more") }
    if let tag, tag.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--tag must name a tag")
    }
    if let easyDays {
      do {
        _ = try Weekday.parseList(easyDays)
      } catch {
        throw ValidationError("--easy-days: \(error)")
      }
    }
    if let exam, exam.lowercased() != "none", ExamDate.parse(exam) == nil {
      throw ValidationError("--exam must be a date such as 2027-06-10, found '\(exam)'")
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

  private func setup(severalDecks: Bool) -> StudySetup {
    var setup = StudySetup(
      newPerDay: newPerDay, reviewsPerDay: reviewsPerDay, sessionLimit: limit, ahead: ahead,
      seed: seed, start: now.flatMap { try? UTCTimestamp.parse($0).get() },
      timeLimit: minutes.map { TimeInterval($0 * 60) }, tag: tag, severalDecks: severalDecks)
    setup.balancesLoad = balancesLoad
    setup.easyDays = easyDays.flatMap { try? Weekday.parseList($0) } ?? []
    return setup
  }

  /// The fitted weights of the learner (`recall optimize`) over the deck's, and the options.
  private func scheduler(for deck: Deck, progress: ProgressLibrary) throws -> FSRSScheduler {
    let learner = try LearnerParameters.options(
      over: SchedulerOptions(settings: deck.settings), deckID: deck.id,
      directory: progress.directory)
    return try FSRSScheduler(options: scheduling.options(over: learner))
  }

  /// The deck's exam date: the one `--exam` gives, saved beside the deck's progress for later
  /// sessions (`none` clears it), else the saved one.
  private func examDate(for deck: Deck, progress: ProgressLibrary) throws -> ExamDate? {
    guard let exam else {
      return try ExamDate.load(deckID: deck.id, directory: progress.directory)
    }
    let date = ExamDate.parse(exam)
    try ExamDate.save(date, deckID: deck.id, directory: progress.directory)
    return date
  }

  /// One deck, several, or the whole folder. The prompt tracker learns which prompt is
  /// reading, for the Tab completer built on it.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    if decks.count == 1 {
      try studyOne(decks[0], in: context, diagnostics: diagnostics)
    } else {
      try studySeveral(in: context, diagnostics: diagnostics)
    }
  }

  /// One deck: its progress opened on a second thread while the deck file is read.
  private func studyOne(_ name: String, in context: CommandContext, diagnostics: Diagnostics)
    throws
  {
    let console = context.console
    let cache = IndexCache.locate(environment: context.environment)
    var progress = progressOptions.library()
    progress.cache = cache
    let prefetch = ProgressPrefetch(library: progress, deckName: name)
    let loading = DeckLoading(
      library: libraryOptions.library(), diagnostics: diagnostics, cache: cache)
    guard let (deck, source) = loading.loadWithSource(name, printWarnings: false) else {
      prefetch?.discard()
      return
    }
    let scheduler: FSRSScheduler
    do {
      scheduler = try self.scheduler(for: deck, progress: progress)
    } catch {
      prefetch?.discard()
      throw error
    }
    var setup = setup(severalDecks: false)
    do {
      setup.exams[deck.id] = try examDate(for: deck, progress: progress)
    } catch {
      prefetch?.discard()
      throw error
    }
    let clock = setup.makeClock()
    let store = try setup.openProgress(for: deck, in: progress, prefetched: prefetch)
    if let migration = store.migration { console.errorLine("recall: \(migration)") }
    let session: StudySession
    do {
      session = try setup.session(
        deck: deck, store: store, scheduler: scheduler, clock: clock, source: source,
        cache: cache)
    } catch {
      try? store.close()
      throw error
    }
    if let tag, session.questions.isEmpty {
      try session.close()
      throw CommandError.noInput("no card of '\(deck.id)' has the tag '\(tag)'")
    }
    try run(
      StudyCollection(sessions: [session], options: setup.collectionOptions, clock: clock),
      in: context)
  }

  /// Several decks, or every deck of the folder, in one session. A deck that does not load,
  /// is locked by another session or has nothing tagged is left out with a line that says
  /// so; the others are studied.
  private func studySeveral(in context: CommandContext, diagnostics: Diagnostics) throws {
    let library = libraryOptions.library()
    let cache = IndexCache.locate(environment: context.environment)
    var progress = progressOptions.library()
    progress.cache = cache
    var paths: [String] = []
    if decks.isEmpty {
      paths = library.deckFiles()
      if paths.isEmpty { throw CommandError.noInput("no decks in \(library.directory)") }
    } else {
      for name in decks {
        do {
          paths.append(try library.resolve(name))
        } catch {
          diagnostics.report(error)
        }
      }
    }
    var setup = setup(severalDecks: true)
    var openings: [StudySetup.OpeningDeck] = []
    var ids: Set<String> = []
    for file in DeckFolderLoad.load(paths, cache: cache) {
      switch file.result {
      case .failure(let error):
        diagnostics.report(error)
      case .success(let result):
        diagnostics.emit(result.diagnostics, warnings: false)
        guard let deck = result.deck else {
          if decks.isEmpty {
            diagnostics.warning(
              "left out \(file.path): it has errors (run 'recall check \(file.path)')")
          }
          continue
        }
        guard ids.insert(deck.id).inserted else {
          diagnostics.warning("left out \(file.path): deck '\(deck.id)' is already in the session")
          continue
        }
        setup.exams[deck.id] = try examDate(for: deck, progress: progress)
        openings.append(
          .init(
            deck: deck, source: file.source,
            scheduler: try scheduler(for: deck, progress: progress)))
      }
    }
    let clock = setup.makeClock()
    var sessions: [StudySession] = []
    for result in setup.sessions(for: openings, in: progress, clock: clock, cache: cache) {
      switch result {
      case .failure(.locked(let deckID, let pid)):
        diagnostics.warning(
          "left out '\(deckID)': another recall session is studying it"
            + (pid.map { " (pid \($0))" } ?? ""))
      case .failure(let error):
        diagnostics.report(error)
      case .success(let session):
        if let migration = session.migration { context.console.errorLine("recall: \(migration)") }
        if tag != nil && session.questions.isEmpty {
          try session.close()
        } else {
          sessions.append(session)
        }
      }
    }
    guard !sessions.isEmpty else {
      if let tag { throw CommandError.noInput("no card of these decks has the tag '\(tag)'") }
      if diagnostics.errorCount == 0 {
        throw CommandError.noInput("no deck could be studied (each is left out above)")
      }
      return
    }
    try run(
      StudyCollection(
        sessions: sessions, options: setup.collectionOptions, severalDecks: true, clock: clock),
      in: context)
  }

  /// Runs the REPL over the session and closes every deck, even when the session fails.
  private func run(_ collection: StudyCollection, in context: CommandContext) throws {
    let prompts = StudyPromptTracker()
    let reader = context.lineReader(prompts.completions)
    defer { (reader as? EditLineReader)?.close() }
    do {
      let repl = StudyREPL(
        collection: collection, reader: reader, console: context.console,
        terminal: { TerminalText.current(environment: context.environment) },
        clock: collection.clock, prompts: prompts)
      try repl.run()
      try collection.close()
    } catch {
      try? collection.close()
      throw error
    }
  }
}
