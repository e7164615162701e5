extension StringProtocol {
  /// The text without leading and trailing blanks (spaces, tabs and other space separators,
  /// not line breaks): what Foundation's `trimmingCharacters(in: .whitespaces)` returns, without
  /// its round trip through NSString, which dominates the date and number parsers on Linux.
  func trimmingBlanks() -> String {
    guard let first = firstIndex(where: { !$0.isBlank }) else { return "" }
    guard let last = lastIndex(where: { !$0.isBlank }) else { return "" }
    return String(self[first...last])
  }
}

extension Character {
  /// A space, a tab or another Unicode space separator.
  var isBlank: Bool {
    if self == " " || self == "\t" { return true }
    guard unicodeScalars.count == 1, let scalar = unicodeScalars.first else { return false }
    return scalar.properties.generalCategory == .spaceSeparator
  }
}

extension String {
  /// The first occurrence of `pattern`, compared byte for byte in UTF-8. The parsers search
  /// for short separators in short texts millions of times while generating a large deck;
  /// this avoids both NSString bridging and the generic searcher's allocations.
  func firstLiteralRange(of pattern: String) -> Range<Index>? {
    self[...].firstLiteralRange(of: pattern)
  }
}

extension Substring {
  /// The first occurrence of `pattern`, with indices valid in the base string.
  func firstLiteralRange(of pattern: String) -> Range<Index>? {
    let needle = Array(pattern.utf8)
    guard let head = needle.first else { return nil }
    let bytes = utf8
    var from = bytes.startIndex
    while let start = bytes[from...].firstIndex(of: head) {
      if bytes[start...].starts(with: needle) {
        return start..<bytes.index(start, offsetBy: needle.count)
      }
      from = bytes.index(after: start)
    }
    return nil
  }
}

extension String {
  /// Whether a word (a run of ASCII letters and digits) mixes letters and digits, like `zq4x`;
  /// with
  /// `allowingOrdinals`, `10th`, `2nd` and the decade `1580s` do not count. Neither a date nor a figure contains
  /// such a word, so the parsers' callers can skip them cheaply.
  func hasWordMixingLettersAndDigits(allowingOrdinals: Bool) -> Bool {
    var letters: [UInt8] = []
    var digits = false
    func mixed() -> Bool {
      guard digits, !letters.isEmpty else { return false }
      guard allowingOrdinals, letters.count <= 2 else { return true }
      // Ordinals (`10th`) and decades (`1580s`) are dates' own words.
      let suffix = String(decoding: letters, as: UTF8.self).lowercased()
      return !["st", "nd", "rd", "th", "s"].contains(suffix)
    }
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        // A digit after letters (`x4`) is never an ordinal.
        if !letters.isEmpty { return true }
        digits = true
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        letters.append(byte)
      default:
        if mixed() { return true }
        letters.removeAll(keepingCapacity: true)
        digits = false
      }
    }
    return mixed()
  }
}
