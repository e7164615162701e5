/// JSON text for values Recall writes by hand (progress files, replay, preview), where key order
/// and number formatting must be stable.
public enum JSONText {
  /// A JSON string literal; control characters are escaped so a value never spans lines, and
  /// DEL, U+2028 and U+2029 too, so the text is also safe where JavaScript reads it.
  public static func quoted(_ value: String) -> String {
    // Bytes first, since most values need nothing; 0xE2 leads U+2028 and U+2029 in UTF-8.
    let needsEscape = value.utf8.contains { byte in
      byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
    }
    guard needsEscape else { return "\"" + value + "\"" }
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
        let digits = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

}
