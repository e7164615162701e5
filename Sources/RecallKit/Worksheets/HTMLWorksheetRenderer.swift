/// One self-contained HTML file: inline CSS, no scripts, nothing fetched. Prints on A4 and US
/// Letter alike (margins only, no fixed page size), never splits a question across pages, and
/// starts each version and each key on a new page. All deck text is escaped.
public struct HTMLWorksheetRenderer: WorksheetRenderer {
  public init() {}

  public func render(_ worksheet: Worksheet, parts: [WorksheetPart]) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="\(Self.escape(worksheet.language))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape(documentTitle(worksheet, parts: parts)))</title>
      <style>
      \(Self.style)
      </style>
      </head>
      <body>

      """
    for part in parts {
      switch part {
      case .sheet(let index): html += sheet(worksheet, version: worksheet.versions[index])
      case .key(let index): html += key(worksheet, version: worksheet.versions[index])
      }
    }
    html += "</body>\n</html>\n"
    return html
  }

  private func documentTitle(_ worksheet: Worksheet, parts: [WorksheetPart]) -> String {
    let letters = parts.map { part -> String in
      switch part {
      case .sheet(let index), .key(let index): worksheet.versions[index].letter
      }
    }
    var unique: [String] = []
    for letter in letters where !unique.contains(letter) { unique.append(letter) }
    let isKeyOnly = parts.allSatisfy { if case .key = $0 { true } else { false } }
    let noun = unique.count == 1 ? "Version" : "Versions"
    return (isKeyOnly ? "Answer key · " : "") + worksheet.title + " · \(noun) "
      + unique.joined(separator: ", ")
  }

  // MARK: - Sheet

  private func sheet(_ worksheet: Worksheet, version: WorksheetVersion) -> String {
    var html = """
      <section class="page sheet">
      <header>
      <p class="running">\(Self.escape(worksheet.title)) · Version \(version.letter)</p>
      <h1>\(Self.escape(worksheet.title))</h1>
      <p class="meta">\(worksheet.deckTitleBelowHeading.map { Self.escape($0) + " · " } ?? "")\
      <strong>Version \(version.letter)</strong> · \(WorksheetWording.sheetSummary(worksheet, version: version))</p>
      <div class="fields"><span class="field name">Name <span class="fill"></span></span>\
      <span class="field">Class <span class="fill"></span></span>\
      <span class="field">Date <span class="fill"></span></span></div>
      </header>

      """
    for (index, section) in version.sections.enumerated() {
      html += """
        <section class="part">
        <h2>Part \(index + 1) · \(WorksheetWording.sectionTitle(section.kind)) \
        <span class="count">(\(WorksheetWording.sectionSummary(section, points: worksheet.points)))\
        </span></h2>
        <p class="instructions">\(Self.escape(WorksheetWording.instructions(section.kind)))</p>

