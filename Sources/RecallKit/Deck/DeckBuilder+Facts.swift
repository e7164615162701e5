import Foundation

/// Facts: one reader per kind, with the keys `DeckSchema` lists for it.
extension DeckBuilder {
  mutating func readFact(_ node: DeckNode) -> Fact? {
    guard reader.visit(node) else { return nil }
    guard case .mapping(let mapping) = node else {
      reader.error(
        "each fact must be a mapping with 'id' and 'kind', found \(reader.describe(node))", at: node
      )
      return nil
    }
    let kindNode = mapping[DeckKey.kind.rawValue]
    guard let kindName = reader.text(kindNode, field: DeckKey.kind.rawValue) else {
      if kindNode == nil { reader.error("fact is missing required key 'kind'", at: node) }
      _ = reader.fields(
        of: node, in: "a fact",
        DeckSchema.Entry(known: DeckSchema.commonFactKeys + DeckSchema.allFactKeys, required: [.id])
      )
      return nil
    }
    guard let kind = Fact.Kind(rawValue: kindName) else {
      let kinds = Fact.Kind.allCases.map(\.rawValue)
      let hint =
        closestMatch(to: kindName, in: kinds).map { "; did you mean '\($0)'?" }
        ?? " (expected one of \(kinds.joined(separator: ", ")))"
      reader.error("unknown fact kind '\(NodeReader.clip(kindName))'\(hint)", at: kindNode)
      return nil
    }
    let context = "\(article(kind.rawValue)) \(kind.rawValue) fact"
    let own = DeckSchema.facts[kind] ?? DeckSchema.Entry(known: [], required: [])
    guard
      let fields = reader.fields(
        of: node, in: context,
        DeckSchema.Entry(
          known: DeckSchema.commonFactKeys + own.known, required: [.id] + own.required))
    else { return nil }
    let id = readID(fields[.id], what: "fact")
    let tags = reader.textList(fields, .tags)
    let note = reader.text(fields, .note)
    let source = reader.text(fields, .source)
    let content: Fact.Content?
    switch kind {
    case .event: content = readEvent(fields)
    case .person: content = readPerson(fields)
    case .unit, .organization: content = readGroup(fields, isUnit: kind == .unit, node: node)
    case .place: content = readPlace(fields)
    case .quantity: content = readQuantity(fields)
    case .statement: content = readStatement(fields)
    }
    guard let content, let id else { return nil }
    return Fact(
      id: id, content: content, tags: tags, note: note, source: source,
      location: reader.location(node))
  }

  private mutating func readEvent(_ fields: DeckFields) -> Fact.Content? {
    let what = reader.text(fields, .what).map(Self.clause)
    let date = reader.date(fields, .date)
    let planned = reader.date(fields, .plannedDate)
    for (value, key) in [(date, DeckKey.date), (planned, .plannedDate)] {
      if let value, let node = fields[key] { checkPlausible(value, node: node) }
    }
    let time = readTime(fields[.time])
    let duration = readTimeSpan(fields[.duration], field: DeckKey.duration.rawValue)
    var placesOpen = false
    if let places = fields[.places] {
      let entries: [DeckNode] =
        if case .sequence(let list) = places { Array(list) } else { [places] }
      for entry in entries {
        guard let value = reader.text(entry, field: DeckKey.places.rawValue) else { continue }
        if DeckSchema.openListMarkers.contains(value) {
          placesOpen = true
        } else {
          pendingPlaces.append((value, entry))
        }
      }
    }
    let name = reader.text(fields, .name)
    let (participants, participantsOpen) = openList(reader.textList(fields, .participants))
    let outcome = reader.text(fields, .outcome)
    let casualties = reader.text(fields, .casualties)
    guard let what else { return nil }
    return .event(
      Fact.Event(
        name: name, what: what, date: date, plannedDate: planned, time: time,
        duration: duration, places: [], placesAreExamples: placesOpen,
        participants: participants, participantsAreExamples: participantsOpen,
        outcome: outcome, casualties: casualties))
  }

  private mutating func readPerson(_ fields: DeckFields) -> Fact.Content? {
    let name = reader.text(fields, .name)
    let role = reader.text(fields, .role)
    let aliases = reader.textList(fields, .aliases)
    let accepted = reader.textList(fields, .accept)
    let affiliation = reader.text(fields, .affiliation)
    let title = reader.text(fields, .title)
    let nickname = reader.text(fields, .nickname)
    let born = reader.date(fields, .born)
    let died = reader.date(fields, .died)
    if let born, let died, let node = fields[.died],
      died.coveredDaysForChecks.upperBound < born.coveredDaysForChecks.lowerBound
    {
      reader.error("'died' (\(died.formatted)) is before 'born' (\(born.formatted))", at: node)
    }
    guard let name, let role else { return nil }
    warnAliasesRepeatingName(aliases, name: name, node: fields[.aliases])
    return .person(
      Fact.Person(
        name: name, aliases: aliases, role: Self.clause(role), affiliation: affiliation,
        title: title, nickname: nickname, acceptedAnswers: accepted, born: born, died: died))
  }

