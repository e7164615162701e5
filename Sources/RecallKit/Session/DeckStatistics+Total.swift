extension DeckStatistics {
  /// Several decks' figures added up, for `recall stats` over the whole collection: counts and
  /// day columns summed, the shares recomputed from the sums, the hardest facts left to each
  /// deck (fact ids are only unique within one). Nil for no decks.
  public static func total(_ decks: [DeckStatistics]) -> DeckStatistics? {
    guard var total = decks.first else { return nil }
    total.hardest = []
    for deck in decks.dropFirst() {
      for (phase, count) in deck.cards { total.cards[phase, default: 0] += count }
      total.dueNow += deck.dueNow
      total.dueLaterToday += deck.dueLaterToday
      total.suspended += deck.suspended
      total.buried += deck.buried
      total.flagged += deck.flagged
      total.dueByDay = Self.sum(total.dueByDay, deck.dueByDay)
      total.reviews += deck.reviews
      total.accepted += deck.accepted
      total.milliseconds += deck.milliseconds
      total.reviewsByDay = Self.sum(total.reviewsByDay, deck.reviewsByDay)
      total.retentionReviews += deck.retentionReviews
      total.retentionAccepted += deck.retentionAccepted
      total.lapses += deck.lapses
    }
    return total
  }

  private static func sum(_ left: [Int], _ right: [Int]) -> [Int] {
    (0..<max(left.count, right.count)).map {
      ($0 < left.count ? left[$0] : 0) + ($0 < right.count ? right[$0] : 0)
    }
  }
}
