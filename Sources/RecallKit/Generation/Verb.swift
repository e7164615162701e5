/// English verb forms, for templates that turn a deck's clause round ("anchored" → "did … anchor",
/// "have" → "had"). The one home of the rules, so every template inflects the same way: irregular
/// verbs from a table, then the spelling rules (silent e, doubled consonants, y to i).
enum Verb {
  /// Whether the word looks like a past-tense verb.
  static func isPast(_ word: String) -> Bool {
    let lowered = word.lowercased()
    if irregularPast[lowered] != nil { return true }
    return (lowered.count > 4 || shortPasts.contains(lowered)) && lowered.hasSuffix("ed")
      && !notVerbs.contains(lowered)
  }

  /// Whether the word looks like a past participle, as after "was" ("drawn", "built", "seized").
  static func isParticiple(_ word: String) -> Bool {
    isPast(word) || irregularParticiples.contains(word.lowercased())
  }

  /// The base form of a past-tense verb: "seized" → "seize", "took" → "take", "anchored" →
  /// "anchor"; nil when it is not one. Trailing punctuation is kept.
  static func base(ofPast word: String) -> String? {
    let trailing = String(word.reversed().prefix { !$0.isLetter }.reversed())
    let core = String(word.dropLast(trailing.count))
    let lowered = core.lowercased()
    if let irregular = irregularPast[lowered] { return irregular + trailing }
    guard isPast(lowered) else { return nil }
    return regularBase(lowered) + trailing
  }

  /// The past form of a base verb: "last" → "lasted", "have" → "had", "stop" → "stopped",
  /// "occur" → "occurred", "carry" → "carried".
  static func past(of base: String) -> String {
    let lowered = base.lowercased()
    if let irregular = irregularByBase[lowered] { return irregular }
    if let special = regularPastExceptions[lowered] { return special }
    if lowered.hasSuffix("e") { return base + "d" }
    let letters = Array(lowered)
    guard let last = letters.last else { return base }
    let beforeLast = letters.count >= 2 ? letters[letters.count - 2] : " "
    if last == "y", !vowels.contains(beforeLast) { return base.dropLast() + "ied" }
    if last == "c", vowels.contains(beforeLast) { return base + "ked" }
    if doubledStems.contains(lowered) || singleLStems.contains(lowered) {
      return base + String(last) + "ed"
    }
    // One short syllable ending in one vowel and one consonant doubles it: "stop", "plan".
    let beforeVowel = letters.count >= 3 ? letters[letters.count - 3] : " "
    if syllables(lowered) == 1, !vowels.contains(last), !"wxy".contains(last),
      vowels.contains(beforeLast),
      !vowels.contains(beforeVowel) || isConsonantU(letters, at: letters.count - 3)
    {
      return base + String(last) + "ed"
    }
    return base + "ed"
  }

  // MARK: Regular base forms

  private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

  /// Vowel groups in a word, a rough count of its syllables.
  private static func syllables(_ word: String) -> Int {
    var count = 0
    var previousWasVowel = false
    let letters = Array(word)
    for (position, letter) in letters.enumerated() {
      let isVowel =
        (vowels.contains(letter) && !isConsonantU(letters, at: position))
        || (letter == "y" && position > 0)
      if isVowel && !previousWasVowel { count += 1 }
      previousWasVowel = isVowel
    }
    return count
  }

  /// "u" after "q" (and after a "g" that opens the word) is sounded as a consonant: "quote",
  /// "acquire", "guide".
  private static func isConsonantU(_ letters: [Character], at position: Int) -> Bool {
    guard position > 0, position < letters.count, letters[position] == "u" else { return false }
    let before = letters[position - 1]
    return before == "q" || (before == "g" && position == 1)
  }

