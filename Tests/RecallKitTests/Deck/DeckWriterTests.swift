import Foundation
import RecallKit
import RecallTestSupport
import Testing

@Suite struct DeckWriterTests {
  /// Facts and cards without their source locations, which change when a deck is rewritten.
  private func content(_ deck: Deck) -> ([Fact], [HandCard]) {
    let blank = SourceLocation(file: "", line: 0, column: 0)
    let facts = deck.facts.map { fact in
      var copy = fact
      copy.location = blank
      return copy
    }
    let cards = deck.cards.map { card in
      var copy = card
      copy.location = blank
      return copy
    }
    return (facts, cards)
  }

  private func roundTrip(_ deck: Deck) throws -> Deck {
    let yaml = DeckWriter().render(deck, header: ["written by a test"])
    let result = DeckLoader().load(text: yaml, path: "written.yaml")
    #expect(
      result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)\n\(yaml)")
    return try #require(result.deck)
  }

  @Test(arguments: ["Decks/bajgora-offensive.yaml"])
  func realDeckRoundTrips(path: String) throws {
    let original = try #require(
      try DeckLoader().load(path: Repository.root.appendingPathComponent(path).path).deck)
    let again = try roundTrip(original)
    #expect(again.id == original.id)
    #expect(again.title == original.title)
    #expect(again.subject == original.subject)
    #expect(again.source == original.source)
    #expect(again.settings == original.settings)
    let (facts, cards) = content(original)
    let (factsAgain, cardsAgain) = content(again)
    #expect(facts.count == factsAgain.count)
    for (fact, back) in zip(facts, factsAgain) { #expect(fact == back) }
    #expect(cards == cardsAgain)
  }

  @Test func starterDeckRoundTrips() throws {
    let original = try #require(
      DeckLoader().load(
        text: StarterDeck.yaml(id: "starter", title: "Starter"), path: "starter.yaml"
      ).deck)
    let again = try roundTrip(original)
    #expect(content(again).0 == content(original).0)
    #expect(content(again).1 == content(original).1)
    #expect(again.settings == original.settings)
  }

  /// Text YAML would misread if written plain: each must come back exactly.
  static let awkwardTexts = [
    "null", "~", "yes", "No", "true", "- a list?", "a: b", "ends with colon:", "# not a comment",
    "word #hash", "[brackets]", "{braces}", "'single", "\"double\"", "*star", "&amp", "!bang",
    "%percent", "@at", "`tick", "|pipe", ">fold", "?query", "1998", "3,000", "0.5", "Thaçi’s",
    "line one\nline two", "tab\there", "back\\slash", "comma, inside", "trailing: ",
    "emoji 🙂 ok", "→ arrow",
  ]

  @Test(arguments: awkwardTexts)
  func awkwardTextComesBackExactly(text: String) throws {
    let location = SourceLocation(file: "", line: 0, column: 0)
    let deck = Deck(
      id: "awkward", title: text, subject: text, language: "en",
      source: Deck.Source(title: text, note: text),
      facts: [],
      cards: [
        HandCard(
          id: "card", kind: .choice, prompt: text, answers: [text],
          distractors: [text + " x", "y"],
          explanation: text, tags: [text], location: location)
      ], path: "")
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let again = try roundTrip(deck)
    #expect(again.title == trimmed)
    #expect(again.source.note == trimmed)
    let card = try #require(again.cards.first)
    #expect(card.prompt == trimmed)
    #expect(card.answers == [trimmed])
    #expect(
      card.distractors == [(text + " x").trimmingCharacters(in: .whitespacesAndNewlines), "y"])
    #expect(card.explanation == trimmed)
    #expect(card.tags == [trimmed])
  }

  @Test func scalarsArePlainWhenSafe() {
    #expect(DeckWriter.scalar("Mazhiq") == "Mazhiq")
    #expect(DeckWriter.scalar("the Battle of Mazhiq, 1998") == "the Battle of Mazhiq, 1998")
    #expect(DeckWriter.scalar("a: b") == "\"a: b\"")
    #expect(DeckWriter.scalar("yes") == "\"yes\"")
    #expect(DeckWriter.scalar("x, y", inFlow: true) == "\"x, y\"")
    #expect(DeckWriter.scalar("two\nlines") == "\"two\\nlines\"")
  }
}
