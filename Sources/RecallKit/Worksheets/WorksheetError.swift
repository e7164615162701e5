/// Why a worksheet cannot be made as asked.
public enum WorksheetError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknownFact(String, suggestion: String?)
  case unknownTag(String, known: [String])
  case unknownKind(String, suggestion: String?)
  case invalidPoints(String)
  case invalidCount(Int)
  case invalidVersions(Int)
  case noQuestions(String)
  case separateKeyNeedsFile
  case invalidSection(String)
  case sectionsWithCountOrTypes

  public var description: String {
    switch self {
    case .unknownFact(let id, let suggestion):
      "the deck has no fact or card '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .unknownTag(let tag, let known):
      known.isEmpty
        ? "the deck has no tag '\(tag)' (its facts carry no tags)"
        : "the deck has no tag '\(tag)'; its tags are: \(known.joined(separator: ", "))"
    case .unknownKind(let name, let suggestion):
      "'\(name)' is not a question type (use short, choice, truefalse, cloze, order, match or "
        + "numeric)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .invalidPoints(let text):
      "'\(text)' is not a valid points setting (write type=points, e.g. choice=1,short=2)"
    case .invalidCount(let count):
      "the question count must be at least 1, not \(count)"
    case .invalidVersions(let count):
      "the number of versions must be between 1 and 26, not \(count)"
    case .noQuestions(let reason):
      "no questions to print: \(reason)"
    case .separateKeyNeedsFile:
      "--answer-key separate writes the key to a second file, so it needs -o FILE; use "
        + "--answer-key end to print the key after the sheet instead"
    case .invalidSection(let text):
      "'\(text)' is not a section (write TYPES:COUNT or TYPES@TAG:COUNT, e.g. choice:5, "
        + "short@people:3, choice+truefalse:4, any@dates:2)"
    case .sectionsWithCountOrTypes:
      "--section sets each section's types, tag and count; leave out --count, --types and --tag"
    }
  }
}
