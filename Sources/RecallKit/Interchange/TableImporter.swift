import Foundation

/// Reads question–answer tables: CSV, TSV, Anki's text export and Quizlet's export.
struct TableImporter {
  var options: ImportOptions

  /// Column names that say which column holds what, in CSV/TSV header rows and Anki `#columns:`.
  static let questionNames = ["question", "front", "prompt", "term", "text"]
  static let answerNames = ["answer", "back", "definition", "answers"]
  static let otherNames = ["id", "tags", "explanation", "type", "options", "fact", "notes"]

  func read(_ text: String, into items: inout ImportedItems) {
    switch options.format {
    case .quizlet: readQuizlet(text, into: &items)
    case .anki: readAnki(text, into: &items)
    case .csv: readPlain(text, delimiter: ",", into: &items)
    default: readPlain(text, delimiter: "\t", into: &items)
    }
  }

  // MARK: CSV and TSV

  private func readPlain(_ text: String, delimiter: Character, into items: inout ImportedItems) {
    let (records, problems) = DelimitedText(delimiter: delimiter).records(in: text)
    for problem in problems {
      items.error(problem.message, line: problem.line, column: problem.column)
    }
    let rows = records.filter { !Self.isBlank($0) }
    guard let first = rows.first else { return }
    let names = first.texts.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    let known = Self.questionNames + Self.answerNames + Self.otherNames
    let hasHeader =
      names.allSatisfy { known.contains($0) } && names.contains(where: Self.questionNames.contains)
    var layout = ColumnLayout(count: first.fields.count)
    if hasHeader {
      layout.assign(names: names)
    } else if first.fields.count > 2 {
      items.warning(
        "only the first two columns are imported (question, answer); name the columns in a "
          + "header row (question,answer,tags,explanation,id) to import more", line: first.line,
        column: 1)
    }
    for row in rows.dropFirst(hasHeader ? 1 : 0) {
      guard checkCount(row, expected: layout.count, into: &items) else { continue }
      importRow(row, layout: layout, html: false, into: &items)
    }
  }

  // MARK: Anki