  private static func regularBase(_ word: String) -> String {
    if let special = regularExceptions[word] { return special }
    let letters = Array(word)
    if word.hasSuffix("ied") { return String(letters.dropLast(3)) + "y" }
    if word.hasSuffix("eed") && !word.hasSuffix("eeded") { return String(letters.dropLast(1)) }
    // "ceded", "seceded", "conceded": the base ends in -ede.
    if word.hasSuffix("eded"), letters.count >= 5, !vowels.contains(letters[letters.count - 5]) {
      return String(letters.dropLast(1))
    }
    let stem = Array(letters.dropLast(2))
    guard let last = stem.last else { return word }
    let beforeLast = stem.count >= 2 ? stem[stem.count - 2] : " "
    let stemText = String(stem)
    // Doubled consonants: "stopped" → "stop"; but "shelled", "passed", "staffed" keep theirs.
    if last == beforeLast, !vowels.contains(last) {
      if "lsfz".contains(last) {
        let single = String(stem.dropLast())
        return singleLStems.contains(single) ? single : stemText
      }
      return String(stem.dropLast())
    }
    if silentEStems.contains(stemText + "e") { return stemText + "e" }
    // Endings that always take a silent e: "continued", "moved", "seized", "forced", "changed",
    // "caused", "toppled", "negotiated", "evacuated", "plunged".
    if last == "u" || last == "v" || last == "z" || last == "c" { return stemText + "e" }
    if stemText.hasSuffix("iat") || stemText.hasSuffix("uat") || stemText.hasSuffix("ung") {
      return stemText + "e"
    }
    if last == "g" && beforeLast != "n" { return stemText + "e" }
    // "changed", "challenged" take an e; "belonged", "hanged" do not.
    if stemText.hasSuffix("ang") || stemText.hasSuffix("eng"),
      !["bang", "hang", "clang", "overhang"].contains(stemText)
    {
      return stemText + "e"
    }
    if last == "s" && !stemText.hasSuffix("focus") { return stemText + "e" }
    if last == "l", !vowels.contains(beforeLast), !"lrw".contains(beforeLast) {
      return stemText + "e"
    }
    if last == "h" && beforeLast == "t" && stem.count >= 3 && vowels.contains(stem[stem.count - 3])
    {
      return stemText + "e"
    }
    // One vowel between consonants: "created", "invaded", "ruled", "quoted" take an e; an
    // e-vowel or two vowels ("defeated", "ordered", "claimed") do not, nor do a few endings.
    let beforeVowelPosition = stem.count - 3
    let beforeVowel = beforeVowelPosition >= 0 ? stem[beforeVowelPosition] : " "
    let singleVowel =
      !vowels.contains(beforeVowel) || isConsonantU(stem, at: beforeVowelPosition)
    if !vowels.contains(last), vowels.contains(beforeLast), singleVowel,
      "tdrnmpkbl".contains(last), beforeLast != "e"
    {
      let ending = String([beforeLast, last])
      // A final unstressed syllable keeps no e: "anchored", "signaled", "gossiped".
      if ["or", "al", "ip", "an"].contains(ending), syllables(stemText) > 1 { return stemText }
      switch ending {
      case "it", "on", "op": return stemText
      default: return stemText + "e"
      }
    }
    return stemText
  }

  /// Base verbs whose silent e the spelling rules cannot tell: "-it", "-on", "-op", "-et"
  /// verbs that take one, "-ore" verbs of more than one syllable, "-ene" and "-ere" verbs.
  private static let silentEStems: Set<String> = [
    "unite", "invite", "ignite", "excite", "cite", "recite", "incite", "site", "spite", "reunite",
    "expedite", "extradite", "atone", "phone", "zone", "clone", "hone", "postpone", "condone",
    "dethrone", "enthrone", "hope", "elope", "cope", "scope", "complete", "compete", "delete",
    "deplete", "secrete", "ignore", "restore", "explore", "implore", "deplore", "adore",
    "underscore", "outscore", "intervene", "convene", "contravene", "interfere", "persevere",
    "revere", "adhere", "cohere", "scheme", "create", "recreate", "procreate", "persuade",
    "dissuade", "exhale", "inhale",
  ]

  /// Verbs in -el, -ol, -al whose past doubles the l (British spelling): "rebelled" → "rebel".
  private static let singleLStems: Set<String> = [
    "rebel", "control", "compel", "expel", "propel", "patrol", "repel", "impel", "dispel",
    "excel", "cancel", "travel", "label", "model", "signal", "total", "marshal", "quarrel",
    "level", "fuel", "duel", "counsel", "enrol", "enthral", "annul", "fulfil", "instil",
    "distil", "extol",
  ]

  /// Verbs of more than one syllable stressed on the last, which double their final consonant.
  private static let doubledStems: Set<String> = [
    "occur", "incur", "recur", "concur", "prefer", "refer", "confer", "defer", "infer", "deter",
    "transfer", "commit", "admit", "permit", "omit", "submit", "emit", "transmit", "remit",
    "acquit", "regret", "equip", "abhor", "embed", "outwit", "allot", "abet", "kidnap",
    "worship", "handicap", "compel",
  ]

  private static let regularExceptions: [String: String] = [
    "added": "add", "died": "die", "tied": "tie", "lied": "lie", "dyed": "dye",
    "focused": "focus", "biased": "bias", "developed": "develop", "visited": "visit",
    "worshipped": "worship", "kidnapped": "kidnap", "massacred": "massacre",
    "piloted": "pilot", "pivoted": "pivot", "murmured": "murmur", "panicked": "panic",
    "mimicked": "mimic", "trafficked": "traffic", "picnicked": "picnic", "orphaned": "orphan",
    "galloped": "gallop", "enveloped": "envelop", "guided": "guide",
  ]

  private static let regularPastExceptions: [String: String] = [
    "visit": "visited", "develop": "developed", "gallop": "galloped", "focus": "focused",
    "bias": "biased",
  ]

  private static let shortPasts: Set<String> = [
    "died", "tied", "lied", "used", "owed", "dyed", "eyed", "aged",
  ]

