extension DeckStatistics {
  /// A hard fact of one deck among several: fact ids are only unique within a deck.
  public struct DeckHardFact: Hashable, Sendable {
    public var deck: String
    public var fact: HardFact
  }

  /// The hardest facts over several decks, ranked together by each deck's own rule (most
  /// lapses first), ties by deck id and then fact id; up to `count`. Each deck's `hardest`
  /// holds its first five by that rule, so the collection's first five are among them.
  public static func hardest(
    across decks: [(deck: String, statistics: DeckStatistics)], count: Int = 5
  ) -> [DeckHardFact] {
    let all = decks.flatMap { deck in
      deck.statistics.hardest.map { DeckHardFact(deck: deck.deck, fact: $0) }
    }
    return all.sorted {
      ($1.fact.lapses, $0.deck, $0.fact.fact) < ($0.fact.lapses, $1.deck, $1.fact.fact)
    }
    .prefix(count).map { $0 }
  }

  /// Several decks' figures added up, for `recall stats` over the whole collection: counts and
  /// day columns summed, the shares recomputed from the sums. `hardest` is left empty (fact ids
  /// are only unique within a deck): `hardest(across:)` ranks the decks' own. Nil for no decks.
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