  private func readAnki(_ text: String, into items: inout ImportedItems) {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    let header = AnkiTextHeader(lines: lines)
    let body = lines.dropFirst(header.lineCount).joined(separator: "\n")
    let delimiter = header.separator ?? AnkiTextHeader.guessSeparator(in: body)
    let (records, problems) = DelimitedText(delimiter: delimiter, commentCharacter: "#")
      .records(in: body, firstLine: header.lineCount + 1)
    for problem in problems {
      items.error(problem.message, line: problem.line, column: problem.column)
    }
    let rows = records.filter { !Self.isBlank($0) }
    guard let first = rows.first else { return }
    let columnNames = header.columnsText.flatMap { value in
      DelimitedText(delimiter: delimiter).records(in: value).0.first?.texts
    }
    let count = columnNames?.count ?? first.fields.count
    var layout = ColumnLayout(count: count)
    layout.guid = header.guidColumn.map { $0 - 1 }
    layout.tags = header.tagsColumn.map { $0 - 1 }
    layout.deck = header.deckColumn.map { $0 - 1 }
    layout.notetype = header.notetypeColumn.map { $0 - 1 }
    if let columnNames {
      layout.assign(names: columnNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }
    layout.fillQuestionAndAnswer()
    layout.globalTags = header.tags
    layout.notetypeName = header.notetype
    let html = header.html ?? rows.contains { $0.texts.contains(where: HTMLText.looksLikeHTML) }
    if let deck = header.deck {
      items.suggestedTitle = AnkiTextHeader.lastComponent(ofDeck: deck)
    } else if let column = layout.deck {
      let names = Set(
        rows.compactMap { $0.fields.indices.contains(column) ? $0.texts[column] : nil })
      if names.count == 1, let name = names.first, !name.isEmpty {
        items.suggestedTitle = AnkiTextHeader.lastComponent(ofDeck: name)
      }
    }
    for row in rows {
      guard checkCount(row, expected: count, into: &items) else { continue }
      importRow(row, layout: layout, html: html, into: &items)
    }
  }

  // MARK: Quizlet

  private func readQuizlet(_ text: String, into items: inout ImportedItems) {
    let positions = TextPositions(text)
    let characters = positions.characters
    let rowSeparator = Array(options.rowSeparator)
    let termSeparator = Array(options.termSeparator)
    guard !rowSeparator.isEmpty, !termSeparator.isEmpty else { return }
    let newlineRows = options.rowSeparator == "\n"

    var rowStart = 0
    var index = 0
    var rows: [Range<Int>] = []
    while index <= characters.count {
      let atEnd = index == characters.count
      let separatorLength: Int
      if atEnd {
        separatorLength = 0
      } else if newlineRows, characters[index].isNewline {
        separatorLength = 1
      } else if !newlineRows, Self.matches(characters, at: index, rowSeparator) {
        separatorLength = rowSeparator.count
      } else {
        index += 1
        continue
      }
      rows.append(rowStart..<index)
      index += max(separatorLength, 1)
      rowStart = index
    }
    for range in rows {
      let row = String(characters[range])
      guard !row.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
      let (line, column) = positions.lineAndColumn(ofOffset: range.lowerBound)
      var split: Int?
      var cursor = range.lowerBound
      while cursor < range.upperBound {
        if Self.matches(characters, at: cursor, termSeparator),
          cursor + termSeparator.count <= range.upperBound
        {
          split = cursor
          break
        }
        cursor += 1
      }
      guard let split else {
        items.error(
          "this row has no term separator (\(Self.describe(options.termSeparator))); each row "
            + "needs a term and a definition", line: line, column: column)
        continue
      }
      let term = String(characters[range.lowerBound..<split])
      let definition = String(characters[(split + termSeparator.count)..<range.upperBound])
      let (prompt, answer) = options.swapColumns ? (definition, term) : (term, definition)
      items.addShort(
        prompt: prompt, answers: [answer], id: nil, tags: [], explanation: nil,
        at: items.location(line, column))
    }
  }

  // MARK: Rows

  private func checkCount(
    _ row: DelimitedText.Record, expected: Int, into items: inout ImportedItems
  ) -> Bool {
    guard row.fields.count != expected else { return true }
    let delimiterHint = row.fields.count == 1 ? " (is the separator right?)" : ""
    items.error(
      "this row has \(row.fields.count) column\(row.fields.count == 1 ? "" : "s"); the file "
        + "has \(expected)\(delimiterHint)", line: row.line, column: 1)
    return false
  }

  private func importRow(
    _ row: DelimitedText.Record, layout: ColumnLayout, html: Bool, into items: inout ImportedItems
  ) {
    func value(_ column: Int?) -> String? {
      guard let column, row.fields.indices.contains(column) else { return nil }
      let raw = Self.unneutralised(row.fields[column].text)
      return html ? HTMLText.toText(raw) : raw
    }
    func location(_ column: Int?) -> SourceLocation {
      guard let column, row.fields.indices.contains(column) else {
        return items.location(row.line, 1)
      }
      return items.location(row.fields[column].line, row.fields[column].column)
    }
    let rawID = layout.guid.flatMap { row.fields.indices.contains($0) ? row.texts[$0] : nil }
      .flatMap { $0.isEmpty ? nil : $0 }
    var tags = layout.globalTags
    if let tagText = value(layout.tags) {
      for tag in tagText.split(whereSeparator: { $0 == " " || $0 == "," })
      where !tags.contains(String(tag)) {
        tags.append(String(tag))
      }
    }
    var explanation = value(layout.explanation).flatMap {
      let trimmed = $0.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    }
    let question = value(layout.question) ?? ""
    let notetype = value(layout.notetype) ?? layout.notetypeName ?? ""
    if notetype.lowercased().contains("cloze") || AnkiCloze.contains(question) {
      AnkiCloze.importNote(
        question, id: rawID, tags: tags, explanation: explanation ?? value(layout.answer),
        at: location(layout.question), into: &items)
      return
    }
    var answer = value(layout.answer) ?? ""
    var prompt = question
    var promptColumn = layout.question
    var answerColumn = layout.answer
    if options.swapColumns {
      (prompt, answer) = (answer, prompt)
      (promptColumn, answerColumn) = (answerColumn, promptColumn)
    }
    let type = value(layout.type)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    if html, !layout.answersAreLists {
      // An HTML back field's lines after the first are a note, not part of the answer.
      let (first, note) = HTMLText.answerAndNote(answer)
      answer = first
      explanation = HTMLText.joined(explanation, note)
    }
    let answers = layout.answersAreLists ? Self.list(answer) : [answer]
    let at = location(promptColumn)
    switch type {
    case "choice":
      let options = Self.list(value(layout.options) ?? "")
      let right = answers.first ?? ""
      items.addChoice(
        prompt: prompt, answer: right, distractors: options.filter { $0 != right }, id: rawID,
        tags: tags, explanation: explanation, at: at)
    case "cloze":
      let blanked = GIFTExporter.normalizedBlank(prompt)
      if let blank = blanked.range(of: "_____"), let key = answers.first {
        items.addCloze(
          before: String(blanked[..<blank.lowerBound]), key: key,
          after: String(blanked[blank.upperBound...]), alternatives: Array(answers.dropFirst()),
          id: rawID, tags: tags, explanation: explanation, at: at)
      } else {
        items.addShort(
          prompt: prompt, answers: answers, id: rawID, tags: tags, explanation: explanation,
          at: at)
      }
    case "numeric":
      if let first = answers.first, let number = NumberValue.parse(first) {
        items.addNumber(
          prompt: prompt, value: number, id: rawID, tags: tags, explanation: explanation, at: at)
      } else {
        items.addShort(
          prompt: prompt, answers: answers, id: rawID, tags: tags, explanation: explanation,
          at: at)
      }
    case "order", "match":
      items.warning(
        "\(type) questions are generated from facts and cannot be written as cards; skipped",
        line: row.line, column: 1)
    default:
      items.addShort(
        prompt: prompt, answers: answers, id: rawID, tags: tags, explanation: explanation,
        at: at, answerLocation: location(answerColumn))
    }
  }

  static func isBlank(_ record: DelimitedText.Record) -> Bool {
    record.fields.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  /// Items of a list cell written as `a | b | c` (Recall's CSV export), where `\\|` is a `|`
  /// inside an item and `\\\\` a backslash; other backslashes are kept as they are.
  static func list(_ text: String) -> [String] {
    var items: [String] = []
    var current = ""
    var characters = text.makeIterator()
    while let character = characters.next() {
      if character == "\\" {
        guard let next = characters.next() else {
          current.append(character)
          break
        }
        if next == "|" || next == "\\" {
          current.append(next)
        } else {
          current.append(character)
          current.append(next)
        }
      } else if character == "|", current.hasSuffix(" ") {
        items.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    items.append(current)
    return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// A cell as Recall's CSV export wrote it: a `'` put before a formula character is dropped.
  static func unneutralised(_ cell: String) -> String {
    guard cell.first == "'", let second = cell.dropFirst().first,
      CSVExporter.formulaStarts.contains(second)
    else { return cell }
    return String(cell.dropFirst())
  }

  static func matches(_ characters: [Character], at index: Int, _ pattern: [Character]) -> Bool {
    guard index + pattern.count <= characters.count else { return false }
    for offset in pattern.indices where characters[index + offset] != pattern[offset] {
      return false
    }
    return true
  }

  static func describe(_ separator: String) -> String {
    switch separator {
    case "\t": "a tab"
    case "\n": "a new line"
    case ",": "a comma"
    case ";": "a semicolon"
    default: "'\(separator)'"
    }
  }
}

/// Which column of a table holds what (0-based).
struct ColumnLayout {
  var count: Int
  var question: Int?
  var answer: Int?
  var guid: Int?
  var tags: Int?
  var deck: Int?
  var notetype: Int?
  var explanation: Int?
  var type: Int?
  var options: Int?
  /// Whether the answer column holds `a | b` lists (Recall's own CSV, with its `answers` column).
  var answersAreLists = false
  var globalTags: [String] = []
  var notetypeName: String?

  init(count: Int) {
    self.count = count
    if count >= 1 { question = 0 }
    if count >= 2 { answer = 1 }
  }

  /// Assigns roles by column name; unnamed roles keep their defaults.
  mutating func assign(names: [String]) {
    func find(_ candidates: [String]) -> Int? {
      for candidate in candidates {
        if let index = names.firstIndex(of: candidate), !isMeta(index) { return index }
      }
      return nil
    }
    if let index = find(TableImporter.questionNames) { question = index }
    if let index = find(TableImporter.answerNames) {
      answer = index
      answersAreLists = names[index] == "answers"
    }
    if guid == nil, let index = names.firstIndex(of: "id") { guid = index }
    if tags == nil, let index = names.firstIndex(of: "tags") { tags = index }
    explanation = names.firstIndex(of: "explanation")
    type = names.firstIndex(of: "type")
    options = names.firstIndex(of: "options")
    if question == answer { answer = nil }
  }

  private func isMeta(_ index: Int) -> Bool {
    [guid, tags, deck, notetype].contains(index)
  }

  /// For Anki: the first two columns that are not GUID, tags, deck or notetype, where the
  /// names did not say.
  mutating func fillQuestionAndAnswer() {
    let fields = (0..<count).filter { !isMeta($0) }
    if question.map(isMeta) ?? true { question = fields.first }
    if answer.map(isMeta) ?? true || answer == question {
      answer = fields.first { $0 != question }
    }
  }
}

/// Line and column of character offsets in a text.
struct TextPositions {
  let characters: [Character]
  private var lineStarts: [Int] = [0]

  init(_ text: String) {
    var characters = Array(text)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    self.characters = characters
    for (offset, character) in characters.enumerated() where character.isNewline {
      lineStarts.append(offset + 1)
    }
  }

  func lineAndColumn(ofOffset offset: Int) -> (Int, Int) {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return (low + 1, offset - lineStarts[low] + 1)
  }
}
