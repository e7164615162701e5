import Foundation

/// Reads and writes delimiter-separated text (CSV, TSV, Anki's text files) with RFC 4180 quoting,
/// keeping where each field starts so a bad row can be pointed at.
public struct DelimitedText: Sendable {
  /// One field and the place it starts (1-based line and column).
  public struct Field: Hashable, Sendable {
    public var text: String
    public var line: Int
    public var column: Int
  }

  /// One row of fields.
  public struct Record: Hashable, Sendable {
    public var fields: [Field]
    public var line: Int

    public var texts: [String] { fields.map(\.text) }
  }

  /// A quoting mistake, with where it is.
  public struct Problem: Hashable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int
  }

  public var delimiter: Character
  /// A line that starts with this character is a comment (Anki's `#` headers and comments).
  public var commentCharacter: Character?

  public init(delimiter: Character, commentCharacter: Character? = nil) {
    self.delimiter = delimiter
    self.commentCharacter = commentCharacter
  }

  /// Every record in `text`, skipping blank lines and comments, with any quoting problems.
  ///
  /// `firstLine` numbers the first line of `text`, for text cut from the middle of a file.
  public func records(in text: String, firstLine: Int = 1) -> ([Record], [Problem]) {
    var records: [Record] = []
    var problems: [Problem] = []
    var characters = Array(text)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var position = 0
    var line = firstLine
    var column = 1

    func advance() {
      if characters[position].isNewline {
        line += 1
        column = 1
      } else {
        column += 1
      }
      position += 1
    }

    while position < characters.count {
      // At the start of a record.
      if characters[position].isNewline {
        advance()
        continue
      }
      if let comment = commentCharacter, characters[position] == comment {
        while position < characters.count, !characters[position].isNewline { advance() }
        continue
      }
      var record = Record(fields: [], line: line)
      var endOfRecord = false
      while !endOfRecord {
        var field = Field(text: "", line: line, column: column)
        if position < characters.count, characters[position] == "\"" {
          let (openLine, openColumn) = (line, column)
          advance()
          var closed = false
          while position < characters.count {
            let character = characters[position]
            if character == "\"" {
              if position + 1 < characters.count, characters[position + 1] == "\"" {
                field.text.append("\"")
                advance()
                advance()
                continue
              }
              advance()
              closed = true
              break
            }
            // Line breaks inside quotes read as "\n" whatever the file uses.
            field.text.append(character.isNewline ? "\n" : character)
            advance()
          }
          if !closed {
            problems.append(
              Problem(
                message: "the quoted field that starts here has no closing quote",
                line: openLine, column: openColumn))
            return (records, problems)
          }
          // Text between the closing quote and the delimiter is kept, but it is a mistake.
          if position < characters.count, characters[position] != delimiter,
            !characters[position].isNewline
          {
            problems.append(
              Problem(
                message: "unexpected text after the closing quote; double a quote inside a "
                  + "quoted field (\"\")", line: line, column: column))
            while position < characters.count, characters[position] != delimiter,
              !characters[position].isNewline
            {
              field.text.append(characters[position])
              advance()
            }
          }
        } else {
          while position < characters.count, characters[position] != delimiter,
            !characters[position].isNewline
          {
            field.text.append(characters[position])
            advance()
          }
        }
        record.fields.append(field)
        if position < characters.count, characters[position] == delimiter {
          advance()
        } else {
          endOfRecord = true
          if position < characters.count { advance() }
        }
      }
      records.append(record)
    }
    return (records, problems)
  }

  /// One line of output: fields quoted when they hold the delimiter, a quote, a line break, or
  /// start with the comment character or a space.
  public func line(_ fields: [String], ending: String = "\n") -> String {
    fields.map(quoted).joined(separator: String(delimiter)) + ending
  }

  /// A field as RFC 4180 writes it.
  public func quoted(_ field: String) -> String {
    let needsQuotes =
      field.contains(delimiter) || field.contains("\"") || field.contains(where: \.isNewline)
      || (commentCharacter.map { field.first == $0 } ?? false) || field.first == " "
      || field.last == " "
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
