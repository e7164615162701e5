/// A run of capitalised words that names someone or something ("Lieutenant Godfrey Herbert",
/// "the Kosovo Liberation Army", "Brigade 141", "Alexander III of Scotland").
struct NameSpan: Hashable, Sendable {
  /// Token indices, end exclusive.
  var start: Int
  var end: Int
  var text: String
}

enum NameSpans {
  static let connectors: Set<String> = [
    "of", "de", "von", "zu", "van", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn",
    "al", "mac", "fitz", "e", "y", "zur", "ter", "del", "dos", "das", "do",
  ]
  static let dottedAbbreviations: Set<String> = [
    "dr", "st", "lt", "capt", "col", "gen", "maj", "sgt", "cdr", "mt", "jr", "sr", "co",
  ]

  /// Whether the word is written with a capital as a name is ("Herbert", "as-Sammarai").
  static func isNameWord(_ token: Token) -> Bool {
    guard token.isWord else { return false }
    if token.isCapitalized { return true }
    if let dash = token.text.firstIndex(of: "-") {
      let head = token.text[..<dash]
      let tail = token.text[token.text.index(after: dash)...]
      return ["as", "al", "el", "ad", "ash", "az", "an", "ar"].contains(head.lowercased())
        && tail.first?.isUppercase == true
    }
    return false
  }

  /// Every name span in a sentence, with a possessive "'s" left off.
  /// `commonWords` are words the article also writes in lowercase: capitalised at the start of a
  /// sentence they are not names.
  static func find(in tokens: [Token], sentence: [Character], commonWords: Set<String>)
    -> [NameSpan]
  {
    var spans: [NameSpan] = []
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      let startsUnit =
        (token.isNumber || isOrdinal(token.text)) && index + 1 < tokens.count
        && isNameWord(tokens[index + 1])
      guard (isNameWord(token) && !token.isNumber) || startsUnit else {
        index += 1
        continue
      }
      if !startsUnit {
        let lower = token.lower
        let atStart = index == 0 || [".", "\"", "“", "(", ":"].contains(tokens[index - 1].text)
        if DraftLexicon.notNames.contains(lower) || (atStart && commonWords.contains(lower)) {
          index += 1
          continue
        }
      }
      var end = index + 1
      while end < tokens.count {
        let next = tokens[end]
        let previous = tokens[end - 1]
        if possessive(previous.text) { break }
        if isNameWord(next), !DraftLexicon.notNames.contains(next.lower) || next.isRomanNumeral {
          end += 1
        } else if next.isNumber, end - index <= 3,
          DraftLexicon.unitWords.contains(previous.lower)
        {
          // "Brigade 141".
          end += 1
        } else if connectors.contains(next.text), end + 1 < tokens.count,
          isNameWord(tokens[end + 1]), !DraftLexicon.notNames.contains(tokens[end + 1].lower),
          next.end == tokens[end + 1].start - 1
        {
          end += 2
        } else if next.text == ".", end + 1 < tokens.count, isNameWord(tokens[end + 1]),
          previous.text.count == 1 && previous.isCapitalized
            || dottedAbbreviations.contains(previous.lower)
        {
          end += 2
        } else if next.text == "the", previous.isRomanNumeral, end + 1 < tokens.count,
          isNameWord(tokens[end + 1])
        {
          // "Casimir IV the Jagiellon".
          end += 2
        } else {
          break
        }
      }
      var first = index
      if startsUnit {
        let last = tokens[end - 1].lower
        if !DraftLexicon.unitWords.contains(last) && !DraftLexicon.organisationWords.contains(last)
        {
          first = index + 1
          if first >= end || DraftLexicon.notNames.contains(tokens[first].lower) {
            index = end
            continue
          }
        }
      }
      var text = String(sentence[tokens[first].start..<tokens[end - 1].end])
      for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { text.removeLast(2) }
      if text.hasSuffix("'") || text.hasSuffix("’") { text.removeLast() }
      spans.append(NameSpan(start: first, end: end, text: text))
      index = end
    }
    return spans
  }

  static func possessive(_ word: String) -> Bool {
    word.hasSuffix("'s") || word.hasSuffix("’s")
  }

  static func isOrdinal(_ word: String) -> Bool {
    let lower = word.lowercased()
    for suffix in ["st", "nd", "rd", "th"] where lower.hasSuffix(suffix) {
      return lower.dropLast(2).allSatisfy(\.isNumber) && lower.count > 2
    }
    return false
  }
}
