/// A fact laid out whole, field by field, with where it comes from: what `:fact` shows when
/// one question gives too narrow a view of it (or the learner thinks it is wrong).
public struct FactSheet: Hashable, Sendable {
  public var title: String
  /// A labelled value ("date", "July 1998 to January 1999").
  public struct Field: Hashable, Sendable {
    public var label: String
    public var value: String
  }

  /// The fact's fields in the deck's order.
  public var fields: [Field]
  /// The author's note on the fact, if any.
  public var note: String?
  /// The deck's source: title, author, address, and the source's own note.
  public var source: String

  /// The sheet for the fact `question` asks about; nil for a hand-written card, which has no
  /// fact behind it.
  public init?(for question: Question, in deck: Deck) {
    guard let fact = deck.facts.first(where: { $0.id == question.fact }) else { return nil }
    self.init(fact, source: deck.source)
  }

  public init(_ fact: Fact, source: Deck.Source) {
    var fields: [Field] = []
    func add(_ label: String, _ value: String?) {
      if let value, !value.isEmpty { fields.append(Field(label: label, value: value)) }
    }
    func add(_ label: String, list values: [String]) {
      if !values.isEmpty {
        fields.append(Field(label: label, value: values.joined(separator: "; ")))
      }
    }
    let title: String
    switch fact.content {
    case .event(let event):
      title = event.name ?? event.what
      add("what", event.what)
      add("date", event.date?.formatted)
      add("places", list: event.places)
      add("participants", list: event.participants)
      add("outcome", event.outcome)
      add("casualties", event.casualties)
    case .person(let person):
      title = person.name
      add("also known as", list: person.aliases)
      add("role", person.role)
      add("affiliation", person.affiliation)
    case .group(let group):
      title = group.name
      add("nickname", group.nickname)
      add("also known as", list: group.aliases)
      add("role", group.role)
      add("affiliation", group.affiliation)
      add("size", group.size.map { "\($0)\(group.sizeUnit.map { " \($0)" } ?? "")" })
    case .place(let place):
      title = place.name
      add("also known as", list: place.aliases)
      add("type", place.type)
      add("region", place.region)
      add("known for", list: place.knownFor)
    case .quantity(let quantity):
      title = quantity.howMany
      add("value", "\(quantity.value)\(quantity.unit.map { " \($0)" } ?? "")")
      add("date", quantity.date?.formatted)
    case .statement(let statement):
      title = statement.text
      add("key", statement.key)
      add("also accepted", list: statement.alternatives)
    }
    add("tags", list: fact.tags)
    self.title = title
    self.fields = fields
    self.note = fact.note
    let cited = [source.title, source.author, source.url].compactMap { $0 }
      .joined(separator: ", ")
    self.source = source.note.map { "\(cited) (\($0))" } ?? cited
  }
}
