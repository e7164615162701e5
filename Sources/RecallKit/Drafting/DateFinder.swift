import Foundation

/// A date written in a sentence, normalised to what `HistoricalDate.parse` reads.
struct DateMention: Hashable, Sendable {
  /// Character range in the sentence, including a leading preposition ("on", "in the summer of").
  var range: Range<Int>
  /// Range of the date words alone.
  var dateRange: Range<Int>
  /// The date as the deck will write it ("10–11 July 1998").
  var text: String
  /// The preposition that introduced it, lowercased ("on", "in", "until"), or "".
  var preposition: String
  /// The date had no year; the text has one taken from the context.
  var yearInferred: Bool
  /// The year could not be worked out: the mention cannot be written as a date yet.
  var yearMissing: Bool
  var date: HistoricalDate?
  /// A year given inside a name ("the 1917 General Strike", "the Manx revolt of 1275").
  var attributive: Bool
}

/// Finds dates of every precision the date model reads, and says which preposition led them.
enum DateFinder {
  static let month =
    "(?:January|February|March|April|May|June|July|August|September|October|November|December"
    + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)"
  static let day = "(?:[0-3]?[0-9])(?:st|nd|rd|th)?"
  static let year =
    "(?:[0-9]{1,4}\\s?(?:BC|BCE|AD|CE)\\b|(?:AD|CE)\\s?[0-9]{1,4}|[0-9]{4}(?![0-9]))"
  static let part = "(?:early|mid|late|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+middle\\s+of)"
  static let season = "(?:spring|summer|autumn|fall|winter)"
  static let ordinalWords =
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    + "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    + "|twenty-first"
  static var point: String {
    "(?:\(part)[- ]?)?(?:\(day)\\s?\(month)|\(month)\\s+\(day)(?![0-9:])|\(month))"
  }

  static let pattern: NSRegularExpression? = {
    let rangeSeparator = "\\s*(?:–|—|-|/|\\bto\\b|\\buntil\\b|\\band\\b)\\s*"
    let forms = [
      // Ranges of points with the year at the end, or at both ends.
      "\(point)(?:,?\\s*\(year))?\(rangeSeparator)\(point),?\\s*\(year)",
      // Ranges of days in one month: "10-11 July 1998", "21/22 July 1974", "July 10–11, 1998".
      "\(day)\(rangeSeparator)\(day)\\s?\(month)(?:,?\\s*\(year))?",
      "\(month)\\s+\(day)\\s*(?:–|—|-)\\s*\(day)(?:,?\\s*\(year))?",
      // A point with its year: "4 April 1849", "September 17, 1462", "mid-May 1998".
      "\(point),?\\s*\(year)",
      // Seasons and parts of years: "the summer of 1915", "early 1999", "mid-1999".
      "(?:the\\s+)?(?:\(part)[- ]|\(part)\\s+)?\(season)(?:\\s+of)?\\s+\(year)",
      "\(part)[- ]?\(year)",
      // Decades and centuries.
      // Decades: four digits alone ("the 1580s"); fewer need their era ("340s BC", "AD 140s").
      "(?:the\\s+)?(?:(?:early|mid|late)[- ])?(?:[0-9]{1,3}0s\\s(?:BC|BCE|AD|CE)\\b"
        + "|(?:AD|CE)\\s?[0-9]{1,3}0s\\b|[0-9]{3}0s\\b)",
      "(?:the\\s+)?(?:(?:early|mid|late|latter half of the|first half of the|second half of the"
        + "|turn of the)[- ]?\\s*)?(?:[0-9]{1,2}(?:st|nd|rd|th)|\(ordinalWords))[- ]century"
        + "(?:\\s+(?:BC|BCE|AD|CE))?",
      // Year ranges and circa years.
      "\(year)\\s*(?:–|—|-|\\bto\\b|\\band\\b|\\buntil\\b)\\s*(?:\(year)|[0-9]{2}(?![0-9]))",
      "(?:c\\.|ca\\.|circa)\\s?\(year)",
      // Dates without their year.
      "\(day)\\s?\(month)\(rangeSeparator)\(day)\\s?\(month)",
      "\(day)\\s?\(month)(?![a-z])",
      "\(month)\\s+\(day)(?![0-9:])",
      year,
    ]
    let prepositions =
      "(?:(?:(?:at|by)\\s+(?:around\\s+)?[0-9]{1,2}[:.][0-9]{2}(?:\\s*[ap]\\.?m\\.?)?\\s+)?"
      + "(?:(?:in|on|during)\\s+the\\s+(?:(?:late|early)\\s+)?(?:morning|afternoon|evening|night)"
      + "\\s+of\\s+)?"
      + "(?:\\b(?:on|in|from|between|during|by|since|until|till|after|before|around|about|"
      + "throughout|at|of|as early as|as late as|circa|towards|toward)\\s+(?:the\\s+)?)?)"
    let full = "\(prepositions)(" + forms.map { "(?:\($0))" }.joined(separator: "|") + ")(?![0-9])"
    // The pattern is a constant: nil would be a programming error, which every draft test
    // would show as no dates found.
    return try? NSRegularExpression(pattern: full, options: [.caseInsensitive])
  }()

  private static let monthNames = Set(
    [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ])

  /// The dates in `sentence`; `contextYear` supplies the year of a date written without one.
  static func find(in sentence: String, contextYear: (Int?) -> Int?) -> [DateMention] {
    let ns = sentence as NSString
    var result: [DateMention] = []
    let utf16 = Array(sentence.utf16)
    guard let pattern else { return [] }
    for match in pattern.matches(in: sentence, range: NSRange(location: 0, length: ns.length)) {
      let whole = match.range
      let core = match.range(at: 1)
      let coreText = ns.substring(with: core)
      let lead = ns.substring(
        with: NSRange(location: whole.location, length: core.location - whole.location))
      let preposition =
        lead.lowercased().split(separator: " ").first { word in
          ![
            "the", "late", "early", "morning", "afternoon", "evening", "night", "of", "around",
          ].contains(word) && !word.contains(":") && !word.contains(".")
            && !["am", "pm", "a.m.", "p.m."].contains(word)
        }.map(String.init) ?? lead.lowercased().split(separator: " ").last.map(String.init) ?? ""
      let lowered = coreText.lowercased()
      // "May" and "March" are words too: a bare month needs a capital and a preposition.
      if monthNames.contains(lowered.trimmingCharacters(in: .punctuationCharacters))
        || (lowered.hasPrefix("may") && coreText.first == "m")
      {
        if coreText.first?.isLowercase == true || preposition.isEmpty { continue }
      }
      let isBareYear = coreText.range(of: "^[0-9]{1,4}$", options: .regularExpression) != nil
      let before = precedingWord(utf16, before: core.location)
      let after = followingWord(utf16, after: core.location + core.length)
      var attributive = false
      if isBareYear {
        guard let value = Int(coreText),
          acceptsBareYear(
            value, digits: coreText.count, preposition: preposition, before: before, after: after)
        else { continue }
        attributive = preposition.isEmpty || preposition == "of"
        if preposition == "of", before.lowercased() != "of" { attributive = false }
        // "the 1918 Finnish Civil War", "the 1995 Ipil massacre": a year naming something.
        if after.first?.isUppercase == true && before.lowercased() == "the" { attributive = true }
      }
      if before.lowercased() == "died" || before.lowercased() == "born" { continue }
      var (text, hadYear) = normalise(coreText)
      var inferred = false
      var missing = false
      if !hadYear {
        if let year = contextYear(monthNumber(in: text)) {
          // The date model's marker for a year the source does not give: "8 January [1999]".
          text += " [\(HistoricalDate.yearText(year))]"
          inferred = true
        } else {
          missing = true
        }
      }
      // "around AD 122", "circa 1066", "about 1500": the source hedges the date itself.
      if ["around", "circa", "about"].contains(preposition), !text.hasPrefix("c. "),
        !text.lowercased().hasPrefix("c")
      {
        text = "c. " + text
      }
      let date = missing ? nil : HistoricalDate(parsing: text)
      if !missing && date == nil && !isPendingForm(text) { continue }
      let range = Range(whole, in: sentence).map {
        sentence.distance(
          from: sentence.startIndex, to: $0.lowerBound)..<sentence.distance(
            from: sentence.startIndex, to: $0.upperBound)
      }
      let dateRange = Range(core, in: sentence).map {
        sentence.distance(
          from: sentence.startIndex, to: $0.lowerBound)..<sentence.distance(
            from: sentence.startIndex, to: $0.upperBound)
      }
      guard let range, let dateRange else { continue }
      result.append(
        DateMention(
          range: range, dateRange: dateRange, text: text, preposition: preposition,
          yearInferred: inferred, yearMissing: missing, date: date, attributive: attributive))
    }
    return result
  }

  /// Forms the date model may read after the `dates` work lands (BC, circa, decades,
  /// centuries): kept so the proposal can say so, but never written as a date unless it parses.
  static func isPendingForm(_ text: String) -> Bool { false }

  /// A bare number is a year only where a year is expected: after a time preposition, in
  /// brackets, or naming something ("the 1917 General Strike"), and not before a noun it
  /// counts ("1000 cavalry").
  static func acceptsBareYear(
    _ value: Int, digits: Int, preposition: String, before: String, after: String
  ) -> Bool {
    guard digits == 4, (1000...2100).contains(value) else { return false }
    let countedNext = after.first?.isLowercase == true && !functionWords.contains(after)
    if countedNext { return false }
    if before == "(" { return true }
    if [
      "in", "on", "from", "between", "during", "by", "since", "until", "till", "after", "before",
      "around", "circa", "throughout", "of", "as early as", "towards", "toward", "about",
    ].contains(preposition) {
      return preposition != "about" || !countedNext
    }
    if preposition.isEmpty, before.lowercased() == "the" || before.lowercased() == "and",
      after.first?.isUppercase == true || before.lowercased() == "and"
    {
      return true
    }
    return false
  }

  static let functionWords: Set<String> = [
    "by", "the", "and", "when", "to", "in", "of", "after", "before", "was", "were", "with", "as",
    "until", "a", "an", "on", "at", "for", "from", "but", "or", "which", "who", "where", "while",
    "had", "he", "she", "they", "it", "his", "her", "their", "its", "is", "are", "saw", "that",
    "there", "this", "these", "those", "during", "into", "under", "over", "then", "also",
  ]

  private static func precedingWord(_ utf16: [UInt16], before location: Int) -> String {
    var end = location
    while end > 0, utf16[end - 1] == 0x20 { end -= 1 }
    if end > 0, utf16[end - 1] == 0x28 { return "(" }
    var start = end
    while start > 0, let scalar = Unicode.Scalar(utf16[start - 1]),
      CharacterSet.letters.contains(scalar)
    {
      start -= 1
    }
    return String(decoding: utf16[start..<end], as: UTF16.self)
  }

  private static func followingWord(_ utf16: [UInt16], after location: Int) -> String {
    var start = location
    while start < utf16.count, utf16[start] == 0x20 { start += 1 }
    var end = start
    while end < utf16.count, let scalar = Unicode.Scalar(utf16[end]),
      CharacterSet.letters.contains(scalar) || scalar == "-"
    {
      end += 1
    }
    return String(decoding: utf16[start..<end], as: UTF16.self)
  }

  /// Rewrites the source's spelling into the deck's: "4April 1849" → "4 April 1849",
  /// "21/22 July 1974" → "21–22 July 1974", "the summer of 1915" → "summer 1915",
  /// "July 10–11, 1998" → "10–11 July 1998", "1616–17" → "1616–1617". Says whether a year
  /// was written.
  static func normalise(_ raw: String) -> (String, Bool) {
    var text = raw.replacingOccurrences(of: "\u{00A0}", with: " ")
    while text.hasSuffix(".") || text.hasSuffix(",") { text.removeLast() }
    text = text.replacingOccurrences(
      of: "([0-9])([A-Za-z]{3,})", with: "$1 $2", options: .regularExpression)
    text = text.replacingOccurrences(
      of: "^(?:the\\s+)", with: "", options: [.regularExpression, .caseInsensitive])
    text = text.replacingOccurrences(
      of: "\\s+of\\s+([0-9])", with: " $1", options: [.regularExpression])
    text = text.replacingOccurrences(
      of: "([0-9]{1,2})\\s*/\\s*([0-9]{1,2})\\s", with: "$1–$2 ", options: .regularExpression)
    text = text.replacingOccurrences(
      of: "^([0-9]{1,2}(?:st|nd|rd|th)?)\\s+and\\s+([0-9]{1,2})", with: "$1–$2",
      options: [.regularExpression])
    text = text.replacingOccurrences(
      of: "\\s+and\\s+", with: " to ", options: [.regularExpression])
    text = text.replacingOccurrences(
      of: "\\s*[-–—]\\s*([A-Za-z])", with: " to $1", options: [.regularExpression])
    text = text.replacingOccurrences(
      of: "^(early|mid|late) to ", with: "$1-", options: [.regularExpression, .caseInsensitive])
    text = text.replacingOccurrences(
      of: " to (early|mid|late) to ", with: " to $1-",
      options: [.regularExpression, .caseInsensitive])
    text = text.replacingOccurrences(
      of: "^([A-Za-z]+\\.?)\\s+([0-9]{1,2})\\s*[-–—]\\s*([0-9]{1,2}),?\\s*", with: "$2–$3 $1 ",
      options: [.regularExpression])
    text = text.replacingOccurrences(
      of: "^([A-Za-z]+\\.?)\\s+([0-9]{1,2})(st|nd|rd|th)?$", with: "$2 $1",
      options: [.regularExpression])
    text = text.replacingOccurrences(
      of: "([A-Za-z]),\\s*([0-9]{3,4})", with: "$1 $2", options: .regularExpression)
    if let match = text.range(
      of: "^([0-9]{2})([0-9]{2})\\s*[-–—]\\s*([0-9]{2})$", options: .regularExpression)
    {
      let digits = text[match].filter(\.isNumber)
      let century = digits.prefix(2)
      text = "\(digits.prefix(4))–\(century)\(digits.suffix(2))"
    }
    text = text.replacingOccurrences(
      of: "([0-9])\\s*-\\s*([0-9])", with: "$1–$2", options: .regularExpression)
    text = text.replacingOccurrences(of: "mid ", with: "mid-")
    text = text.replacingOccurrences(of: "Mid ", with: "mid-")
    text = text.split(separator: " ").joined(separator: " ")
    let hasYear =
      text.range(of: "[0-9]{3,4}|BC|AD|century|[0-9]0s", options: .regularExpression) != nil
    return (text, hasYear)
  }

  static func monthNumber(in text: String) -> Int? {
    for word in text.split(whereSeparator: { !$0.isLetter }) {
      if let month = HistoricalDate.monthNumber(String(word)) { return month }
    }
    return nil
  }
}
