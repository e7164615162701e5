import Foundation

extension NumberValue {
  /// Parses figures as sources state them: `100`, `3,000`, `over 100`, `about 100`,
  /// `approximately 100`, `at least 8`, `fewer than 10`, `3,000–5,000`,
  /// `between 3,000 and 5,000`, `3000 to 5000`, `6 or 7`.
  public static func parse(_ text: String) -> NumberValue? {
    // Every form has digits and no word like `4x`; the generator probes many key terms.
    guard text.utf8.contains(where: { (0x30...0x39).contains($0) }),
      !text.hasWordMixingLettersAndDigits(allowingOrdinals: false)
    else { return nil }
    var rest = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !rest.isEmpty, rest.count <= 80 else { return nil }
    var qualifier = Qualifier.exact
    let prefixes: [(String, Qualifier)] = [
      ("approximately ", .about), ("about ", .about), ("around ", .about), ("roughly ", .about),
      ("some ", .about), ("circa ", .about), ("c. ", .about), ("~", .about),
      ("more than ", .over), ("over ", .over), ("above ", .over), ("greater than ", .over),
      ("fewer than ", .under), ("less than ", .under), ("under ", .under), ("below ", .under),
      ("at least ", .atLeast), ("at most ", .atMost), ("up to ", .atMost),
    ]
    for (prefix, value) in prefixes where rest.hasPrefix(prefix) {
      qualifier = value
      rest = String(rest.dropFirst(prefix.count)).trimmingBlanks()
      break
    }
    if rest.hasPrefix("between "), let range = rest.firstLiteralRange(of: " and ") {
      let low = rest[rest.index(rest.startIndex, offsetBy: 8)..<range.lowerBound]
      let high = rest[range.upperBound...]
      return makeRange(String(low), String(high), qualifier)
    }
    for separator in [" to ", " or ", "–", "—", " - ", "-"] {
      if let range = rest.firstLiteralRange(of: separator), range.lowerBound != rest.startIndex {
        return makeRange(
          String(rest[..<range.lowerBound]), String(rest[range.upperBound...]), qualifier)
      }
    }
    guard let value = plainNumber(rest) else { return nil }
    return NumberValue(value, qualifier: qualifier)
  }

  /// Like `parse`, but also reads figures in words, as a deck author may write them:
  /// `six or seven`, `about three thousand`, `a hundred`.
  public static func parseWritten(_ text: String) -> NumberValue? {
    parse(text) ?? parse(NumberWords.replacingWords(in: text.lowercased()))
  }

  private static func makeRange(_ low: String, _ high: String, _ qualifier: Qualifier)
    -> NumberValue?
  {
    guard let low = plainNumber(low), let high = plainNumber(high), low < high else { return nil }
    return NumberValue(from: low, to: high, qualifier: qualifier)
  }

  /// Digits with optional thousands separators (`,`, thin space, `_`) and a decimal point.
  static func plainNumber(_ text: String) -> Double? {
    let trimmed = text.trimmingBlanks()
    guard !trimmed.isEmpty, trimmed.count <= 30 else { return nil }
    let cleaned = trimmed.filter { $0 != "," && $0 != "_" && $0 != "\u{2009}" && $0 != " " }
    guard cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
      let value = Double(cleaned), value.isFinite, abs(value) < 1e15
    else { return nil }
    return value
  }
}
