/// One printable piece of a worksheet document.
public enum WorksheetPart: Hashable, Sendable {
  /// The students' sheet of the version at this index.
  case sheet(Int)
  /// The answer key of the version at this index.
  case key(Int)
}

/// Turns a worksheet into one document in some format. Each part after the first starts on a
/// new page (a form feed in text, a page break in HTML, a rule in Markdown).
public protocol WorksheetRenderer: Sendable {
  func render(_ worksheet: Worksheet, parts: [WorksheetPart]) -> String
}

/// The output formats `recall print` offers.
public enum WorksheetFormat: String, Hashable, Sendable, CaseIterable {
  case text, markdown, html

  /// The format a file name implies: `.md`/`.markdown` → Markdown, `.html`/`.htm` → HTML,
  /// anything else → text.
  public init(path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
      self = .text
      return
    }
    switch name[name.index(after: dot)...].lowercased() {
    case "md", "markdown": self = .markdown
    case "html", "htm", "xhtml": self = .html
    default: self = .text
    }
  }

  public var renderer: any WorksheetRenderer {
    switch self {
    case .text: TextWorksheetRenderer()
    case .markdown: MarkdownWorksheetRenderer()
    case .html: HTMLWorksheetRenderer()
    }
  }
}
