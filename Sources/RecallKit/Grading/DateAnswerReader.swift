/// Reads a date as a learner types it, in more forms than a deck author writes.
///
/// Tidies the text, then hands it to `HistoricalDate.parse` (which the deck loader also uses, so
/// nothing here changes what a deck may contain). Beyond what the parser takes, it accepts a
/// leading preposition ("on 10 July 1998", "between August and October 1998"), ordinals
/// ("10th of July", "10th–11th July"), abbreviations with a dot ("Jul. 10, 1998"), day-first
/// dates with hyphens ("10-07-1998"), year-first dates with slashes or dots ("1998/07/10"),
/// "beginning"/"start"/"end" of a month, and a misspelled month name when only one month is that
/// close ("Jluy" → July; "Jule" is as close to June as to July and stays unread).
public enum DateAnswerReader {
  /// The date the learner means, or why it cannot be read.
  public static func read(_ input: String) -> Result<HistoricalDate, InvalidAnswer> {
    let text = tidy(input)
    guard !text.isEmpty else { return .failure(.empty) }
    let date: HistoricalDate
    do {
      date = try HistoricalDate.parse(text)
    } catch {
      if case .needsEra = error { return .failure(.shortYear(input)) }
      return .failure(.notADate(input, reason: reason(for: error)))
    }
    return .success(date)
  }

  private static func reason(for error: DateParseError) -> String {
    switch error {
    case .unrecognized:
      "try “10 July 1998”, “July 1998”, “mid-May 1998”, “10–11 July 1998” or “1998”"
    case .missingYear: "include the year"
    case .invalidMonth, .invalidDay:
      "\(error.description) (dates in figures are read day first, as in 22/6/1998)"
    default: error.description
    }
  }

  private static let leadingWords = [
    "on ", "in ", "from ", "between ", "around ", "about ", "circa ", "c. ", "approximately ",
  ]

  private static let partSynonyms = ["beginning": "early", "start": "early", "end": "late"]

