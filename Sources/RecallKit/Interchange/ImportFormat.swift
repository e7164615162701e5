import Foundation

/// The files `recall import` reads.
public enum ImportFormat: String, Hashable, Sendable, CaseIterable {
  /// Comma-separated question,answer rows (RFC 4180 quoting), with an optional header row.
  case csv
  /// Tab-separated question and answer rows, with an optional header row.
  case tsv
  /// Anki's "Notes in Plain Text" export, with its `#separator:`, `#html:`, `#columns:`… headers.
  case anki
  /// Quizlet's export: term and definition, one pair a row, separators chosen on export.
  case quizlet
  /// Moodle's GIFT question format.
  case gift
  /// An Anki package (`.apkg` or `.colpkg`): a ZIP archive holding an SQLite collection.
  case apkg

  /// A name for messages and the deck's `source:`.
  public var displayName: String {
    switch self {
    case .csv: "CSV"
    case .tsv: "TSV"
    case .anki: "Anki text"
    case .quizlet: "Quizlet export"
    case .gift: "Moodle GIFT"
    case .apkg: "Anki package"
    }
  }

  /// The format a file is most likely in, from Anki's headers, then the extension, then the text.
  public static func guess(path: String, text: String) -> ImportFormat? {
    let start = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }.prefix(200).lowercased()
    let ankiHeaders = [
      "#separator:", "#html:", "#columns:", "#notetype", "#deck", "#tags", "#guid", "tags:",
    ]
    if ankiHeaders.contains(where: start.hasPrefix) { return .anki }
    switch (path as NSString).pathExtension.lowercased() {
    case "apkg", "colpkg": return .apkg
    case "gift": return .gift
    case "csv": return .csv
    case "tsv", "tab": return .tsv
    default: break
    }
    if looksLikeGIFT(text) { return .gift }
    if text.contains("\t") { return .anki }
    return nil
  }

  /// Whether some line holds a GIFT answer block (`{=…}`, `{~…}`, `{#…}`, `{T}`…) or a title.
  static func looksLikeGIFT(_ text: String) -> Bool {
    for line in text.split(whereSeparator: \.isNewline).prefix(500) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("::") || trimmed.hasPrefix("$CATEGORY:") { return true }
      guard let open = trimmed.firstIndex(of: "{") else { continue }
      let after = trimmed[trimmed.index(after: open)...].drop { $0 == " " }
      if let first = after.first, "=~#".contains(first) { return true }
      for word in ["T}", "F}", "TRUE}", "FALSE}"] where after.hasPrefix(word) { return true }
    }
    return false
  }
}

/// What `recall import` was asked for.
public struct ImportOptions: Sendable {
  public var format: ImportFormat
  /// The new deck's id.
  public var deckID: String
  /// The deck's title; else a title the file gives (Anki's `#deck:`), else the file name.
  public var title: String?
  /// The deck's subject; defaults to the title.
  public var subject: String?
  /// Quizlet: what separates a term from its definition (default a tab).
  public var termSeparator: String
  /// Quizlet: what separates one pair from the next (default a new line).
  public var rowSeparator: String
  /// Table formats: ask with the second column and answer with the first.
  public var swapColumns: Bool

  public init(
    format: ImportFormat, deckID: String, title: String? = nil, subject: String? = nil,
    termSeparator: String = "\t", rowSeparator: String = "\n", swapColumns: Bool = false
  ) {
    self.format = format
    self.deckID = deckID
    self.title = title
    self.subject = subject
    self.termSeparator = termSeparator
    self.rowSeparator = rowSeparator
    self.swapColumns = swapColumns
  }

  /// A deck id from a file name: "World War 1 (Quiz).csv" → "world-war-1-quiz".
  public static func deckID(fromPath path: String) -> String {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let slug = ItemIdentifiers.slug(name, limit: 64)
    return slug.isEmpty ? "imported" : slug
  }

  /// A title from a file name: "world_war-1.csv" → "World war 1".
  public static func title(fromPath path: String) -> String {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let words = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
    let title = words.joined(separator: " ")
    guard let first = title.first else { return "Imported deck" }
    return first.uppercased() + title.dropFirst()
  }
}
