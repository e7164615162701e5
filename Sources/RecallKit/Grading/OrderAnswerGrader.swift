/// Grades an ordering answer: the option letters in order, written "c a b d", "cabd", "c,a,b,d",
/// "c-a-b-d" or "c > a > b > d" (any mix of spaces, commas, semicolons, hyphens, dashes, ">" and
/// arrows between them).
///
/// Every letter must appear exactly once; an answer that leaves one out, repeats one or names no
/// option is invalid and asked for again rather than marked wrong, since it is a slip of the
/// answer's form, not of memory. Only the whole order is right; the note of a wrong answer says
/// how many items were in their place.
public enum OrderAnswerGrader {
  static let separators: Set<Character> = [
    " ", ",", ";", "-", "–", "—", ">", "→", "/", "\t",
  ]

  /// The option indices in the learner's order, or why they cannot be read.
  public static func read(_ input: String, count: Int) -> Result<[Int], InvalidAnswer> {
    let text = TextNormalizer.trimmed(input)
    guard !text.isEmpty else { return .failure(.empty) }
    let letters = OptionLetters.range(count: count)
    var indices: [Int] = []
    for character in text where !separators.contains(character) {
      guard OptionLetters.isLetter(character) else {
        return .failure(
          .unreadable(text, expected: "give the letters \(letters) in order, such as “c a b d”"))
      }
      guard let index = OptionLetters.index(of: character, count: count) else {
        return .failure(.noSuchOption(letter: character, letters: letters))
      }
      guard !indices.contains(index) else {
        return .failure(.repeatedLetter(Character(character.lowercased())))
      }
      indices.append(index)
    }
    guard indices.count == count else {
      return .failure(.wrongCount(given: indices.count, expected: count, letters: letters))
    }
    return .success(indices)
  }

  public static func grade(
    _ input: String, options: [String], expected: [Int], hintUsed: Bool = false
  ) -> GradingResult {
    switch read(input, count: options.count) {
    case .failure(let reason):
      return .invalid(reason)
    case .success(let order):
      let shown = show(options, expected)
      if order == expected { return .graded(Grade(.correct, shown: shown, hintUsed: hintUsed)) }
      let placed = zip(order, expected).filter { $0 == $1 }.count
      let note = "\(placed) of \(expected.count) in the right place"
      return .graded(Grade(.wrong, shown: shown, note: note, hintUsed: hintUsed))
    }
  }

  /// The right order as letters and then texts: "c a b d: Mazhiq → Bare → Majdan → Melanica".
  static func show(_ options: [String], _ order: [Int]) -> String {
    let letters = order.compactMap(OptionLetters.letter).map(String.init).joined(separator: " ")
    let texts = order.compactMap { options.indices.contains($0) ? options[$0] : nil }
    return "\(letters): \(texts.joined(separator: " → "))"
  }
}
