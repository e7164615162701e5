/// How many slips of the keyboard an answer may carry and still count, and whether it does.
///
/// The allowance grows with the length of each word: none for words of up to 4 letters, 1 edit for
/// 5–8 letters, 2 for 9 or more, and never more than the whole answer's allowance. Edits are
/// counted by `editDistance` (a swap of neighbours is one edit). Words holding digits must match
/// exactly, because "1999" for "1998" or "Brigade 142" for "Brigade 141" is a different fact, not
/// a typo. Counting per word keeps near neighbours apart: "Donja Sudimlja" is two edits from
/// "Gornja Sudimlja", but both fall in the 5-letter word "Donja", which allows one.
public enum TypoTolerance {
  /// How close a typed answer came to an accepted one.
  public enum Closeness: Hashable, Sendable, Comparable {
    /// The same words (after normalising), or the same letters with different spacing.
    case exact
    /// Within the typo allowance, this many edits away.
    case typo(edits: Int)

    var edits: Int {
      switch self {
      case .exact: 0
      case .typo(let edits): edits
      }
    }

    public static func < (lhs: Closeness, rhs: Closeness) -> Bool { lhs.edits < rhs.edits }
  }

  /// Edits allowed in a word (or an unspaced answer) of `letters` letters.
  public static func allowedEdits(letters: Int) -> Int {
    switch letters {
    case ...4: 0
    case 5...8: 1
    default: 2
    }
  }

  /// How close `typed` is to `expected`, both already normalised into words, or nil when it is
  /// too far to be a typo.
  public static func closeness(_ typed: [String], _ expected: [String]) -> Closeness? {
    guard !typed.isEmpty, !expected.isEmpty else { return nil }
    if typed == expected || typed.joined() == expected.joined() { return .exact }
    guard digitRuns(typed) == digitRuns(expected), numerals(typed) == numerals(expected) else {
      return nil
    }
    if typed.count == expected.count {
      var edits = 0
      for (word, target) in zip(typed, expected) where word != target {
        if word.contains(where: \.isNumber) || target.contains(where: \.isNumber) { return nil }
        let distance = editDistance(word, target)
        guard distance <= allowedEdits(letters: target.count) || soundsAlike(word, target) else {
          return nil
        }
        edits += distance
      }
      let budget = Swift.max(allowedEdits(letters: expected.joined().count), 1)
      return edits <= budget ? .typo(edits: edits) : nil
    }
    guard allowedEdits(letters: expected.joined().count) > 0 else { return nil }
    // Words split or run together differently: compare the letters alone, allowing one slip,
    // since word boundaries no longer say where a second one would fall.
    let distance = editDistance(typed.joined(), expected.joined())
    return distance <= 1 ? .typo(edits: distance) : nil
  }

  /// Letters that stand for one sound in many spellings: the vowels with y, c/k/q, s/z.
  private static let soundClasses: [Set<Character>] = [
    ["a", "e", "i", "o", "u", "y"], ["c", "k", "q"], ["s", "z"],
  ]

  /// Whether a short word (3 or 4 letters, which allow no ordinary typo) is the target with one
  /// letter after the first changed for another of the same sound: "Remy" or "Rami" for
  /// "Remi", "Marc" for "Mark"; never "Iraq" for "Iran" or "Leka" for "Remi".
  static func soundsAlike(_ word: String, _ target: String) -> Bool {
    let typed = Array(word)
    let wanted = Array(target)
    guard (3...4).contains(wanted.count), typed.count == wanted.count, typed[0] == wanted[0]
    else { return false }
    let changed = zip(typed, wanted).filter { $0 != $1 }
    guard changed.count == 1, let (a, b) = changed.first else { return false }
    return soundClasses.contains { $0.contains(a) && $0.contains(b) }
  }

  /// The Roman numerals after a name's first word ("VII" of "Cleopatra VII"); like digits, a
  /// typo never changes them.
  static func numerals(_ words: [String]) -> [Int] {
    words.dropFirst().compactMap(AnswerVariants.romanNumeral)
  }

  /// The numbers in the words, in order; a typo never changes them.
  static func digitRuns(_ words: [String]) -> [String] {
    var runs: [String] = []
    for word in words {
      var current = ""
      for character in word {
        if character.isNumber || (character == "." && !current.isEmpty) {
          current.append(character)
        } else if !current.isEmpty {
          runs.append(current)
          current = ""
        }
      }
      if !current.isEmpty { runs.append(current) }
    }
    return runs
  }
}
