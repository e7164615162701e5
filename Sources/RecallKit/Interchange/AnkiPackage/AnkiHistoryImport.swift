import Foundation

/// An Anki package's review history as Recall progress, for `recall import --with-history`.
///
/// Each imported card's answers (revlog rows rated 1–4 of kinds learn, review, relearn and
/// filtered; manual rescheduling rows carry no rating and are left out) are replayed through
/// FSRS-6 with the default parameters and no fuzz, which gives every review the state Recall
/// would have kept. The card's current state then follows Anki, so the next study session
/// shows the cards Anki would show that day:
/// - the phase is Anki's card type (learning, review, relearning);
/// - the due time is Anki's: review and day-learning cards fall due at the start of their
///   day (the collection's creation time plus that many days), learning cards at their time;
/// - stability and difficulty are Anki's own FSRS memory state when the card has one, else
///   the replay's; a card with no answers in the log (its history was cleared) gets its
///   interval as stability and a middling difficulty.
/// Cards that are new in Anki stay new (no progress), even if their history was reset.
///
/// Cards suspended or buried in Anki, new ones included, become card marks (see `CardMarks`).
/// Anki unburies a card at the first day rollover after it was buried (the card's `mod`
/// time), so the bury lasts to the end of that study day; one that is already over is left out.
public struct AnkiHistoryImport: Sendable {
  /// Oldest first; each carries the state after it, the last one of a card its current state.
  public var reviews: [ReviewRecord] = []
  public var states: [String: CardState] = [:]
  /// Cards suspended in Anki (queue −1).
  public var suspended: Set<String> = []
  /// Cards buried in Anki (queue −2, −3) whose bury is still in force at the import, with the
  /// end of the study day they were buried on.
  public var buried: [String: Date] = [:]
  /// The moment of the import: marks are written at it, and a bury over by then is dropped.
  public var now = Date()

  /// Recall's default learning and relearning steps, as Anki's defaults (1 and 10 minutes; 10
  /// minutes), for the step a learning card is on.
  static let learningStepCount = SchedulerOptions.defaultLearningSteps.count
  static let relearningStepCount = SchedulerOptions.defaultRelearningSteps.count

  /// 9999-12-31, the last moment progress files can hold, in milliseconds since 1970.
  static let latestMilliseconds: Int64 = 253_402_300_799_000

  /// `now` and `timeZone` place Anki's day rollover (4 a.m. local, as Anki's default) for
  /// buried cards.
  public init(_ imported: AnkiPackageImport, now: Date = Date(), timeZone: TimeZone = .current) {
    guard let collection = imported.collection else {
      self.init()
      self.now = now
      return
    }
    self.init(collection: collection, cardIDs: imported.cardIDs, now: now, timeZone: timeZone)
  }

  init() {}

  init(
    collection: AnkiCollection, cardIDs: [Int64: String], now: Date = Date(),
    timeZone: TimeZone = .current
  ) {
    self.now = now
    var options = SchedulerOptions()
    options.isFuzzEnabled = false
    // The defaults always validate.
    guard let scheduler = try? FSRSScheduler(options: options) else { return }
    var answers: [Int64: [AnkiCollection.Review]] = [:]
    for review in collection.reviews where (1...4).contains(review.ease) && review.type <= 3 {
      answers[review.cardID, default: []].append(review)
    }
    for card in collection.cards {
      guard let id = cardIDs[card.id] else { continue }
      // Marks first: a new card can be suspended or buried too.
      if card.queue == -1 { suspended.insert(id) }
      if card.queue == -2 || card.queue == -3 {
        let buriedAt = Date(
          timeIntervalSince1970: Double(min(max(card.modified, 0), Self.latestMilliseconds / 1000)))
        let until = StudyDay(containing: buriedAt, timeZone: timeZone).end
        if until > now { buried[id] = until }
      }
      guard card.type != 0 else { continue }
      var state: CardState?
      var records: [ReviewRecord] = []
      for review in answers[card.id] ?? [] {
        // A time before 1970 or after 9999 is a damaged row, not a review to keep.
        guard let rating = Rating(rawValue: review.ease),
          (0...Self.latestMilliseconds).contains(review.time)
        else { continue }
        let time = Date(timeIntervalSince1970: Double(review.time) / 1000)
        if let last = state?.lastReview, time < last { continue }
        let next = scheduler.review(state ?? .new(at: time), rating: rating, at: time)
        state = next
        records.append(
          ReviewRecord(
            cardID: id, reviewedAt: time, rating: rating, answer: "", accepted: rating != .again,
            responseMilliseconds: Int(clamping: max(0, review.milliseconds)), state: next))
      }
      let current = Self.currentState(card, replayed: state, created: collection.created)
      if !records.isEmpty { records[records.count - 1].state = current }
      reviews += records
      states[id] = current
    }
    reviews.sort { $0.reviewedAt < $1.reviewedAt }
  }

