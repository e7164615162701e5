import Foundation

/// Reads Moodle GIFT files into cards.
///
/// Questions are separated by blank lines; `//` lines are comments; `::title::` names a question
/// (and becomes its card id); `$CATEGORY:` sets a tag for the questions after it; `\~ \= \# \{ \}
/// \: \n \\` are escapes. Short answer, multiple choice, true/false, numeric and missing-word
/// questions become cards; a matching question becomes one short card per pair, with a warning;
/// essays and descriptions have no answer to check and are skipped with a warning.
struct GIFTImporter {
  /// One character of a question, with whether it was escaped and where it is in the file.
  struct Symbol {
    var character: Character
    var escaped: Bool
    var offset: Int

    func isSpecial(_ special: Character) -> Bool { !escaped && character == special }
  }

  typealias Symbols = ArraySlice<Symbol>

  func read(_ text: String, into items: inout ImportedItems) {
    let positions = TextPositions(text)
    // One reader owns the items for the whole file, so adding a card never copies the others.
    var reader = QuestionReader(positions: positions, items: items, category: nil)
    items = ImportedItems(path: items.path)
    for block in Self.blocks(positions.characters) {
      reader.read(block)
    }
    items = reader.items
  }

  /// Questions as runs of non-blank lines, comment lines removed, escapes resolved.
  static func blocks(_ characters: [Character]) -> [[Symbol]] {
    var blocks: [[Symbol]] = []
    var current: [Symbol] = []
    var lineStart = 0
    while lineStart < characters.count {
      var lineEnd = lineStart
      while lineEnd < characters.count, !characters[lineEnd].isNewline { lineEnd += 1 }
      let line = characters[lineStart..<lineEnd]
      let content = line.drop { $0 == " " || $0 == "\t" }
      if content.isEmpty {
        if !current.isEmpty { blocks.append(current) }
        current = []
      } else if !(content.starts(with: ["/", "/"])) {
        // A question's lines are one paragraph, as Moodle shows them (`\n` is a line break):
        // one space where the lines meet.
        if !current.isEmpty {
          while let last = current.last, !last.escaped,
            last.character == " " || last.character == "\t"
          {
            current.removeLast()
          }
          current.append(Symbol(character: " ", escaped: false, offset: lineStart - 1))
          current.append(contentsOf: unescape(content, startingAt: lineStart))
        } else {
          current.append(contentsOf: unescape(line, startingAt: lineStart))
        }
      }
      lineStart = lineEnd + 1
    }
    if !current.isEmpty { blocks.append(current) }
    return blocks
  }

  static func unescape(_ line: ArraySlice<Character>, startingAt start: Int) -> [Symbol] {
    var symbols: [Symbol] = []
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if character == "\\", index + 1 < line.endIndex {
        let next = line[index + 1]
        if "\\:#={}~".contains(next) {
          symbols.append(Symbol(character: next, escaped: true, offset: index))
          index += 2
          continue
        }
        if next == "n" {
          symbols.append(Symbol(character: "\n", escaped: true, offset: index))
          index += 2
          continue
        }
      }
      symbols.append(Symbol(character: character, escaped: false, offset: index))
      index += 1
    }
    return symbols
  }
}

/// Reads one GIFT question into `items`.
private struct QuestionReader {
  typealias Symbol = GIFTImporter.Symbol
  typealias Symbols = GIFTImporter.Symbols

  let positions: TextPositions
  var items: ImportedItems
  var category: String?
  private var isHTML = false

  init(positions: TextPositions, items: ImportedItems, category: String?) {
    self.positions = positions
    self.items = items
    self.category = category
  }

  func location(_ offset: Int) -> SourceLocation {
    let (line, column) = positions.lineAndColumn(ofOffset: offset)
    return items.location(line, column)
  }

  mutating func error(_ message: String, at offset: Int) {
    items.diagnostics.append(.error(message, at: location(offset)))
  }

  mutating func warning(_ message: String, at offset: Int) {
    items.diagnostics.append(.warning(message, at: location(offset)))
  }

