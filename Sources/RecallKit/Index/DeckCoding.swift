/// A checked deck as bytes, for the deck index (`StudyIndex`): every stored field of `Deck`, its
/// facts and cards, in a fixed order. A deck is only kept when it reads back equal to itself
/// (`StudyIndex.encodeDeck`), so a field added to a fact but not here is never lost silently:
/// the deck is then not kept at all.
enum DeckCoding {
  static func write(_ result: DeckLoadResult, deck: Deck, to writer: inout IndexByteWriter) {
    writer.append(deck.path)
    writer.append(deck.id)
    writer.append(deck.title)
    writer.append(deck.subject)
    writer.append(deck.language)
    writer.append(deck.source.title)
    writer.append(optional: deck.source.url)
    writer.append(optional: deck.source.author)
    writer.append(optional: deck.source.license)
    writer.append(optional: deck.source.note)
    write(deck.settings, to: &writer)
    writer.append(UInt32(deck.facts.count))
    for fact in deck.facts { write(fact, in: deck.path, to: &writer) }
    writer.append(UInt32(deck.cards.count))
    for card in deck.cards { write(card, in: deck.path, to: &writer) }
    writer.append(UInt32(result.diagnostics.count))
    for diagnostic in result.diagnostics {
      writer.append(diagnostic.severity.rawValue)
      write(diagnostic.location, in: deck.path, to: &writer)
      writer.append(diagnostic.message)
    }
  }

  static func read(_ reader: inout IndexByteReader) throws -> DeckLoadResult {
    let path = try reader.string()
    let id = try reader.string()
    let title = try reader.string()
    let subject = try reader.string()
    let language = try reader.string()
    let source = Deck.Source(
      title: try reader.string(), url: try reader.optionalString(),
      author: try reader.optionalString(), license: try reader.optionalString(),
      note: try reader.optionalString())
    let settings = try readSettings(&reader)
    let facts = try reader.array(minimumSize: 8) { try readFact(&$0, in: path) }
    let cards = try reader.array(minimumSize: 8) { try readCard(&$0, in: path) }
    let diagnostics = try reader.array(minimumSize: 8) { reader in
      let severity = try reader.raw(Diagnostic.Severity.self)
      let location = try readLocation(&reader, in: path)
      return Diagnostic(severity, at: location, try reader.string())
    }
    let deck = Deck(
      id: id, title: title, subject: subject, language: language, source: source,
      settings: settings, facts: facts, cards: cards, path: path)
    return DeckLoadResult(deck: deck, diagnostics: diagnostics)
  }

  // MARK: Settings and places in the file

  private static func write(_ settings: DeckSettings, to writer: inout IndexByteWriter) {
    writer.append(optional: settings.desiredRetention) { $0.append($1) }
    writer.append(optional: settings.maximumInterval) { $0.append(int: $1) }
    for steps in [settings.learningSteps, settings.relearningSteps, settings.parameters] {
      writer.append(optional: steps) { writer, steps in
        writer.append(UInt32(steps.count))
        for step in steps { writer.append(step) }
      }
    }
    writer.append(optional: settings.newPerDay) { $0.append(int: $1) }
    writer.append(optional: settings.reviewsPerDay) { $0.append(int: $1) }
  }

  private static func readSettings(_ reader: inout IndexByteReader) throws -> DeckSettings {
    func numbers(_ reader: inout IndexByteReader) throws -> [Double]? {
      try reader.optional { try $0.array(minimumSize: 8) { try $0.double() } }
    }
    return DeckSettings(
      desiredRetention: try reader.optional { try $0.double() },
      maximumInterval: try reader.optional { try $0.int() },
      learningSteps: try numbers(&reader), relearningSteps: try numbers(&reader),
      parameters: try numbers(&reader), newPerDay: try reader.optional { try $0.int() },
      reviewsPerDay: try reader.optional { try $0.int() })
  }

  /// A location, its file left out when it is the deck's own (nearly always).
  private static func write(
    _ location: SourceLocation, in path: String, to writer: inout IndexByteWriter
  ) {
    writer.append(optional: location.file == path ? nil : location.file)
    writer.append(int: location.line)
    writer.append(int: location.column)
  }

  private static func readLocation(_ reader: inout IndexByteReader, in path: String) throws
    -> SourceLocation
  {
    SourceLocation(
      file: try reader.optionalString() ?? path, line: try reader.int(), column: try reader.int())
  }

  // MARK: Facts

