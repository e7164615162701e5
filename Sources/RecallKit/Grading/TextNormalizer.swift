import Foundation

/// Reduces typed text to the words that carry its meaning, so "The  Barë!" and "bare" compare
/// equal.
///
/// Everything here is Unicode-table driven (compatibility decomposition, general categories,
/// default case mapping) rather than locale driven, so it gives the same words on every platform
/// and in every user locale.
public enum TextNormalizer {
  /// Articles a learner may add or leave out at the start of an answer.
  static let leadingArticles: Set<String> = ["the", "a", "an"]

  /// Letters that carry their mark in the letter itself, so decomposition leaves them whole.
  private static let foldedLetters: [Unicode.Scalar: String] = [
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
    "ħ": "h", "þ": "th", "ŧ": "t", "ŋ": "n",
  ]

  /// Apostrophes join the letters around them ("Ma'an" is one word), except in a possessive
  /// ("Kosovo's" is "Kosovo"); other punctuation splits.
  private static let apostrophes: Set<Unicode.Scalar> = [
    "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}",
  ]

  /// The answer's words: lowercase, punctuation gone, diacritics removed when `foldingDiacritics`,
  /// one leading article dropped, and runs of number words written as digits ("two weeks" →
  /// "2 weeks"), so that both sides of a comparison read the same way.
  public static func words(_ text: String, foldingDiacritics: Bool = true) -> [String] {
    // Numbers first, so the "a" of "a hundred" is read as one rather than dropped as an article.
    var words = NumberWords.collapse(rawWords(text, foldingDiacritics: foldingDiacritics))
    if words.count > 1, let first = words.first, leadingArticles.contains(first) {
      words.removeFirst()
    }
    return words
  }

  /// The words joined without spaces: what remains when spacing is ignored too.
  public static func compact(_ text: String) -> String {
    words(text).joined()
  }

  /// The lowercase words of `text` with punctuation removed, articles and number words kept.
  static func rawWords(_ text: String, foldingDiacritics: Bool) -> [String] {
    let source = text.count > maximumLength ? String(text.prefix(maximumLength)) : text
    let decomposed =
      foldingDiacritics
      ? source.decomposedStringWithCompatibilityMapping : source
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    let scalars = Array(decomposed.lowercased().unicodeScalars)
    var skipping = false
    for (index, scalar) in scalars.enumerated() {
      defer { previous = scalar }
      if skipping {
        skipping = false
        continue
      }
      if !current.isEmpty, isPossessive(scalars, at: index) {
        skipping = true
        continue
      }
      let category = scalar.properties.generalCategory
      if foldingDiacritics, category == .nonspacingMark || category == .enclosingMark {
        continue
      }
      if foldingDiacritics, let replacement = foldedLetters[scalar] {
        current.append(contentsOf: replacement.unicodeScalars)
        continue
      }
      if isWordScalar(scalar) {
        current.append(scalar)
        continue
      }
      let next = scalars.at(index + 1)
      if !current.isEmpty, isDecimalPoint(scalar, previous: previous, next: next) {
        current.append(scalar)
        continue
      }
      if !current.isEmpty, joinsWord(scalar, previous: previous, next: next) {
        continue
      }
      if !current.isEmpty {
        words.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// The text without leading or trailing whitespace (newlines included).
  public static func trimmed(_ text: String) -> String {
    String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  /// Whether the apostrophe at `index` begins a possessive "'s" that ends its word.
  private static func isPossessive(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard apostrophes.contains(scalars[index]), scalars.at(index + 1) == "s" else { return false }
    guard let after = scalars.at(index + 2) else { return true }
    return !isWordScalar(after)
  }

  /// Typed answers are a line or two; anything longer is cut so grading stays instant.
  static let maximumLength = 500

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
      .decimalNumber, .spacingMark, .nonspacingMark:
      true
    default: false
    }
  }

  /// A dot between digits stays, so "2.5" does not become the two numbers 2 and 5.
  private static func isDecimalPoint(
    _ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?
  ) -> Bool {
    guard scalar == ".", let previous, let next else { return false }
    return previous.properties.numericType != nil && next.properties.numericType != nil
  }

  /// Apostrophes inside a word, dots inside an abbreviation ("U.S.") and commas grouping digits
  /// ("3,000") join rather than split.
  private static func joinsWord(
    _ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?
  ) -> Bool {
    guard let previous, let next else { return false }
    if apostrophes.contains(scalar) { return isWordScalar(next) }
    let digits = previous.properties.numericType != nil && next.properties.numericType != nil
    if scalar == "," { return digits }
    if scalar == "." {
      return isWordScalar(previous) && isWordScalar(next) && previous.properties.numericType == nil
    }
    return false
  }
}

extension Array {
  /// The element at `index`, or nil past either end.
  fileprivate func at(_ index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
