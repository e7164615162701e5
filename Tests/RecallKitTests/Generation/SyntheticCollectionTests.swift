import Foundation
import RecallKit
import RecallSynthetic
import Testing

@Suite("Synthetic collection")
struct SyntheticCollectionTests {
  @Test("the deck loads with one card per fact")
  func deckLoads() throws {
    let folder = try makeProgressFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let collection = SyntheticCollection(facts: 50, reviews: 400)
    try collection.write(to: folder)
    let result = try DeckLoader().load(path: folder + "/Decks/synthetic.yaml")
    let deck = try #require(result.deck)
    #expect(result.diagnostics.isEmpty)
    #expect(deck.facts.count == 50)
    let questions = QuestionGenerator(deck: deck).questions()
    #expect(questions.map(\.id) == (0..<50).map(collection.cardID))
  }

  @Test("the progress opens in the store, with every review logged in time order")
  func progressOpens() throws {
    let folder = try makeProgressFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let collection = SyntheticCollection(facts: 50, reviews: 400)
    try collection.write(to: folder)
    let store = try ProgressStore.openReadOnly(
      deckID: "synthetic", directory: folder + "/Progress")
    let reviews = try store.reviews()
    #expect(reviews.count == 400)
    #expect(zip(reviews, reviews.dropFirst()).allSatisfy { $0.reviewedAt <= $1.reviewedAt })
    #expect(reviews.allSatisfy { $0.reviewedAt <= collection.now })
    #expect(
      reviews.first.map { collection.now.timeIntervalSince($0.reviewedAt) > 365 * 86_400 } == true)
    // Nine cards in ten studied; each card's snapshot state is its last logged state.
    #expect(store.states.count == 45)
    var last: [String: CardState] = [:]
    for review in reviews { last[review.cardID] = review.state }
    #expect(last == store.states)
  }

  @Test("the replay input has one line per review")
  func replayInput() {
    let collection = SyntheticCollection(facts: 10, reviews: 30)
    let lines = collection.replayInput().split(separator: "\n")
    #expect(lines.count == 30)
    #expect(lines.allSatisfy { $0.hasPrefix(#"{"card": "fact-"#) })
  }
}
