/// Turns a past-tense clause into a question, the way a teacher would ask it: "the KLA seized
/// Zhvillidove" becomes "When did the KLA seize Zhvillidove?", "Harold was crowned king" becomes
/// "When was Harold crowned king?".
///
/// Only clauses of the plain shape subject–verb–rest are rewritten; anything else (a clause
/// that opens with a time or a condition, two clauses joined by "and", no verb found) gives nil
/// and the caller asks another way, rather than in broken English.
enum ClauseQuestion {
  /// "In which year" + "the KLA seized Bukos" → "In which year did the KLA seize Bukos?".
  static func asking(_ questionWords: String, about clause: String) -> String? {
    let words = English.trimmed(clause).split(separator: " ", omittingEmptySubsequences: true)
      .map(String.init)
    guard words.count >= 2, let first = words.first,
      !openers.contains(bare(first).lowercased())
    else { return nil }
    guard let verb = mainVerb(in: words) else { return nil }
    var subjectWords = Array(words[..<verb.index])
    // The clause stands inside the question: "The Normans landed" → "did the Normans land".
    if ["The", "A", "An"].contains(subjectWords[0]) {
      subjectWords[0] = subjectWords[0].lowercased()
    }
    let subject = subjectWords.joined(separator: " ")
    guard !subject.contains(";") else { return nil }
    var rest = Array(words[(verb.index + 1)...])
    var isAuxiliary = false
    if case .auxiliary = verb.form { isAuxiliary = true }
    if let second = secondClause(in: rest, afterAuxiliary: isAuxiliary) {
      guard second.isVerbOnly else { return nil }
      // "…captured A and burned B": the second verb shares the subject and turns with it.
      if let base = baseForm(of: rest[second.index]) {
        rest[second.index] = base
      } else {
        return nil
      }
    }
    let tail = rest.isEmpty ? "" : " " + rest.joined(separator: " ")
    let body: String
    switch verb.form {
    case .auxiliary(let auxiliary):
      body = "\(auxiliary) \(subject)\(tail)"
    case .base(let base):
      body = "did \(subject) \(base)\(tail)"
    }
    return English.question("\(questionWords) \(body)")
  }

  /// A clause of another shape asked by its first part: "There was a detention centre…" →
  /// "Between which months was there a detention centre…?"; "Yugoslav forces pierced the lines,
  /// and civilians fled" → "On what date did Yugoslav forces pierce the lines?" (the part before
  /// an "and" that the whole clause cannot carry; the explanation tells the rest). Nil when no
  /// part of three words or more can be asked.
  static func askingFirstPart(_ questionWords: String, about clause: String) -> String? {
    let words = English.trimmed(clause).split(separator: " ").map(String.init)
    if words.count >= 3, ["there"].contains(words[0].lowercased()),
      ["was", "were"].contains(words[1].lowercased())
    {
      return English.question(
        "\(questionWords) \(words[1].lowercased()) there \(words[2...].joined(separator: " "))")
    }
    // The longest part first, so that as little as possible is left to the explanation.
    for position in words.indices.reversed() where position >= 3 {
      guard bare(words[position]).lowercased() == "and" else { continue }
      var part = words[..<position].joined(separator: " ")
      if part.hasSuffix(",") { part.removeLast() }
      if let question = asking(questionWords, about: part) { return question }
    }
    return nil
  }

  private enum VerbForm {
    /// "was", "were", "had" before a participle: moved in front of the subject.
    case auxiliary(String)
    /// The verb's base form, after "did".
    case base(String)
  }

  /// Words a clause may open with that are not its subject.
  private static let openers: Set<String> = [
    "after", "before", "when", "while", "as", "in", "on", "at", "during", "following", "with",
    "despite", "although", "though", "because", "since", "once", "until", "by", "for", "from",
    "if", "having", "there", "it",
  ]

  private static let determiners: Set<String> = [
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "some", "many", "several", "two", "three", "four", "five", "no", "every", "each", "of",
    "to", "with", "by", "for", "in", "on", "at", "from", "and", "or", "very", "well", "newly",
    "so-called", "heavily", "lightly", "poorly",
  ]

  /// Participles that follow a noun as its description, not as the clause's verb
  /// ("a force named…", "exiles trained by the CIA").
  private static let participles: Set<String> = [
    "named", "called", "known", "based", "so-called", "armed", "mounted", "allied", "combined",
    "united", "stationed", "dressed", "aged",
  ]