        """
      for item in section.items { html += question(item) }
      html += "</section>\n"
    }
    html += "</section>\n"
    return html
  }

  private func question(_ item: WorksheetItem) -> String {
    let question = item.question
    var body = ""
    if question.kind == .cloze, let cloze = ClozePrompt(question.prompt) {
      body +=
        "<p class=\"prompt\">\(Self.escape(cloze.before))<span class=\"blank\"></span>"
        + "\(Self.escape(cloze.after))</p>\n"
    } else {
      body += "<p class=\"prompt\">\(Self.escape(question.prompt))</p>\n"
    }
    switch question.kind {
    case .truefalse:
      body +=
        "<ul class=\"options inline\"><li><span class=\"box\"></span>True</li>"
        + "<li><span class=\"box\"></span>False</li></ul>\n"
    case .choice:
      body += "<ul class=\"options\">\n"
      for (index, option) in question.options.enumerated() {
        body +=
          "<li><span class=\"box\"></span><span class=\"label\">"
          + "\(WorksheetLabels.option(index)).</span> <span>\(Self.escape(option))</span></li>\n"
      }
      body += "</ul>\n"
    case .order:
      body += "<ul class=\"order\">\n"
      for option in question.options {
        body += "<li><span class=\"slot\"></span><span>\(Self.escape(option))</span></li>\n"
      }
      body += "</ul>\n"
    case .match:
      body += "<table class=\"match\">\n"
      for row in 0..<max(question.matchItems.count, question.options.count) {
        var cells = ""
        if row < question.matchItems.count {
          cells +=
            "<td class=\"write\"><span class=\"fill\"></span></td>"
            + "<td class=\"label\">\(row + 1).</td>"
            + "<td class=\"item\">\(Self.escape(question.matchItems[row]))</td>"
        } else {
          cells += "<td class=\"write\"></td><td class=\"label\"></td><td class=\"item\"></td>"
        }
        if row < question.options.count {
          cells +=
            "<td class=\"label\">\(WorksheetLabels.option(row)).</td>"
            + "<td class=\"target\">\(Self.escape(question.options[row]))</td>"
        } else {
          cells += "<td class=\"label\"></td><td class=\"target\"></td>"
        }
        body += "<tr>\(cells)</tr>\n"
      }
      body += "</table>\n"
    case .short:
      body += "<div class=\"line\"></div>\n"
    case .numeric:
      body += "<p class=\"answer\">Answer: <span class=\"fill\"></span></p>\n"
    case .cloze:
      if ClozePrompt(question.prompt) == nil { body += "<div class=\"line\"></div>\n" }
    }
    return """
      <div class="question"><span class="number">\(item.number).</span><div class="body">
      \(body)</div></div>

      """
  }

  // MARK: - Key

  private func key(_ worksheet: Worksheet, version: WorksheetVersion) -> String {
    var html = """
      <section class="page key">
      <header>
      <p class="running">Answer key · \(Self.escape(worksheet.title)) · Version \(version.letter)</p>
      <h1>Answer key · \(Self.escape(worksheet.title)) · Version \(version.letter)</h1>
      <p class="meta">Deck \(Self.escape(worksheet.deckID)) · seed \(worksheet.seed)</p>
      </header>
      <div class="entries">

      """
    for entry in version.key(points: worksheet.points) {
      var body =
        "<p class=\"answer\">\(answer(entry))</p>\n"
        + "<p class=\"marking\">\(Self.escape(entry.markingLine))</p>\n"
      switch entry.kind {
      case .order:
        body +=
          "<ol class=\"sequence\">"
          + entry.answerTexts.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ol>\n"
      case .match:
        body +=
          "<ul class=\"pairs\">"
          + entry.answerTexts.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>\n"
      case .short, .choice, .truefalse, .cloze, .numeric:
        break
      }
      if !entry.explanation.isEmpty {
        body += "<p class=\"explanation\">\(Self.escape(entry.explanation))</p>\n"
      }
      if let note = entry.note, !note.isEmpty {
        body += "<p class=\"note\">Note: \(Self.escape(note))</p>\n"
      }
      html += """
        <div class="entry"><span class="number">\(entry.number).</span><div class="body">
        \(body)</div></div>