  private mutating func readGroup(_ fields: DeckFields, isUnit: Bool, node: DeckNode)
    -> Fact.Content?
  {
    let name = reader.text(fields, .name)
    let aliases = reader.textList(fields, .aliases)
    let accepted = reader.textList(fields, .accept)
    let nickname = reader.text(fields, .nickname)
    let role = reader.text(fields, .role).map(Self.clause)
    let affiliation = reader.text(fields, .affiliation)
    let type = reader.text(fields, .type)
    let size = reader.numberValue(fields, .size)
    let sizeUnit = reader.text(fields, .sizeUnit)
    if fields[.name] == nil, fields[.role] == nil {
      let noun = isUnit ? "unit" : "organization"
      reader.error(
        "a\(isUnit ? "" : "n") \(noun) fact needs a 'name', or a 'role' when the source does "
          + "not name it", at: node)
    }
    guard let label = name ?? role else { return nil }
    if let name { warnAliasesRepeatingName(aliases, name: name, node: fields[.aliases]) }
    return .group(
      Fact.Group(
        isUnit: isUnit, name: label, nickname: nickname, aliases: aliases, role: role,
        affiliation: affiliation, size: size, sizeUnit: sizeUnit, isNamed: name != nil,
        type: type, acceptedAnswers: accepted))
  }

  private mutating func readPlace(_ fields: DeckFields) -> Fact.Content? {
    let name = reader.text(fields, .name)
    let aliases = reader.textList(fields, .aliases)
    let accepted = reader.textList(fields, .accept)
    let type = reader.text(fields, .type)
    let region = reader.text(fields, .region)
    guard let name else {
      _ = reader.textList(fields, .knownFor)
      return nil
    }
    warnAliasesRepeatingName(aliases, name: name, node: fields[.aliases])
    var knownFor: [String] = []
    if let list = fields[.knownFor] {
      let entries: [DeckNode] =
        if case .sequence(let items) = list { Array(items) } else { [list] }
      for entry in entries {
        guard let sentence = reader.text(entry, field: DeckKey.knownFor.rawValue) else {
          continue
        }
        let names = [name] + aliases + accepted
        if !names.contains(where: { sentence.localizedCaseInsensitiveContains($0) }) {
          reader.warning(
            "this sentence does not name '\(name)', so no question can ask for it", at: entry)
        }
        knownFor.append(sentence)
      }
    }
    return .place(
      Fact.Place(
        name: name, aliases: aliases, type: type ?? "place", region: region,
        knownFor: knownFor, acceptedAnswers: accepted))
  }

  private mutating func readQuantity(_ fields: DeckFields) -> Fact.Content? {
    let howMany = reader.text(fields, .howMany).map(Self.clause)
    let date = reader.date(fields, .date)
    var unit = reader.text(fields, .unit)
    var value: NumberValue?
    // "two weeks" or "about 3 months" as the value: the unit of time comes with it.
    if unit == nil, let raw = reader.text(fields, .value), NumberValue.parseWritten(raw) == nil,
      let span = TimeSpan.parse(raw)
    {
      value = span.value
      unit = span.unit.name(plural: true)
    } else {
      value = reader.numberValue(fields, .value)
    }
    guard let howMany, let value else { return nil }
    return .quantity(Fact.Quantity(howMany: howMany, value: value, unit: unit, date: date))
  }

  private mutating func readStatement(_ fields: DeckFields) -> Fact.Content? {
    let text = reader.text(fields, .text)
    let alternatives = reader.textList(fields, .alternatives)
    let alsoTrue = reader.textList(fields, .alsoTrue)
    guard let text, var statement = readMarked(text, node: fields[.text]) else { return nil }
    statement.alternatives = alternatives
    statement.alsoTrue = alsoTrue
    return .statement(statement)
  }

  /// A list without its closing `…`, and whether it had one.
  private func openList(_ items: [String]) -> ([String], Bool) {
    guard let last = items.last, DeckSchema.openListMarkers.contains(last) else {
      return (items, false)
    }
    return (Array(items.dropLast()), true)
  }

  private mutating func readTime(_ node: DeckNode?) -> TimeOfDay? {
    guard let raw = reader.text(node, field: DeckKey.time.rawValue) else { return nil }
    guard let time = TimeOfDay.parse(raw) else {
      reader.error(
        "'time' is not a time of day: '\(NodeReader.clip(raw))' (try '11:30', '9:05 am' or "
          + "'noon')", at: node)
      return nil
    }
    return time
  }

  private mutating func readTimeSpan(_ node: DeckNode?, field: String) -> TimeSpan? {
    guard let raw = reader.text(node, field: field) else { return nil }
    guard let span = TimeSpan.parse(raw) else {
      reader.error(
        "'\(field)' is not a length of time: '\(NodeReader.clip(raw))' (try 'two weeks', "
          + "'about 3 months' or '6 to 7 years')", at: node)
      return nil
    }
    return span
  }

  /// A clause without a final full stop, since templates place it inside their own sentences.
  static func clause(_ text: String) -> String {
    var result = text
    while result.hasSuffix(".") && !result.hasSuffix("..") { result.removeLast() }
    return result
  }

  private mutating func warnAliasesRepeatingName(_ aliases: [String], name: String, node: DeckNode?)
  {
    for alias in aliases where alias.caseInsensitiveCompare(name) == .orderedSame {
      reader.warning("alias '\(alias)' repeats the name", at: node)
    }
  }

  /// Worked out once: a calendar per date costs more than the check.
  static let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())

  private mutating func checkPlausible(_ date: HistoricalDate, node: DeckNode) {
    if (date.end ?? date.start).year > Self.thisYear {
      reader.warning("the date \(date.formatted) is in the future; is the year right?", at: node)
    }
  }
}

extension HistoricalDate {
  /// First and last day covered, for sanity checks while loading.
  var coveredDaysForChecks: ClosedRange<Int> {
    let first = HistoricalDate.dayNumber(year: start.years.lowerBound, month: 1, day: 1)
    let last = HistoricalDate.dayNumber(year: (end ?? start).years.upperBound, month: 12, day: 31)
    return first...Swift.max(first, last)
  }
}
