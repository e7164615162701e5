/// Keeps text from a file from acting on a terminal: control characters become visible escapes.
public enum TextSanitizer {
  /// Control characters no deck text needs: C0 (but tab and newlines), DEL, C1, and the
  /// bidirectional overrides that can disguise what a line says.
  public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// What a learner typed, as a message quotes it back: at most `limit` characters (then
  /// `…`), on one line (a tab, carriage return or newline shown as `\t`, `\r`, `\n`), with no
  /// control character left. A 2 MB answer costs a few dozen characters to echo, not a
  /// terminal's worth of wrapping.
  public static func echoed(_ text: String, limit: Int = 60) -> String {
    var result = ""
    var count = 0
    for character in text {
      if count == limit {
        result += "…"
        break
      }
      switch character {
      case "\t": result += "\\t"
      case "\r", "\r\n": result += "\\r"
      case "\n": result += "\\n"
      default: result.append(character)
      }
      count += 1
    }
    return visible(result)
  }

  /// The text with every forbidden control shown as `\u{…}`, safe to print anywhere.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isForbiddenControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isForbiddenControl(scalar) {
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
