/// Whether two names are forms of one name: a spelling ("Edgar Atheling"), initials ("JFK",
/// "CIA", "ExComm"), a title or regnal number ("King Harold", "Harold II", "Bishop Odo"), a
/// fuller or shorter form ("Marcus Vipsanius Agrippa", "William of Normandy"), or the same name
/// in another language ("Marcus Antonius" for Mark Antony).
///
/// "By what other name was X known?" is worth asking only for a name that is not a form of X's
/// own ("Augustus" for Octavian, "Bobby Kennedy" for Robert F. Kennedy): a form of the same
/// name tests spelling, not history, and it is accepted as an answer anyway.
enum NameForms {
  static func areFormsOfOneName(_ lhs: String, _ rhs: String) -> Bool {
    let left = tokens(lhs)
    let right = tokens(rhs)
    guard !left.isEmpty, !right.isEmpty else { return true }
    if isInitials(of: lhs, in: right) || isInitials(of: rhs, in: left) { return true }
    let leftCore = core(left)
    let rightCore = core(right)
    // A name that is a title alone ("the King") is no other name.
    guard !leftCore.isEmpty, !rightCore.isEmpty else { return true }
    let (smaller, larger) =
      leftCore.count <= rightCore.count ? (leftCore, rightCore) : (rightCore, leftCore)
    return smaller.allSatisfy { word in larger.contains { sameWord(word, $0) } }
  }

  /// Lower-case words without diacritics or punctuation ("John F. Kennedy" → john, f, kennedy).
  static func tokens(_ name: String) -> [String] {
    English.folded(name).replacingOccurrences(of: "æ", with: "ae")
      .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "ß", with: "ss")
      .split(whereSeparator: { $0 == " " || $0 == "-" }).map { word in
        String(word.filter { $0.isLetter || $0.isNumber })
      }.filter { !$0.isEmpty }
  }

  /// The words that make the name: no article, title or regnal number, and nothing from "of"
  /// on ("Harald III of Norway" → harald).
  private static func core(_ words: [String]) -> [String] {
    var result: [String] = []
    for word in words {
      if word == "of" && !result.isEmpty { break }
      if articles.contains(word) || titles.contains(word) || isNumeral(word) { continue }
      result.append(word)
    }
    return result
  }

  /// The same word, spelt another way or in another language: equal, one letter an initial of
  /// the other, sharing most of their beginning ("Mark"/"Marcus", "Pompey"/"Pompeius"), or one
  /// or two letters apart in a long word ("Aetheling"/"Atheling").
  static func sameWord(_ lhs: String, _ rhs: String) -> Bool {
    if lhs == rhs { return true }
    if lhs.count == 1 || rhs.count == 1 { return lhs.first == rhs.first }
    let shared = zip(lhs, rhs).prefix { $0 == $1 }.count
    let shorter = min(lhs.count, rhs.count)
    if shared >= 3, Double(shared) >= 0.6 * Double(shorter) { return true }
    return shorter >= 6 && distance(lhs, rhs) <= 2
  }

  /// Whether `abbreviation`, one word written with capitals ("JFK", "CIA", "ExComm"), is made of
  /// the beginnings of `words` in order, starting with the first.
  static func isInitials(of abbreviation: String, in words: [String]) -> Bool {
    let word =
      abbreviation.lowercased().hasPrefix("the ") ? String(abbreviation.dropFirst(4)) : abbreviation
    let trimmed = word.filter { $0.isLetter }
    guard !word.contains(" "), trimmed.count >= 2,
      trimmed.filter(\.isUppercase).count >= 2, words.count >= 2
    else { return false }
    let letters = Array(trimmed.lowercased())
    let significant = words.filter { !articles.contains($0) && $0 != "of" && $0 != "and" }
    func consume(_ position: Int, _ word: Int, first: Bool) -> Bool {
      if position == letters.count { return !first }
      guard word < significant.count else { return false }
      let candidate = Array(significant[word])
      var length = 0
      while length < candidate.count, position + length < letters.count,
        candidate[length] == letters[position + length]
      {
        length += 1
        if consume(position + length, word + 1, first: false) { return true }
      }
      // A word may be left out after the first ("ExComm" skips "of the National…").
      return !first && consume(position, word + 1, first: false)
    }
    return consume(0, 0, first: true)
  }

  private static func isNumeral(_ word: String) -> Bool {
    if word.allSatisfy(\.isNumber) { return true }
    if ["st", "nd", "rd", "th"].contains(where: word.hasSuffix), word.first?.isNumber == true {
      return true
    }
    return word.count <= 5 && word.allSatisfy({ "ivxl".contains($0) }) && word != "l"
  }

  /// Levenshtein distance, for short words.
  private static func distance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  private static let articles: Set<String> = ["the", "a", "an"]

  /// Words that name a rank or office before or after a name, not the name.
  static let titles: Set<String> = [
    "king", "queen", "prince", "princess", "emperor", "empress", "tsar", "czar", "tsarina",
    "sultan", "caliph", "shah", "khan", "pharaoh", "pope", "saint", "st", "bishop",
    "archbishop", "cardinal", "abbot", "duke", "duchess", "earl", "count", "countess", "baron",
    "baroness", "lord", "lady", "sir", "dame", "president", "chancellor", "premier", "minister",
    "prime", "general", "commander", "colonel", "captain", "major", "lieutenant", "sergeant",
    "admiral", "marshal", "consul", "dictator", "senator", "governor", "mr", "mrs", "ms", "dr",
    "doctor", "professor", "reverend", "rev", "father", "imam", "rabbi", "chief",
  ]
}
