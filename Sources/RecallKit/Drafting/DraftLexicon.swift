/// The closed word lists the extractor's rules rest on: titles, nouns for people, units and
/// places, and the verbs that count (their inflection is `Verb`'s). General English, not tuned
/// to any one article.
enum DraftLexicon {
  /// Titles written before a name ("Lieutenant Godfrey Herbert", "Sultan Agung").
  static let titles: Set<String> = [
    "lieutenant", "lt", "lt.", "sub-lieutenant", "lieutenant-commander", "lieutenant-colonel",
    "lieutenant-general", "captain", "capt", "capt.", "commander", "cdr", "general", "gen",
    "gen.", "colonel", "col", "col.", "major", "maj", "major-general", "brigadier", "marshal",
    "field", "admiral", "vice-admiral", "rear-admiral", "corporal", "sergeant", "sgt", "private",
    "kapitänleutnant", "oberleutnant", "king", "queen", "sultan", "duke", "duchess", "prince",
    "princess", "emperor", "empress", "earl", "count", "countess", "baron", "lord", "lady", "sir",
    "president", "then-president", "chancellor", "archbishop", "bishop", "pope", "consul",
    "tribune", "tumenggung", "pangeran", "sunan", "ban", "khan", "shah", "tsar", "czar", "kaiser",
    "dr", "dr.", "mr", "mrs", "ms", "judge", "governor", "senator", "minister", "prime", "chief",
    "emir", "caliph", "raja", "rajah", "maharaja", "shogun", "daimyo", "pasha", "bey", "hetman",
    "voivode", "ensign", "midshipman", "commodore", "1st", "2nd",
  ]

  /// Abbreviated titles spelled out, so a role reads "the lieutenant colonel", not "a lt. col.".
  static let titleAbbreviations: [String: String] = [
    "lt": "lieutenant", "capt": "captain", "cdr": "commander", "gen": "general",
    "col": "colonel", "maj": "major", "sgt": "sergeant",
  ]

  /// A title as a role says it: lower case, abbreviations spelled out ("Lt. Col." →
  /// "lieutenant colonel").
  static func spelledOut(title: String) -> String {
    title.split(separator: " ").map { word in
      let bare = word.lowercased().filter { $0 != "." }
      return titleAbbreviations[bare] ?? word.lowercased()
    }.joined(separator: " ")
  }

  /// Titles of rulers and nobles, which a name is also known by ("Sultan Agung").
  static let styleTitles: Set<String> = [
    "sultan", "king", "queen", "duke", "duchess", "prince", "princess", "emperor", "empress",
    "earl", "count", "countess", "lord", "lady", "sir", "tumenggung", "pangeran", "sunan", "khan",
    "shah", "tsar", "czar", "pope", "archbishop", "bishop", "raja", "rajah", "emir", "caliph",
    "kaiser", "president",
  ]

  /// Nouns that say what a person is ("the newspaperman Matti Autio", "nurse Ediborah Yap").
  static let personNouns: Set<String> = [
    "commander", "commanders", "general", "officer", "captain", "lieutenant", "corporal",
    "sergeant", "soldier", "pilot", "pilots", "newspaperman", "journalist", "historian",
    "novelist", "writer", "poet", "engraver", "artist", "painter", "farmer", "lawyer", "priest",
    "nurse", "doctor", "king", "queen", "sultan", "duke", "consul", "consuls", "tribune",
    "president", "minister", "leader", "chief", "nationalist", "agitator", "politician",
    "diplomat", "ambassador", "admiral", "marshal", "husband", "wife", "son", "daughter",
    "brother", "sister", "father", "mother", "activist", "fraudster", "bishop", "archbishop",
    "chaplain", "emperor", "prince", "princess", "monk", "scholar", "chronicler", "explorer",
    "merchant", "governor", "regent", "heir", "successor", "subcommander", "subcommanders",
    "deputy", "aide", "spy", "rebel", "chieftain", "warlord", "colonel", "major", "admiral",
    "superior", "subordinate", "ruler", "lord", "vassal", "engineer", "navigator", "teacher",
    "composer", "philosopher", "architect", "physician", "surgeon", "mayor", "senator",
  ]

  /// The last word of a military unit's name.
  static let unitWords: Set<String> = [
    "brigade", "brigades", "regiment", "battalion", "division", "corps", "army", "squadron",
    "sqdn", "sqdn.", "wing", "fleet", "guard", "guards", "navy", "marines", "legion", "platoon",
    "battery", "flotilla", "force", "forces", "company", "militia", "cavalry", "infantry",
    "artillery", "commando", "commandos", "detachment", "garrison", "group", "line",
  ]

  /// Words that make a name an organisation rather than a unit.
  static let organisationWords: Set<String> = [
    "order", "knights", "mission", "ministry", "bureau", "party", "council", "committee",
    "admiralty", "government", "office", "service", "agency", "league", "union", "church",
    "association", "movement", "front", "federation", "alliance", "crown", "parliament",
    "senate", "assembly", "court", "tribunal", "headquarters", "staff", "organisation",
    "organization", "institute", "society", "company", "junta", "dynasty", "sultanate",
    "kingdom", "duchy", "empire", "republic", "caliphate", "khanate", "principality",
  ]

