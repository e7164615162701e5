import Foundation

/// What a study session is assembled from, decided in one place: the limits over the deck's
/// own, the seed, the clock (`--now` in UTC), and the order new cards come in. The command
/// line fills it in; everything a session needs is derived here, so a test and the CLI build
/// the same session from the same choices.
public struct StudySetup: Sendable {
  /// New cards a day, over the deck's `new_per_day` (nil: the deck's, else the default).
  public var newPerDay: Int?
  /// Reviews a day, over the deck's `reviews_per_day`.
  public var reviewsPerDay: Int?
  /// Most cards this session shows.
  public var sessionLimit: Int?
  /// Study cards that are not due, leaving their schedule alone.
  public var ahead: Bool
  /// Seed for option order, hints and interval fuzz; chosen at random when not given.
  public let seed: UInt64
  /// Whether the seed was given rather than chosen at random: only then can a later session
  /// ask the same questions, so only then are they kept in the index.
  public let seedWasGiven: Bool
  /// Whether fuzzed intervals prefer lighter days (`--balance-load`).
  public var balancesLoad = false
  /// Weekdays with a lighter load (`--easy-days`); any turns balancing on.
  public var easyDays: Set<Weekday> = []
  /// Each deck's exam date (`--exam`, or the one stored beside its progress), by deck id.
  public var exams: [String: ExamDate] = [:]
  /// The instant the session pretends to start at (`--now`); nil for the real time.
  public var start: Date?
  /// Stop offering cards once this long has passed since the session started (`--minutes`).
  public var timeLimit: TimeInterval?

  public init(
    newPerDay: Int? = nil, reviewsPerDay: Int? = nil, sessionLimit: Int? = nil,
    ahead: Bool = false, seed: UInt64? = nil, start: Date? = nil, timeLimit: TimeInterval? = nil,
    tag: String? = nil, severalDecks: Bool = false
  ) {
    self.tag = tag
    self.severalDecks = severalDecks
    self.newPerDay = newPerDay
    self.reviewsPerDay = reviewsPerDay
    self.sessionLimit = sessionLimit
    self.ahead = ahead
    self.seed = seed ?? UInt64.random(in: 0...UInt64.max)
    self.seedWasGiven = seed != nil
    self.start = start
    self.timeLimit = timeLimit
  }

  /// UTC when the start is given, so a scripted session's study day does not depend on the
  /// machine it runs on; the local zone otherwise.
  public var timeZone: TimeZone {
    start == nil ? .current : TimeZone(identifier: "UTC") ?? .current
  }

  /// The session's clock. With `start` it begins there and runs at the speed of real time,
  /// so answers get their own timestamps and response times even in a scripted session.
  public func makeClock() -> @Sendable () -> Date {
    guard let start else { return { Date() } }
    let origin = ProcessInfo.processInfo.systemUptime
    return { start.addingTimeInterval(ProcessInfo.processInfo.systemUptime - origin) }
  }

  /// Only cards of facts (and hand-written cards) with this tag; nil: every card.
  public var tag: String?
  /// Whether the session covers several decks: `--new` and `--reviews` then cap the decks'
  /// sum, and each deck keeps its own limits, instead of replacing the one deck's limits.
  public var severalDecks = false

  /// The deck's limits with the ones asked for in their place (one deck only: over several,
  /// the ones asked for are the cap over all of them, see `collectionOptions`).
  public func limits(for deck: Deck) -> StudyLimits {
    var limits = StudyLimits(settings: deck.settings)
    guard !severalDecks else { return limits }
    if let newPerDay { limits.newPerDay = newPerDay }
    if let reviewsPerDay { limits.reviewsPerDay = reviewsPerDay }
    return limits
  }

  /// The deck's questions in the order new cards are introduced, only those with `tag` when
  /// one is given. With the deck file's `source` and an index `cache`, the questions come from
  /// the index when it holds them for this deck file and seed (see `StudyIndex`).
  public func questions(for deck: Deck, source: DeckSource? = nil, cache: IndexCache? = nil)
    -> [Question]
  {
    let all = StudyIndex.questions(
      deck: deck, seed: seed, source: source, cache: cache, keep: seedWasGiven)
    guard let tag else { return StudyOrder.spreadingSiblings(all) }
    let selection = TagSelection(tag: tag, deck: deck)
    return StudyOrder.spreadingSiblings(all.filter(selection.contains))
  }

  /// The session cap (`--limit`) is the whole session's, kept by `StudyCollection`.
  public func options(for deck: Deck) -> StudySession.Options {
    StudySession.Options(
      limits: limits(for: deck), sessionLimit: nil, mode: ahead ? .studyAhead : .due,
      seed: seed, timeZone: timeZone, balancesLoad: balancesLoad, easyDays: easyDays,
      exam: exams[deck.id])
  }

  /// What ends the session and, over several decks, the caps over all of them.
  public var collectionOptions: StudyCollection.Options {
    StudyCollection.Options(
      sessionLimit: sessionLimit, timeLimit: timeLimit,
      newCards: severalDecks ? newPerDay : nil, reviews: severalDecks ? reviewsPerDay : nil)
  }

  /// The deck's progress, opened for the session: the store `prefetch` opened ahead of the
  /// deck when it was opened for this deck, else opened now.
  public func openProgress(
    for deck: Deck, in library: ProgressLibrary, prefetched prefetch: ProgressPrefetch?
  ) throws(ProgressError) -> ProgressStore {
    if let prefetched = prefetch?.take(for: deck.id) { return try prefetched.get() }
    return try library.open(deckID: deck.id)
  }

  /// A session over `deck` with its progress in `store`. With the deck file's `source` and an
  /// index `cache`, the deck's grading table comes from the index when it holds it for exactly
  /// this deck, these questions and this build (see `GradingIndex`).
  public func session(
    deck: Deck, store: ProgressStore, scheduler: FSRSScheduler,
    clock: @escaping @Sendable () -> Date, source: DeckSource? = nil, cache: IndexCache? = nil
  ) throws(ProgressError) -> StudySession {
    let questions = questions(for: deck, source: source, cache: cache)
    let accepted =
      cache == nil || source == nil
      ? nil
      : GradingIndex.acceptedAnswers(
        deck: deck, questions: questions, source: source, cache: cache)
    return try StudySession(
      deck: deck, questions: questions, store: store, scheduler: scheduler,
      options: options(for: deck), clock: clock, accepted: accepted)
  }
}