  /// Question text, options and feedback: HTML when the question's format is HTML.
  func text(_ symbols: Symbols) -> String {
    let raw = String(symbols.map(\.character))
    return isHTML ? HTMLText.toText(raw) : raw.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Short answers and the right side of matching pairs, which Moodle keeps as plain text.
  func plainText(_ symbols: Symbols) -> String {
    String(symbols.map(\.character)).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func trimmed(_ symbols: Symbols) -> Symbols {
    var result = symbols
    while let first = result.first, first.character.isWhitespace { result = result.dropFirst() }
    while let last = result.last, last.character.isWhitespace { result = result.dropLast() }
    return result
  }

  mutating func read(_ block: [Symbol]) {
    var symbols = trimmed(block[...])
    guard let start = symbols.first?.offset else { return }
    let plain = String(symbols.prefix(10).map(\.character))
    if plain.hasPrefix("$CATEGORY:") {
      let names = Self.categoryNames(text(symbols.dropFirst(10)))
      let tag = ItemIdentifiers.slug(names.last ?? "", limit: 40)
      category = tag.isEmpty ? nil : tag
      return
    }
    var title: String?
    if plain.hasPrefix("::") {
      symbols = symbols.dropFirst(2)
      guard let close = firstSpecialPair(":", in: symbols) else {
        error("the question title that starts here has no closing '::'", at: start)
        return
      }
      title = plainText(symbols[..<close])
      symbols = trimmed(symbols[(close + 2)...])
    }
    stripFormat(&symbols)
    let open = symbols.firstIndex { $0.isSpecial("{") }
    let close = symbols.firstIndex { $0.isSpecial("}") }
    guard let open, let close, open < close else {
      if let close, open.map({ close < $0 }) ?? true {
        error("'}' has no matching '{' before it", at: symbols[close].offset)
      } else if let open {
        error("'{' has no matching '}'", at: symbols[open].offset)
      } else {
        warning("this question has no answer in { }; descriptions are skipped", at: start)
      }
      return
    }
    if let nested = symbols[(open + 1)..<close].first(where: { $0.isSpecial("{") }) {
      error(
        "'{' inside an answer block; close the first one, or escape a literal brace as \\{",
        at: nested.offset)
      return
    }
    let rest = symbols[(close + 1)...]
    if let extra = rest.first(where: { $0.isSpecial("{") || $0.isSpecial("}") }) {
      error(
        "a question has one answer block; escape a literal brace as \\{ or \\}",
        at: extra.offset)
      return
    }
    let before = symbols[..<open]
    let after = trimmed(rest)
    var answer = trimmed(symbols[(open + 1)..<close])
    var explanation: String?
    if let feedback = lastGeneralFeedback(in: answer) {
      explanation = nonEmpty(text(answer[(feedback + 4)...]))
      answer = trimmed(answer[..<feedback])
    }
    let question = ParsedQuestion(
      before: text(before), after: text(after), title: title, tags: category.map { [$0] } ?? [],
      explanation: explanation, start: start, brace: symbols[open].offset)
    readAnswer(answer, question)
  }

  /// A `$CATEGORY:` path's names as Moodle splits it: at single `/` (`//` is a slash in a
  /// name), without the context (`$course$`, `$system$`…) and the bank's `top`.
  static func categoryNames(_ path: String) -> [String] {
    var names: [String] = []
    var current = ""
    var characters = Array(path)[...]
    while let character = characters.popFirst() {
      if character == "/" {
        if characters.first == "/" {
          characters.removeFirst()
          current.append("/")
        } else {
          names.append(current)
          current = ""
        }
      } else {
        current.append(character)
      }
    }
    names.append(current)
    let trimmed = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let withoutContext =
      trimmed.first.map { $0.hasPrefix("$") && $0.hasSuffix("$") } == true
      ? Array(trimmed.dropFirst()) : trimmed
    return withoutContext.first == "top" ? Array(withoutContext.dropFirst()) : withoutContext
  }

  struct ParsedQuestion {
    var before: String
    var after: String
    var title: String?
    var tags: [String]
    var explanation: String?
    var start: Int
    var brace: Int

    var isMissingWord: Bool { !after.isEmpty }
    var prompt: String {
      isMissingWord ? joinBlank(before, after) : before
    }

    func joinBlank(_ left: String, _ right: String) -> String {
      let gapBefore = left.isEmpty || left.hasSuffix(" ") ? "" : " "
      let gapAfter = right.first.map { $0.isPunctuation || $0 == " " } ?? true ? "" : " "
      return left + gapBefore + "_____" + gapAfter + right
    }
  }

  private mutating func readAnswer(_ answer: Symbols, _ question: ParsedQuestion) {
    let location = self.location(question.start)
    guard let first = answer.first else {
      warning("an essay question has no answer to check; skipped", at: question.brace)
      return
    }
    if first.isSpecial("#") {
      readNumeric(answer.dropFirst(), question)
      return
    }
    if answer.contains(where: { $0.isSpecial("~") }) {
      readChoice(answer, question)
      return
    }
    let raw = String(answer.map(\.character))
    if answer.contains(where: { $0.isSpecial("=") }), raw.contains("->") {
      readMatching(answer, question)
      return
    }
    let beforeFeedback = answer.firstIndex { $0.isSpecial("#") }.map { answer[..<$0] } ?? answer
    let word = String(trimmed(beforeFeedback).map(\.character))
    if ["T", "TRUE", "F", "FALSE"].contains(word) {
      let feedback = split(answer, on: "#").dropFirst()
      let right = feedback.count > 1 ? nonEmpty(text(feedback[feedback.startIndex + 1])) : nil
      items.addTrueFalse(
        prompt: question.prompt, truth: word.hasPrefix("T"), id: nil, name: question.title,
        tags: question.tags, explanation: question.explanation ?? right,
        at: location)
      return
    }
    // Short answer: `=a =b`, or a bare `a`.
    var answers: [String] = []
    var feedbackText: String?
    for item in split(answer, on: "=") {
      var body = trimmed(item)
      if body.isEmpty { continue }
      if let weight = readWeight(&body), weight < 100 {
        warning(
          "partial credit (\(weight)%) is not supported; '\(text(withoutFeedback(body)))' is not "
            + "accepted", at: item.first?.offset ?? question.brace)
        continue
      }
      if feedbackText == nil, let hash = body.firstIndex(where: { $0.isSpecial("#") }) {
        feedbackText = nonEmpty(text(body[(hash + 1)...]))
      }
      answers.append(plainText(withoutFeedback(body)))
    }
    let explanation = question.explanation ?? feedbackText
    guard !answers.isEmpty else {
      error("this short-answer question has no right answer", at: question.brace)
      return
    }
    if question.isMissingWord, let key = answers.first {
      items.addCloze(
        before: question.before + (question.before.isEmpty ? "" : " "), key: key,
        after: (question.after.first?.isPunctuation ?? true ? "" : " ") + question.after,
        alternatives: Array(answers.dropFirst()), id: nil, name: question.title,
        tags: question.tags,
        explanation: explanation, at: location)
    } else {
      items.addShort(
        prompt: question.prompt, answers: answers, id: nil, name: question.title,
        tags: question.tags,
        explanation: explanation, at: location)
    }
  }

  private mutating func readChoice(_ answer: Symbols, _ question: ParsedQuestion) {
    var right: [String] = []
    var wrong: [String] = []
    var rightFeedback: String?
    var index = answer.startIndex
    // Items start at an unescaped `=` (right) or `~` (wrong).
    var starts: [Int] = []
    while index < answer.endIndex {
      if answer[index].isSpecial("=") || answer[index].isSpecial("~") { starts.append(index) }
      index += 1
    }
    if let first = starts.first, !trimmed(answer[..<first]).isEmpty {
      error(
        "text before the first option; start each option with = (right) or ~ (wrong)",
        at: answer.first?.offset ?? question.brace)
      return
    }
    for (position, start) in starts.enumerated() {
      let end = position + 1 < starts.count ? starts[position + 1] : answer.endIndex
      var body = trimmed(answer[(start + 1)..<end])
      let isRight = answer[start].character == "="
      let weight = readWeight(&body)
      let option = text(withoutFeedback(body))
      if option.isEmpty {
        error("an empty option", at: answer[start].offset)
        return
      }
      if isRight || weight == 100 {
        right.append(option)
        if let hash = body.firstIndex(where: { $0.isSpecial("#") }) {
          rightFeedback = nonEmpty(text(body[(hash + 1)...]))
        }
      } else if let weight, weight > 0 {
        warning(
          "partial credit (\(weight)%) is not supported; '\(option)' is left out",
          at: answer[start].offset)
      } else {
        wrong.append(option)
      }
    }
    guard right.count == 1, let correct = right.first else {
      if right.isEmpty {
        error(
          "this multiple-choice question has no right answer; mark it with = (or ~%100%)",
          at: question.brace)
      } else {
        error(
          "this multiple-choice question has \(right.count) right answers; a Recall choice card "
            + "has one", at: question.brace)
      }
      return
    }
    guard !wrong.isEmpty else {
      error("this multiple-choice question has no wrong answer (~)", at: question.brace)
      return
    }
    items.addChoice(
      prompt: question.prompt, answer: correct, distractors: wrong, id: nil,
      name: question.title, tags: question.tags, explanation: question.explanation ?? rightFeedback,
      at: location(question.start))
  }

  private mutating func readNumeric(_ answer: Symbols, _ question: ParsedQuestion) {
    // Wrong-answer feedback after `~` is not needed.
    let body = answer.firstIndex { $0.isSpecial("~") }.map { answer[..<$0] } ?? answer
    var candidates: [Symbols] = []
    if body.contains(where: { $0.isSpecial("=") }) {
      candidates = split(body, on: "=").map(trimmed).filter { !$0.isEmpty }
    } else {
      candidates = [trimmed(body)]
    }
    for var candidate in candidates {
      if let weight = readWeight(&candidate), weight < 100 { continue }
      let feedback = candidate.firstIndex { $0.isSpecial("#") }.map {
        nonEmpty(text(candidate[($0 + 1)...]))
      }
      let spec = String(withoutFeedback(candidate).map(\.character))
        .trimmingCharacters(in: .whitespaces)
      let offset = candidate.first?.offset ?? question.brace
      guard let value = Self.numericValue(spec) else {
        error(
          "'\(spec)' is not a numeric answer; write {#5}, {#5:0.5} (value:tolerance) or "
            + "{#4..6} (range)", at: offset)
        return
      }
      items.addNumber(
        prompt: question.prompt, value: value, id: nil, name: question.title,
        tags: question.tags,
        explanation: question.explanation ?? (feedback ?? nil), at: location(question.start))
      return
    }
    error("this numeric question has no full-credit answer", at: question.brace)
  }

  /// `5`, `5:1` (value and tolerance) or `4..6` (range), as the span Moodle accepts. A span
  /// that is Recall's own ±10 % around its middle reads back as "about" that figure, so a
  /// re-import of Recall's export keeps the card as it was.
  static func numericValue(_ spec: String) -> NumberValue? {
    if let range = spec.range(of: ".."), range.lowerBound != spec.startIndex {
      guard let low = Double(spec[..<range.lowerBound].trimmingCharacters(in: .whitespaces)),
        let high = Double(spec[range.upperBound...].trimmingCharacters(in: .whitespaces)),
        low.isFinite, high.isFinite, low <= high
      else { return nil }
      return span(low, high)
    }
    let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count),
      let center = Double(parts[0].trimmingCharacters(in: .whitespaces)), center.isFinite
    else { return nil }
    let tolerance = parts.count == 2 ? Double(parts[1].trimmingCharacters(in: .whitespaces)) : 0
    guard let tolerance, tolerance.isFinite, tolerance >= 0 else { return nil }
    return span(center - tolerance, center + tolerance)
  }

  /// The figure accepting exactly `low…high`.
  static func span(_ low: Double, _ high: Double) -> NumberValue {
    guard low < high else { return NumberValue(low) }
    let middle = (low + high) / 2
    let about = NumberValue(middle, qualifier: .about)
    if middle > 0, about.acceptedRange == low...high { return about }
    return NumberValue(from: low, to: high)
  }

  private mutating func readMatching(_ answer: Symbols, _ question: ParsedQuestion) {
    var pairs: [(String, String, Int)] = []
    for item in split(answer, on: "=") {
      let body = trimmed(item)
      if body.isEmpty { continue }
      let raw = String(body.map(\.character))
      guard let arrow = raw.range(of: "->") else {
        error("a matching pair is written 'left -> right'", at: body.first?.offset ?? 0)
        return
      }
      let left = raw.distance(from: raw.startIndex, to: arrow.lowerBound)
      let leftText = text(body.prefix(left))
      let rightText = plainText(body.dropFirst(left + 2))
      if leftText.isEmpty { continue }  // an extra right-hand answer, a distractor in Moodle
      pairs.append((leftText, rightText, body.first?.offset ?? 0))
    }
    var stem = question.prompt
    while let last = stem.last, ".:".contains(last) { stem.removeLast() }
    warning(
      "Recall cards cannot show a matching question; each of its \(pairs.count) pairs becomes "
        + "a short card", at: question.brace)
    for (number, pair) in pairs.enumerated() {
      let (left, right, _) = pair
      let prompt = stem.isEmpty ? left : "\(stem): \(left)"
      let fallback = (question.title ?? stem) + " \(number + 1)"
      items.addShort(
        prompt: prompt, answers: [right], id: nil, name: fallback, tags: question.tags,
        explanation: question.explanation, at: location(question.start))
    }
  }

  // MARK: Helpers

  private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

  /// Moodle's `[html]`, `[moodle]`, `[plain]` or `[markdown]` before the question text.
  private mutating func stripFormat(_ symbols: inout Symbols) {
    let head = String(symbols.prefix(10).map(\.character)).lowercased()
    for format in ["[html]", "[moodle]", "[plain]", "[markdown]"] where head.hasPrefix(format) {
      symbols = trimmed(symbols.dropFirst(format.count))
      isHTML = format == "[html]"
      return
    }
    isHTML = HTMLText.looksLikeHTML(String(symbols.map(\.character)))
  }

  private func firstSpecialPair(_ character: Character, in symbols: Symbols) -> Int? {
    var index = symbols.startIndex
    while index + 1 < symbols.endIndex {
      if symbols[index].isSpecial(character), symbols[index + 1].isSpecial(character) {
        return index
      }
      index += 1
    }
    return nil
  }

  private func lastGeneralFeedback(in symbols: Symbols) -> Int? {
    var index = symbols.endIndex - 4
    while index >= symbols.startIndex {
      if symbols[index..<(index + 4)].allSatisfy({ $0.isSpecial("#") }) { return index }
      index -= 1
    }
    return nil
  }

  private func split(_ symbols: Symbols, on separator: Character) -> [Symbols] {
    var parts: [Symbols] = []
    var start = symbols.startIndex
    for index in symbols.indices where symbols[index].isSpecial(separator) {
      parts.append(symbols[start..<index])
      start = index + 1
    }
    parts.append(symbols[start..<symbols.endIndex])
    return parts
  }

  private func withoutFeedback(_ symbols: Symbols) -> Symbols {
    symbols.firstIndex { $0.isSpecial("#") }.map { symbols[..<$0] } ?? symbols
  }

  /// Reads and removes a `%50%` weight.
  private func readWeight(_ symbols: inout Symbols) -> Int? {
    guard symbols.first?.character == "%" else { return nil }
    let rest = symbols.dropFirst()
    guard let close = rest.firstIndex(where: { $0.character == "%" }) else { return nil }
    let digits = String(rest[..<close].map(\.character))
    guard let number = Double(digits) else { return nil }
    symbols = trimmed(rest[(close + 1)...])
    // GIFT weights run from -100 to 100; `%nan%` or `%1e30%` would not fit an Int.
    guard number.isFinite else { return 0 }
    return Int(min(max(number, -100), 100).rounded())
  }
}
