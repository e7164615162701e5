/// General rules by which two differently written answers name the same thing, so a teacher's
/// "War in Kosovo" for "Kosovo War" or "141st Brigade" for "Brigade 141" is right without any
/// deck listing it.
///
/// Each rule folds both sides the same way: ordinals to numbers ("141st", "first" → "141", "1"),
/// demonyms to their stem ("Serbian" → "serb", "Yugoslavian" → "yugoslav"), compass adjectives
/// to their direction ("northern" → "north", so "north Kosovo" is "northern Kosovo"), and the order of the
/// content words ("Thaçi, Hashim", "War in Kosovo") — the little words between them ("in", "of",
/// "the") are left out of that comparison.
public enum AnswerVariants {
  /// Words that join a name's parts and may come and go when the order changes.
  static let joiningWords: Set<String> = ["the", "a", "an", "of", "in", "on", "at", "for", "and"]

  /// Titles and ranks written before a name ("President Thaçi", "General Jackson").
  static let honorifics: Set<String> = [
    "president", "commander", "general", "colonel", "major", "captain", "lieutenant",
    "sergeant", "marshal", "admiral", "king", "queen", "emperor", "empress", "prince",
    "princess", "duke", "duchess", "lord", "lady", "sir", "dame", "pope", "saint", "st",
    "dr", "doctor", "mr", "mrs", "ms", "professor", "prof", "chancellor", "minister", "prime",
    "premier", "governor", "senator", "tsar", "czar", "sultan", "caliph", "pharaoh", "consul",
    "bishop", "archbishop", "cardinal", "father", "brother", "sister", "count", "countess",
    "baron", "field", "then", "former", "late",
  ]

  private static let ordinalWords: [String: String] = [
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10", "eleventh": "11",
    "twelfth": "12", "thirteenth": "13", "fourteenth": "14", "fifteenth": "15",
    "sixteenth": "16", "seventeenth": "17", "eighteenth": "18", "nineteenth": "19",
    "twentieth": "20",
  ]

  private static let directionWords: [String: String] = [
    "northern": "north", "southern": "south", "eastern": "east", "western": "west",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast",
    "southwestern": "southwest",
  ]

  /// One word folded: "141st" → "141", "third" → "3", "Serbian" → "serb", "northern" → "north".
  static func fold(_ word: String) -> String {
    if let number = ordinalWords[word] { return number }
    if let direction = directionWords[word] { return direction }
    for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
      let digits = word.dropLast(2)
      if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return String(digits) }
    }
    // Demonyms: Serbian/Serb, Croatian/Croat, Yugoslavian/Yugoslav, Bosnian/Bosniak stays.
    if word.count > 6, word.hasSuffix("ian") { return String(word.dropLast(3)) }
    if word.count > 5, word.hasSuffix("ians") { return String(word.dropLast(4)) }
    if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") {
      // Plurals of demonyms and units: "Serbs", "Albanians" (after the rule above).
      let singular = String(word.dropLast())
      if singular.count > 6, singular.hasSuffix("ian") { return String(singular.dropLast(3)) }
    }
    return word
  }

  /// The words folded, in order; a Roman numeral after the first word is a number ("Henry
  /// IV" is "Henry 4", as are "Henry 4" and "Henry the Fourth").
  public static func folded(_ words: [String]) -> [String] {
    words.enumerated().map { index, word in
      if index > 0, let number = romanNumeral(word) { return String(number) }
      return fold(word)
    }
  }

  /// The value of a Roman numeral from I to XXXIX, the range of regnal and legion numbers;
  /// only the letters I, V and X, in their strict order, so no English word is read as one.
  static func romanNumeral(_ word: String) -> Int? {
    guard !word.isEmpty, word.count <= 6, word.allSatisfy({ "ivx".contains($0) }) else {
      return nil
    }
    let tens = word.prefix(while: { $0 == "x" })
    guard tens.count <= 3 else { return nil }
    let units = String(word.dropFirst(tens.count))
    let values = [
      "": 0, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
    ]
    guard let unit = values[units] else { return nil }
    let value = tens.count * 10 + unit
    return value > 0 ? value : nil
  }

  /// Words that say what kind of thing a name is ("the Rubicon river", "Senlac Hill",
  /// "Brigade 141"): an answer may add or leave them out, but they are never an answer alone.
  static let genericWords: Set<String> = [
    "river", "hill", "hills", "mount", "mountain", "mountains", "lake", "bay", "island",
    "islands", "isle", "peninsula", "valley", "plain", "forest", "desert", "strait", "gulf",
    "cape", "town", "village", "region", "area", "part", "province", "district",
    "county", "fort", "castle", "abbey", "brigade", "legion", "regiment", "battalion",
  ]

  /// The words without generic ones, when some are left that are not generic or little words.
  static func withoutGeneric(_ words: [String]) -> [String]? {
    let rest = words.filter { !genericWords.contains($0) }
    guard rest.count < words.count, rest.contains(where: { !joiningWords.contains($0) }) else {
      return nil
    }
    return rest
  }

  /// Whether the words say nothing but what kind of thing is meant ("a hill", "the river").
  static func onlyGeneric(_ words: [String]) -> Bool {
    words.allSatisfy { genericWords.contains($0) || joiningWords.contains($0) }
  }

  /// Words that turn a statement into its opposite: "guilty" is not "not guilty".
  static let negations: Set<String> = ["not", "never"]

  /// Whether the words are negated (an odd number of negations).
  static func isNegated(_ words: [String]) -> Bool {
    words.filter(negations.contains).count % 2 == 1
  }

  /// The content words folded and sorted: equal keys name the same thing in another order.
  public static func orderFreeKey(_ words: [String]) -> [String] {
    let content = folded(words).filter { !joiningWords.contains($0) }
    return content.sorted()
  }

  /// Whether `typed` is `accepted` written another way under the rules above.
  public static func sameAnswer(_ typed: [String], _ accepted: [String]) -> Bool {
    guard !typed.isEmpty, !accepted.isEmpty else { return false }
    let typedFolded = folded(typed)
    let acceptedFolded = folded(accepted)
    if typedFolded == acceptedFolded || typedFolded.joined() == acceptedFolded.joined() {
      return true
    }
    let typedKey = orderFreeKey(typed)
    return !typedKey.isEmpty && typedKey == orderFreeKey(accepted)
  }

  /// `typed` without titles before a name ("President Thaçi" → "Thaçi"), when it has any and
  /// something is left; `extraTitles` are the deck's own title words.
  public static func withoutTitles(_ typed: [String], extraTitles: Set<String> = []) -> [String]? {
    var rest = typed
    while rest.count > 1, let first = rest.first,
      honorifics.contains(first) || extraTitles.contains(first) || first == "of"
    {
      rest.removeFirst()
    }
    return rest.count < typed.count ? rest : nil
  }
}
