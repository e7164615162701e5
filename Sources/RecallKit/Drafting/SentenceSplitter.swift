/// Splits a paragraph into sentences at a full stop, question or exclamation mark followed by a
/// capital, a digit or a quote, except after abbreviations and initials ("Lt.", "H. J.").
enum SentenceSplitter {
  static let abbreviations: Set<String> = [
    "lt", "capt", "col", "gen", "maj", "dr", "st", "mr", "mrs", "ms", "sgt", "cdr", "cpl", "adm",
    "rev", "sr", "jr", "no", "mt", "ft", "vs", "c", "ca", "r", "e.g", "i.e", "u.s", "approx",
    "sqdn", "prof", "gov", "sen", "rep", "inc", "co", "ltd", "fr", "brig", "cmdr", "pte", "pvt",
    "hon", "nr", "fig", "vol", "ed", "b", "d", "u.k", "etc", "al",
  ]

  /// Each sentence with its character offset in the paragraph.
  static func split(_ paragraph: String) -> [(Int, String)] {
    let characters = Array(paragraph)
    var result: [(Int, String)] = []
    var start = 0
    var index = 0
    func emit(upTo end: Int) {
      let text = String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
      if text.contains(where: \.isLetter) { result.append((start, text)) }
    }
    while index < characters.count {
      let character = characters[index]
      if ".!?".contains(character) {
        var end = index + 1
        while end < characters.count, "\"”’')".contains(characters[end]) { end += 1 }
        if end < characters.count, characters[end] == " " {
          var next = end
          while next < characters.count, characters[next] == " " { next += 1 }
          if next < characters.count, startsSentence(characters[next]),
            character != "." || !isAbbreviation(characters, before: index)
          {
            emit(upTo: end)
            start = next
            index = next
            continue
          }
        } else if character == ".", end == index + 1, end + 1 < characters.count,
          characters[end].isUppercase, characters[end + 1].isLowercase, index > 1,
          characters[index - 1].isLowercase, characters[index - 2].isLowercase
        {
          // A lost space: "Mitrovica.Meanwhile".
          emit(upTo: end)
          start = end
        }
      }
      index += 1
    }
    if start < characters.count { emit(upTo: characters.count) }
    return result
  }

  private static func startsSentence(_ character: Character) -> Bool {
    character.isUppercase || character.isNumber || "\"“‘'(".contains(character)
  }

  private static func isAbbreviation(_ characters: [Character], before index: Int) -> Bool {
    var start = index
    while start > 0, characters[start - 1].isLetter || characters[start - 1] == "." {
      start -= 1
    }
    let word = String(characters[start..<index])
    if word.count == 1, word.first?.isUppercase == true { return true }
    return abbreviations.contains(word.lowercased())
  }
}