  /// Weekday names add nothing a grader can check against a historical date.
  private static let weekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
  ]

  /// The input lowercased, with the forms above rewritten into ones the parser knows.
  static func tidy(_ input: String) -> String {
    var text = String(
      input.prefix(TextNormalizer.maximumLength).lowercased().map {
        $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0
      }
    )
    // "'98" is a short year; without the apostrophe it is caught as one after parsing.
    text.removeAll { $0 == "'" || $0 == "\u{2019}" }
    text = text.split(whereSeparator: \.isWhitespace)
      .filter { !weekdays.contains($0.filter(\.isLetter)) }
      .joined(separator: " ")
    while let last = text.last, ".,;:!?".contains(last) { text.removeLast() }
    for word in leadingWords where text.hasPrefix(word) {
      text.removeFirst(word.count)
      break
    }
    text = NamedDays.rewrite(text)
    text = text.replacing(" and ", with: " to ")
    text = rewriteShortYearRange(text)
    text = rewriteNumericForms(text)
    text = rewriteMonthFirstRange(text)
    return words(of: text).joined()
  }

  /// "july 10-11, 1998" → "10–11 july 1998": the American order of a day range.
  private static func rewriteMonthFirstRange(_ text: String) -> String {
    let words = text.replacing(",", with: " ").split(separator: " ").map(String.init)
    guard words.count == 3, HistoricalDate.monthNumber(words[0]) != nil,
      words[2].count >= 3, Int(words[2]) != nil
    else { return text }
    let days = words[1].split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
    guard days.count == 2, days.allSatisfy({ Int($0) != nil && $0.count <= 2 }) else {
      return text
    }
    return "\(days[0])–\(days[1]) \(words[0]) \(words[2])"
  }

  /// "1069-70" → "1069 to 1070": a range of years whose end keeps only its last two digits. A
  /// tail that could be a month ("1998-07") stays a month, unless it is the next year
  /// ("1910-11").
  static func rewriteShortYearRange(_ text: String) -> String {
    var words = text.split(separator: " ").map(String.init)
    // "1069 - 70" and "1069 to 70": the same range with spaces.
    if words.count == 3, ["-", "–", "—", "to"].contains(words[1]) {
      words = [words[0] + "-" + words[2]]
    }
    // Years before Christ count down, so a shortened end there would be read backwards.
    guard !words.contains(where: { ["bc", "bce", "b.c.", "b.c.e."].contains($0) }),
      let index = words.firstIndex(where: { $0.contains(where: \.isNumber) })
    else { return text }
    let parts = words[index].split(whereSeparator: { "-–—/".contains($0) }).map(String.init)
    guard parts.count == 2, parts[0].count >= 3, parts[0].count <= 4, parts[1].count == 2,
      let start = Int(parts[0]), let tail = Int(parts[1]),
      parts.joined().allSatisfy({ $0.isASCII && $0.isNumber })
    else { return text }
    let century = start / 100 * 100
    let nextYear = (start + 1) % 100
    guard tail > 12 || (tail == nextYear && parts[1].first != "0") else { return text }
    let end = century + tail > start ? century + tail : century + 100 + tail
    guard end > start, end - start < 100 else { return text }
    words[index] = "\(start) to \(end)"
    return words.joined(separator: " ")
  }

  /// "10-07-1998" → "10.07.1998"; "1998/07/10" and "1998.07.10" → "1998-07-10".
  private static func rewriteNumericForms(_ text: String) -> String {
    for separator: Character in ["-", "/", "."] {
      let parts = text.split(separator: separator, omittingEmptySubsequences: false)
      guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
        parts.allSatisfy({ Int($0.trimmingSpaces) != nil })
      else { continue }
      let trimmed = parts.map(\.trimmingSpaces)
      if trimmed[0].count == 4 { return trimmed.joined(separator: "-") }
      if separator == "-", trimmed[2].count == 4 { return trimmed.joined(separator: ".") }
    }
    return text
  }

  /// Splits into words and the characters between them, fixing ordinals, abbreviations, part
  /// synonyms and month typos word by word.
  private static func words(of text: String) -> [String] {
    var pieces: [String] = []
    var current = ""
    func flush() {
      guard !current.isEmpty else { return }
      pieces.append(fixed(current))
      current = ""
    }
    for character in text {
      if character.isLetter || character.isNumber {
        // A switch from digits to letters ends an ordinal's number: "10th" → "10" + "th".
        if let last = current.last, last.isNumber, character.isLetter { flush() }
        current.append(character)
      } else {
        flush()
        // A dot right after a word's letters ends an abbreviation; drop it.
        if character == ".", let previous = pieces.last, previous.last?.isLetter == true {
          continue
        }
        pieces.append(String(character))
      }
    }
    flush()
    return dropOrdinalMarks(pieces)
  }

  /// Removes "st", "nd", "rd", "th" right after a number, and the dot of "10. July".
  private static func dropOrdinalMarks(_ pieces: [String]) -> [String] {
    var result: [String] = []
    for (index, piece) in pieces.enumerated() {
      let afterNumber = result.last?.allSatisfy(\.isNumber) == true
      if afterNumber, ["st", "nd", "rd", "th"].contains(piece) { continue }
      if afterNumber, piece == ".",
        let next = pieces[(index + 1)...].first(where: { $0 != " " }),
        next.first?.isLetter == true
      {
        continue
      }
      result.append(piece)
    }
    return result
  }

  private static let knownWords: Set<String> = [
    "to", "until", "through", "of", "the", "in", "on", "early", "mid", "middle", "late",
    "spring", "summer", "autumn", "fall", "winter", "st", "nd", "rd", "th",
  ]

  private static func fixed(_ word: String) -> String {
    if let part = partSynonyms[word] { return part }
    guard word.allSatisfy(\.isLetter), word.count >= 3, !knownWords.contains(word),
      HistoricalDate.monthNumber(word) == nil
    else { return word }
    return correctedMonth(word) ?? word
  }

  /// The month a misspelled name is closest to, when no other month is as close.
  private static func correctedMonth(_ word: String) -> String? {
    let names = HistoricalDate.monthNames.map { $0.lowercased() }
    var best: (month: Int, distance: Int)?
    var tied = false
    for (index, name) in names.enumerated() {
      for form in [name, String(name.prefix(3))] {
        let distance = editDistance(word, form)
        let allowed = form.count <= 4 ? 1 : 2
        guard distance <= allowed else { continue }
        if let current = best {
          if distance < current.distance {
            best = (index, distance)
            tied = false
          } else if distance == current.distance, current.month != index {
            tied = true
          }
        } else {
          best = (index, distance)
        }
      }
    }
    guard let best, !tied else { return nil }
    return names[best.month]
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
