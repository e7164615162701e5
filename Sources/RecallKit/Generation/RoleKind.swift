/// What kind of position a role describes (ruler, commander, cleric…) and whether its words make
/// the holder a man or a woman. A false statement that gives a person another's role is only
/// worth weighing when they could have held it: "John Sobieski was the pope who…" or "William was
/// Harold's partner, … marks only she knew" is nonsense, not a falsehood.
struct RoleKind: Equatable, Sendable {
  /// Kinds of position, as a set of bits: compared for every candidate role of a large deck.
  struct Kinds: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let ruler = Kinds(rawValue: 1 << 0)
    static let commander = Kinds(rawValue: 1 << 1)
    static let cleric = Kinds(rawValue: 1 << 2)
    static let diplomat = Kinds(rawValue: 1 << 3)
    static let official = Kinds(rawValue: 1 << 4)
    static let scholar = Kinds(rawValue: 1 << 5)
    static let kin = Kinds(rawValue: 1 << 6)
    /// The rank and file (a sniper, a sergeant, a pilot): a field marshal offered a sergeant's
    /// role is ruled out by rank alone.
    static let soldier = Kinds(rawValue: 1 << 7)
  }

  enum Gender: Sendable {
    case male, female
  }

  /// The kinds the role's own noun phrase names ("the Capuchin friar and papal envoy" is a
  /// cleric and a diplomat); empty when no word of it is known.
  var kinds: Kinds
  var gender: Gender?

  /// The kind of `role` as written: its words up to the first clause ("who…", ", which…"), so
  /// that "the commander who crowned the king" is a commander. Possessives ("Harold's wife",
  /// "the President's brother") name someone else and are skipped.
  init(role: String) {
    var kinds: Kinds = []
    var nounGender: Gender?
    var nounGenderClash = false
    for word in Self.headWords(of: role) {
      kinds.formUnion(Self.kindsByWord[word] ?? [])
      guard let gender = Self.gendersByWord[word] else { continue }
      if nounGender != nil && nounGender != gender { nounGenderClash = true }
      nounGender = gender
    }
    self.kinds = kinds
    self.gender = nounGenderClash ? nil : nounGender ?? Self.pronounGender(of: role)
  }

  /// A person's own kind: their role, and the title written before their name or in it
  /// ("King", "Charles, Duke of Orléans", "Lady Jane Grey").
  init(_ person: Fact.Person) {
    self.init(role: person.role)
    let titled = RoleKind(role: (person.title ?? "") + " " + Self.nameTitles(person.name))
    kinds.formUnion(titled.kinds)
    if gender == nil { gender = titled.gender }
  }

  /// Whether a person of this kind could plausibly have held `role`, so that saying they did
  /// is a falsehood a learner has to weigh: the two share a kind, and no gender word of the
  /// role is against the person's. A woman's role is nearly always marked ("queen", "wife",
  /// "she"), so a person with no gender word may take a man's role but not a woman's.
  func couldHold(_ role: RoleKind) -> Bool {
    guard !kinds.isDisjoint(with: role.kinds) else { return false }
    switch (gender, role.gender) {
    case (_, nil): return true
    case (nil, .male?): return true
    case (nil, .female?): return false
    case (let own?, let other?): return own == other
    }
  }

  /// Lower-cased words of the role's noun phrase, before its first clause or comma, without
  /// possessives or "of" complements ("the wife of the duke" is a wife, "the King's mother" a
  /// mother).
  static func headWords(of role: String) -> [String] {
    var result: [String] = []
    var inComplement = false
    for token in role.split(separator: " ") {
      let word = token.lowercased()
      let bare = String(word.filter { $0.isLetter || $0 == "-" })
      if clauseWords.contains(bare) { break }
      if bare == "of" { inComplement = true }
      if bare == "and" { inComplement = false }
      let possessive = word.hasSuffix("'s") || word.hasSuffix("’s") || word.hasSuffix("s'")
      if !possessive && !inComplement {
        result.append(bare)
        if let last = bare.split(separator: "-").last, last.count < bare.count {
          result.append(String(last))
        }
      }
      if token.hasSuffix(",") || token.hasSuffix(";") { break }
    }
    return result
  }

  /// Title words inside a name ("Prince Eugene of Savoy", "Edward, Duke of York").
  static func nameTitles(_ name: String) -> String {
    name.split(separator: " ").map { String($0.filter(\.isLetter)).lowercased() }
      .filter { kindsByWord[$0] != nil || gendersByWord[$0] != nil }.joined(separator: " ")
  }

  /// "he" or "she" in the role's clauses when its noun says neither ("…marks only she knew").
  /// Subject pronouns decide; "his", "her" and "him" only when nothing else does, since they
  /// often stand for someone else.
  private static func pronounGender(of role: String) -> Gender? {
    let words = Set(English.words(of: role))
    func only(_ male: Set<String>, _ female: Set<String>) -> Gender? {
      let isMale = !words.isDisjoint(with: male)
      let isFemale = !words.isDisjoint(with: female)
      return isMale == isFemale ? nil : isMale ? .male : .female
    }
    return only(["he", "himself"], ["she", "herself"]) ?? only(["his", "him"], ["her", "hers"])
  }

  private static let clauseWords: Set<String> = [
    "who", "whom", "whose", "that", "which", "when", "where", "while",
  ]

  private static let kindsByWord: [String: Kinds] = {
    var table: [String: Kinds] = [:]
    func add(_ kind: Kinds, _ words: [String]) {
      for word in words { table[word, default: []].insert(kind) }
    }
    add(
      .ruler,
      [
        "king", "queen", "emperor", "empress", "sultan", "sultana", "shah", "tsar", "czar",
        "tsarina", "khan", "pharaoh", "shogun", "monarch", "ruler", "regent", "president",
        "dictator", "caliph", "emir", "premier", "chancellor", "leader", "consul", "prince",
        "princess", "duke", "duchess", "earl", "count", "countess", "baron", "baroness", "lord",
        "lady", "marquis", "margrave", "elector", "noble", "nobleman", "noblewoman", "thane",
        "chieftain", "doge", "heir", "usurper", "claimant",
      ])
    add(
      .commander,
      [
        "commander", "general", "admiral", "marshal", "officer", "captain", "colonel",
        "lieutenant", "knight", "constable", "tribune", "legate", "warlord", "rebel",
        "condottiero", "military", "naval", "consul", "commodore", "brigadier",
      ])
    add(
      .soldier,
      [
        "soldier", "sergeant", "corporal", "private", "knight", "warrior", "sniper", "pilot",
        "mercenary", "centurion", "samurai", "fighter", "guerrilla", "archer", "janissary",
        "cavalryman", "sailor", "gunner", "volunteer", "recruit", "partisan",
      ])
    add(
      .cleric,
      [
        "bishop", "archbishop", "pope", "priest", "friar", "monk", "abbot", "abbess", "nun",
        "cardinal", "patriarch", "imam", "mullah", "rabbi", "chaplain", "cleric", "clergyman",
        "missionary", "preacher", "deacon", "prelate", "papal", "legate",
      ])
    add(
      .diplomat,
      ["ambassador", "envoy", "diplomat", "negotiator", "emissary", "legate", "plenipotentiary"])
    add(
      .official,
      [
        "minister", "vizier", "secretary", "adviser", "advisor", "counsellor", "councillor",
        "statesman", "politician", "official", "governor", "mayor", "senator", "magistrate",
        "chamberlain", "treasurer", "judge", "head", "leader", "deputy", "administrator",
        "chancellor", "prefect", "steward", "bureaucrat",
      ])
    add(
      .scholar,
      [
        "chronicler", "historian", "poet", "writer", "author", "scholar", "artist", "painter",
        "sculptor", "architect", "engineer", "founder", "inventor", "scientist", "philosopher",
        "physician", "composer", "playwright", "journalist", "translator", "cartographer",
        "astronomer", "mathematician", "theologian",
      ])
    add(
      .kin,
      [
        "wife", "husband", "widow", "widower", "mother", "father", "son", "daughter", "brother",
        "sister", "half-brother", "half-sister", "uncle", "aunt", "nephew", "niece", "cousin",
        "grandson", "granddaughter", "grandfather", "grandmother", "partner", "lover",
        "mistress", "consort", "concubine", "fiancé", "fiancée", "companion", "child", "heir",
        "stepson", "stepmother", "stepfather", "brother-in-law", "sister-in-law",
      ])
    return table
  }()

  private static let gendersByWord: [String: Gender] = {
    var table: [String: Gender] = [:]
    for word in [
      "king", "emperor", "sultan", "shah", "tsar", "czar", "khan", "pharaoh", "prince", "duke",
      "earl", "count", "baron", "lord", "marquis", "nobleman", "pope", "friar", "monk", "abbot",
      "husband", "widower", "father", "son", "brother", "half-brother", "uncle", "nephew",
      "grandson", "grandfather", "stepson", "stepfather", "brother-in-law", "man", "sir",
      "clergyman", "cavalryman", "statesman",
    ] {
      table[word] = .male
    }
    for word in [
      "queen", "empress", "sultana", "tsarina", "princess", "duchess", "countess", "baroness",
      "lady", "noblewoman", "abbess", "nun", "wife", "widow", "mother", "daughter", "sister",
      "half-sister", "aunt", "niece", "granddaughter", "grandmother", "mistress", "concubine",
      "fiancée", "stepmother", "sister-in-law", "woman", "girl", "heiress", "dame",
    ] {
      table[word] = .female
    }
    return table
  }()
}