  /// The clause's first verb: its position and how the question form is built from it.
  private static func mainVerb(in words: [String]) -> (index: Int, form: VerbForm)? {
    for index in 1..<words.count {
      let word = bare(words[index]).lowercased()
      let previous = bare(words[index - 1]).lowercased()
      let next = index + 1 < words.count ? bare(words[index + 1]).lowercased() : ""
      if subordinators.contains(word) { return nil }
      if ["was", "were"].contains(word) { return (index, .auxiliary(word)) }
      if word == "had" {
        // "had fled" keeps "had"; "had a base" is the verb "have".
        if index + 1 < words.count, isPastForm(next) { return (index, .auxiliary("had")) }
        return (index, .base("have"))
      }
      if ["is", "are", "has", "have", "will", "would", "can", "could", "may", "might"].contains(
        word)
      {
        return nil
      }
      guard isPastForm(word), !determiners.contains(previous), !participles.contains(word),
        next != "by", next != "as"
      else { continue }
      guard let base = baseForm(of: words[index]) else { return nil }
      return (index, .base(base))
    }
    return nil
  }

  /// Where "and" starts a second part after the verb: a verb right after it shares the
  /// subject ("and burned"), and can turn with the first one when that one is active; a verb a
  /// few words later has a subject of its own ("and the KLA counterattacked"), which one
  /// question cannot carry.
  private static func secondClause(in rest: [String], afterAuxiliary: Bool)
    -> (index: Int, isVerbOnly: Bool)?
  {
    for position in rest.indices where bare(rest[position]).lowercased() == "and" {
      let next = position + 1
      guard next < rest.count else { continue }
      let nextWord = bare(rest[next]).lowercased()
      if ["was", "were", "had"].contains(nextWord) { return (next, false) }
      if isPastForm(nextWord) { return (next, !afterAuxiliary) }
      for later in (next + 1)..<min(rest.count, next + 5) {
        let word = bare(rest[later]).lowercased()
        let before = bare(rest[later - 1]).lowercased()
        let after = later + 1 < rest.count ? bare(rest[later + 1]).lowercased() : ""
        if ["was", "were"].contains(word) { return (later, false) }
        if isPastForm(word), !participles.contains(word), after != "by",
          !determiners.contains(before)
        {
          return (later, false)
        }
      }
    }
    return nil
  }

  private static func bare(_ word: String) -> String {
    String(word.filter { $0.isLetter || $0 == "-" || $0 == "'" })
  }

  /// Whether the word looks like a past-tense verb.
  static func isPastForm(_ word: String) -> Bool {
    let lowered = word.lowercased()
    if irregularPast[lowered] != nil { return true }
    return (lowered.count > 4 || shortPasts.contains(lowered)) && lowered.hasSuffix("ed")
      && !notVerbs.contains(lowered)
  }

  private static let shortPasts: Set<String> = [
    "died", "tied", "lied", "used", "owed", "dyed", "eyed", "aged",
  ]

  /// Words that open a clause inside the clause; a verb after one belongs to that clause.
  private static let subordinators: Set<String> = [
    "that", "which", "who", "whom", "whose", "what", "where", "when", "because", "while",
    "whether", "if",
  ]

  private static let notVerbs: Set<String> = [
    "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged", "beloved", "crooked",
    "wretched", "learned", "aged", "blessed",
  ]

  /// The base form of a past-tense verb: "seized" → "seize", "took" → "take"; nil when it is
  /// not one.
  static func baseForm(of word: String) -> String? {
    let trailing = String(word.reversed().prefix { !$0.isLetter }.reversed())
    let core = String(word.dropLast(trailing.count))
    let lowered = core.lowercased()
    if let irregular = irregularPast[lowered] { return irregular + trailing }
    guard isPastForm(lowered) else { return nil }
    return regularBase(lowered) + trailing
  }

