/// Grades a typed figure against a fact's number and its tolerance.
///
/// The learner may write digits with any grouping ("3,000", "3 000", "3.000", "3000"), words
/// ("three thousand", "a hundred and five"), digits with a scale ("3 thousand"), a qualifier
/// ("about 3,000", "over 100") and a unit after the figure ("3,000 people"). A single figure is
/// right when it lies in `NumberValue.acceptedRange`; a range ("3000-5000", "between 3,000 and
/// 5,000") is right when both ends do, so a wide guess that spans the answer is not.
/// Qualifiers the learner types are read but not required: the note says how the source puts it.
/// A range is asked as a range: one figure inside it is partially correct, and so is a range or
/// bound that holds a range or approximate answer but is coarser ("2,000 to 6,000" for 3,000 to 5,000, "over
/// 10,000" for about 13,400), when its ends are within a factor of two of the answer's.
public enum NumberAnswerGrader {
  public static func grade(_ input: String, expected: NumberValue, hintUsed: Bool = false)
    -> GradingResult
  {
    guard !input.allSatisfy(\.isWhitespace) else { return .invalid(.empty) }
    guard let answer = read(input) else { return .invalid(.notANumber(input)) }
    return grade(value: answer, expected: expected, hintUsed: hintUsed)
  }

  /// The grade of a figure already read (or converted from another unit).
  static func grade(value answer: NumberValue, expected: NumberValue, hintUsed: Bool = false)
    -> GradingResult
  {
    let accepted = expected.acceptedRange
    let shown = expected.description
    // A bound needs the bound: "100" for "over 100" says something else.
    if expected.isLowerBound || expected.isUpperBound {
      let sameDirection =
        expected.isLowerBound ? answer.isLowerBound : answer.isUpperBound
      let near = abs(answer.low - expected.low) <= Swift.max(1, abs(expected.low) / 10)
      if sameDirection, near, !answer.isRange {
        let exact = answer.low == expected.low && answer.qualifier == expected.qualifier
        return .graded(
          Grade(
            .correct, shown: shown, note: exact ? nil : "the source says “\(shown)”",
            hintUsed: hintUsed))
      }
      if answer.qualifier == .exact || answer.qualifier == .about, !answer.isRange,
        accepted.contains(answer.low)
      {
        return .graded(
          Grade(
            .partiallyCorrect, shown: shown, note: "the source gives a bound: “\(shown)”",
            hintUsed: hintUsed))
      }
      return .graded(Grade(.wrong, shown: shown, hintUsed: hintUsed))
    }
    guard accepted.contains(answer.low), accepted.contains(answer.high) else {
      if coarselyHolds(answer, expected) {
        return .graded(
          Grade(
            .partiallyCorrect, shown: shown, note: "not precise enough: “\(shown)”",
            hintUsed: hintUsed))
      }
      return .graded(Grade(.wrong, shown: shown, hintUsed: hintUsed))
    }
    // A span needs both ends, as for dates: "4000" for "between 3,000 and 5,000" is a figure
    // inside it, not the span.
    if expected.isRange, !answer.isRange {
      return .graded(
        Grade(
          .partiallyCorrect, shown: shown, note: "give the range: “\(shown)”", hintUsed: hintUsed)
      )
    }
    let exact =
      expected.qualifier == .exact && answer.low == expected.low && answer.high == expected.high
    let note = exact ? nil : "the source says “\(shown)”"
    return .graded(Grade(.correct, shown: shown, note: note, hintUsed: hintUsed))
  }

  /// Whether the answer is a range or bound that holds every figure the fact allows without
  /// straying far: its ends within a factor of two of the fact's.
  private static func coarselyHolds(_ answer: NumberValue, _ expected: NumberValue) -> Bool {
    let wanted = expected.acceptedRange
    let low = answer.isUpperBound ? -Double.infinity : answer.low
    let high = answer.isLowerBound ? Double.infinity : answer.high
    // An exact figure must be exact: "13-15" for 14 is no nearer than "13".
    guard expected.isRange || expected.qualifier == .about,
      answer.isRange || answer.isLowerBound || answer.isUpperBound,
      low <= wanted.lowerBound, wanted.upperBound <= high
    else { return false }
    let lowNear = low == -.infinity || low >= wanted.lowerBound / 2
    let highNear = high == .infinity || high <= wanted.upperBound * 2
    return lowNear && highNear
  }

  /// The figure or range the learner typed, or nil when there is none to read.
  public static func read(_ input: String) -> NumberValue? {
    var text = String(input.prefix(TextNormalizer.maximumLength)).lowercased()
    text = String(text.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
    while let last = text.last, ".,;:!?".contains(last) { text.removeLast() }
    if text.hasSuffix("+") { text = "over " + text.dropLast() }
    if let vague = VagueQuantity.read(text) { return vague }
    text = scalingBothEnds(text)
    text = NumberWords.replacingWords(in: text)
    guard
      var words = joiningDigitGroups(text.split(separator: " ").map(ungroupDots))
    else { return nil }
    // Drop a trailing unit ("people", "fighters") one word at a time until a figure remains.
    while !words.isEmpty {
      if let value = NumberValue.parse(words.joined(separator: " ")) { return value }
      guard words.last?.first?.isLetter == true else { return nil }
      words.removeLast()
    }
    return nil
  }

  /// "3 to 5 thousand" means 3,000 to 5,000: a scale after a range's end applies to both ends.
  private static func scalingBothEnds(_ text: String) -> String {
    var words = text.split(separator: " ").map(String.init)
    guard words.count >= 4, let scale = NumberWords.scales[words[words.count - 1]],
      ["to", "or", "and", "-", "–"].contains(words[words.count - 3]),
      let high = figure(words[words.count - 2])
    else { return text }
    let lowIndex = words.count - 4
    guard let low = figure(words[lowIndex]) else { return text }
    words[lowIndex] = NumberValue.format(low * Double(scale))
    words[words.count - 2] = NumberValue.format(high * Double(scale))
    words.removeLast()
    return words.joined(separator: " ")
  }

  private static func figure(_ word: String) -> Double? {
    Double(word.filter { $0 != "," }) ?? NumberWords.value(of: word).map(Double.init)
  }

  /// Joins "3 000" and "1 250 000" into one figure, and refuses digits side by side that are not
  /// thousands groups ("14 15"), which would otherwise run together into a different number.
  private static func joiningDigitGroups(_ words: [String]) -> [String]? {
    var result: [String] = []
    var grouping = false
    for word in words {
      let digits = !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber }
      guard digits, let previous = result.last, previous.first?.isNumber == true,
        previous.last?.isNumber == true
      else {
        result.append(word)
        grouping = false
        continue
      }
      let startsGroups = !grouping && previous.allSatisfy(\.isNumber) && previous.count <= 3
      guard word.count == 3, grouping || startsGroups else { return nil }
      result[result.count - 1] += word
      grouping = true
    }
    return result
  }

  /// "3.000" and "1.250.000" group thousands with dots, as much of Europe writes them.
  private static func ungroupDots(_ word: Substring) -> String {
    let groups = word.split(separator: ".", omittingEmptySubsequences: false)
    guard groups.count > 1, (1...3).contains(groups[0].count),
      groups.dropFirst().allSatisfy({ $0.count == 3 }),
      groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return String(word) }
    return groups.joined()
  }
}
