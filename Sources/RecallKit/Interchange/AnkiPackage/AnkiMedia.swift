/// Media references in Anki fields: `<img src="…">` and `[sound:…]`. Recall shows neither, so
/// they are listed in one warning and sound tags are taken out of the text.
enum AnkiMedia {
  /// The file names a field refers to, in order.
  static func references(in field: String) -> [String] {
    var names: [String] = []
    var rest = field[...]
    while let open = rest.range(of: "[sound:") {
      guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
      names.append(String(rest[open.upperBound..<close]))
      rest = rest[rest.index(after: close)...]
    }
    rest = field[...]
    while let tag = rest.range(of: "<img", options: .caseInsensitive) {
      let end = rest[tag.upperBound...].firstIndex(of: ">") ?? rest.endIndex
      let inside = rest[tag.upperBound..<end]
      if let src = inside.range(of: "src=", options: .caseInsensitive) {
        var value = inside[src.upperBound...]
        if let quote = value.first, quote == "\"" || quote == "'" {
          value = value.dropFirst()
          names.append(String(value.prefix { $0 != quote }))
        } else {
          names.append(String(value.prefix { $0 != " " && $0 != "/" }))
        }
      }
      rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
    }
    return names.filter { !$0.isEmpty }
  }

  /// The field without its `[sound:…]` tags.
  static func removingSounds(_ field: String) -> String {
    var result = ""
    var rest = field[...]
    while let open = rest.range(of: "[sound:"),
      let close = rest[open.upperBound...].firstIndex(of: "]")
    {
      result += rest[..<open.lowerBound]
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }
}