  private static func regularBase(_ word: String) -> String {
    if let special = regularExceptions[word] { return special }
    let letters = Array(word)
    if word.hasSuffix("ied") { return String(letters.dropLast(3)) + "y" }
    if word.hasSuffix("eed") && !word.hasSuffix("eeded") { return String(letters.dropLast(1)) }
    // "ceded", "seceded", "conceded": the base ends in -ede.
    if word.hasSuffix("eded"), letters.count >= 5, !"aeiou".contains(letters[letters.count - 5]) {
      return String(letters.dropLast(1))
    }
    let stem = Array(letters.dropLast(2))
    guard let last = stem.last else { return word }
    let beforeLast = stem.count >= 2 ? stem[stem.count - 2] : " "
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    // Doubled consonants: "stopped" → "stop"; but "shelled", "passed", "staffed" keep theirs.
    if last == beforeLast, !vowels.contains(last) {
      if "lsfz".contains(last) {
        let single = String(stem.dropLast())
        return singleLStems.contains(single) ? single : String(stem)
      }
      return String(stem.dropLast())
    }
    let stemText = String(stem)
    // Endings that always take a silent e: "continued", "moved", "seized", "forced", "changed",
    // "caused", "toppled".
    if last == "u" || last == "v" || last == "z" || last == "c" { return stemText + "e" }
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
    // One vowel between consonants: "created", "invaded", "ruled" take an e; an e-vowel or two
    // vowels ("defeated", "ordered", "claimed") do not, nor do a few common endings.
    let beforeVowel = stem.count >= 3 ? stem[stem.count - 3] : " "
    if !vowels.contains(last), vowels.contains(beforeLast), !vowels.contains(beforeVowel),
      "tdrnmpkbl".contains(last), beforeLast != "e"
    {
      let ending = String([beforeLast, last])
      switch ending {
      case "it": return silentEStems.contains(stemText + "e") ? stemText + "e" : stemText
      case "on": return silentEStems.contains(stemText + "e") ? stemText + "e" : stemText
      case "op": return silentEStems.contains(stemText + "e") ? stemText + "e" : stemText
      default: return stemText + "e"
      }
    }
    if ending(stem, is: "et"), silentEStems.contains(stemText + "e") { return stemText + "e" }
    return stemText
  }

  private static func ending(_ stem: [Character], is suffix: String) -> Bool {
    String(stem).hasSuffix(suffix)
  }

  /// Verbs ending in "-it", "-on", "-op" or "-et" that do take a silent e.
  private static let silentEStems: Set<String> = [
    "unite", "invite", "ignite", "excite", "cite", "recite", "incite", "site", "spite", "reunite",
    "atone", "phone", "zone", "clone", "hone", "postpone", "condone", "dethrone", "enthrone",
    "hope", "elope", "cope", "scope", "complete", "compete", "delete", "deplete",
  ]

  /// Verbs in -el and -ol whose past doubles the l: "rebelled" → "rebel".
  private static let singleLStems: Set<String> = [
    "rebel", "control", "compel", "expel", "propel", "patrol", "repel", "impel", "dispel",
    "excel", "cancel", "travel", "label", "model", "signal", "total", "marshal", "quarrel",
    "level", "fuel", "duel", "counsel", "enrol", "enthral", "annul", "fulfil", "instil",
    "distil", "extol",
  ]

  private static let regularExceptions: [String: String] = [
    "added": "add", "died": "die", "tied": "tie", "lied": "lie", "dyed": "dye",
    "focused": "focus", "biased": "bias", "developed": "develop", "visited": "visit",
    "worshipped": "worship", "kidnapped": "kidnap", "massacred": "massacre",
  ]

  /// The past form of a base verb: "last" → "lasted", "fight" → "fought".
  static func pastForm(of base: String) -> String {
    if let irregular = irregularByBase[base] { return irregular }
    if base.hasSuffix("e") { return base + "d" }
    if base.hasSuffix("y"), base.count > 1,
      !"aeiou".contains(base[base.index(base.endIndex, offsetBy: -2)])
    {
      return base.dropLast() + "ied"
    }
    return base + "ed"
  }

  private static let irregularByBase: [String: String] = {
    var result: [String: String] = [:]
    for (past, base) in irregularPast.sorted(by: { $0.key < $1.key }) where result[base] == nil {
      result[base] = past
    }
    return result
  }()

  /// Irregular past forms and their base forms.
  static let irregularPast: [String: String] = [
    "took": "take", "fought": "fight", "made": "make", "began": "begin", "won": "win",
    "lost": "lose", "fell": "fall", "led": "lead", "built": "build", "held": "hold",
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
    "cast": "cast",
    "spread": "spread", "split": "split", "shut": "shut", "let": "let", "beat": "beat",
    "thrust": "thrust", "bred": "breed", "shed": "shed", "slid": "slide", "foresaw": "foresee",
    "oversaw": "oversee", "underwent": "undergo", "outlived": "outlive", "besieged": "besiege",
  ]
}
