/// Grades a matching answer. Items are numbered 1, 2, 3… and options lettered a, b, c…; the
/// learner pairs each item number with a letter:
///
/// - `1b 2a 3c`, `1-b, 2-a, 3-c`, `1:b; 2:a; 3:c`, `1=b 2=a 3=c` or `1 b 2 a 3 c` (pairs in any
///   order, separated by spaces, commas or semicolons);
/// - or the letters alone in item order: `b a c` or `bac`.
///
/// Every item must be matched exactly once; a missing or repeated item, an item number or letter
/// that does not exist, or text that is neither is invalid and asked for again. A letter may be
/// used twice (some matches reuse an option). Only a fully right match counts; the note of a wrong
/// one says how many pairs were right.
public enum MatchAnswerGrader {
  /// Characters that may sit between pairs or inside one.
  static let separators: Set<Character> = [
    " ", ",", ";", "-", "–", "—", ":", "=", "(", ")", ".", ">", "→", "\t",
  ]

  /// For each item, the option index the learner chose, or why the answer cannot be read.
  public static func read(_ input: String, items: Int, options: Int) -> Result<
    [Int], InvalidAnswer
  > {
    let text = TextNormalizer.trimmed(input)
    guard !text.isEmpty else { return .failure(.empty) }
    let letters = OptionLetters.range(count: options)
    let form = "pair each item with a letter, such as “1b 2a 3c”, or give the letters in item order"
    var pairs: [(item: Int, option: Int)] = []
    var pendingItem: Int?
    var number = ""
    var lettersOnly: [Int] = []
    func finishNumber() -> InvalidAnswer? {
      guard !number.isEmpty else { return nil }
      defer { number = "" }
      guard pendingItem == nil, let item = Int(number) else {
        return .unreadable(text, expected: form)
      }
      guard (1...max(items, 1)).contains(item), items > 0 else {
        return .noSuchItem(item, count: items)
      }
      pendingItem = item
      return nil
    }
    for character in text {
      if character.isASCII, character.isNumber {
        guard number.count < 6 else { return .failure(.unreadable(text, expected: form)) }
        number.append(character)
        continue
      }
      if let problem = finishNumber() { return .failure(problem) }
      if separators.contains(character) { continue }
      guard OptionLetters.isLetter(character) else {
        return .failure(.unreadable(text, expected: form))
      }
      guard let option = OptionLetters.index(of: character, count: options) else {
        return .failure(.noSuchOption(letter: character, letters: letters))
      }
      if let item = pendingItem {
        pairs.append((item, option))
        pendingItem = nil
      } else if pairs.isEmpty {
        lettersOnly.append(option)
      } else {
        return .failure(.unreadable(text, expected: form))
      }
    }
    if let problem = finishNumber() { return .failure(problem) }
    guard pendingItem == nil else { return .failure(.unreadable(text, expected: form)) }
    if pairs.isEmpty {
      if lettersOnly.count < items {
        return .failure(.missingItems(Array((lettersOnly.count + 1)...items)))
      }
      guard lettersOnly.count == items else {
        return .failure(.unreadable(text, expected: form))
      }
      return .success(lettersOnly)
    }
    guard lettersOnly.isEmpty else { return .failure(.unreadable(text, expected: form)) }
    var chosen = [Int?](repeating: nil, count: items)
    for (item, option) in pairs {
      guard chosen[item - 1] == nil else { return .failure(.repeatedItem(item)) }
      chosen[item - 1] = option
    }
    let missing = chosen.indices.filter { chosen[$0] == nil }.map { $0 + 1 }
    guard missing.isEmpty else { return .failure(.missingItems(missing)) }
    return .success(chosen.compactMap { $0 })
  }

  public static func grade(
    _ input: String, items: [String], options: [String], expected: [Int], hintUsed: Bool = false
  ) -> GradingResult {
    switch read(input, items: items.count, options: options.count) {
    case .failure(let reason):
      return .invalid(reason)
    case .success(let chosen):
      let shown = show(items: items, options: options, expected: expected)
      if chosen == expected { return .graded(Grade(.correct, shown: shown, hintUsed: hintUsed)) }
      let right = zip(chosen, expected).filter { $0 == $1 }.count
      let note = "\(right) of \(expected.count) pairs right"
      return .graded(Grade(.wrong, shown: shown, note: note, hintUsed: hintUsed))
    }
  }

  /// The right match in the answer syntax and in words: "1b 2a: Remi — commander; …".
  static func show(items: [String], options: [String], expected: [Int]) -> String {
    let code = expected.enumerated().map { item, option in
      "\(item + 1)\(OptionLetters.letter(option).map(String.init) ?? "?")"
    }
    let words = zip(items, expected).map { item, option in
      "\(item) — \(options.indices.contains(option) ? options[option] : "?")"
    }
    return "\(code.joined(separator: " ")): \(words.joined(separator: "; "))"
  }
}