  /// Nouns naming the kind of a place, singular ("the village of X", "villages such as").
  static let placeTypes: [String: String] = [
    "village": "village", "villages": "village", "town": "town", "towns": "town",
    "city": "city", "cities": "city", "region": "region", "regions": "region",
    "province": "province", "island": "island", "islands": "island", "fortress": "fortress",
    "fortresses": "fortress", "castle": "castle", "castles": "castle", "port": "port",
    "river": "river", "lake": "lake", "bay": "bay", "valley": "valley", "county": "county",
    "district": "district", "municipality": "municipality", "settlement": "settlement",
    "settlements": "settlement", "stronghold": "stronghold", "strongholds": "stronghold",
    "sea": "sea", "strait": "strait", "mountain": "mountain", "mountains": "mountain",
    "hill": "hill", "base": "base", "airport": "airport", "harbour": "harbour",
    "harbor": "harbour", "camp": "camp", "resort": "resort", "coast": "coast",
    "peninsula": "peninsula", "area": "area", "zone": "zone", "state": "state",
    "country": "country", "capital": "capital", "principality": "principality",
    "monastery": "monastery", "abbey": "abbey", "bridge": "bridge", "pass": "pass",
  ]

  /// Verbs that count what they act on ("captured eight soldiers", "killed 150"): a figure's
  /// question built on one of them, or on an irregular verb, reads as sure. Base forms; their
  /// inflection is `Verb`'s.
  static let countingVerbs: Set<String> = [
    "deploy", "kill", "capture", "wound", "destroy", "fire", "seize", "execute", "abduct",
    "register", "record", "raise", "hire", "mobilize", "mobilise", "deport", "burn", "free",
    "evacuate", "exchange", "release", "rescue", "sentence", "arrest", "slaughter", "handle",
    "carry", "employ", "use", "involve", "house", "gather", "number", "suffer", "incur",
  ]

  /// Words that cannot start or be a name even when capitalised (sentence-initial words,
  /// pronouns, months, weekdays).
  static let notNames: Set<String> = [
    "the", "a", "an", "in", "on", "at", "after", "before", "during", "this", "that", "these",
    "those", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "when",
    "while", "although", "though", "however", "meanwhile", "despite", "since", "as", "with",
    "from", "by", "of", "for", "to", "and", "but", "or", "if", "then", "there", "thus", "so",
    "some", "many", "most", "all", "both", "each", "every", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "following", "throughout", "upon", "over",
    "under", "between", "among", "according", "later", "eventually", "finally", "subsequently",
    "consequently", "accordingly", "nevertheless", "nonetheless", "instead", "also", "other",
    "another", "such", "no", "not", "only", "even", "until", "prior", "unlike", "like",
    "without", "within", "towards", "toward", "into", "onto", "near", "shortly", "soon",
    "ironically", "additionally", "moreover", "furthermore", "recognizing", "recognising",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "what", "who", "which", "where", "why", "how", "unofficially",
    "take", "cease", "sir", "lads", "around", "about", "through", "several", "few", "any",
    "monitoring", "fearing", "flying", "adopting", "having", "being", "considering", "allied",
    "interviews", "twelve", "twenty", "fifty", "fourteen", "whose", "because", "once", "whereas",
    // Era markers are part of a date, never a name ("from 27 BC to AD 14").
    "ad", "bc", "bce", "ce",
  ]

  static let numberWords: [String: Double] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
  ]

  /// Words after a number that make it a measure or a duration, not a count of people or
  /// things; those figures are left to the teacher.
  static let measureWords: Set<String> = [
    "km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "ft", "feet",
    "metres", "meters", "m", "hours", "hour", "minutes", "minute", "days", "day", "weeks",
    "week", "months", "month", "years", "year", "o'clock", "pm", "am", "percent", "per",
    "times", "seconds", "centuries", "decades", "%", "kg", "tons", "tonnes", "pounds",
    "yards", "a.m.", "p.m.", "caliber", "calibre", "mm", "cm", "inch", "inches", "knots",
    "tenth", "seventh", "kilometer-long", "km-long", "hectares", "acres", "square",
  ]

  /// Words a counted noun phrase stops at.
  static let phraseStops: Set<String> = [
    "of", "in", "on", "at", "for", "from", "to", "by", "with", "during", "across", "into",
    "and", "or", "but", "who", "which", "that", "was", "were", "had", "have", "has", "is",
    "are", "as", "when", "while", "after", "before", "under", "against", "than", "between",
    "near", "along", "towards", "toward", "inside", "outside", "over", "the", "a", "an",
    "being", "be", "been", "apiece", "each", "per", "out", "off", "up", "down", "behind",
    "back", "there", "then", "also", "managed", "did", "could", "would", "should", "all",
  ]

  /// Plural nouns for fighting people, which make a figure a unit's size.
  static let personnelNouns: Set<String> = [
    "men", "fighters", "soldiers", "troops", "infantry", "cavalry", "members", "mercenaries",
    "warriors", "sailors", "marines", "commandos", "personnel", "recruits", "volunteers",
    "knights", "troopers", "guardsmen", "riflemen", "archers", "horsemen",
  ]

  /// Whether a word reads as a past-tense verb ("captured", "took", "was"); a capitalised
  /// regular form ("Crossed") starts a name more often than a clause here. Inflection is
  /// `Verb`'s, the one home of those rules.
  static func isPastVerb(_ word: String) -> Bool {
    if Verb.irregularPast[word.lowercased()] != nil { return true }
    return word.first?.isLowercase == true && Verb.isPast(word)
  }

  /// Whether a past verb is one a figure's question can be built on with confidence: an
  /// irregular verb or a counting one.
  static func isSureVerb(_ past: String) -> Bool {
    let lower = past.lowercased()
    return Verb.irregularPast[lower] != nil
      || Verb.base(ofPast: lower).map { countingVerbs.contains($0) } ?? false
  }
}
