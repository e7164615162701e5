/// A loaded deck: the facts and hand-written cards of one subject, with where each came from.
public struct Deck: Hashable, Sendable, Identifiable {
  /// Where the deck's material comes from, for attribution.
  public struct Source: Hashable, Sendable {
    public var title: String
    public var url: String?
    public var author: String?
    public var license: String?
    public var note: String?

    public init(
      title: String, url: String? = nil, author: String? = nil, license: String? = nil,
      note: String? = nil
    ) {
      self.title = title
      self.url = url
      self.author = author
      self.license = license
      self.note = note
    }
  }

  public var id: String
  public var title: String
  public var subject: String
  /// BCP 47 language tag of the deck's text ("en").
  public var language: String
  public var source: Source
  public var settings: DeckSettings
  public var facts: [Fact]
  public var cards: [HandCard]
  /// The file the deck was read from.
  public var path: String

  public init(
    id: String, title: String, subject: String, language: String, source: Source,
    settings: DeckSettings = DeckSettings(), facts: [Fact], cards: [HandCard] = [],
    path: String
  ) {
    self.id = id
    self.title = title
    self.subject = subject
    self.language = language
    self.source = source
    self.settings = settings
    self.facts = facts
    self.cards = cards
    self.path = path
  }

  /// The fact with this id, if the deck has one.
  public func fact(id: String) -> Fact? { facts.first { $0.id == id } }
}