        """
    }
    html += "</div>\n</section>\n"
    return html
  }

  private func answer(_ entry: WorksheetKeyEntry) -> String {
    switch entry.kind {
    case .choice:
      return "<strong>\(entry.code ?? "?").</strong> \(Self.escape(entry.answer))"
    case .order:
      return "Boxes from the top: <strong>\(entry.code ?? "")</strong>"
    case .match:
      return "<strong>\(entry.code ?? "")</strong>"
    case .short, .cloze, .numeric, .truefalse:
      var html = "<strong>\(Self.escape(entry.answer))</strong>"
      if !entry.alsoAccepted.isEmpty {
        html +=
          " <span class=\"also\">(also accepted: "
          + entry.alsoAccepted.map(Self.escape).joined(separator: "; ") + ")</span>"
      }
      return html
    }
  }

  // MARK: - Escaping and style

  /// Text safe in element content and in quoted attribute values; control characters are shown,
  /// not passed through.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in TextSanitizer.visible(text) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  static let style = """
    @page { margin: 18mm 15mm;
      @top-center { content: string(running); font: 9pt "DejaVu Serif", serif; color: #333; }
      @bottom-center { content: "Page " counter(page) " of " counter(pages);
        font: 9pt "DejaVu Serif", serif; color: #333; } }
    .running { string-set: running content(); height: 0; margin: 0; overflow: hidden;
      visibility: hidden; }
    * { box-sizing: border-box; }
    html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; color: #111;
      background: #fff; font: 11.5pt/1.45 Charter, "Bitstream Charter", Georgia,
      "DejaVu Serif", "Liberation Serif", serif; }
    h1 { font-size: 1.55em; line-height: 1.2; margin: 0 0 .25em; }
    h2 { font-size: 1.12em; margin: 1.5em 0 .2em; padding-bottom: .15em;
      border-bottom: 1px solid #888; break-after: avoid; page-break-after: avoid; }
    h2 .count { font-weight: normal; font-size: .9em; color: #333; }
    p { margin: 0; }
    .meta { color: #333; margin-bottom: 1.1em; }
    .fields { display: flex; gap: 1.5em; margin-bottom: .5em; }
    .field { display: flex; flex: 1; align-items: flex-end; gap: .4em; white-space: nowrap; }
    .field.name { flex: 2.2; }
    .fill { display: inline-block; flex: 1; min-width: 4em; height: 1.2em;
      border-bottom: 1px solid #000; }
    .instructions { font-style: italic; margin-bottom: .9em; break-after: avoid;
      page-break-after: avoid; }
    .question, .entry { display: flex; margin-bottom: 1em; break-inside: avoid;
      page-break-inside: avoid; }
    .number { flex: 0 0 2em; margin-right: .5em; text-align: right; font-weight: bold; }
    .body { flex: 1; min-width: 0; overflow-wrap: break-word; }
    .prompt { margin-bottom: .35em; }
    ul.options, ul.order, ul.pairs { list-style: none; margin: 0; padding: 0; }
    ul.options li, ul.order li { display: flex; align-items: baseline; gap: .45em;
      margin: .2em 0; }
    ul.options.inline li { display: inline-flex; margin-right: 2.5em; }
    .box { flex: none; display: inline-block; width: .85em; height: .85em;
      border: 1.3px solid #000; position: relative; top: .12em; }
    .label { flex: none; font-weight: bold; }
    .slot { flex: none; display: inline-block; width: 2.4em; height: 1.35em;
      border: 1.3px solid #000; position: relative; top: .3em; }
    .blank { display: inline-block; width: 9em; height: 1.1em; margin: 0 .2em;
      border-bottom: 1px solid #000; vertical-align: baseline; }
    .line { height: 2.1em; border-bottom: 1px solid #000; }
    .answer .fill { display: inline-block; width: 10em; flex: none; }
    table.match { border-collapse: collapse; width: 100%; }
    table.match td { vertical-align: top; padding: .25em .3em; }
    table.match td.write { width: 3.2em; padding-left: 0; }
    table.match td.write .fill { width: 100%; }
    table.match td.label { width: 1.8em; text-align: right; font-weight: bold; }
    table.match td.item { width: 38%; padding-right: 1.2em; }
    .key .entries { columns: 2; column-gap: 2.5em; }
    .key .answer { margin-bottom: .15em; }
    .key .marking { font-size: .9em; color: #333; margin-bottom: .15em; }
    .key .explanation { color: #222; }
    .key .note { color: #333; font-style: italic; }
    .key ol.sequence { margin: .1em 0 .2em 1.4em; padding: 0; }
    .key ul.pairs li { margin: .05em 0; }
    .also { color: #333; }
    .page + .page { break-before: page; page-break-before: always; }
    @media screen and (max-width: 40rem) { .key .entries { columns: 1; } }
    @media screen {
      .page + .page { margin-top: 3rem; padding-top: 2rem; border-top: 2px dashed #aaa; }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
    }
    """
}
