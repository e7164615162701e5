/// What pressing Tab does to a line, decided without a terminal so it can be tested.
public enum CompletionPlan: Equatable, Sendable {
  /// Nothing matches or nothing can be added: ring the bell.
  case none
  /// Delete `deleting` characters (Unicode scalars, as libedit counts) before the cursor, then
  /// insert `text`.
  case replace(deleting: Int, text: String)
  /// Several candidates share nothing more than what is typed: show them.
  case list([String])

  /// Plans a completion of `typed` (the text before the cursor) from `candidates`: a unique
  /// candidate is completed; several are completed to their longest common prefix when that
  /// adds something, and listed otherwise.
  public static func resolve(typed: String, candidates: [String]) -> CompletionPlan {
    var seen = Set<String>()
    let unique = candidates.filter { seen.insert($0).inserted }
    guard let first = unique.first else { return .none }
    let target = unique.count == 1 ? first : longestCommonPrefix(unique)
    if target == typed || (unique.count > 1 && target.count <= typed.count) {
      return unique.count == 1 ? .none : .list(unique)
    }
    if target.hasPrefix(typed) {
      return .replace(deleting: 0, text: String(target.dropFirst(typed.count)))
    }
    return .replace(deleting: typed.unicodeScalars.count, text: target)
  }

  /// The candidates as one line for the terminal, with control characters (which could move
  /// the cursor or recolour the screen) and bidirectional overrides shown as "?".
  static func listing(_ candidates: [String]) -> String {
    let shown = candidates.map { candidate in
      String(
        String.UnicodeScalarView(
          candidate.unicodeScalars.map { scalar in
            let value = scalar.value
            let unsafe =
              scalar.properties.generalCategory == .control
              || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            return unsafe ? "?" : scalar
          }))
    }
    return shown.joined(separator: "  ")
  }

  /// The longest string every one of `strings` starts with, compared by character.
  static func longestCommonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first else { return "" }
    for string in strings.dropFirst() {
      prefix = String(zip(prefix, string).prefix { $0 == $1 }.map(\.0))
      if prefix.isEmpty { break }
    }
    return prefix
  }
}
