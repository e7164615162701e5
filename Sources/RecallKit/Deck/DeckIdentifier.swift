/// The rules for the names a deck gives itself and its items; they become file names and
/// progress keys, so the parser, the library and the progress store all ask here.
enum DeckIdentifier {
  /// 1 to 64 lowercase ASCII letters, digits, `-`, `_` or `.`, starting with a letter or digit,
  /// never `..`.
  static func isValidDeckID(_ id: String) -> Bool {
    let bytes = id.utf8
    guard (1...64).contains(bytes.count), let first = bytes.first,
      isLowercaseLetter(first) || isDigit(first)
    else { return false }
    return bytes.allSatisfy { isLowercaseLetter($0) || isDigit($0) || isIDPunctuation($0) }
      && id.firstLiteralRange(of: "..") == nil
  }

  /// Checked on bytes: every fact and card has an id, and a large deck has a hundred thousand.
  static func isValidItemID(_ id: String) -> Bool {
    let bytes = id.utf8
    guard (1...100).contains(bytes.count), let first = bytes.first,
      isLetter(first) || isDigit(first)
    else { return false }
    return bytes.allSatisfy { isLetter($0) || isDigit($0) || isIDPunctuation($0) }
  }

  /// A BCP 47-shaped tag: `en`, `sq`, `en-GB`, `sr-Latn`.
  static func isLanguageTag(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    isLowercaseLetter(byte | 0x20)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isIDPunctuation(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }
}
