import Foundation

/// The `#key:value` lines at the top of an Anki text file, read by Anki's rules: keys are
/// case-insensitive, a `#` line without a colon is a comment, the headers end at the first line
/// that does not start with `#`, and a legacy first line may be `tags:…`.
struct AnkiTextHeader {
  var separator: Character?
  var html: Bool?
  var tags: [String] = []
  /// The raw `#columns:` value, split once the separator is known.
  var columnsText: String?
  var notetype: String?
  var deck: String?
  /// 1-based columns, as Anki numbers them.
  var notetypeColumn: Int?
  var deckColumn: Int?
  var tagsColumn: Int?
  var guidColumn: Int?
  /// How many lines the header takes.
  var lineCount = 0

  init(lines: [Substring]) {
    var index = 0
    if let first = lines.first, first.hasPrefix("tags:") {
      tags = Self.words(first.dropFirst("tags:".count))
      index = 1
    }
    while index < lines.count, lines[index].hasPrefix("#") {
      let line = lines[index].dropFirst()
      if let colon = line.firstIndex(of: ":") {
        read(key: line[..<colon], value: line[line.index(after: colon)...])
      }
      index += 1
    }
    lineCount = index
  }

  private mutating func read(key: Substring, value: Substring) {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    switch key.trimmingCharacters(in: .whitespaces).lowercased() {
    case "separator": separator = Self.separator(named: String(value))
    case "html":
      switch trimmed.lowercased() {
      case "true": html = true
      case "false": html = false
      default: break
      }
    case "tags": tags = Self.words(value)
    case "columns": columnsText = String(value)
    case "notetype": notetype = trimmed
    case "deck": deck = trimmed
    case "notetype column": notetypeColumn = Self.column(trimmed)
    case "deck column": deckColumn = Self.column(trimmed)
    case "tags column": tagsColumn = Self.column(trimmed)
    case "guid column": guidColumn = Self.column(trimmed)
    default: break
    }
  }

  /// Anki's separator names, or the separator itself written out.
  static func separator(named value: String) -> Character? {
    let names: [String: Character] = [
      "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":",
    ]
    if let named = names[value.trimmingCharacters(in: .whitespaces).lowercased()] { return named }
    if value.count == 1, let character = value.first, "\t,;| :".contains(character) {
      return character
    }
    return nil
  }

  /// Anki's guess when no `#separator:` is given: the first of tab, pipe, semicolon, colon, comma
  /// that the text holds, else a space.
  static func guessSeparator(in text: String) -> Character {
    let sample = text.prefix(8192)
    for candidate: Character in ["\t", "|", ";", ":", ","] where sample.contains(candidate) {
      return candidate
    }
    return " "
  }

  /// The last part of a nested deck name: "History::Kosovo War" → "Kosovo War".
  static func lastComponent(ofDeck name: String) -> String {
    let parts = name.components(separatedBy: "::").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return parts.last { !$0.isEmpty } ?? name
  }

  private static func column(_ text: String) -> Int? {
    guard let number = Int(text), number > 0 else { return nil }
    return number
  }

  private static func words(_ text: Substring) -> [String] {
    text.split(whereSeparator: \.isWhitespace).map(String.init)
  }
}

/// Anki cloze notes: `{{c1::answer}}` or `{{c1::answer::hint}}` deletions in one text.
enum AnkiCloze {
  struct Deletion {
    var number: Int
    var answer: String
    var range: Range<String.Index>
  }

  static func contains(_ text: String) -> Bool {
    !deletions(in: text).isEmpty
  }

  static func deletions(in text: String) -> [Deletion] {
    var result: [Deletion] = []
    var searchStart = text.startIndex
    while let open = text.range(of: "{{c", range: searchStart..<text.endIndex) {
      let digits = text[open.upperBound...].prefix { $0.isASCII && $0.isNumber }
      guard let number = Int(digits),
        text[digits.endIndex...].hasPrefix("::"),
        let close = text.range(of: "}}", range: digits.endIndex..<text.endIndex)
      else {
        searchStart = open.upperBound
        continue
      }
      let body = text[text.index(digits.endIndex, offsetBy: 2)..<close.lowerBound]
      let answer = body.components(separatedBy: "::").first ?? String(body)
      result.append(
        Deletion(number: number, answer: answer, range: open.lowerBound..<close.upperBound))
      searchStart = close.upperBound
    }
    return result
  }

  /// One cloze card per deletion number, the others shown filled in, as Anki makes one card per
  /// number. A number used more than once cannot be one Recall blank, so it is skipped.
  static func importNote(
    _ text: String, id: String?, tags: [String], explanation: String?,
    at location: SourceLocation, into items: inout ImportedItems
  ) {
    let found = deletions(in: text)
    guard !found.isEmpty else {
      items.diagnostics.append(
        .error("this cloze note has no {{c1::…}} deletion", at: location))
      return
    }
    let numbers = Array(Set(found.map(\.number))).sorted()
    for number in numbers {
      let mine = found.filter { $0.number == number }
      guard mine.count == 1, let target = mine.first else {
        items.diagnostics.append(
          .warning(
            "cloze c\(number) appears \(mine.count) times; a Recall cloze card has one blank, "
              + "so it is skipped", at: location))
        continue
      }
      func filled(_ part: Substring) -> String {
        var result = String(part)
        for other in deletions(in: result).reversed() {
          result.replaceSubrange(other.range, with: other.answer)
        }
        return result
      }
      let before = filled(text[..<target.range.lowerBound])
      let after = filled(text[target.range.upperBound...])
      let cardID = numbers.count == 1 ? id : id.map { "\($0)-c\(number)" }
      items.addCloze(
        before: before, key: target.answer, after: after, alternatives: [], id: cardID,
        tags: tags, explanation: explanation, at: location)
    }
  }
}