  private static let notVerbs: Set<String> = [
    "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged", "beloved", "crooked",
    "wretched", "learned", "aged", "blessed",
  ]

  // MARK: Irregular verbs

  /// Participles that are not also past forms ("drawn", not "drew").
  private static let irregularParticiples: Set<String> = [
    "drawn", "taken", "given", "shown", "known", "thrown", "grown", "written", "chosen",
    "driven", "broken", "spoken", "frozen", "stolen", "sworn", "torn", "worn", "born", "borne",
    "begun", "done", "gone", "seen", "risen", "fallen", "beaten", "bitten", "blown", "flown",
    "forgotten", "forgiven", "hidden", "ridden", "shaken", "slain", "sunk", "sung", "undertaken",
    "overthrown", "withdrawn", "overtaken", "mistaken", "rewritten", "retaken", "overrun",
    "proven", "sewn", "sown", "woken", "struck", "stricken", "laden",
  ]

  private static let irregularByBase: [String: String] = {
    var result: [String: String] = [:]
    for (past, base) in irregularPast.sorted(by: { $0.key < $1.key }) where result[base] == nil {
      result[base] = past
    }
    // Both are pasts of these; the first one is the one to write.
    result["burn"] = "burned"
    result["spell"] = "spelled"
    return result
  }()

  /// Irregular past forms and their base forms.
  static let irregularPast: [String: String] = [
    "had": "have", "took": "take", "fought": "fight", "made": "make", "began": "begin",
    "won": "win", "lost": "lose", "fell": "fall", "led": "lead", "built": "build", "held": "hold",
    "left": "leave", "ran": "run", "broke": "break", "sent": "send", "met": "meet",
    "came": "come", "went": "go", "gave": "give", "drew": "draw", "rose": "rise",
    "struck": "strike", "threw": "throw", "overthrew": "overthrow", "spoke": "speak",
    "wrote": "write", "became": "become", "bought": "buy", "brought": "bring",
    "caught": "catch", "chose": "choose", "drove": "drive", "fled": "flee", "flew": "fly",
    "froze": "freeze", "got": "get", "grew": "grow", "hid": "hide", "kept": "keep",
    "knew": "know", "laid": "lay", "paid": "pay", "rode": "ride", "saw": "see",
    "sold": "sell", "shot": "shoot", "sank": "sink", "sat": "sit", "slew": "slay",
    "stood": "stand", "stole": "steal", "swore": "swear", "swept": "sweep", "taught": "teach",
    "told": "tell", "thought": "think", "tore": "tear", "understood": "understand",
    "wore": "wear", "withdrew": "withdraw", "undertook": "undertake", "overtook": "overtake",
    "forbade": "forbid", "forgave": "forgive", "bore": "bear", "bound": "bind",
    "burnt": "burn", "dealt": "deal", "dug": "dig", "fed": "feed", "felt": "feel",
    "found": "find", "hung": "hang", "lit": "light", "meant": "mean", "rang": "ring",
    "sang": "sing", "shook": "shake", "shone": "shine", "sought": "seek", "spent": "spend",
    "sprang": "spring", "stuck": "stick", "strove": "strive", "swam": "swim", "swung": "swing",
    "woke": "wake", "wove": "weave", "wept": "weep", "arose": "arise", "befell": "befall",
    "bit": "bite", "blew": "blow", "forgot": "forget", "forsook": "forsake", "heard": "hear",
    "lent": "lend", "mistook": "mistake", "overcame": "overcome", "rebuilt": "rebuild",
    "retook": "retake", "rewrote": "rewrite", "sped": "speed", "spun": "spin",
    "strode": "stride", "upheld": "uphold", "withheld": "withhold", "withstood": "withstand",
    "did": "do", "said": "say", "set": "set", "put": "put", "cut": "cut", "hit": "hit",
    "cast": "cast", "spread": "spread", "split": "split", "shut": "shut", "let": "let",
    "beat": "beat", "thrust": "thrust", "bred": "breed", "shed": "shed", "slid": "slide",
    "foresaw": "foresee", "oversaw": "oversee", "underwent": "undergo", "outlived": "outlive",
    "besieged": "besiege", "overran": "overrun", "awoke": "awake", "bled": "bleed",
    "drank": "drink", "ate": "eat", "shrank": "shrink", "bent": "bend", "clung": "cling",
    "flung": "fling", "stung": "sting", "crept": "creep", "slept": "sleep", "knelt": "kneel",
    "leapt": "leap", "dwelt": "dwell", "spelt": "spell", "misled": "mislead",
    "overrode": "override", "foretold": "foretell", "beheld": "behold", "partook": "partake",
    "outran": "outrun", "forbore": "forbear", "undid": "undo", "outgrew": "outgrow",
    "forecast": "forecast", "broadcast": "broadcast", "upset": "upset", "burst": "burst",
    "cost": "cost", "hurt": "hurt", "quit": "quit", "read": "read", "wed": "wed",
    "was": "be", "were": "be",
  ]
}
