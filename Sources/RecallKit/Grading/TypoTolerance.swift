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
    guard digitRuns(typed) == digitRuns(expected) else { return nil }
    let budget = allowedEdits(letters: expected.joined().count)
    guard budget > 0 else { return nil }
    if typed.count == expected.count {
      var edits = 0
      for (word, target) in zip(typed, expected) where word != target {
        if word.contains(where: \.isNumber) || target.contains(where: \.isNumber) { return nil }
        let distance = editDistance(word, target)
        guard distance <= allowedEdits(letters: target.count) else { return nil }
        edits += distance
      }
      return edits <= budget ? .typo(edits: edits) : nil
    }
    // Words split or run together differently: compare the letters alone, allowing one slip,
    // since word boundaries no longer say where a second one would fall.
    let distance = editDistance(typed.joined(), expected.joined())
    return distance <= 1 ? .typo(edits: distance) : nil
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
