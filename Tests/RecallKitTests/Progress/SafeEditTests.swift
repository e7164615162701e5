import Foundation
import RecallKit
import Testing

/// Rewording, reordering, adding and deleting facts keeps every surviving card's history; the
/// deleted fact's cards stay as orphans until `prune` is asked to drop them.
@Suite struct SafeEditTests {
  static let header = """
    id: edits
    title: Edits
    subject: History
    source: A book
    facts:

    """

  static let original =
    header + """
      - id: school
        kind: event
        what: the KLA opened its first military school in Bajgora
        date: July 1998
      - id: mazhiq
        kind: event
        what: Yugoslav forces shelled Mazhiq
        date: 10 July 1998
      - id: bukos
        kind: event
        what: the KLA captured Bukos
        date: 23 February 1999
      - id: ambush
        kind: event
        what: the KLA ambushed a Yugoslav convoy at Bare
        date: 8 January 1999
      """

  /// `school` and `mazhiq` reworded, the order changed, `bukos` deleted, two facts added.
  static let edited =
    header + """
      - id: ambush
        kind: event
        what: KLA soldiers lay in wait for a Yugoslav convoy at Bare and attacked it
        date: 8 January 1999
      - id: melanica
        kind: event
        what: Yugoslav forces won back Melanica
        date: February 1999
      - id: mazhiq
        kind: event
        what: Yugoslav artillery shelled the village of Mazhiq
        date: 10 July 1998
      - id: school
        kind: event
        what: the Kosovo Liberation Army opened its first military school in Bajgora
        date: July 1998
      - id: recruits
        kind: quantity
        how_many: recruits trained at the school in its first months
        value: about 400
      """

  private func questions(_ text: String) throws -> [Question] {
    let result = DeckLoader().load(text: text, path: "edits.yaml")
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    return QuestionGenerator(deck: try #require(result.deck), seed: 7).questions()
  }

  @Test func survivingCardsKeepTheirHistoryAndTheDeletedOneIsAnOrphan() throws {
    let folder = try makeProgressFolder()
    let before = try questions(Self.original)
    let studied = before.filter { ["school", "mazhiq", "bukos", "ambush"].contains($0.fact) }
      .map(\.id)
    #expect(studied.contains { $0.hasPrefix("bukos/") })
    let store = try ProgressStore.open(deckID: "edits", directory: folder)
    for (minute, id) in studied.enumerated() {
      try store.record(sampleReview(id, minute: minute, rating: minute % 3 == 0 ? .again : .good))
    }
    try store.close()
    let statesBefore = try ProgressStore.openReadOnly(deckID: "edits", directory: folder).states

    let after = try questions(Self.edited)
    let known = Set(after.map(\.id))
    let reopened = try ProgressStore.open(deckID: "edits", directory: folder)
    for id in studied where !id.hasPrefix("bukos/") {
      #expect(known.contains(id), "\(id) left the deck")
      #expect(reopened.state(for: id) == statesBefore[id])
    }
    let orphans = reopened.orphans(knownIDs: known)
    #expect(!orphans.isEmpty)
    #expect(orphans == studied.filter { $0.hasPrefix("bukos/") }.sorted())
    try reopened.close()

    // Reopening and closing changes nothing: orphans are kept until prune.
    let again = try ProgressStore.openReadOnly(deckID: "edits", directory: folder)
    #expect(again.orphans(knownIDs: known) == orphans)
    #expect(try again.reviews().count == studied.count)
  }

  @Test func pruneDropsOnlyTheOrphansAndKeepsTheLogReadable() throws {
    let folder = try makeProgressFolder()
    let store = try ProgressStore.open(deckID: "edits", directory: folder)
    store.compactionThreshold = 3
    let ids = ["a/short", "b/short", "gone/short", "a/choice", "gone/choice", "c/short"]
    for (minute, id) in ids.enumerated() { try store.record(sampleReview(id, minute: minute)) }
    try store.record(sampleReview("gone/short", minute: 9))
    let known: Set<String> = ["a/short", "a/choice", "b/short", "c/short"]

    let plan = try ProgressStore.openReadOnly(deckID: "edits", directory: folder)
      .pruning(knownIDs: known)
    #expect(plan == ProgressPruning(cards: ["gone/choice", "gone/short"], reviews: 3))
    #expect(
      try ProgressStore.openReadOnly(deckID: "edits", directory: folder).orphans(
        knownIDs: known
      ).count == 2)

    let done = try store.prune(knownIDs: known)
    #expect(done == plan)
    #expect(store.orphans(knownIDs: known).isEmpty)
    try store.record(sampleReview("b/short", minute: 20))
    try store.close()

    let reread = try ProgressStore.openReadOnly(deckID: "edits", directory: folder)
    #expect(Set(reread.states.keys) == known)
    let reviews = try reread.reviews()
    #expect(reviews.map(\.cardID) == ["a/short", "b/short", "a/choice", "c/short", "b/short"])
    #expect(!fileText(reread.files.reviews).contains("gone/"))
    #expect(try reread.pruning(knownIDs: known) == ProgressPruning(cards: [], reviews: 0))
  }
}
