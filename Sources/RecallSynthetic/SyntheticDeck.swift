import RecallKit

/// Builds made-up decks of any size, for benchmarks and scale tests: every fact kind, names that
/// never repeat, dates and figures spread like a real deck's, deterministic for a seed.
public enum SyntheticDeck {
  private static let syllables = [
    "ba", "ja", "go", "ra", "zhi", "vi", "lo", "de", "ma", "qi", "ku", "tll", "ve", "se", "ko",
    "sla", "ce", "li", "su", "dim", "do", "nja", "bu", "mel", "ni", "ash", "lan", "ga", "maj",
  ]
  private static let tags = [
    "background", "offensive", "aftermath", "battles", "civilians", "prisoners", "people",
    "places", "numbers", "dates", "training", "trial", "awards", "units", "casualties",
  ]
  private static let actions = [
    "took", "shelled", "defended", "lost", "entered", "held", "surrounded", "left",
  ]
  private static let nouns = [
    "bridge", "school", "road", "hill", "mill", "church", "well", "depot", "farm", "market",
    "station", "clinic", "quarry", "ford", "ridge", "orchard", "barracks", "tunnel",
  ]
  private static let deeds = [
    "burned", "guarded", "repaired", "mined", "captured", "abandoned", "rebuilt", "searched",
    "shelled", "crossed", "occupied", "evacuated",
  ]
  private static let sides = ["the KLA", "Yugoslav forces", "local fighters", "a police unit"]
  private static let roles = [
    "commander", "recruit", "trainer", "mediator", "prosecutor", "officer", "medic", "courier",
  ]

  /// A deck of `factCount` facts (at least one), the same for the same seed.
  public static func make(factCount: Int, seed: UInt64 = 1) -> Deck {
    var random = SeededGenerator(seed: seed)
    var facts: [Fact] = []
    var places: [(id: String, name: String)] = []
    let count = Swift.max(1, factCount)
    let location = SourceLocation(file: "synthetic.yaml", line: 1, column: 1)

    func name(_ number: Int, parts: Int) -> String {
      var value = number
      var text = ""
      for _ in 0..<parts {
        text += syllables[value % syllables.count]
        value /= syllables.count
      }
      text += "\(number)"
      return text.prefix(1).uppercased() + text.dropFirst()
    }
    func noun(_ number: Int) -> String { nouns[number % nouns.count] }
    // Sentences of several shapes, as authors write them, so that few say nearly the same.
    func knownFor(_ number: Int, place: String, side: String) -> String {
      let person = name(number + 11, parts: 2)
      switch number % 6 {
      case 0: return English.sentence("\(side) \(deed(number)) the \(noun(number)) of \(place)")
      case 1: return "Refugees reached \(place) on foot and were sheltered by \(person)."
      case 2: return "The \(noun(number)) at \(place) was \(deed(number)) twice before the winter."
      case 3: return "\(person) recruited volunteers in \(place) for the defence of the valley."
      case 4: return "Shelling damaged the \(noun(number)) and the \(noun(number / 4)) in \(place)."
      default: return "Talks between the sides were held in \(place), without result."
      }
    }
    func deed(_ number: Int) -> String { deeds[(number / nouns.count) % deeds.count] }
    func pickTags() -> [String] {
      [tags[random.next(below: tags.count)], tags[random.next(below: tags.count)]]
    }
    func pickDate() -> HistoricalDate {
      let year = 1990 + random.next(below: 30)
      let month = 1 + random.next(below: 12)
      switch random.next(below: 6) {
      case 0: return HistoricalDate(.year(year))
      case 1: return HistoricalDate(.month(year: year, month: month))
      case 2:
        let part = HistoricalDate.Part.allCases[random.next(below: 3)]
        return HistoricalDate(.partOfMonth(part, year: year, month: month))
      case 3:
        let day = 1 + random.next(below: 27)
        return HistoricalDate(
          .day(year: year, month: month, day: day), to: .day(year: year, month: month, day: day + 1)
        )
      default:
        return HistoricalDate(.day(year: year, month: month, day: 1 + random.next(below: 28)))
      }
    }

    for number in 0..<count {
      let id = "fact-\(number)"
      let content: Fact.Content
      // Places come first in every block of ten so events always have some to refer to.
      switch number % 10 {
      case 0, 1:
        let placeName = name(number, parts: 2)
        places.append((id, placeName))
        let type = number % 20 == 1 ? "region" : "village"
        content = .place(
          Fact.Place(
            name: placeName, type: type,
            knownFor: [
              knownFor(number, place: placeName, side: sides[number % sides.count]),
              "In \(placeName) the \(noun(number / 3)) was \(deed(number / 5)) after the \(noun(number / 7)) fell.",
            ]))
      case 2, 3, 4, 5:
        let place = places[random.next(below: places.count)]
        let side = sides[random.next(below: sides.count)]
        let action = actions[random.next(below: actions.count)]
        content = .event(
          Fact.Event(
            name: number % 8 == 2 ? "the Battle of \(place.name)" : nil,
            what: "\(side) \(action) \(place.name) and \(deed(number)) its \(noun(number / 2))",
            date: pickDate(),
            places: [place.id], participants: [side]))
      case 6:
        let role = roles[random.next(below: roles.count)]
        content = .person(
          Fact.Person(
            name: "\(name(number, parts: 1)) \(name(number + 7, parts: 2))",
            aliases: number % 3 == 0 ? ["Commander \(name(number + 3, parts: 1))"] : [],
            role: "a \(role) who served in sector \(number)", affiliation: "KLA"))
      case 7:
        let value: NumberValue =
          switch number % 3 {
          case 0: NumberValue(Double(1 + random.next(below: 40)))
          case 1: NumberValue(Double(100 * (1 + random.next(below: 30))), qualifier: .about)
          default:
            NumberValue(from: Double(1000 * (1 + number % 5)), to: Double(1000 * (3 + number % 5)))
          }
        content = .quantity(
          Fact.Quantity(
            howMany: "fighters took part in operation \(number)", value: value,
            date: pickDate()))
      case 8:
        content = .group(
          Fact.Group(
            isUnit: true, name: "Brigade \(number)", nickname: name(number, parts: 2),
            role: "the brigade that held sector \(number)", affiliation: "KLA",
            size: NumberValue(Double(50 + number % 400), qualifier: .over),
            sizeUnit: "fighters"))
      default:
        let place = places[random.next(below: places.count)]
        content = .statement(
          Fact.Statement(
            before: "Refugees from operation \(number) sheltered in ", key: place.name,
            after: "."))
      }
      facts.append(Fact(id: id, content: content, tags: pickTags(), location: location))
    }
    return Deck(
      id: "synthetic-\(count)", title: "Synthetic deck of \(count) facts", subject: "Benchmarks",
      language: "en", source: Deck.Source(title: "Generated by SyntheticDeck"), facts: facts,
      path: "synthetic.yaml")
  }
}
