import Foundation

extension ClassReport {
  /// A self-contained HTML page (inline CSS and SVG, no script, no external file) with the
  /// class's retention curve, a bar per fact, the students and the hardest facts.
  public func html() -> String {
    func text(_ value: String) -> String { HTMLText.escape(value) }
    var page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(text(deckTitle)) — class report</title>
      <style>
      body { font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 72em; }
      h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
      table { border-collapse: collapse; } th, td { padding: 0.2em 0.6em; text-align: right; }
      th { border-bottom: 1px solid #888; } td.name, th.name { text-align: left; }
      tr:nth-child(even) td { background: #f4f4f4; }
      .summary { font-size: 1.1em; } .skipped { color: #a40; }
      .wrong { color: #a40; } .muted { color: #666; }
      svg text { font-size: 11px; fill: #333; }
      </style>
      </head>
      <body>
      <h1>\(text(deckTitle))</h1>

      """
    let onText = onDate.map { " · known on \(Self.day($0)): <b>\(Self.percent(knownOnDate))</b>" }
    page +=
      "<p class=\"summary\">Class report for \(Self.day(now)) · \(students.count) "
      + "\(students.count == 1 ? "student" : "students") · \(cardCount) cards · "
      + "known now: <b>\(Self.percent(knownNow))</b>\(onText ?? "")</p>\n"
    if !skipped.isEmpty {
      page += "<ul class=\"skipped\">\n"
      for skip in skipped {
        page += "<li>skipped <b>\(text(skip.name))</b>: \(text(skip.reason))</li>\n"
      }
      page += "</ul>\n"
    }
    page += "<h2>Retention over time</h2>\n" + retentionChart()
    page += "<h2>Students</h2>\n" + studentTable()
    if !flags.isEmpty {
      page += "<h2>Flagged by students</h2>\n" + flagList()
    }
    if !hardest.isEmpty { page += "<h2>Hardest facts</h2>\n" + hardestList() }
    page += "<h2>Facts</h2>\n" + factChart() + factTable()
    page += "</body>\n</html>\n"
    return page
  }

  private func retentionChart() -> String {
    let (width, height, left, bottom) = (640.0, 200.0, 40.0, 24.0)
    let plotWidth = width - left - 10
    let plotHeight = height - bottom - 10
    var svg =
      "<svg class=\"retention\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" "
      + "height=\"\(Int(height))\" role=\"img\" aria-label=\"predicted share of the deck known\">\n"
    for tick in stride(from: 0, through: 100, by: 25) {
      let y = 10 + plotHeight * (1 - Double(tick) / 100)
      svg +=
        "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
        + "<text x=\"\(left - 4)\" y=\"\(y + 4)\" text-anchor=\"end\">\(tick)%</text>\n"
    }
    let count = max(1, retention.count - 1)
    let points = retention.enumerated().map { index, point in
      let x = left + plotWidth * Double(index) / Double(count)
      let y = 10 + plotHeight * (1 - min(1, max(0, point.known)))
      return String(format: "%.1f,%.1f", x, y)
    }
    svg +=
      "<polyline fill=\"none\" stroke=\"#2a6\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>\n"
    if let first = retention.first, let last = retention.last {
      svg +=
        "<text x=\"\(left)\" y=\"\(height - 6)\">\(Self.day(first.date))</text>"
        + "<text x=\"\(width - 10)\" y=\"\(height - 6)\" text-anchor=\"end\">"
        + "\(Self.day(last.date))</text>\n"
    }
    return svg + "</svg>\n"
  }

  private func factChart() -> String {
    let rowHeight = 16.0
    let labelWidth = 220.0
    let barWidth = 360.0
    let studied = facts.filter { $0.studied > 0 }
    let unstudied = facts.count - studied.count
    let note =
      unstudied == 0
      ? ""
      : "<p class=\"muted\">\(unstudied) of \(facts.count) facts not yet studied by anyone.</p>\n"
    guard !studied.isEmpty else { return note }
    let height = rowHeight * Double(studied.count) + 24
    var svg =
      "<svg class=\"facts\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + barWidth + 60))\" "
      + "height=\"\(Int(height))\" role=\"img\" aria-label=\"latest accuracy and predicted recall per fact\">\n"
      + "<text x=\"\(labelWidth)\" y=\"12\">bar: latest accuracy · tick: predicted recall now</text>\n"
    for (index, fact) in studied.enumerated() {
      let y = 20 + rowHeight * Double(index)
      let label = HTMLText.escape(Self.cut(fact.id, 34))
      svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 11)\" text-anchor=\"end\">\(label)</text>"
      let accuracy = fact.latestAccuracy ?? 0
      let colour = fact.latestAccuracy == nil ? "#ccc" : (accuracy < 0.6 ? "#c53" : "#48a")
      svg +=
        String(
          format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"12\" ",
          labelWidth, y, barWidth * accuracy) + "fill=\"\(colour)\"/>"
      let tick = labelWidth + barWidth * min(1, max(0, fact.recallNow))
      svg += String(
        format:
          "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#222\" stroke-width=\"2\"/>",
        tick, y - 1, tick, y + 13)
      svg +=
        "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 11)\">"
        + "\(Self.percent(fact.latestAccuracy))</text>\n"
    }
    return svg + "</svg>\n" + note
  }

  private func studentTable() -> String {
    var html =
      "<table class=\"students\">\n<tr><th class=\"name\">student</th><th>cards studied</th>"
      + "<th>reviews</th><th>accuracy</th><th>known now</th>"
      + (onDate == nil ? "" : "<th>known on \(Self.day(onDate ?? now))</th>")
      + "<th>missed now</th><th>days active</th><th>flagged</th></tr>\n"
    for student in students {
      let bar = String(
        format: "<svg width=\"60\" height=\"10\"><rect width=\"%.1f\" height=\"10\" fill=\"#2a6\"/>"
          + "<rect width=\"60\" height=\"10\" fill=\"none\" stroke=\"#999\"/></svg>",
        60 * student.knownNow)
      html +=
        "<tr><td class=\"name\">\(HTMLText.escape(student.name))</td>"
        + "<td>\(student.cardsStudied)</td><td>\(student.reviews)</td>"
        + "<td>\(Self.percent(student.accuracy))</td>"
        + "<td>\(bar) \(Self.percent(student.knownNow))</td>"
        + (onDate == nil ? "" : "<td>\(Self.percent(student.knownOnDate))</td>")
        + "<td>\(student.missedNow)</td><td>\(student.daysActive)</td>"
        + "<td>\(student.flagged)</td></tr>\n"
    }
    return html + "</table>\n"
  }

  /// Flagged cards, each card once with every student's note under it.
  private func flagList() -> String {
    var html = "<ul class=\"flags\">\n"
    var lastCard: String?
    for flag in flags {
      if flag.cardID != lastCard {
        if lastCard != nil { html += "</ul></li>\n" }
        html +=
          "<li><b>\(HTMLText.escape(flag.text))</b> "
          + "<span class=\"muted\">\(HTMLText.escape(flag.cardID))</span>\n<ul>\n"
        lastCard = flag.cardID
      }
      html +=
        "<li>\(HTMLText.escape(flag.student)) on \(Self.day(flag.at))"
        + (flag.note.map { ": “\(HTMLText.escape($0))”" } ?? " (no note)") + "</li>\n"
    }
    if lastCard != nil { html += "</ul></li>\n" }
    return html + "</ul>\n"
  }

  private func hardestList() -> String {
    var html = "<ol class=\"hardest\">\n"
    for hard in hardest {
      let fact = hard.fact
      html +=
        "<li><b>\(HTMLText.escape(fact.id))</b> — latest \(Self.percent(fact.latestAccuracy)), "
        + "first try \(Self.percent(fact.firstTryAccuracy)), \(fact.lapses) "
        + "\(fact.lapses == 1 ? "lapse" : "lapses")"
        + "<br><span class=\"muted\">\(HTMLText.escape(fact.text))</span>\n<ul>\n"
      for card in hard.cards {
        html +=
          "<li>\(Self.percent(card.firstTryAccuracy)) first try: "
          + "\(HTMLText.escape(card.text))"
        if !card.wrongAnswers.isEmpty {
          html +=
            "<br><span class=\"wrong\">wrong answers: "
            + card.wrongAnswers.map { "“\(HTMLText.escape($0.answer))” ×\($0.count)" }
            .joined(separator: ", ") + "</span>"
        }
        html += "</li>\n"
      }
      html += "</ul></li>\n"
    }
    return html + "</ol>\n"
  }

  private func factTable() -> String {
    var html =
      "<table class=\"fact-table\">\n<tr><th class=\"name\">fact</th><th>studied</th>"
      + "<th>first try</th><th>latest</th><th>lapses</th><th>facility</th>"
      + "<th>discrimination</th><th>recall now</th>"
      + (onDate == nil ? "" : "<th>recall on \(Self.day(onDate ?? now))</th>") + "</tr>\n"
    for fact in facts {
      html +=
        "<tr><td class=\"name\">\(HTMLText.escape(fact.id))</td><td>\(fact.studied)</td>"
        + "<td>\(Self.percent(fact.firstTryAccuracy))</td>"
        + "<td>\(Self.percent(fact.latestAccuracy))</td><td>\(fact.lapses)</td>"
        + "<td>\(Self.index(fact.facility))</td><td>\(Self.index(fact.discrimination))</td>"
        + "<td>\(Self.percent(fact.recallNow))</td>"
        + (onDate == nil ? "" : "<td>\(Self.percent(fact.recallOnDate))</td>") + "</tr>\n"
    }
    return html + "</table>\n"
  }
}
