/// Every key a deck file may use, spelled once: the loader, the writer and the error messages
/// all take their names from here.
enum DeckKey: String, CaseIterable {
  // The deck
  case id, title, subject, language, source, settings, facts, cards
  // Source
  case url, author, license, note
  // Settings
  case desiredRetention = "desired_retention", maximumInterval = "maximum_interval"
  case learningSteps = "learning_steps", relearningSteps = "relearning_steps"
  case parameters, newPerDay = "new_per_day", reviewsPerDay = "reviews_per_day"
  // Facts
  case kind, tags, name, what, date, places, participants, outcome, casualties
  case plannedDate = "planned_date", time, duration
  case aliases, role, affiliation, nickname, born, died, accept
  case size, sizeUnit = "size_unit", type, region, knownFor = "known_for"
  case howMany = "how_many", value, unit, text, alternatives, alsoTrue = "also_true"
  // Cards
  case prompt, answer, distractors, fact, explanation
}

/// Which keys each part of a deck knows and requires.
enum DeckSchema {
  struct Entry {
    var known: [DeckKey]
    var required: [DeckKey]
  }

  static let deck = Entry(
    known: [.id, .title, .subject, .language, .source, .settings, .facts, .cards],
    required: [.id, .title, .subject, .source, .facts])
  static let source = Entry(known: [.title, .url, .author, .license, .note], required: [.title])
  static let settings = Entry(
    known: [
      .desiredRetention, .maximumInterval, .learningSteps, .relearningSteps, .parameters,
      .newPerDay, .reviewsPerDay,
    ], required: [])
  static let commonFactKeys: [DeckKey] = [.id, .kind, .tags, .note, .source]

  private static let groupKeys: [DeckKey] = [
    .name, .nickname, .aliases, .accept, .role, .affiliation, .type, .size, .sizeUnit,
  ]

  /// Each kind's own keys (beyond `commonFactKeys`) and the ones it cannot do without. A unit
  /// or organization needs a `name` or, when the source never names it, a `role`.
  static let facts: [Fact.Kind: Entry] = [
    .event: Entry(
      known: [
        .name, .what, .date, .plannedDate, .time, .duration, .places, .participants, .outcome,
        .casualties,
      ], required: [.what]),
    .person: Entry(
      known: [
        .name, .aliases, .accept, .title, .nickname, .role, .affiliation, .born, .died,
      ], required: [.name, .role]),
    .unit: Entry(known: groupKeys, required: []),
    .organization: Entry(known: groupKeys, required: []),
    .place: Entry(known: [.name, .aliases, .accept, .type, .region, .knownFor], required: [.name]),
    .quantity: Entry(known: [.howMany, .value, .unit, .date], required: [.howMany, .value]),
    .statement: Entry(known: [.text, .alternatives, .alsoTrue], required: [.text]),
  ]

  static let card = Entry(
    known: [.id, .type, .prompt, .text, .answer, .distractors, .fact, .explanation, .tags],
    required: [.id, .type])

  /// The keys a fact of `kind` cannot do without, as written in a deck.
  static func requiredKeys(of kind: Fact.Kind) -> [String] {
    (facts[kind]?.required ?? []).map(\.rawValue)
  }

  /// Every fact key of any kind, for reporting a fact whose kind is unreadable.
  static var allFactKeys: [DeckKey] {
    let all = Set(facts.values.flatMap(\.known))
    return DeckKey.allCases.filter { all.contains($0) }
  }

  /// The marker that ends a list the source leaves open ("villages such as …").
  static let openListMarkers: Set<String> = ["…", "...", "etc.", "etc"]
}

/// A mapping's values, looked up by schema key.
struct DeckFields {
  var nodes: [String: DeckNode]

  subscript(_ key: DeckKey) -> DeckNode? { nodes[key.rawValue] }
}

extension NodeReader {
  /// `fields(of:in:known:required:)` with the keys of a schema entry.
  mutating func fields(of node: DeckNode, in context: String, _ entry: DeckSchema.Entry)
    -> DeckFields?
  {
    fields(
      of: node, in: context, known: entry.known.map(\.rawValue),
      required: entry.required.map(\.rawValue)
    ).map(DeckFields.init)
  }

  mutating func text(_ fields: DeckFields, _ key: DeckKey) -> String? {
    text(fields[key], field: key.rawValue)
  }

  mutating func textList(_ fields: DeckFields, _ key: DeckKey) -> [String] {
    textList(fields[key], field: key.rawValue)
  }

  mutating func date(_ fields: DeckFields, _ key: DeckKey) -> HistoricalDate? {
    date(fields[key], field: key.rawValue)
  }

  mutating func numberValue(_ fields: DeckFields, _ key: DeckKey) -> NumberValue? {
    numberValue(fields[key], field: key.rawValue)
  }
}
