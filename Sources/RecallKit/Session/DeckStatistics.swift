import Foundation

/// A learner's standing on one deck: what `recall stats` shows.
public struct DeckStatistics: Hashable, Sendable {
  /// A fact the learner keeps forgetting.
  public struct HardFact: Hashable, Sendable {
    public var fact: String
    /// Again ratings given to its cards while they were in review.
    public var lapses: Int
    /// Reviews of its cards (undone ones left out), to set the lapses against.
    public var reps: Int
  }

  /// A card the learner flagged as wrong, for whoever keeps the deck.
  public struct FlaggedCard: Hashable, Sendable {
    public var cardID: String
    public var flag: CardMarks.Flag
  }

  /// Cards by phase, counting every question the deck generates (unseen ones are new).
  public var cards: [CardState.Phase: Int]
  /// Cards due now that a session would show: suspended and buried cards are left out.
  public var dueNow: Int
  /// Cards that fall due after now but before the study day ends (learning steps, mostly).
  public var dueLaterToday: Int
  /// The deck's cards that are suspended, and buried until after now.
  public var suspended: Int
  public var buried: Int
  /// Flagged cards of the deck, oldest flag first.
  public var flagged: [FlaggedCard]
  /// Cards falling due on each of the next days (index 0 is tomorrow).
  public var dueByDay: [Int]
  public var reviews: Int
  public var accepted: Int
  public var milliseconds: Int
  /// Reviews on each of the last `history` study days, oldest first (the last is today).
  public var reviewsByDay: [Int]
  /// Reviews in the last `history` days of cards that were in review, and how many of them
  /// were accepted: the retention the schedule actually achieved.
  public var retentionReviews: Int
  public var retentionAccepted: Int
  /// Up to five facts with the most lapses, most first (ties by fact id); none without lapses.
  public var hardest: [HardFact]
  /// Lapses of all the deck's cards.
  public var lapses: Int

  /// Share of reviews whose answer was accepted; nil before the first review.
  public var accuracy: Double? { reviews == 0 ? nil : Double(accepted) / Double(reviews) }

  /// Share of recent reviews of cards in review that were accepted; nil when there were none.
  public var retention: Double? {
    retentionReviews == 0 ? nil : Double(retentionAccepted) / Double(retentionReviews)
  }

  /// Gathers the figures for `cardIDs` (the deck's questions) from `store` at `now`.
  /// `facts` maps a card id to its fact, for `hardest`; `days` is how far ahead `dueByDay`
  /// looks and `history` how far back `reviewsByDay` and the retention look.
  public init(
    cardIDs: [String], store: ProgressStore, now: Date, timeZone: TimeZone, days: Int = 7,
    history: Int = 30, facts: [String: String] = [:]
  ) throws(ProgressError) {
    var cards = Dictionary(uniqueKeysWithValues: CardState.Phase.allCases.map { ($0, 0) })
    var dueNow = 0
    var dueLaterToday = 0
    var (suspended, buried) = (0, 0)
    var dueByDay = [Int](repeating: 0, count: days)
    let today = StudyDay(containing: now, timeZone: timeZone)
    for id in cardIDs {
      let marks = store.marks.isEmpty ? CardMarks.none : store.marks(for: id)
      if marks.suspended { suspended += 1 } else if marks.isBuried(at: now) { buried += 1 }
      guard let state = store.state(for: id), state.phase != .new else {
        cards[.new, default: 0] += 1
        continue
      }
      cards[state.phase, default: 0] += 1
      if marks.suspended { continue }
      if state.due <= now {
        if !marks.isBuried(at: now) { dueNow += 1 }
      } else if state.due < today.end {
        if !marks.isBuried(at: now) { dueLaterToday += 1 }
      } else if let offset = today.daysAfter(state.due), offset < days {
        dueByDay[offset] += 1
      }
    }
    self.cards = cards
    self.dueNow = dueNow
    self.dueLaterToday = dueLaterToday
    self.suspended = suspended
    self.buried = buried
    let known = Set(cardIDs)
    flagged = store.flaggedCards.filter { known.contains($0.cardID) }
      .map { FlaggedCard(cardID: $0.cardID, flag: $0.flag) }
    self.dueByDay = dueByDay
    reviews = 0
    accepted = 0
    milliseconds = 0
    reviewsByDay = [Int](repeating: 0, count: history)
    retentionReviews = 0
    retentionAccepted = 0
    hardest = []
    lapses = 0

    // Reps and lapses come from the store's counters, which follow the same rule as the
    // loop below (a lapse is again on a card whose previous review left it in review).
    var byFact: [String: CardCounts] = [:]
    for id in known {
      let counts = store.counts(for: id)
      guard counts != .zero else { continue }
      let fact = facts[id] ?? id
      byFact[fact, default: .zero].reps += counts.reps
      byFact[fact, default: .zero].lapses += counts.lapses
      lapses += counts.lapses
    }
    hardest = byFact.filter { $0.value.lapses > 0 }
      .map { HardFact(fact: $0.key, lapses: $0.value.lapses, reps: $0.value.reps) }
      .sorted { ($1.lapses, $0.fact) < ($0.lapses, $1.fact) }
      .prefix(5).map { $0 }

    let since = today.start.addingTimeInterval(-Double(history - 1) * 86_400)
    var phases: [String: CardState.Phase] = [:]
    try store.forEachReview { review in
      guard known.contains(review.cardID) else { return }
      let before = phases[review.cardID] ?? .new
      phases[review.cardID] = review.state.phase
      reviews += 1
      if review.accepted { accepted += 1 }
      milliseconds += review.responseMilliseconds
      guard review.reviewedAt >= since, review.reviewedAt <= now else { return }
      let daysAgo = max(
        0, Int((today.start.timeIntervalSince(review.reviewedAt) / 86_400).rounded(.up)))
      if daysAgo < history { reviewsByDay[history - 1 - daysAgo] += 1 }
      if before == .review {
        retentionReviews += 1
        if review.accepted { retentionAccepted += 1 }
      }
    }
  }
}
