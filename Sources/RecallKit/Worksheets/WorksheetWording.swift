/// The words every format prints around the deck's text: section titles and instructions.
public enum WorksheetWording {
  public static func sectionTitle(_ kind: Question.Kind) -> String {
    switch kind {
    case .truefalse: "True or false"
    case .choice: "Multiple choice"
    case .cloze: "Fill in the blanks"
    case .match: "Matching"
    case .order: "Putting in order"
    case .numeric: "Numbers"
    case .short: "Short answers"
    }
  }

  public static func instructions(_ kind: Question.Kind) -> String {
    switch kind {
    case .truefalse: "Tick True or False for each statement."
    case .choice: "Tick the one correct answer to each question."
    case .cloze: "Write the missing word or words on each blank."
    case .match:
      "On the line beside each numbered item, write the letter of the entry it matches."
    case .order: "Number the items 1, 2, 3… in the order each question asks for."
    case .numeric: "Answer each question with a number."
    case .short: "Write a short answer on the line below each question."
    }
  }

  /// "4 questions, 2 points each" or "1 question".
  public static func sectionSummary(
    _ section: WorksheetSection, points: WorksheetPoints?
  ) -> String {
    let count = section.items.count
    var text = count == 1 ? "1 question" : "\(count) questions"
    if let points {
      let value = points.value(for: section.kind)
      text += ", \(pointsText(value))" + (count == 1 ? "" : " each")
    }
    return text
  }

  /// "1 point", "2 points", "0.5 points".
  public static func pointsText(_ value: Double) -> String {
    "\(WorksheetPoints.format(value)) point\(value == 1 ? "" : "s")"
  }

  /// "20 questions · 24 points" for the header.
  public static func sheetSummary(_ worksheet: Worksheet, version: WorksheetVersion) -> String {
    let count = version.items.count
    var text = count == 1 ? "1 question" : "\(count) questions"
    if let total = worksheet.totalPoints { text += " · total \(pointsText(total))" }
    return text
  }
}

/// A cloze prompt split around its blank, so each format can draw the blank its own way.
public struct ClozePrompt: Hashable, Sendable {
  public var before: String
  public var after: String

  public init(before: String, after: String) {
    self.before = before
    self.after = after
  }

  /// Finds the generator's blank: a run of three or more underscores, or `[…]` / `[...]`.
  /// Nil when the prompt has no blank; the sheet then prints an answer line instead.
  public init?(_ prompt: String) {
    let characters = Array(prompt)
    var index = 0
    while index < characters.count {
      if characters[index] == "_" {
        var end = index
        while end < characters.count, characters[end] == "_" { end += 1 }
        if end - index >= 3 {
          before = String(characters[..<index])
          after = String(characters[end...])
          return
        }
        index = end
        continue
      }
      for marker in ["[…]", "[...]"] {
        let markerCharacters = Array(marker)
        if characters.count - index >= markerCharacters.count,
          Array(characters[index..<(index + markerCharacters.count)]) == markerCharacters
        {
          before = String(characters[..<index])
          after = String(characters[(index + markerCharacters.count)...])
          return
        }
      }
      index += 1
    }
    return nil
  }
}
