/// Plain text for terminals and line printers: 80 columns, `[ ]` boxes, underscores for lines,
/// pages of `pageLength` lines that end in a footer (title, version, "page N of M") and a form
/// feed, so a printed sheet or key that comes apart can be put together again.
public struct TextWorksheetRenderer: WorksheetRenderer {
  public var width: Int
  /// Lines of questions on a page, before the footer's two lines: 60 + 2 fits the 66 lines of
  /// a line printer's page and an A4 or Letter page at 10 or 11 points.
  public var pageLength: Int

  public init(width: Int = 80, pageLength: Int = 60) {
    self.width = max(40, width)
    self.pageLength = max(10, pageLength)
  }

  public func render(_ worksheet: Worksheet, parts: [WorksheetPart]) -> String {
    parts.flatMap { part -> [String] in
      let lines: [String]
      let lead: String
      let version: WorksheetVersion
      switch part {
      case .sheet(let index):
        version = worksheet.versions[index]
        lines = sheet(worksheet, version: version)
        lead = ""
      case .key(let index):
        version = worksheet.versions[index]
        lines = key(worksheet, version: version)
        lead = "Answer key · "
      }
      let pages = TextLayout.pages(lines.map { $0.trailingSpacesRemoved }, length: pageLength)
      return pages.enumerated().map { number, page in
        let tail = " · Version \(version.letter) · page \(number + 1) of \(pages.count)"
        var title = clean(worksheet.title)
        let room = max(8, width - lead.count - tail.count)
        if title.count > room { title = String(title.prefix(room - 1)) + "…" }
        return (page + ["", lead + title + tail]).joined(separator: "\n") + "\n"
      }
    }.joined(separator: "\u{0C}\n")
  }

  // MARK: - Sheet

  private func sheet(_ worksheet: Worksheet, version: WorksheetVersion) -> [String] {
    var lines = heading(clean(worksheet.title))
    if let deckTitle = worksheet.deckTitleBelowHeading {
      lines += TextLayout.wrap(clean(deckTitle), width: width)
    }
    lines += TextLayout.wrap(
      "Version \(version.letter) · " + WorksheetWording.sheetSummary(worksheet, version: version),
      width: width)
    lines.append("")
    lines.append(nameLine())
    let numberWidth = String(version.items.last?.number ?? 1).count
    for (index, section) in version.sections.enumerated() {
      lines.append("")
      lines += TextLayout.wrap(
        "Part \(index + 1) · \(WorksheetWording.sectionTitle(section.kind)) ("
          + WorksheetWording.sectionSummary(section, points: worksheet.points) + ")",
        width: width)
      lines += TextLayout.wrap(WorksheetWording.instructions(section.kind), width: width)
      for item in section.items {
        lines.append("")
        lines += question(item, numberWidth: numberWidth)
      }
    }
    return lines
  }

  private func heading(_ title: String) -> [String] {
    let wrapped = TextLayout.wrap(title, width: width)
    let rule = String(repeating: "=", count: wrapped.map(\.count).max() ?? 0)
    return wrapped + [rule]
  }

  private func nameLine() -> String {
    let date = "  Date: " + String(repeating: "_", count: 14)
    let classField = "  Class: " + String(repeating: "_", count: 12)
    let nameRoom = max(10, width - 1 - "Name: ".count - classField.count - date.count)
    return "Name: " + String(repeating: "_", count: nameRoom) + classField + date
  }

  private func numberPrefix(_ number: Int, width numberWidth: Int) -> String {
    let text = String(number)
    return String(repeating: " ", count: max(0, numberWidth - text.count)) + text + ". "
  }

  private func question(_ item: WorksheetItem, numberWidth: Int) -> [String] {
    let question = item.question
    let first = numberPrefix(item.number, width: numberWidth)
    let indent = String(repeating: " ", count: first.count)
    let room = width - indent.count
    var lines: [String] = []
    switch question.kind {
    case .cloze:
      if let cloze = ClozePrompt(question.prompt) {
        let blank = String(repeating: "_", count: 18)
        let text = clean(cloze.before) + blank + clean(cloze.after)
        lines += TextLayout.wrap(text, width: width, first: first, rest: indent)
      } else {
        lines += TextLayout.wrap(clean(question.prompt), width: width, first: first, rest: indent)
        lines.append(indent + String(repeating: "_", count: room - 1))
      }
    default:
      lines += TextLayout.wrap(clean(question.prompt), width: width, first: first, rest: indent)
    }
    switch question.kind {
    case .truefalse:
      lines.append(indent + "[ ] True    [ ] False")
    case .choice:
      for (index, option) in question.options.enumerated() {
        let label = "[ ] \(WorksheetLabels.option(index)). "
        lines += TextLayout.wrap(
          clean(option), width: width, first: indent + label,
          rest: indent + String(repeating: " ", count: label.count))
      }
    case .order:
      for option in question.options {
        lines += TextLayout.wrap(
          clean(option), width: width, first: indent + "[   ] ", rest: indent + "      ")
      }
    case .match:
      lines += matchColumns(question, indent: indent)
    case .short:
      lines.append("")
      lines.append(indent + String(repeating: "_", count: room - 1))
    case .numeric:
      lines.append(indent + "Answer: " + String(repeating: "_", count: 20))
    case .cloze:
      break
    }
    return lines
  }

