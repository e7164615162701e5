import Foundation

/// Small pieces of English grammar that templates need to turn deck fields into sentences.
package enum English {
  /// The blank shown in cloze sentences.
  static let blank = "_____"

  private static let openers: Set<Character> = ["\"", "'", "“", "‘", "(", "[", " "]

  /// The text with its first letter upper-cased ("the KLA…" → "The KLA…"); leading quotes and
  /// brackets are skipped, and the rest is left alone so names keep their spelling.
  static func capitalizingFirst(_ text: String) -> String {
    // Only an opening quote or bracket may come first; a sentence that opens with a blank
    // ("_____ was…") keeps its lower-case word.
    guard let index = text.firstIndex(where: { !openers.contains($0) }),
      text[index].isLowercase
    else { return text }
    return text[..<index] + text[index].uppercased() + text[text.index(after: index)...]
  }

  /// A clause made into a sentence: capital first letter and closing punctuation.
  package static func sentence(_ clause: String) -> String {
    let trimmed = trimmed(clause)
    let capitalized = capitalizingFirst(trimmed)
    guard let last = capitalized.last else { return capitalized }
    // A closing quotation that ends with its own stop ("…just blinked.\"") ends the sentence.
    if "\"”’)".contains(last), let stop = capitalized.dropLast().last, ".?!".contains(stop) {
      return capitalized
    }
    return ".?!".contains(last) ? capitalized : capitalized + "."
  }

  /// A clause made into a question: capital first letter and a question mark.
  static func question(_ clause: String) -> String {
    var trimmed = trimmed(clause)
    while let last = trimmed.last, ".!?".contains(last) { trimmed.removeLast() }
    return capitalizingFirst(trimmed) + "?"
  }

  /// Sentences joined with single spaces, each closed with punctuation.
  static func paragraph(_ parts: [String?]) -> String {
    parts.compactMap { $0 }.filter { !$0.isEmpty }.map(sentence).joined(separator: " ")
  }

  /// "a former commander…" → "the former commander…", so a role can follow "Who was".
  static func definite(_ nounPhrase: String) -> String {
    let lowered = nounPhrase.lowercased()
    for article in ["a ", "an "] where lowered.hasPrefix(article) {
      return "the " + nounPhrase.dropFirst(article.count)
    }
    return nounPhrase
  }

  /// "a" or "an" by the sound of the next word, with the usual exceptions.
  static func indefiniteArticle(before word: String) -> String {
    let lowered = word.lowercased()
    for prefix in ["one", "uni", "use", "usu", "eu", "ur"] where lowered.hasPrefix(prefix) {
      return "a"
    }
    for prefix in ["hour", "honest", "honour", "heir"] where lowered.hasPrefix(prefix) {
      return "an"
    }
    guard let first = lowered.first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
  }

  private static let units = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
  ]
  private static let tens = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
  ]

  /// Whole numbers below 100 in words, as a sentence may not begin with digits.
  static func words(for number: Int) -> String? {
    switch number {
    case 0..<20: return units[number]
    case 20..<100:
      let ten = tens[number / 10]
      return number % 10 == 0 ? ten : "\(ten)-\(units[number % 10])"
    default: return nil
    }
  }

  /// A figure that can open a sentence: small exact whole numbers in words, otherwise the
  /// figure as the source states it ("over 100", "between 3,000 and 5,000").
  static func figure(_ value: NumberValue) -> String {
    if value.qualifier == .exact, !value.isRange, value.low.rounded() == value.low,
      let words = words(for: Int(value.low))
    {
      return words
    }
    return value.description
  }

  /// Lower-cased with diacritics and surrounding spaces removed, for comparing answers.
  static func folded(_ text: String) -> String {
    // Most deck text is ASCII, where lower-casing is all folding does and is much cheaper.
    let folded =
      text.utf8.allSatisfy({ $0 < 0x80 })
      ? text.lowercased()
      : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return trimmed(folded)
  }

  /// The text without surrounding white space (cheaper than Foundation's trimming, which
  /// copies through NSString even when there is nothing to trim).
  static func trimmed(_ text: String) -> String {
    func isSpace(_ byte: UInt8?) -> Bool {
      guard let byte else { return false }
      return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte >= 0x80
    }
    // Only a byte that may begin or end white space is worth a closer look.
    guard isSpace(text.utf8.first) || isSpace(text.utf8.last),
      text.first?.isWhitespace == true || text.last?.isWhitespace == true
    else { return text }
    return String(
      text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  /// The text's words (runs of letters and digits), lower-cased. ASCII text, the common case,
  /// is split byte by byte, which is many times faster than asking each Character.
  static func words(of text: String) -> [String] {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
    var result: [String] = []
    var current: [UInt8] = []
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        current.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        current.append(byte + 32)
      default:
        if !current.isEmpty {
          result.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
      }
    }
    if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
    return result
  }

  /// Where `term` occurs in `text` as whole words, ignoring case.
  static func occurrences(of term: String, in text: String) -> [Range<String.Index>] {
    guard !term.isEmpty else { return [] }
    var found: [Range<String.Index>] = []
    var searchStart = text.startIndex
    while searchStart < text.endIndex,
      let range = text.range(
        of: term, options: .caseInsensitive, range: searchStart..<text.endIndex)
    {
      let beforeOK =
        range.lowerBound == text.startIndex
        || !isWordCharacter(text[text.index(before: range.lowerBound)])
      let afterOK = range.upperBound == text.endIndex || !isWordCharacter(text[range.upperBound])
      if beforeOK && afterOK { found.append(range) }
      searchStart = range.upperBound
    }
    return found
  }

  static func mentions(_ term: String, in text: String) -> Bool {
    !occurrences(of: term, in: text).isEmpty
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  /// The text with every whole-word occurrence of any of `terms` replaced; longer terms first,
  /// so "the Bajgora region" is replaced whole rather than leaving "the _____ region".
  static func replacing(_ terms: [String], with replacement: String, in text: String) -> String? {
    var result = text
    var replacedAny = false
    let probe = TextProbe(text)
    for term in terms.sorted(by: { $0.count > $1.count }) {
      // Most terms are absent; a word lookup says so without a full-text search.
      guard Set(words(of: term)).isSubset(of: probe.words) else { continue }
      let ranges = occurrences(of: term, in: result)
      for range in ranges.reversed() {
        result.replaceSubrange(range, with: replacement)
        replacedAny = true
      }
    }
    return replacedAny ? result : nil
  }

  /// A tag as it may appear inside a question id: lower-case ASCII letters, digits, `-`, `.`.
  static func slug(_ text: String) -> String {
    var result = ""
    var lastWasDash = false
    for scalar in folded(text).unicodeScalars {
      if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == "." {
        result.unicodeScalars.append(scalar)
        lastWasDash = false
      } else if !lastWasDash, !result.isEmpty {
        result.append("-")
        lastWasDash = true
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result.isEmpty ? "tag" : result
  }
}

/// One text prepared for many "does it name X?" checks: most names fail on a cheap word lookup
/// before the exact whole-word search runs.
struct TextProbe {
  let text: String
  /// The text's words, lower-cased.
  let words: Set<String>

  init(_ text: String) {
    self.text = text
    words = Set(TextProbe.words(of: text))
  }

  private static func words(of text: String) -> [String] { English.words(of: text) }

  /// Whether the text names `term` as whole words, ignoring case (as `English.mentions`).
  func mentions(_ term: String) -> Bool {
    let termWords = TextProbe.words(of: term)
    guard !termWords.isEmpty, termWords.allSatisfy(words.contains) else { return false }
    return English.mentions(term, in: text)
  }

  /// Whether the text names any of `terms`.
  func mentionsAny(_ terms: [String]) -> Bool { terms.contains(where: mentions) }
}
