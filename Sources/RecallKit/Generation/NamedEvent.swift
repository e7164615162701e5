/// How English talks about an event by its name: a battle is fought, a treaty signed, an
/// alliance formed, a day simply is; anything else takes place.
struct NamedEvent {
  /// "was the Battle of Hastings fought", to follow the question words.
  var question: String
  /// "the Battle of Hastings was fought", to be followed by the date.
  var statement: String

  init(_ name: String) {
    // "the assassination of Julius Caesar" is asked as what happened to him: "When was Julius
    // Caesar assassinated?", not "When did the assassination of Julius Caesar take place?".
    let lowered = name.lowercased()
    for (noun, verb) in Self.nominalized {
      for article in ["the ", ""] where lowered.hasPrefix("\(article)\(noun) of ") {
        let subject = String(name.dropFirst(article.count + noun.count + 4))
        guard subject.first?.isUppercase == true else { continue }
        if verb.hasPrefix("did ") {
          let base = String(verb.dropFirst(4))
          question = "did \(subject) \(base)"
          statement = "\(subject) \(ClauseQuestion.pastForm(of: base))"
        } else {
          question = "was \(subject) \(verb)"
          statement = "\(subject) was \(verb)"
        }
        return
      }
    }
    let words = English.words(of: name)
    let head = words.last { Self.verbs[Self.singular($0)] != nil }
    let plural = head.map { $0.hasSuffix("s") && !$0.hasSuffix("ss") } ?? false
    let be = plural ? "were" : "was"
    switch head.flatMap({ Self.verbs[Self.singular($0)] }) {
    case .some(""):
      question = "\(be) \(name)"
      statement = "\(name) \(be)"
    case .some(let participle):
      question = "\(be) \(name) \(participle)"
      statement = "\(name) \(be) \(participle)"
    case nil:
      question = "did \(name) take place"
      statement = "\(name) took place"
    }
  }

  private static func singular(_ word: String) -> String {
    word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 ? String(word.dropLast()) : word
  }

  /// Events named after what happened to someone or something, and the verb that says it.
  private static let nominalized: [(String, String)] = [
    ("assassination", "assassinated"), ("murder", "murdered"), ("execution", "executed"),
    ("coronation", "crowned"), ("capture", "captured"), ("sack", "sacked"),
    ("founding", "founded"), ("death", "did die"), ("fall", "did fall"),
    ("abdication", "did abdicate"),
  ]

  /// The participle each kind of named event takes; "" for names of days, which just are.
  private static let verbs: [String: String] = [
    "battle": "fought", "skirmish": "fought", "war": "fought", "engagement": "fought",
    "treaty": "signed", "pact": "signed", "agreement": "signed", "accord": "signed",
    "armistice": "signed", "convention": "signed", "peace": "signed", "concordat": "signed",
    "triumvirate": "formed", "alliance": "formed", "league": "formed", "coalition": "formed",
    "entente": "formed", "conference": "held", "congress": "held", "summit": "held",
    "council": "held", "election": "held", "referendum": "held", "trial": "held",
    "day": "", "night": "", "monday": "", "tuesday": "", "wednesday": "", "thursday": "",
    "friday": "", "saturday": "", "sunday": "",
  ]
}
