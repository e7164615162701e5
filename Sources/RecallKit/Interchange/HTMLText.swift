/// Converts between the HTML fields that Anki and Moodle store and the plain text a deck holds.
public enum HTMLText {
  /// Whether a field looks like HTML (a known tag or an entity), as Anki guesses when a file does
  /// not say.
  public static func looksLikeHTML(_ text: String) -> Bool {
    guard text.contains("<") || text.contains("&") else { return false }
    let lowered = text.lowercased()
    let tags = [
      "<br", "<p>", "<p ", "</p>", "<div", "</div>", "<b>", "</b>", "<i>", "</i>", "<u>", "</u>",
      "<span", "</span>", "<strong>", "<em>", "<ul>", "<ol>", "<li>", "<img", "<a ", "<sub>",
      "<sup>", "<font", "<hr", "<table",
    ]
    if tags.contains(where: lowered.contains) { return true }
    return ["&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#"].contains(where: lowered.contains)
  }

  /// An answer field once it is text (`toText`): its first line is the answer, and the lines
  /// after it a note for the card's explanation. Anki users write asides below the answer:
  /// `William of Normandy<br><i>later</i> "the Conqueror"` is answered "William of Normandy",
  /// with the note `later "the Conqueror"`, not one answer no one would type.
  public static func answerAndNote(_ text: String) -> (answer: String, note: String?) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let newline = trimmed.firstIndex(where: \.isNewline) else { return (trimmed, nil) }
    let note = trimmed[newline...].split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      .joined(separator: "\n")
    return (
      trimmed[..<newline].trimmingCharacters(in: .whitespaces), note.isEmpty ? nil : note
    )
  }

  /// The explanation with a note added below it; nil when both are missing.
  static func joined(_ explanation: String?, _ note: String?) -> String? {
    let parts = [explanation, note].compactMap { $0 }.filter { !$0.isEmpty }
    return parts.isEmpty ? nil : parts.joined(separator: "\n")
  }

  /// Plain text from an HTML fragment: line breaks and block ends become newlines, other tags go,
  /// entities are decoded, and runs of spaces collapse as a browser would show them.
  public static func toText(_ html: String) -> String {
    var output = ""
    var index = html.startIndex
    while index < html.endIndex {
      let character = html[index]
      if character == "<", let close = html[index...].firstIndex(of: ">") {
        let inside = html[html.index(after: index)..<close]
        let name = tagName(inside)
        if name == "style" || name == "script",
          let end = html.range(
            of: "</\(name)", options: .caseInsensitive, range: close..<html.endIndex),
          let endClose = html[end.upperBound...].firstIndex(of: ">")
        {
          index = html.index(after: endClose)
          continue
        }
        if blockNames.contains(name) { output.append("\n") }
        index = html.index(after: close)
        continue
      }
      if character == "&", let (decoded, next) = entity(in: html, at: index) {
        output.append(decoded)
        index = next
        continue
      }
      output.append(character.isNewline || character == "\t" ? " " : character)
      index = html.index(after: index)
    }
    return tidy(output)
  }

  /// Text escaped for an HTML field: `& < > "` and tabs as entities, newlines as `<br>`.
  public static func escape(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "\t": output += "&#9;"
      case "\n", "\r\n", "\r": output += "<br>"
      default: output.append(character)
      }
    }
    return output
  }

  /// Tags that end a line when shown: `<br>` and the ends of blocks.
  private static let blockNames: Set<String> = [
    "br", "/p", "/div", "/li", "/tr", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "hr", "/ul",
    "/ol", "/blockquote", "/pre",
  ]

  private static func tagName(_ inside: Substring) -> String {
    let trimmed = inside.drop { $0 == " " }
    var name = ""
    for character in trimmed {
      if character.isLetter || character.isNumber || (name.isEmpty && character == "/") {
        name.append(character)
      } else {
        break
      }
    }
    return name.lowercased()
  }

  private static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–",
    "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "deg": "°", "times": "×",
    "middot": "·", "bull": "•", "euro": "€", "shy": "",
  ]

  /// The character an entity at `start` stands for, and where the text goes on after it.
  private static func entity(in text: String, at start: String.Index)
    -> (String, String.Index)?
  {
    let afterAmpersand = text.index(after: start)
    guard let semicolon = text[afterAmpersand...].prefix(12).firstIndex(of: ";") else {
      return nil
    }
    let body = text[afterAmpersand..<semicolon]
    let next = text.index(after: semicolon)
    if let named = namedEntities[String(body)] { return (named, next) }
    guard body.hasPrefix("#") else { return nil }
    let digits = body.dropFirst()
    let value: UInt32?
    if digits.hasPrefix("x") || digits.hasPrefix("X") {
      value = UInt32(digits.dropFirst(), radix: 16)
    } else {
      value = UInt32(digits)
    }
    guard let value, let scalar = Unicode.Scalar(value) else { return nil }
    // A control character spelled as an entity is still one: drop it rather than pass it on.
    if TextSanitizer.isForbiddenControl(scalar) { return ("", next) }
    return (String(Character(scalar)), next)
  }

  /// Collapses spaces within lines, trims every line, and keeps at most one blank line.
  private static func tidy(_ text: String) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
      let joined = words.joined(separator: " ")
      if joined.isEmpty, lines.last?.isEmpty ?? true { continue }
      lines.append(joined)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