  /// The items on the left with a line for the letter, the lettered entries on the right.
  private func matchColumns(_ question: Question, indent: String) -> [String] {
    let room = width - indent.count
    let gap = 3
    let numberWidth = String(question.matchItems.count).count
    let leftPrefixWidth = "___ ".count + numberWidth + 2
    let longestLeft = (question.matchItems.map { clean($0).count }.max() ?? 0) + leftPrefixWidth
    let leftWidth = min(longestLeft, (room - gap) * 2 / 5)
    let rightWidth = room - gap - leftWidth
    var lines: [String] = []
    for row in 0..<max(question.matchItems.count, question.options.count) {
      var left: [String] = []
      if row < question.matchItems.count {
        let number = String(row + 1)
        let prefix =
          "___ " + String(repeating: " ", count: numberWidth - number.count) + number + ". "
        left = TextLayout.wrap(
          clean(question.matchItems[row]), width: leftWidth, first: prefix,
          rest: String(repeating: " ", count: prefix.count))
      }
      var right: [String] = []
      if row < question.options.count {
        let prefix = WorksheetLabels.option(row) + ". "
        right = TextLayout.wrap(
          clean(question.options[row]), width: rightWidth, first: prefix,
          rest: String(repeating: " ", count: prefix.count))
      }
      for line in 0..<max(left.count, right.count) {
        let leftText = line < left.count ? left[line] : ""
        let rightText = line < right.count ? right[line] : ""
        lines.append(
          indent + TextLayout.pad(leftText, to: leftWidth + gap) + rightText)
      }
    }
    return lines
  }

  // MARK: - Key

  private func key(_ worksheet: Worksheet, version: WorksheetVersion) -> [String] {
    var lines = heading("Answer key · \(clean(worksheet.title)) · Version \(version.letter)")
    lines += TextLayout.wrap(
      "Deck \(clean(worksheet.deckID)) · seed \(worksheet.seed)", width: width)
    let numberWidth = String(version.items.last?.number ?? 1).count
    for entry in version.key(points: worksheet.points) {
      lines.append("")
      let first = numberPrefix(entry.number, width: numberWidth)
      let indent = String(repeating: " ", count: first.count)
      lines += TextLayout.wrap(answerLine(entry), width: width, first: first, rest: indent)
      lines += TextLayout.wrap(
        "[" + entry.markingLine + "]", width: width, first: indent, rest: indent + " ")
      switch entry.kind {
      case .order:
        for (position, text) in entry.answerTexts.enumerated() {
          let label = "\(position + 1). "
          lines += TextLayout.wrap(
            clean(text), width: width, first: indent + label,
            rest: indent + String(repeating: " ", count: label.count))
        }
      case .match:
        for text in entry.answerTexts {
          lines += TextLayout.wrap(
            clean(text), width: width, first: indent + "- ", rest: indent + "  ")
        }
      case .short, .choice, .truefalse, .cloze, .numeric:
        break
      }
      if !entry.explanation.isEmpty {
        lines += TextLayout.wrap(
          clean(entry.explanation), width: width, first: indent, rest: indent)
      }
      if let note = entry.note, !note.isEmpty {
        lines += TextLayout.wrap(
          "Note: " + clean(note), width: width, first: indent, rest: indent + "      ")
      }
    }
    return lines
  }

  private func answerLine(_ entry: WorksheetKeyEntry) -> String {
    switch entry.kind {
    case .choice:
      return "\(entry.code ?? "?"). \(clean(entry.answer))"
    case .order:
      return "Boxes from the top: \(entry.code ?? "")"
    case .match:
      return "\(entry.code ?? "")"
    case .short, .cloze, .numeric, .truefalse:
      var text = clean(entry.answer)
      if !entry.alsoAccepted.isEmpty {
        text += " (also accepted: \(entry.alsoAccepted.map(clean).joined(separator: "; ")))"
      }
      return text
    }
  }

  /// Deck text on one line, with any control character made visible.
  private func clean(_ text: String) -> String {
    TextSanitizer.visible(text).split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
