import Foundation

extension ClassReport {
  /// The report for a terminal or a text file: the class, the students, the hardest facts, and
  /// every fact's statistics. Deck text is made visible (no control characters) by the caller's
  /// sanitiser; this only lays it out.
  public func text(width: Int = 80, visible: (String) -> String = { $0 }) -> String {
    var lines: [String] = []
    lines.append(visible(deckTitle))
    let onText = onDate.map { " · on \(Self.day($0)): \(Self.percent(knownOnDate))" } ?? ""
    lines.append(
      "class report · \(students.count) \(students.count == 1 ? "student" : "students") · "
        + "\(cardCount) cards · known now: \(Self.percent(knownNow))" + onText)
    for skip in skipped {
      lines.append("skipped \(visible(skip.name)): \(visible(skip.reason))")
    }
    lines.append("")
    lines.append("Students")
    let nameWidth = min(24, max(7, students.map { visible($0.name).count }.max() ?? 7))
    var header =
      "  " + "student".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      + "  studied  reviews  accuracy  known now  missed  days  flagged"
    if onDate != nil { header += "  on date" }
    lines.append(header)
    for student in students {
      var row =
        "  "
        + Self.cut(visible(student.name), nameWidth)
        .padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        + Self.right(String(student.cardsStudied), 9) + Self.right(String(student.reviews), 9)
        + Self.right(Self.percent(student.accuracy), 10)
        + Self.right(Self.percent(student.knownNow), 11)
        + Self.right(String(student.missedNow), 8) + Self.right(String(student.daysActive), 6)
        + Self.right(String(student.flagged), 9)
      if onDate != nil { row += Self.right(Self.percent(student.knownOnDate), 9) }
      lines.append(row)
    }
    if !flags.isEmpty {
      lines.append("")
      lines.append("Flagged by students (check these questions first)")
      var lastCard: String?
      for flag in flags {
        if flag.cardID != lastCard {
          lines.append(
            "  " + Self.cut(visible(flag.text), max(20, width - 2)) + " (\(visible(flag.cardID)))")
          lastCard = flag.cardID
        }
        let note = flag.note.map { ": \"\(visible($0))\"" } ?? " (no note)"
        lines.append("    · \(visible(flag.student)) on \(Self.day(flag.at))" + note)
      }
    }
    if !hardest.isEmpty {
      lines.append("")
      lines.append("Hardest facts")
      for (number, hard) in hardest.enumerated() {
        let fact = hard.fact
        lines.append(
          "\(number + 1). \(visible(fact.id)) — latest \(Self.percent(fact.latestAccuracy)), "
            + "first try \(Self.percent(fact.firstTryAccuracy)), \(fact.lapses) "
            + "\(fact.lapses == 1 ? "lapse" : "lapses"), \(fact.studied) studied")
        if !fact.text.isEmpty {
          lines.append("   " + Self.cut(visible(fact.text), max(20, width - 3)))
        }
        for card in hard.cards {
          lines.append(
            "   · \(Self.percent(card.firstTryAccuracy)) first try: "
              + Self.cut(visible(card.text), max(20, width - 20)))
          if !card.wrongAnswers.isEmpty {
            lines.append(
              "     wrong answers: "
                + card.wrongAnswers.map { "\"\(visible($0.answer))\" ×\($0.count)" }
                .joined(separator: ", "))
          }
        }
      }
    }
    lines.append("")
    lines.append("Facts")
    var factHeader =
      "  first  latest  lapses  facility  discr.  recall now"
    if onDate != nil { factHeader += "  on date" }
    lines.append(factHeader + "  studied  fact")
    for fact in facts {
      var row =
        Self.right(Self.percent(fact.firstTryAccuracy), 7)
        + Self.right(Self.percent(fact.latestAccuracy), 8) + Self.right(String(fact.lapses), 8)
        + Self.right(Self.index(fact.facility), 10) + Self.right(Self.index(fact.discrimination), 8)
        + Self.right(Self.percent(fact.recallNow), 12)
      if onDate != nil { row += Self.right(Self.percent(fact.recallOnDate), 9) }
      row += Self.right(String(fact.studied), 9) + "  " + visible(fact.id)
      lines.append(row)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func right(_ text: String, _ width: Int) -> String {
    text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
  }

  static func cut(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(1, width - 1))) + "…"
  }
}
