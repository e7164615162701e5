import Foundation

/// Renders a `Deck` as the YAML file `DeckLoader` reads, so imports and edits produce decks that
/// `recall check` accepts and a person can read and keep editing.
///
/// Text is written plain where YAML would read it back unchanged, and double-quoted otherwise.
public struct DeckWriter: Sendable {
  public init() {}

  /// The deck as YAML, with `header` lines as comments at the top.
  public func render(_ deck: Deck, header: [String] = []) -> String {
    var out = ""
    for line in header { out += "# \(line)\n" }
    if !header.isEmpty { out += "\n" }
    out += "id: \(Self.scalar(deck.id))\n"
    out += "title: \(Self.scalar(deck.title))\n"
    out += "subject: \(Self.scalar(deck.subject))\n"
    if deck.language != "en" { out += "language: \(Self.scalar(deck.language))\n" }
    out += renderSource(deck.source)
    out += renderSettings(deck.settings)
    out += "\n"
    if deck.facts.isEmpty {
      out += "facts: []  # Recall writes questions from facts; see Documentation/deck-format.md\n"
    } else {
      out += "facts:\n"
      for (index, fact) in deck.facts.enumerated() {
        if index > 0 { out += "\n" }
        out += renderFact(fact)
      }
    }
    if !deck.cards.isEmpty {
      out += "\ncards:\n"
      for (index, card) in deck.cards.enumerated() {
        if index > 0 { out += "\n" }
        out += renderCard(card)
      }
    }
    return out
  }

  private func renderSource(_ source: Deck.Source) -> String {
    let extras: [(String, String?)] = [
      ("url", source.url), ("author", source.author), ("license", source.license),
      ("note", source.note),
    ]
    guard extras.contains(where: { $0.1 != nil }) else {
      return "source: \(Self.scalar(source.title))\n"
    }
    var out = "source:\n  title: \(Self.scalar(source.title))\n"
    for (key, value) in extras {
      if let value { out += "  \(key): \(Self.scalar(value))\n" }
    }
    return out
  }

  private func renderSettings(_ settings: DeckSettings) -> String {
    var lines: [String] = []
    if let value = settings.desiredRetention {
      lines.append("desired_retention: \(Self.number(value))")
    }
    if let value = settings.maximumInterval { lines.append("maximum_interval: \(value)") }
    if let steps = settings.learningSteps {
      lines.append("learning_steps: [\(steps.map(Self.duration).joined(separator: ", "))]")
    }
    if let steps = settings.relearningSteps {
      lines.append("relearning_steps: [\(steps.map(Self.duration).joined(separator: ", "))]")
    }
    if let weights = settings.parameters {
      lines.append("parameters: [\(weights.map(Self.number).joined(separator: ", "))]")
    }
    if let value = settings.newPerDay { lines.append("new_per_day: \(value)") }
    if let value = settings.reviewsPerDay { lines.append("reviews_per_day: \(value)") }
    guard !lines.isEmpty else { return "" }
    return "settings:\n" + lines.map { "  \($0)\n" }.joined()
  }

  private func renderFact(_ fact: Fact) -> String {
    var fields: [(String, String)] = [
      (DeckKey.id.rawValue, Self.scalar(fact.id)), (DeckKey.kind.rawValue, fact.kind.rawValue),
    ]
    func add(_ key: DeckKey, _ value: String?) {
      if let value { fields.append((key.rawValue, Self.scalar(value))) }
    }
    func addList(_ key: DeckKey, _ values: [String]) {
      if !values.isEmpty { fields.append((key.rawValue, Self.list(values))) }
    }
    // An open list ("villages such as …") ends with the marker the loader reads.
    let open = ["…"]
    switch fact.content {
    case .event(let event):
      add(.name, event.name)
      add(.what, event.what)
      add(.date, event.date?.deckText)
      add(.plannedDate, event.plannedDate?.deckText)
      add(.time, event.time?.description)
      add(.duration, event.duration?.description)
      addList(.places, event.places + (event.placesAreExamples ? open : []))
      addList(.participants, event.participants + (event.participantsAreExamples ? open : []))
      add(.outcome, event.outcome)
      add(.casualties, event.casualties)
    case .person(let person):
      add(.name, person.name)
      add(.title, person.title)
      add(.nickname, person.nickname)
      addList(.aliases, person.aliases)
      addList(.accept, person.acceptedAnswers)
      add(.role, person.role)
      add(.affiliation, person.affiliation)
      add(.born, person.born?.deckText)
      add(.died, person.died?.deckText)
    case .group(let group):
      if group.isNamed { add(.name, group.name) }
      add(.type, group.type)
      add(.nickname, group.nickname)
      addList(.aliases, group.aliases)
      addList(.accept, group.acceptedAnswers)
      add(.role, group.role)
      add(.affiliation, group.affiliation)
      add(.size, group.size?.description)
      add(.sizeUnit, group.sizeUnit)
    case .place(let place):
      add(.name, place.name)
      addList(.aliases, place.aliases)
      addList(.accept, place.acceptedAnswers)
      if place.type != "place" { add(.type, place.type) }
      add(.region, place.region)
      if !place.knownFor.isEmpty {
        fields.append(
          (
            DeckKey.knownFor.rawValue,
            place.knownFor.map { "\n      - \(Self.scalar($0))" }.joined()
          ))
      }
    case .quantity(let quantity):
      add(.howMany, quantity.howMany)
      add(.value, quantity.value.description)
      add(.unit, quantity.unit)
      add(.date, quantity.date?.deckText)
    case .statement(let statement):
      add(.text, statement.before + "[[" + statement.key + "]]" + statement.after)
      addList(.alternatives, statement.alternatives)
      addList(.alsoTrue, statement.alsoTrue)
    }
    addList(.tags, fact.tags)
    add(.note, fact.note)
    add(.source, fact.source)
    return Self.entry(fields)
  }