  private static func write(_ fact: Fact, in path: String, to writer: inout IndexByteWriter) {
    writer.append(fact.id)
    writer.append(fact.tags)
    writer.append(optional: fact.note)
    writer.append(optional: fact.source)
    write(fact.location, in: path, to: &writer)
    switch fact.content {
    case .event(let event):
      writer.append(byte: 0)
      writer.append(optional: event.name)
      writer.append(event.what)
      writer.append(optional: event.date) { write($1, to: &$0) }
      writer.append(optional: event.plannedDate) { write($1, to: &$0) }
      writer.append(optional: event.time) { writer, time in
        writer.append(int: time.hour)
        writer.append(int: time.minute)
      }
      writer.append(optional: event.duration) { writer, span in
        write(span.value, to: &writer)
        writer.append(span.unit.rawValue)
      }
      writer.append(event.places)
      writer.append(event.placesAreExamples)
      writer.append(event.participants)
      writer.append(event.participantsAreExamples)
      writer.append(optional: event.outcome)
      writer.append(optional: event.casualties)
    case .person(let person):
      writer.append(byte: 1)
      writer.append(person.name)
      writer.append(person.aliases)
      writer.append(person.role)
      writer.append(optional: person.affiliation)
      writer.append(optional: person.title)
      writer.append(optional: person.nickname)
      writer.append(person.acceptedAnswers)
      writer.append(optional: person.born) { write($1, to: &$0) }
      writer.append(optional: person.died) { write($1, to: &$0) }
    case .group(let group):
      writer.append(byte: 2)
      writer.append(group.isUnit)
      writer.append(group.name)
      writer.append(group.isNamed)
      writer.append(optional: group.type)
      writer.append(group.acceptedAnswers)
      writer.append(optional: group.nickname)
      writer.append(group.aliases)
      writer.append(optional: group.role)
      writer.append(optional: group.affiliation)
      writer.append(optional: group.size) { write($1, to: &$0) }
      writer.append(optional: group.sizeUnit)
    case .place(let place):
      writer.append(byte: 3)
      writer.append(place.name)
      writer.append(place.aliases)
      writer.append(place.type)
      writer.append(optional: place.region)
      writer.append(place.knownFor)
      writer.append(place.acceptedAnswers)
    case .quantity(let quantity):
      writer.append(byte: 4)
      writer.append(quantity.howMany)
      write(quantity.value, to: &writer)
      writer.append(optional: quantity.unit)
      writer.append(optional: quantity.date) { write($1, to: &$0) }
    case .statement(let statement):
      writer.append(byte: 5)
      write(statement, to: &writer)
    }
  }

  private static func readFact(_ reader: inout IndexByteReader, in path: String) throws -> Fact {
    let id = try reader.string()
    let tags = try reader.strings()
    let note = try reader.optionalString()
    let source = try reader.optionalString()
    let location = try readLocation(&reader, in: path)
    let content: Fact.Content
    switch try reader.byte() {
    case 0:
      content = .event(
        Fact.Event(
          name: try reader.optionalString(), what: try reader.string(),
          date: try reader.optional(readDate), plannedDate: try reader.optional(readDate),
          time: try reader.optional { TimeOfDay(hour: try $0.int(), minute: try $0.int()) },
          duration: try reader.optional {
            TimeSpan(try readNumber(&$0), try $0.raw(TimeSpan.Unit.self))
          },
          places: try reader.strings(), placesAreExamples: try reader.bool(),
          participants: try reader.strings(), participantsAreExamples: try reader.bool(),
          outcome: try reader.optionalString(), casualties: try reader.optionalString()))
    case 1:
      content = .person(
        Fact.Person(
          name: try reader.string(), aliases: try reader.strings(), role: try reader.string(),
          affiliation: try reader.optionalString(), title: try reader.optionalString(),
          nickname: try reader.optionalString(), acceptedAnswers: try reader.strings(),
          born: try reader.optional(readDate), died: try reader.optional(readDate)))
    case 2:
      let isUnit = try reader.bool()
      let name = try reader.string()
      let isNamed = try reader.bool()
      let type = try reader.optionalString()
      let accepted = try reader.strings()
      content = .group(
        Fact.Group(
          isUnit: isUnit, name: name, nickname: try reader.optionalString(),
          aliases: try reader.strings(), role: try reader.optionalString(),
          affiliation: try reader.optionalString(), size: try reader.optional(readNumber),
          sizeUnit: try reader.optionalString(), isNamed: isNamed, type: type,
          acceptedAnswers: accepted))
    case 3:
      content = .place(
        Fact.Place(
          name: try reader.string(), aliases: try reader.strings(), type: try reader.string(),
          region: try reader.optionalString(), knownFor: try reader.strings(),
          acceptedAnswers: try reader.strings()))
    case 4:
      content = .quantity(
        Fact.Quantity(
          howMany: try reader.string(), value: try readNumber(&reader),
          unit: try reader.optionalString(), date: try reader.optional(readDate)))
    case 5:
      content = .statement(try readStatement(&reader))
    default:
      throw IndexByteReader.OutOfBounds()
    }
    return Fact(
      id: id, content: content, tags: tags, note: note, source: source, location: location)
  }

  private static func write(_ statement: Fact.Statement, to writer: inout IndexByteWriter) {
    writer.append(statement.before)
    writer.append(statement.key)
    writer.append(statement.after)
    writer.append(statement.alternatives)
    writer.append(statement.alsoTrue)
  }

