/// Days a learner may name instead of numbering them: the Roman Kalends, Nones and Ides of a
/// month ("the Ides of March 44 BC") and fixed feasts ("Christmas Day 1066"), rewritten as the
/// day and month they fall on so the date parser can read them.
///
/// Only feasts with a fixed day in the calendar are here; movable ones (Easter, Whitsun) fall on
/// a different day each year and cannot be read without the year's tables.
enum NamedDays {
  /// The Kalends are the 1st; the Nones the 7th and the Ides the 15th in March, May, July and
  /// October, and the 5th and 13th in the other months.
  static func romanDay(_ name: String, month: Int) -> Int? {
    let long = [3, 5, 7, 10].contains(month)
    switch name {
    case "kalends", "calends", "kal": return 1
    case "nones": return long ? 7 : 5
    case "ides": return long ? 15 : 13
    default: return nil
    }
  }

  /// Fixed feasts and named days of the Western calendar, as (month, day), by their words
  /// (lowercase, apostrophes gone, "saint" written "st").
  static let feasts: [([String], month: Int, day: Int)] = [
    (["christmas", "eve"], 12, 24), (["christmas", "day"], 12, 25), (["christmas"], 12, 25),
    (["boxing", "day"], 12, 26), (["st", "stephens", "day"], 12, 26),
    (["new", "years", "eve"], 12, 31), (["new", "years", "day"], 1, 1),
    (["twelfth", "night"], 1, 5), (["epiphany"], 1, 6), (["candlemas"], 2, 2),
    (["st", "valentines", "day"], 2, 14), (["valentines", "day"], 2, 14),
    (["st", "davids", "day"], 3, 1), (["st", "patricks", "day"], 3, 17),
    (["lady", "day"], 3, 25), (["st", "georges", "day"], 4, 23), (["may", "day"], 5, 1),
    (["midsummer", "day"], 6, 24), (["midsummers", "day"], 6, 24),
    (["bastille", "day"], 7, 14), (["lammas", "day"], 8, 1), (["lammas"], 8, 1),
    (["st", "bartholomews", "day"], 8, 24), (["michaelmas", "day"], 9, 29),
    (["michaelmas"], 9, 29), (["halloween"], 10, 31), (["all", "hallows", "eve"], 10, 31),
    (["all", "saints", "day"], 11, 1), (["all", "souls", "day"], 11, 2),
    (["martinmas"], 11, 11), (["st", "andrews", "day"], 11, 30),
  ]

  /// `text` (lowercase, apostrophes removed) with every named day written as "15 march".
  static func rewrite(_ text: String) -> String {
    let tokens = text.split(separator: " ").map(String.init)
    guard tokens.contains(where: { isCandidate(bare($0)) }) else { return text }
    var result: [String] = []
    var index = 0
    while index < tokens.count {
      if let (day, month, used) = match(tokens, at: index) {
        // "the Ides of March": the article belongs to the name.
        if result.last == "the" { result.removeLast() }
        let trailing = String(tokens[index + used - 1].reversed().prefix(while: { !$0.isLetter }))
        result.append("\(day) \(HistoricalDate.monthName(month).lowercased())\(trailing)")
        index += used
      } else {
        result.append(tokens[index])
        index += 1
      }
    }
    return result.joined(separator: " ")
  }

  /// The day, month and number of tokens of a named day starting at `index`.
  private static func match(_ tokens: [String], at index: Int) -> (Int, Int, Int)? {
    let words = tokens[index...].map(bare)
    if let first = words.first, romanDay(first, month: 1) != nil {
      var next = 1
      if words.count > next, words[next] == "of" { next += 1 }
      guard words.count > next, let month = HistoricalDate.monthNumber(words[next]),
        let day = romanDay(first, month: month)
      else { return nil }
      return (day, month, next + 1)
    }
    for (name, month, day) in feasts where words.starts(with: name) {
      return (day, month, name.count)
    }
    return nil
  }

  private static func isCandidate(_ word: String) -> Bool {
    romanDay(word, month: 1) != nil || feasts.contains { $0.0.contains(word) && word != "day" }
  }

  /// The word's letters alone, with "saint" as "st".
  private static func bare(_ token: String) -> String {
    let letters = token.filter(\.isLetter)
    return letters == "saint" ? "st" : letters
  }
}
