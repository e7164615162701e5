/// How often a card was reviewed and forgotten: the two counters Anki also keeps per card.
///
/// They are not part of the FSRS state (the scheduler never reads them); the snapshot stores
/// them so that `recall stats` and others need not read the whole review log to know them.
public struct CardCounts: Hashable, Sendable {
  /// Reviews that count: every saved answer that was not undone.
  public var reps: Int
  /// Again ratings given while the card was in the `review` phase (not new or learning).
  public var lapses: Int

  public init(reps: Int = 0, lapses: Int = 0) {
    self.reps = reps
    self.lapses = lapses
  }

  public static let zero = CardCounts()

  /// Whether a review with `rating` of a card that was in `before` (nil: no state yet) is a
  /// lapse.
  public static func isLapse(_ rating: Rating, before: CardState.Phase?) -> Bool {
    rating == .again && before == .review
  }

  /// The counts after one more review.
  func adding(_ rating: Rating, before: CardState.Phase?) -> CardCounts {
    CardCounts(
      reps: reps + 1, lapses: lapses + (Self.isLapse(rating, before: before) ? 1 : 0))
  }

  /// The counts once a review is taken back (never below zero, whatever a file says).
  func removing(_ rating: Rating, before: CardState.Phase?) -> CardCounts {
    CardCounts(
      reps: max(0, reps - 1),
      lapses: max(0, lapses - (Self.isLapse(rating, before: before) ? 1 : 0)))
  }

  /// Every card's counts from a review history, oldest first, without undone reviews (what
  /// `ProgressStore.reviews()` returns). The state before a review is the one the card's
  /// previous review left, or none.
  public static func tally(_ reviews: some Sequence<ReviewRecord>) -> [String: CardCounts] {
    var tally = Tally()
    for review in reviews { tally.add(review) }
    return tally.counts
  }

  /// Counts built up one review at a time, oldest first.
  struct Tally {
    private var phases: [String: CardState.Phase] = [:]
    private(set) var counts: [String: CardCounts] = [:]

    mutating func add(_ review: ReviewRecord) {
      let before = phases.updateValue(review.state.phase, forKey: review.cardID)
      counts[review.cardID, default: .zero] =
        counts[review.cardID, default: .zero].adding(review.rating, before: before)
    }
  }
}
