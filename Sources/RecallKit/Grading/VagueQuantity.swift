/// Reads the vague quantities sources and learners write ("several thousand", "a few hundred",
/// "hundreds", "tens of thousands") as the range of figures they allow.
///
/// A teacher reads "several thousand" for 3,000 to 5,000 as on the way but coarse, and "about
/// 300" for "several hundred" as right: with the range, both are graded by the figure rules.
/// The ranges are the usual reading: *a couple* is 2–3, *a few* 2–5, *several* 2–9 of the
/// scale, and a plural scale alone ("hundreds") 2–9 of it.
public enum VagueQuantity {
  private static let scales: [String: Double] = [
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000,
  ]

  /// Longest first, so "a couple of" is read before "a couple".
  private static let amounts: [([String], ClosedRange<Double>)] = [
    (["a", "couple", "of"], 2...3), (["a", "couple"], 2...3), (["a", "few"], 2...5),
    (["few"], 2...5), (["several"], 2...9),
  ]

  /// The range `text` allows, or nil when it is no vague quantity. A trailing word for what is
  /// counted ("several hundred vehicles") is allowed.
  public static func read(_ text: String) -> NumberValue? {
    var words = TextNormalizer.rawWords(text, foldingDiacritics: true)
    if words.first == "some" || words.first == "about" { words.removeFirst() }
    guard !words.isEmpty, words.count <= 6 else { return nil }
    // "tens of thousands", "hundreds of thousands": the plural of a scale of a scale.
    if words.count >= 3, words[1] == "of", let inner = plural(words[0]),
      let outer = plural(words[2])
    {
      return NumberValue(from: 2 * inner * outer, to: 10 * inner * outer - 1)
    }
    if let scale = plural(words[0]) {
      guard scale > 10 else { return nil }
      return NumberValue(from: 2 * scale, to: 10 * scale - 1)
    }
    for (amount, range) in amounts where words.starts(with: amount) {
      // "several hundred thousand": every scale word after the amount multiplies.
      let scale = words.dropFirst(amount.count).prefix { scales[$0] != nil }
        .reduce(1.0) { $0 * (scales[$1] ?? 1) }
      guard scale > 1 else { return nil }
      return NumberValue(from: range.lowerBound * scale, to: range.upperBound * scale)
    }
    return nil
  }

  /// The size a plural scale word stands for: "hundreds" is 100, "tens" 10, "dozens" 12.
  private static func plural(_ word: String) -> Double? {
    if word == "tens" { return 10 }
    guard word.hasSuffix("s") else { return nil }
    return scales[String(word.dropLast())]
  }
}
