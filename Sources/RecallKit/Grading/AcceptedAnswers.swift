/// More accepted forms for a deck's typed-answer questions, worked out once per deck.
///
/// A question's own answers are the form its template asked for; a teacher also accepts what
/// the deck says elsewhere about the same thing: a person's aliases, title and `accept` forms
/// wherever the person's name is the answer, a statement's `also_true` terms, and whatever a
/// sibling question of the same fact with the same answer accepts. Sibling cards therefore grade
/// one answer the same way.
public struct AcceptedAnswers: Sendable {
  /// Extra accepted forms by question id.
  var extra: [String: [String]] = [:]
  /// Title words the deck uses ("president", "commander"), accepted before a name.
  public var titleWords: Set<String> = []

  public init() {}

  public init(deck: Deck, questions: [Question]) {
    var byName: [[String]: [String]] = [:]
    let shortForms = Self.shortForms(deck)
    for fact in deck.facts {
      let forms = Self.forms(of: fact) + (shortForms[fact.id] ?? [])
      guard !forms.isEmpty else { continue }
      for form in forms { byName[TextNormalizer.words(form), default: []] += forms }
      if case .person(let person) = fact.content, let title = person.title {
        titleWords.formUnion(TextNormalizer.words(title))
      }
    }
    let statements = Dictionary(
      deck.facts.compactMap { fact -> (String, Fact.Statement)? in
        if case .statement(let statement) = fact.content { (fact.id, statement) } else { nil }
      }, uniquingKeysWith: { first, _ in first })
    // Siblings: text questions of one fact whose shown answers are the same.
    var siblings: [String: [String]] = [:]
    for question in questions {
      guard case .text(let answers) = question.expected, let first = answers.first else {
        continue
      }
      siblings[Self.siblingKey(question, first), default: []] += answers
    }
    for question in questions {
      guard case .text(let answers) = question.expected, let first = answers.first else {
        continue
      }
      var more: [String] = siblings[Self.siblingKey(question, first)] ?? []
      for answer in answers {
        more += byName[TextNormalizer.words(answer)] ?? []
      }
      if let statement = statements[question.fact],
        answers.contains(where: { TextNormalizer.words($0) == TextNormalizer.words(statement.key) })
      {
        more += statement.alsoTrue
      }
      let known = Set(answers.map { TextNormalizer.words($0) })
      var seen = known
      let added = more.filter { seen.insert(TextNormalizer.words($0)).inserted }
      if !added.isEmpty { extra[question.id] = added }
    }
  }

  /// The question's answers followed by the extra forms.
  public func answers(for question: Question, _ answers: [String]) -> [String] {
    answers + (extra[question.id] ?? [])
  }

  private static func siblingKey(_ question: Question, _ first: String) -> String {
    question.fact + "\u{1F}" + TextNormalizer.words(first).joined(separator: " ")
  }

  /// The short forms a teacher accepts for the deck's people, by fact id: a surname alone
  /// ("Khrushchev" for Nikita Khrushchev), or the name before an epithet ("William" for
  /// William the Conqueror), when no other person of the deck has that word in any of their
  /// names; the first and last names without the middle ("Marcus Brutus" for
  /// Marcus Junius Brutus); and a form the deck writes with a title, without it ("Kennedy"
  /// from "President Kennedy", "Harold" from "King Harold"). None is kept that is another
  /// fact's own name.
  static func shortForms(_ deck: Deck) -> [String: [String]] {
    var people: [(id: String, forms: [[String]])] = []
    var taken: Set<[String]> = []
    for fact in deck.facts {
      let forms = Self.forms(of: fact)
      forms.forEach { taken.insert(TextNormalizer.words($0)) }
      if case .person = fact.content {
        // The deck's own spelling, word by word, so the feedback shows "Khrushchev".
        people.append((fact.id, forms.map { $0.split(separator: " ").map(String.init) }))
      }
    }
    var owners: [String: Set<String>] = [:]
    for person in people {
      for word in person.forms.joined() {
        for key in TextNormalizer.words(word) { owners[key, default: []].insert(person.id) }
      }
    }
    var result: [String: [String]] = [:]
    for person in people {
      var short: [String] = []
      for written in person.forms where written.count > 1 {
        let words = written.map { TextNormalizer.words($0).joined() }
        if let rest = AnswerVariants.withoutTitles(words) {
          short.append(written.suffix(rest.count).joined(separator: " "))
        }
        // A name with an epithet or a place ("William the Conqueror", "Odo of Bayeux"): the
        // name before it, when no other person of the deck has it.
        if words.count > 2, ["the", "of"].contains(words[1]), owners[words[0]] == [person.id],
          AnswerVariants.withoutTitles(words) == nil
        {
          short.append(written[0])
        }
        // A plain personal name: no "of", "the" or numeral ("William the Conqueror",
        // "Harald III of Norway" have no surname to take).
        guard
          !words.contains(where: {
            AnswerVariants.joiningWords.contains($0) || AnswerVariants.romanNumeral($0) != nil
              || $0.contains(where: \.isNumber)
          }), AnswerVariants.withoutTitles(words) == nil, let last = words.last, last.count > 2,
          let lastWritten = written.last, let firstWritten = written.first
        else { continue }
        if owners[last] == [person.id] { short.append(lastWritten) }
        if written.count > 2 { short.append("\(firstWritten) \(lastWritten)") }
      }
      let kept = short.filter { !taken.contains(TextNormalizer.words($0)) }
      if !kept.isEmpty { result[person.id] = kept }
    }
    return result
  }

  /// Every form that names a person, group or place fact.
  static func forms(of fact: Fact) -> [String] {
    switch fact.content {
    case .person(let person):
      var forms = [person.name] + person.aliases + person.acceptedAnswers
      if let nickname = person.nickname { forms.append(nickname) }
      if let title = person.title {
        forms.append("\(title) \(person.name)")
        if let surname = person.name.split(separator: " ").last, surname != Substring(person.name) {
          forms.append("\(title) \(surname)")
        }
      }
      return forms
    case .group(let group):
      guard group.isNamed else { return group.acceptedAnswers }
      return [group.name] + group.aliases + group.acceptedAnswers
        + (group.nickname.map { [$0] } ?? [])
    case .place(let place):
      return [place.name] + place.aliases + place.acceptedAnswers
    default:
      return []
    }
  }
}