  private static func readStatement(_ reader: inout IndexByteReader) throws -> Fact.Statement {
    Fact.Statement(
      before: try reader.string(), key: try reader.string(), after: try reader.string(),
      alternatives: try reader.strings(), alsoTrue: try reader.strings())
  }

  // MARK: Hand-written cards

  private static func write(_ card: HandCard, in path: String, to writer: inout IndexByteWriter) {
    writer.append(card.id)
    writer.append(card.kind.rawValue)
    writer.append(card.prompt)
    writer.append(card.answers)
    writer.append(card.distractors)
    writer.append(optional: card.truth) { $0.append($1) }
    writer.append(optional: card.cloze) { write($1, to: &$0) }
    writer.append(optional: card.number) { write($1, to: &$0) }
    writer.append(optional: card.fact)
    writer.append(optional: card.explanation)
    writer.append(card.tags)
    write(card.location, in: path, to: &writer)
  }

  private static func readCard(_ reader: inout IndexByteReader, in path: String) throws
    -> HandCard
  {
    HandCard(
      id: try reader.string(), kind: try reader.raw(HandCard.Kind.self),
      prompt: try reader.string(), answers: try reader.strings(),
      distractors: try reader.strings(), truth: try reader.optional { try $0.bool() },
      cloze: try reader.optional(readStatement), number: try reader.optional(readNumber),
      fact: try reader.optionalString(), explanation: try reader.optionalString(),
      tags: try reader.strings(), location: try readLocation(&reader, in: path))
  }

  // MARK: Dates and numbers

  static func write(_ number: NumberValue, to writer: inout IndexByteWriter) {
    writer.append(number.low)
    writer.append(number.high)
    writer.append(number.qualifier.rawValue)
  }

  static func readNumber(_ reader: inout IndexByteReader) throws -> NumberValue {
    NumberValue(
      from: try reader.double(), to: try reader.double(),
      qualifier: try reader.raw(NumberValue.Qualifier.self))
  }

  static func write(_ date: HistoricalDate, to writer: inout IndexByteWriter) {
    write(date.start, to: &writer)
    writer.append(optional: date.end) { write($1, to: &$0) }
    writer.append(date.isApproximate)
    writer.append(date.isYearInferred)
    writer.append(date.eraStyle.rawValue)
  }

  static func readDate(_ reader: inout IndexByteReader) throws -> HistoricalDate {
    HistoricalDate(
      try readPoint(&reader), to: try reader.optional(readPoint), approximate: try reader.bool(),
      yearInferred: try reader.bool(), eraStyle: try reader.raw(HistoricalDate.EraStyle.self))
  }

  private static func write(_ point: HistoricalDate.Point, to writer: inout IndexByteWriter) {
    switch point {
    case .day(let year, let month, let day):
      writer.append(byte: 0)
      for value in [year, month, day] { writer.append(int: value) }
    case .month(let year, let month):
      writer.append(byte: 1)
      for value in [year, month] { writer.append(int: value) }
    case .partOfMonth(let part, let year, let month):
      writer.append(byte: 2)
      writer.append(part.rawValue)
      for value in [year, month] { writer.append(int: value) }
    case .season(let season, let year):
      writer.append(byte: 3)
      writer.append(season.rawValue)
      writer.append(int: year)
    case .partOfYear(let part, let year):
      writer.append(byte: 4)
      writer.append(part.rawValue)
      writer.append(int: year)
    case .year(let year):
      writer.append(byte: 5)
      writer.append(int: year)
    case .decade(let label):
      writer.append(byte: 6)
      writer.append(int: label)
    case .hundreds(let label):
      writer.append(byte: 7)
      writer.append(int: label)
    case .century(let ordinal, let part):
      writer.append(byte: 8)
      writer.append(int: ordinal)
      writer.append(optional: part?.rawValue)
    }
  }

  private static func readPoint(_ reader: inout IndexByteReader) throws -> HistoricalDate.Point {
    typealias Part = HistoricalDate.Part
    switch try reader.byte() {
    case 0: return .day(year: try reader.int(), month: try reader.int(), day: try reader.int())
    case 1: return .month(year: try reader.int(), month: try reader.int())
    case 2:
      return .partOfMonth(
        try reader.raw(Part.self), year: try reader.int(), month: try reader.int())
    case 3: return .season(try reader.raw(HistoricalDate.Season.self), year: try reader.int())
    case 4: return .partOfYear(try reader.raw(Part.self), year: try reader.int())
    case 5: return .year(try reader.int())
    case 6: return .decade(try reader.int())
    case 7: return .hundreds(try reader.int())
    case 8:
      let ordinal = try reader.int()
      let part = try reader.optionalString().map { text in
        guard let part = Part(rawValue: text) else { throw IndexByteReader.OutOfBounds() }
        return part
      }
      return .century(ordinal, part: part)
    default: throw IndexByteReader.OutOfBounds()
    }
  }
}