  /// The card as Anki has it now, with the memory state Anki keeps or the replay's.
  static func currentState(_ card: AnkiCollection.Card, replayed: CardState?, created: Int64)
    -> CardState
  {
    let phase: CardState.Phase =
      switch card.type {
      case 1: .learning
      case 3: .relearning
      default: .review
      }
    // Learning cards (queue 1, and suspended or buried ones) count their due in seconds;
    // everything else in days from the collection's creation.
    // Numbers a damaged file could hold are kept within 1970…9999 instead of overflowing.
    let latestSeconds = Self.latestMilliseconds / 1000
    let due: Date
    if card.queue == 1 || (card.queue < 0 && phase != .review && card.due > 1_000_000_000) {
      due = Date(timeIntervalSince1970: Double(min(max(card.due, 0), latestSeconds)))
    } else {
      let days = min(max(card.due, -100_000), 3_000_000)
      let seconds = min(max(created, 0), latestSeconds) + days * 86_400
      due = Date(timeIntervalSince1970: Double(min(max(seconds, 0), latestSeconds)))
    }
    var state = replayed ?? CardState(phase: phase, step: nil, due: due)
    state.phase = phase
    state.due = due
    switch phase {
    case .learning: state.step = max(0, learningStepCount - card.stepsLeft)
    case .relearning: state.step = max(0, relearningStepCount - card.stepsLeft)
    default: state.step = nil
    }
    if let stability = card.stability, let difficulty = card.difficulty {
      state.stability = stability
      state.difficulty = min(max(difficulty, 1), 10)
    }
    if state.stability == nil || state.difficulty == nil {
      state.stability = Double(min(max(card.interval, 1), 36_500))
      state.difficulty = 5
    }
    if state.lastReview == nil {
      let days = Double(min(max(card.interval, 0), 36_500))
      state.lastReview = max(due.addingTimeInterval(-days * 86_400), Date(timeIntervalSince1970: 0))
    }
    return state
  }

  /// Whether the deck has any progress in the library.
  public static func hasProgress(deckID: String, in library: ProgressLibrary) -> Bool {
    ProgressStore.hasProgress(deckID: deckID, directory: library.directory)
  }

  /// Writes the history as the deck's progress (see `ProgressStore.importHistory`), then the
  /// suspended and buried cards' marks, one journal line each, folded into the snapshot.
  public func write(deckID: String, to library: ProgressLibrary, replacing: Bool)
    throws(ProgressError)
  {
    try ProgressStore.importHistory(
      deckID: deckID, directory: library.directory, reviews: reviews, states: states,
      replacing: replacing)
    guard !suspended.isEmpty || !buried.isEmpty else { return }
    let store = try library.open(deckID: deckID)
    do throws(ProgressError) {
      for id in suspended.sorted() {
        try store.suspend(id, at: now)
      }
      for (id, until) in buried.sorted(by: { $0.key < $1.key }) {
        try store.bury(id, until: until, at: now)
      }
    } catch {
      store.release()
      throw error
    }
    try store.close()
  }
}
