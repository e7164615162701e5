/// Input that cannot be read as an answer to the question. It is not wrong: the REPL says why and
/// asks again, and nothing is scheduled.
public enum InvalidAnswer: Error, Hashable, Sendable, CustomStringConvertible {
  case empty
  /// A letter that names no option; `letters` is the range offered, such as "a–d".
  case noSuchOption(letter: Character, letters: String)
  /// Choice text that is neither a letter nor close to any option.
  case notAnOption(String, letters: String)
  case notTrueOrFalse(String)
  /// An order answer with the wrong number of letters.
  case wrongCount(given: Int, expected: Int, letters: String)
  case repeatedLetter(Character)
  /// A character in an order or match answer that is not a letter, number or separator.
  case unreadable(String, expected: String)
  case repeatedItem(Int)
  case missingItems([Int])
  case noSuchItem(Int, count: Int)
  case notADate(String, reason: String)
  case shortYear(String)
  case notANumber(String)

  public var description: String {
    switch self {
    case .empty:
      "type an answer"
    case .noSuchOption(let letter, let letters):
      "there is no option '\(letter)'; answer with a letter \(letters)"
    case .notAnOption(let text, let letters):
      "'\(TextSanitizer.echoed(text))' is not one of the options; answer with a letter \(letters) or an option's text"
    case .notTrueOrFalse(let text):
      "'\(TextSanitizer.echoed(text))' is not true or false; answer t, f, true, false, yes or no"
    case .wrongCount(let given, let expected, let letters):
      "give all \(expected) letters \(letters) once each, in order; you gave \(given)"
    case .repeatedLetter(let letter):
      "the letter '\(letter)' appears twice; use each letter once"
    case .unreadable(let text, let expected):
      "cannot read '\(TextSanitizer.echoed(text))'; \(expected)"
    case .repeatedItem(let item):
      "item \(item) is matched twice; match each item once"
    case .missingItems(let items):
      "match every item: \(items.map(String.init).joined(separator: ", ")) "
        + (items.count == 1 ? "is" : "are") + " missing"
    case .noSuchItem(let item, let count):
      "there is no item \(item); the items are numbered 1–\(count)"
    case .notADate(let text, let reason):
      "cannot read '\(TextSanitizer.echoed(text))' as a date: \(reason)"
    case .shortYear(let text):
      "write the year of '\(TextSanitizer.echoed(text))' in full, as in 1998 rather than 98"
    case .notANumber(let text):
      "'\(TextSanitizer.echoed(text))' is not a number; write it in digits (3,000) or words (three thousand)"
    }
  }
}
