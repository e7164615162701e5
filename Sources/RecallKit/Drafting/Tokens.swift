/// A word or punctuation mark of a sentence, with its character offsets.
struct Token: Hashable, Sendable {
  var text: String
  var start: Int
  var end: Int

  var isWord: Bool { text.first.map { $0.isLetter || $0.isNumber } ?? false }
  var isCapitalized: Bool { text.first?.isUppercase ?? false }
  var lower: String { text.lowercased() }
  var isNumber: Bool {
    text.first?.isNumber == true && text.allSatisfy { $0.isNumber || $0 == "," || $0 == "." }
  }
  /// An all-capitals word of two or more letters: "KLA", "MUP", "USAF".
  var isAcronym: Bool {
    text.count >= 2 && text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" || $0 == "/" }
      && text.contains(where: \.isLetter)
  }
  var isRomanNumeral: Bool {
    !text.isEmpty && text.count <= 5 && text.allSatisfy { "IVX".contains($0) }
  }
}

/// Splits text into words (letters, digits, inner apostrophes, hyphens, dots and commas in
/// numbers) and single punctuation marks.
enum Tokenizer {
  static func tokens(_ text: String) -> [Token] {
    let characters = Array(text)
    var result: [Token] = []
    var index = 0
    func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "ʻ" }
    while index < characters.count {
      let c = characters[index]
      if c == " " || c.isWhitespace {
        index += 1
        continue
      }
      if isWordCharacter(c) {
        var end = index + 1
        while end < characters.count {
          let d = characters[end]
          if isWordCharacter(d) {
            end += 1
          } else if "'’-".contains(d), end + 1 < characters.count,
            isWordCharacter(characters[end + 1])
          {
            end += 2
          } else if ",.:".contains(d), characters[end - 1].isNumber, end + 1 < characters.count,
            characters[end + 1].isNumber
          {
            end += 2
          } else if d == ".", end + 1 < characters.count, characters[end + 1].isLetter,
            end - index == 1 || characters[index..<end].allSatisfy({ $0.isUppercase || $0 == "." })
          {
            // "U.S.", "E.U.": dotted initials stay one word.
            end += 2
          } else {
            break
          }
        }
        result.append(Token(text: String(characters[index..<end]), start: index, end: end))
        index = end
      } else {
        result.append(Token(text: String(c), start: index, end: index + 1))
        index += 1
      }
    }
    return result
  }
}