  private func renderCard(_ card: HandCard) -> String {
    var fields: [(String, String)] = [("id", Self.scalar(card.id)), ("type", card.kind.rawValue)]
    switch card.kind {
    case .short:
      fields.append(("prompt", Self.scalar(card.prompt)))
      fields.append(("answer", Self.answer(card.answers)))
    case .choice:
      fields.append(("prompt", Self.scalar(card.prompt)))
      fields.append(("answer", Self.answer(card.answers)))
      fields.append(("distractors", Self.list(card.distractors)))
    case .truefalse:
      fields.append(("prompt", Self.scalar(card.prompt)))
      fields.append(("answer", card.truth == true ? "true" : "false"))
    case .numeric:
      fields.append(("prompt", Self.scalar(card.prompt)))
      fields.append(("answer", Self.scalar(card.number?.description ?? "")))
    case .cloze:
      let statement =
        card.cloze ?? Fact.Statement(before: "", key: card.answers.first ?? "", after: "")
      if card.prompt != statement.before + "_____" + statement.after {
        fields.append(("prompt", Self.scalar(card.prompt)))
      }
      fields.append(
        ("text", Self.scalar(statement.before + "[[" + statement.key + "]]" + statement.after)))
      let others = Array(card.answers.dropFirst())
      if !others.isEmpty { fields.append(("answer", Self.answer(others))) }
    }
    if let fact = card.fact { fields.append(("fact", Self.scalar(fact))) }
    if let explanation = card.explanation {
      fields.append(("explanation", Self.scalar(explanation)))
    }
    if !card.tags.isEmpty { fields.append(("tags", Self.list(card.tags))) }
    return Self.entry(fields)
  }

  /// One list entry: `  - key: value` then `    key: value`.
  private static func entry(_ fields: [(String, String)]) -> String {
    var out = ""
    for (index, (key, value)) in fields.enumerated() {
      out += (index == 0 ? "  - " : "    ") + key + ":"
      out += value.hasPrefix("\n") ? value : " " + value
      out += "\n"
    }
    return out
  }

  private static func answer(_ answers: [String]) -> String {
    answers.count == 1 ? scalar(answers[0]) : list(answers)
  }

  /// A flow list, `[a, "b, c"]`.
  static func list(_ values: [String]) -> String {
    "[" + values.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
  }

  /// A YAML scalar that reads back as exactly `text`.
  public static func scalar(_ text: String, inFlow: Bool = false) -> String {
    isPlainSafe(text, inFlow: inFlow) ? text : doubleQuoted(text)
  }

  private static let reservedWords: Set<String> = [
    "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
  ]

  private static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
    guard let first = text.first, let last = text.last else { return false }
    if first.isWhitespace || last.isWhitespace || last == ":" { return false }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
    if reservedWords.contains(text.lowercased()) { return false }
    if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
    if inFlow && text.contains(where: { ",[]{}".contains($0) }) { return false }
    return text.unicodeScalars.allSatisfy { scalar in
      scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
        && scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF
    }
  }

  private static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func number(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// Seconds as the loader's step durations: `1m`, `10m`, `1h`, `1d`, `30s`.
  static func duration(_ seconds: Double) -> String {
    for (unit, size) in [("d", 86400.0), ("h", 3600.0), ("m", 60.0)]
    where seconds >= size && (seconds / size).rounded() == seconds / size {
      return number(seconds / size) + unit
    }
    return number(seconds) + "s"
  }
}
