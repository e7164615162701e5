/// One section of a worksheet as `--section` asks for it: which question types, optionally
/// only on facts with a tag, and how many questions.
///
/// Written `TYPES:COUNT` or `TYPES@TAG:COUNT`, where TYPES is one type, several joined with
/// `+` (`choice+truefalse`), or `any`: `choice:5`, `short@people:3`, `any@dates:4`.
public struct WorksheetSectionRequest: Hashable, Sendable {
  /// nil for every type.
  public var kinds: [Question.Kind]?
  public var tag: String?
  public var count: Int

  public init(kinds: [Question.Kind]?, tag: String? = nil, count: Int) {
    self.kinds = kinds
    self.tag = tag
    self.count = count
  }

  public static func parse(_ text: String) throws(WorksheetError) -> WorksheetSectionRequest {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let colon = trimmed.lastIndex(of: ":"),
      let count = Int(trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)),
      count >= 1, count <= 500
    else { throw .invalidSection(text) }
    let head = trimmed[..<colon]
    let typesPart: Substring
    var tag: String?
    if let at = head.firstIndex(of: "@") {
      typesPart = head[..<at]
      let tagText = head[head.index(after: at)...].trimmingCharacters(in: .whitespaces)
      guard !tagText.isEmpty else { throw .invalidSection(text) }
      tag = tagText
    } else {
      typesPart = head
    }
    let names = typesPart.split(separator: "+").map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    guard !names.isEmpty, !names.contains(where: \.isEmpty) else { throw .invalidSection(text) }
    if names == ["any"] { return WorksheetSectionRequest(kinds: nil, tag: tag, count: count) }
    var kinds: [Question.Kind] = []
    for name in names {
      let kind = try Question.Kind.parse(name)
      if !kinds.contains(kind) { kinds.append(kind) }
    }
    return WorksheetSectionRequest(kinds: kinds, tag: tag, count: count)
  }
}
