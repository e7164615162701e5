import Foundation

/// Why an article cannot be drafted from; each names the file and the first place it went wrong.
public enum DraftError: ReportableError, Hashable, Sendable {
  case empty(path: String)
  case notText(path: String, line: Int, reason: String)
  case tooLarge(path: String, bytes: Int, limit: Int)
  case nothingFound(path: String)

  public var location: SourceLocation? {
    switch self {
    case .empty(let path), .tooLarge(let path, _, _), .nothingFound(let path): .file(path)
    case .notText(let path, let line, _): SourceLocation(file: path, line: line, column: 1)
    }
  }

  public var message: String {
    switch self {
    case .empty: "the article is empty"
    case .notText(_, _, let reason): reason
    case .tooLarge(_, let bytes, let limit):
      "the article is \(bytes / 1024) KiB; drafting reads at most "
        + "\(limit / 1024) KiB (split it into chapters)"
    case .nothingFound: "found no dated events, figures or names to propose"
    }
  }
}

/// A plain-text article split into sentences that remember their line: every proposal cites
/// the line it came from, so the teacher can check it against the text.
public struct Article: Sendable {
  public struct Sentence: Hashable, Sendable {
    public var text: String
    /// 1-based line in the file where the sentence starts.
    public var line: Int
    /// Index of the paragraph it belongs to, so context can be looked for nearby.
    public var paragraph: Int
  }

  /// Larger files are books, not articles; the cap keeps drafting well under a second.
  public static let maximumBytes = 1024 * 1024

  public var path: String
  /// The first heading, or the first short line.
  public var title: String?
  /// A URL given on a `source:` line at the top, as the prepared articles have.
  public var url: String?
  public var sentences: [Sentence]

  public init(path: String, title: String?, url: String?, sentences: [Sentence]) {
    self.path = path
    self.title = title
    self.url = url
    self.sentences = sentences
  }

  /// Reads UTF-8 text; Markdown headings, emphasis and list markers are tolerated.
  public static func read(data: Data, path: String) throws(DraftError) -> Article {
    guard data.count <= maximumBytes else {
      throw .tooLarge(path: path, bytes: data.count, limit: maximumBytes)
    }
    if let zero = data.firstIndex(of: 0) {
      let line = data[..<zero].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      throw .notText(path: path, line: line, reason: "the file contains NUL bytes; is it binary?")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .notText(path: path, line: firstInvalidLine(data), reason: "the file is not UTF-8 text")
    }
    guard text.contains(where: { !$0.isWhitespace }) else { throw .empty(path: path) }
    return parse(text, path: path)
  }

  private static func firstInvalidLine(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    for index in data.indices where data[index] == 0x0A {
      if String(data: data[start..<index], encoding: .utf8) == nil { return line }
      line += 1
      start = data.index(after: index)
    }
    return line
  }

  static func parse(_ text: String, path: String) -> Article {
    var title: String?
    var url: String?
    var paragraphs: [(text: String, line: Int, lineStarts: [(offset: Int, line: Int)])] = []
    var current: (text: String, line: Int, lineStarts: [(offset: Int, line: Int)])?
    func flush() {
      if let paragraph = current { paragraphs.append(paragraph) }
      current = nil
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, rawLine) in lines.enumerated() {
      let number = index + 1
      // Control characters (DEL, escapes, NUL…) are noise in plain text; a deck refuses them,
      // so they become spaces before anything is proposed from the line.
      let visible = String.UnicodeScalarView(
        rawLine.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })
      var line = String(visible).trimmingCharacters(in: .whitespaces)
      if line.isEmpty {
        flush()
        continue
      }
      if paragraphs.isEmpty, current == nil, title == nil, line.lowercased().hasPrefix("source:") {
        url = line.split(separator: " ").first { $0.hasPrefix("http") }.map(String.init)
        continue
      }
      let (cleaned, isHeading) = stripMarkdown(line)
      line = cleaned
      if line.isEmpty { continue }
      if isHeading || looksLikeHeading(line) {
        flush()
        if title == nil && paragraphs.isEmpty { title = line }
        continue
      }
      if var paragraph = current {
        paragraph.lineStarts.append((paragraph.text.count + 1, number))
        paragraph.text += " " + line
        current = paragraph
      } else {
        current = (line, number, [(0, number)])
      }
      if let last = line.last, ".!?\"”".contains(last) { flush() }
    }
    flush()
    var sentences: [Sentence] = []
    for (paragraphIndex, paragraph) in paragraphs.enumerated() {
      for (offset, sentence) in SentenceSplitter.split(paragraph.text) {
        let line = paragraph.lineStarts.last { $0.offset <= offset }?.line ?? paragraph.line
        sentences.append(Sentence(text: sentence, line: line, paragraph: paragraphIndex))
      }
    }
    return Article(path: path, title: title, url: url, sentences: sentences)
  }

  /// Removes Markdown markers; says whether the line was a `#` heading.
  static func stripMarkdown(_ line: String) -> (String, Bool) {
    var text = line
    var heading = false
    if text.hasPrefix("#") {
      text = String(text.drop { $0 == "#" })
      heading = true
    }
    for marker in ["- ", "* ", "+ ", "> "] where text.hasPrefix(marker) {
      text.removeFirst(marker.count)
    }
    if let space = text.firstIndex(of: " "), text[..<space].dropLast().allSatisfy(\.isNumber),
      text[..<space].count >= 2, text[text.index(before: space)] == "."
    {
      text = String(text[text.index(after: space)...])
    }
    text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
    return (text.trimmingCharacters(in: .whitespaces), heading)
  }

  /// A short line with no closing punctuation stands alone as a heading, as plain-text
  /// encyclopedia dumps and lesson notes write them.
  static func looksLikeHeading(_ line: String) -> Bool {
    guard let last = line.last, !".!?:;,\"”)".contains(last) else { return false }
    let words = line.split(separator: " ")
    return words.count <= 10 && line.firstLiteralRange(of: ". ") == nil
  }
}
