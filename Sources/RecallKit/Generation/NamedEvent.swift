/// How English talks about an event by its name: a battle is fought, a treaty signed, an
/// alliance formed, an operation launched (or carried out, over a span), a constitution
/// promulgated, a decree issued, a day simply is; anything else takes place.
struct NamedEvent {
  /// What kind of thing the name says the event was, for the questions about its sides.
  enum Kind: Equatable {
    /// Sides fought each other: a battle, siege, war, campaign, raid, operation.
    case fight
    /// Sides signed or formed it together: a treaty, pact, alliance, league.
    case agreement
    /// Anything else: an incident, a mission, a document, a meeting.
    case other
  }

  /// "was the Battle of Hastings fought", to follow the question words.
  var question: String
  /// "the Battle of Hastings was fought", to be followed by the date.
  var statement: String
  var kind: Kind
  /// Whether the name is of something one side undertook (an operation, a raid, an invasion),
  /// whose listed participants are as often its planners and commanders as its two sides.
  var isUndertaking: Bool
  /// The verb for an agreement's sides: "sign" (a treaty), "form" (an alliance); nil otherwise.
  var partnerVerb: String?

  /// The event as its name tells it; `date` says whether it was one day or a span, which
  /// changes the verb of an operation ("launched on", "carried out from … to").
  init(_ name: String, date: HistoricalDate? = nil) {
    let words = English.words(of: name)
    // The head noun comes before "of" ("the Treaty of Karlowitz") and ends a compound ("the
    // Charter Oath", "Operation Uranus" aside, which opens with it).
    let beforeOf = words.prefix { $0 != "of" }.map(Self.singular)
    let head =
      beforeOf.first == "case" && words.count > 1
      ? "case" : beforeOf.last { Self.verbs[$0] != nil || Self.kinds[$0] != nil }
    kind = head.flatMap { Self.kinds[$0] } ?? .other
    isUndertaking = kind == .fight && !(head.map(Self.contests.contains) ?? false)
    partnerVerb = nil
    if kind == .agreement, let head {
      partnerVerb = Self.verbs[head] == "signed" ? "sign" : "form"
    }
    // "the assassination of Julius Caesar" is asked as what happened to him: "When was Julius
    // Caesar assassinated?", not "When did the assassination of Julius Caesar take place?".
    let lowered = name.lowercased()
    for (noun, verb) in Self.nominalized {
      for article in ["the ", ""] where lowered.hasPrefix("\(article)\(noun) of ") {
        let subject = String(name.dropFirst(article.count + noun.count + 4))
        guard subject.first?.isUppercase == true else { continue }
        kind = .other
        isUndertaking = false
        partnerVerb = nil
        if verb.hasPrefix("did ") {
          let base = String(verb.dropFirst(4))
          question = "did \(subject) \(base)"
          statement = "\(subject) \(Verb.past(of: base))"
        } else {
          question = "was \(subject) \(verb)"
          statement = "\(subject) was \(verb)"
        }
        return
      }
    }
    let headWord = head.flatMap { head in
      words.prefix { $0 != "of" }.last { Self.singular($0) == head }
    }
    let plural = headWord.map { $0.hasSuffix("s") && !$0.hasSuffix("ss") } ?? false
    let be = plural ? "were" : "was"
    var participle = head.flatMap { Self.verbs[$0] }
    // An operation begins on a day ("launched on 19 November") but lasts over a span.
    if participle == "launched", date?.isRange == true { participle = "carried out" }
    switch participle {
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

  /// Fights that are contests by their name, fought by two sides: a battle has an opponent
  /// however its participants are listed.
  private static let contests: Set<String> = [
    "battle", "skirmish", "war", "engagement", "siege", "clash",
  ]

  /// The kind of event each head noun names.
  private static let kinds: [String: Kind] = {
    var result: [String: Kind] = [:]
    for word in [
      "battle", "skirmish", "war", "engagement", "siege", "campaign", "raid", "operation",
      "offensive", "counteroffensive", "counter-offensive", "invasion", "assault", "attack",
      "blockade", "case", "clash", "crusade", "conquest", "expedition", "sortie", "ambush",
    ] {
      result[word] = .fight
    }
    for word in [
      "treaty", "pact", "agreement", "accord", "armistice", "convention", "peace", "concordat",
      "triumvirate", "alliance", "league", "coalition", "entente", "union",
    ] {
      result[word] = .agreement
    }
    return result
  }()

  /// The participle each kind of named event takes; "" for names of days, which just are.
  private static let verbs: [String: String] = [
    "battle": "fought", "skirmish": "fought", "war": "fought", "engagement": "fought",
    "clash": "fought", "operation": "launched", "offensive": "launched",
    "counteroffensive": "launched", "counter-offensive": "launched", "case": "launched",
    "raid": "launched", "invasion": "launched", "assault": "launched",
    "constitution": "promulgated", "edict": "issued", "decree": "issued",
    "proclamation": "issued", "manifesto": "issued", "ordinance": "issued", "rescript": "issued",
    "bull": "issued", "declaration": "issued", "charter": "granted", "oath": "sworn",
    "act": "passed", "law": "passed", "statute": "passed",
    "treaty": "signed", "pact": "signed", "agreement": "signed", "accord": "signed",
    "armistice": "signed", "convention": "signed", "peace": "signed", "concordat": "signed",
    "triumvirate": "formed", "alliance": "formed", "league": "formed", "coalition": "formed",
    "entente": "formed", "conference": "held", "congress": "held", "summit": "held",
    "council": "held", "election": "held", "referendum": "held", "trial": "held",
    "day": "", "night": "", "monday": "", "tuesday": "", "wednesday": "", "thursday": "",
    "friday": "", "saturday": "", "sunday": "",
  ]
}
