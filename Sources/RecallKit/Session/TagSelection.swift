/// The cards `recall study --tag T` studies: those of facts and hand-written cards tagged T,
/// and the questions that span the facts of tag T (`order/<tag>/1`…). Tags are compared as
/// the generator groups them, by slug, so `Cold War` and `cold-war` are one tag.
public struct TagSelection: Sendable {
  public let slug: String
  private let tagged: Set<String>

  public init(tag: String, deck: Deck) {
    let slug = English.slug(tag)
    self.slug = slug
    let facts = deck.facts.filter { $0.tags.contains { English.slug($0) == slug } }.map(\.id)
    let cards = deck.cards.filter { $0.tags.contains { English.slug($0) == slug } }.map(\.id)
    tagged = Set(facts + cards)
  }

  public func contains(_ question: Question) -> Bool {
    // A hand-written card's question has the card's id; it may name a fact too.
    if tagged.contains(question.fact) || tagged.contains(question.id) { return true }
    // A spanning question's id is `<kind>/<tag slug>/<n>`.
    let parts = question.id.split(separator: "/")
    return parts.count == 3 && parts[1] == slug
  }
}
