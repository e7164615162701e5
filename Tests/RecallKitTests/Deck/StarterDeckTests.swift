import RecallKit
import Testing

@Suite struct StarterDeckTests {
  @Test(arguments: [
    ("cold-war", "The Cold War"), ("x", "Title: with a colon # and hash"),
    ("a.b_c-1", "\"Quoted\" 'title'"),
  ])
  func passesCheckAsWritten(id: String, title: String) throws {
    let result = DeckLoader().load(text: StarterDeck.yaml(id: id, title: title), path: "new.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let deck = try #require(result.deck)
    #expect(deck.id == id)
    #expect(deck.title == title)
  }

  @Test func hasOneFactOfEachKindAndOneCardOfEachType() throws {
    let deck = try #require(
      DeckLoader().load(text: StarterDeck.yaml(id: "s", title: "S"), path: "s.yaml").deck)
    #expect(Set(deck.facts.map(\.kind)) == Set(Fact.Kind.allCases))
    #expect(deck.facts.count == Fact.Kind.allCases.count)
    #expect(Set(deck.cards.map(\.kind)) == Set(HandCard.Kind.allCases))
    #expect(deck.cards.count == HandCard.Kind.allCases.count)
  }

  @Test func titleFromID() {
    #expect(StarterDeck.title(fromID: "cold-war_europe") == "Cold war europe")
  }
}
