/// The letters a, b, c… that label options on screen and in answers.
public enum OptionLetters {
  /// The label of option `index` (0 → "a"); options past "z" have no letter.
  public static func letter(_ index: Int) -> Character? {
    guard (0..<26).contains(index), let scalar = Unicode.Scalar(97 + index) else { return nil }
    return Character(scalar)
  }

  /// The option index a letter names, for `count` options; case does not matter.
  public static func index(of letter: Character, count: Int) -> Int? {
    guard let ascii = letter.lowercased().first?.asciiValue, (97...122).contains(ascii) else {
      return nil
    }
    let index = Int(ascii) - 97
    return index < count ? index : nil
  }

  /// The range offered, as messages print it: "a–d" (or just "a").
  public static func range(count: Int) -> String {
    guard count > 1, let last = letter(min(count, 26) - 1) else { return "a" }
    return "a–\(last)"
  }

  /// Whether `character` is an ASCII letter, the only characters that can name an option.
  static func isLetter(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return (65...90).contains(ascii) || (97...122).contains(ascii)
  }
}
