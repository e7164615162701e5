/// Markdown that renders cleanly on GitHub, GitLab and CommonMark viewers: task-list boxes for
/// options, a table for matching and for the key, and every piece of deck text escaped so it
/// cannot turn into markup (or raw HTML).
public struct MarkdownWorksheetRenderer: WorksheetRenderer {
  public init() {}

  public func render(_ worksheet: Worksheet, parts: [WorksheetPart]) -> String {
    parts.map { part -> String in
      let blocks: [String]
      switch part {
      case .sheet(let index): blocks = sheet(worksheet, version: worksheet.versions[index])
      case .key(let index): blocks = key(worksheet, version: worksheet.versions[index])
      }
      return blocks.joined(separator: "\n\n") + "\n"
    }.joined(separator: "\n---\n\n")
  }

  // MARK: - Sheet

  private func sheet(_ worksheet: Worksheet, version: WorksheetVersion) -> [String] {
    var blocks = [
      "# \(Self.escape(worksheet.title))",
      (worksheet.deckTitleBelowHeading.map { "**\(Self.escape($0))** · " } ?? "")
        + "**Version \(version.letter)** · "
        + WorksheetWording.sheetSummary(worksheet, version: version),
      "Name: \(Self.blank(24)) Class: \(Self.blank(10)) Date: \(Self.blank(12))",
    ]
    for (index, section) in version.sections.enumerated() {
      blocks.append(
        "## Part \(index + 1) · \(WorksheetWording.sectionTitle(section.kind))")
      blocks.append(
        "*\(WorksheetWording.instructions(section.kind))* ("
          + WorksheetWording.sectionSummary(section, points: worksheet.points) + ")")
      for item in section.items { blocks += question(item) }
    }
    return blocks
  }

  private func question(_ item: WorksheetItem) -> [String] {
    let question = item.question
    let number = "**\(item.number).**"
    switch question.kind {
    case .cloze:
      if let cloze = ClozePrompt(question.prompt) {
        return [
          "\(number) \(Self.escape(cloze.before))\(Self.blank(14))\(Self.escape(cloze.after))"
        ]
      }
      return ["\(number) \(Self.escape(question.prompt))", "Answer: \(Self.blank(30))"]
    case .truefalse:
      return ["\(number) \(Self.escape(question.prompt))", "- [ ] True\n- [ ] False"]
    case .choice:
      let options = question.options.enumerated().map { index, option in
        "- [ ] \(WorksheetLabels.option(index)). \(Self.escape(option))"
      }
      return ["\(number) \(Self.escape(question.prompt))", options.joined(separator: "\n")]
    case .order:
      let options = question.options.map { "- \(Self.blank(4)) \(Self.escape($0))" }
      return ["\(number) \(Self.escape(question.prompt))", options.joined(separator: "\n")]
    case .match:
      var rows = ["| Letter | Item | | Match with |", "|:---:|---|:---:|---|"]
      for row in 0..<max(question.matchItems.count, question.options.count) {
        let hasItem = row < question.matchItems.count
        let hasOption = row < question.options.count
        let cells = [
          hasItem ? Self.blank(4) : "",
          hasItem ? "\(row + 1). \(Self.escape(question.matchItems[row]))" : "",
          hasOption ? "**\(WorksheetLabels.option(row))**" : "",
          hasOption ? Self.escape(question.options[row]) : "",
        ]
        rows.append("| " + cells.joined(separator: " | ") + " |")
      }
      return ["\(number) \(Self.escape(question.prompt))", rows.joined(separator: "\n")]
    case .short, .numeric:
      return ["\(number) \(Self.escape(question.prompt))", "Answer: \(Self.blank(30))"]
    }
  }

  // MARK: - Key

  private func key(_ worksheet: Worksheet, version: WorksheetVersion) -> [String] {
    var rows = [
      "| No. | Answer | Points and marking | Explanation |", "|---:|---|---|---|",
    ]
    for entry in version.key(points: worksheet.points) {
      var explanation = Self.escape(entry.explanation)
      if let note = entry.note, !note.isEmpty {
        explanation += (explanation.isEmpty ? "" : " ") + "*Note:* " + Self.escape(note)
      }
      rows.append(
        "| \(entry.number) | \(answerCell(entry)) | \(Self.escape(entry.markingLine)) "
          + "| \(explanation) |")
    }
    return [
      "# Answer key · \(Self.escape(worksheet.title)) · Version \(version.letter)",
      "Deck \(Self.escape(worksheet.deckID)) · seed \(worksheet.seed)",
      rows.joined(separator: "\n"),
    ]
  }

  private func answerCell(_ entry: WorksheetKeyEntry) -> String {
    switch entry.kind {
    case .choice:
      return "**\(entry.code ?? "?").** \(Self.escape(entry.answer))"
    case .order:
      let sequence = entry.answerTexts.enumerated().map { "\($0 + 1). \(Self.escape($1))" }
      return "**\(entry.code ?? "")** (in order: \(sequence.joined(separator: "; ")))"
    case .match:
      return
        "**\(entry.code ?? "")** (\(entry.answerTexts.map(Self.escape).joined(separator: "; ")))"
    case .short, .cloze, .numeric, .truefalse:
      var text = "**\(Self.escape(entry.answer))**"
      if !entry.alsoAccepted.isEmpty {
        text += " (also accepted: \(entry.alsoAccepted.map(Self.escape).joined(separator: "; ")))"
      }
      return text
    }
  }

  // MARK: - Escaping

  /// Deck text made inert: every character Markdown (or GitHub's extensions) could read as
  /// syntax is backslash-escaped, `&` cannot start an entity, `<` cannot start HTML, and line
  /// breaks become spaces so text stays inside its paragraph or table cell.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in TextSanitizer.visible(text) {
      switch character {
      case "\n", "\r", "\r\n", "\t":
        if !result.hasSuffix(" ") { result.append(" ") }
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "$":
        result.append("\\")
        result.append(character)
      default:
        result.append(character)
      }
    }
    // Should the text ever begin a line, it must not read as a list item or a heading rule.
    if let first = result.first, "-+=".contains(first) {
      result.insert("\\", at: result.startIndex)
    } else if let dot = result.firstIndex(where: { $0 == "." || $0 == ")" }),
      dot != result.startIndex, result[..<dot].allSatisfy({ $0.isASCII && $0.isNumber })
    {
      result.insert("\\", at: dot)
    }
    return result
  }

  /// An answer line made of escaped underscores, so it can never become emphasis or a rule.
  static func blank(_ length: Int) -> String {
    String(repeating: "\\_", count: length)
  }
}
