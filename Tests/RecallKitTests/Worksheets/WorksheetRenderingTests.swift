import Foundation
import RecallKit
import RecallTestSupport
import Testing

@Suite struct WorksheetRenderingTests {
  typealias F = WorksheetFixtures

  private func worksheet(
    versions: Int = 2, seed: UInt64 = 5, deck: Deck = F.deck, questions: [Question] = F.questions,
    points: WorksheetPoints? = nil
  ) throws -> Worksheet {
    let selection = try WorksheetSelector(deck: deck).select(
      from: questions, request: WorksheetRequest(count: 20, seed: seed, allowSameFact: true))
    return try Worksheet(
      title: "Fixture quiz", deck: deck, selection: selection, versionCount: versions, seed: seed,
      points: points)
  }

  private static let allParts: [WorksheetPart] = [.sheet(0), .sheet(1), .key(0), .key(1)]

  // MARK: - Snapshots of the hand-made deck

  @Test(arguments: WorksheetFormat.allCases)
  func fixtureSnapshots(format: WorksheetFormat) throws {
    let sheet = try worksheet(points: WorksheetPoints([.match: 3, .short: 2]))
    let name = "fixture-two-versions-with-keys." + Self.fileExtension(format)
    expectSnapshot(format.renderer.render(sheet, parts: Self.allParts), named: "worksheets/\(name)")
  }

  static func fileExtension(_ format: WorksheetFormat) -> String {
    switch format {
    case .text: "txt"
    case .markdown: "md"
    case .html: "html"
    }
  }

  // MARK: - Text

  @Test func textFitsEightyColumnsAndStartsTheKeyOnANewPage() throws {
    var questions = F.questions
    questions[0].prompt = String(repeating: "A very long question prompt ", count: 8)
    questions[8].options[1] =
      "Supercalifragilisticexpialidocious" + String(repeating: "x", count: 90)
    let sheet = try worksheet(questions: questions)
    let text = TextWorksheetRenderer().render(sheet, parts: Self.allParts)
    for line in text.split(separator: "\n") {
      #expect(line.count <= 80, "too wide: \(line)")
    }
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    // Each sheet and key takes whole pages (of 60 lines), each ending in its footer.
    #expect(pages.count >= 4)
    let keyPage = pages.firstIndex { $0.contains("Answer key · Fixture quiz · Version A") }
    #expect(
      keyPage.map { pages[$0].drop(while: \.isNewline).hasPrefix("Answer key · Fixture quiz") }
        == true)
    for page in pages {
      let footer = page.split(separator: "\n").last ?? ""
      #expect(footer.contains("Fixture quiz · Version "), "\(footer)")
      #expect(footer.contains(" of "), "\(footer)")
    }
    #expect(pages[0].contains("[ ] True    [ ] False"))
    #expect(pages[0].contains("Name: ___"))
  }

  /// For every version, the key's answer for question n is the answer to the question printed
  /// as n, read back from the rendered text.
  @Test(arguments: [UInt64(5), 8, 13])
  func theRenderedKeyMatchesTheRenderedSheet(seed: UInt64) throws {
    let sheet = try worksheet(versions: 3, seed: seed)
    let renderer = TextWorksheetRenderer(width: 200)
    for (index, version) in sheet.versions.enumerated() {
      let sheetText = renderer.render(sheet, parts: [.sheet(index)])
      let keyText = renderer.render(sheet, parts: [.key(index)])
      let printed = Self.numberedBlocks(sheetText)
      let keyed = Self.numberedBlocks(keyText)
      #expect(printed.count == version.items.count)
      #expect(keyed.count == version.items.count)
      for item in version.items {
        let question = item.question
        let block = try #require(printed[item.number])
        let shownPrompt = ClozePrompt(question.prompt)?.before ?? question.prompt
        #expect(block.hasPrefix(shownPrompt.trimmingCharacters(in: .whitespaces)))
        if question.kind == .choice, case .choice(let right) = question.expected {
          // The option the key names is printed under that letter in this version.
          #expect(
            block.contains("[ ] \(WorksheetLabels.option(right)). \(question.options[right])"))
        }
        let answer = try #require(keyed[item.number]).lowercased()
        for text in question.answerTexts {
          #expect(answer.contains(text.lowercased()), "version \(version.letter) #\(item.number)")
        }
      }
    }
  }

  /// The text after "n. " up to the next numbered line, keyed by n. Only question numbers sit
  /// at the left margin; option, match and ordering lines are indented.
  private static func numberedBlocks(_ text: String) -> [Int: String] {
    var blocks: [Int: String] = [:]
    var current: Int?
    for line in text.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      let leading = line.count - trimmed.count
      if leading <= 1, let dot = trimmed.firstIndex(of: "."), let number = Int(trimmed[..<dot]),
        trimmed[dot...].hasPrefix(". ")
      {
        current = number
        blocks[number] = String(trimmed[trimmed.index(dot, offsetBy: 2)...])
      } else if let current {
        blocks[current, default: ""] += "\n" + line
      }
    }
    return blocks
  }

  // MARK: - Escaping

  private static let hostile =
    "<script>alert(\"x\")</script> & 'quotes' <img src=x onerror=alert(1)> *bold* [link](http://e.x) | pipe # `code` _u_ &amp;"

  private func hostileWorksheet() throws -> Worksheet {
    var deck = F.deck
    deck.title = Self.hostile
    var questions = F.questions
    for index in questions.indices {
      questions[index].prompt = Self.hostile + " " + questions[index].prompt
      questions[index].options = questions[index].options.map { Self.hostile + $0 }
      questions[index].matchItems = questions[index].matchItems.map { Self.hostile + $0 }
      questions[index].explanation = Self.hostile
    }
    questions[1].expected = .text([Self.hostile])
    deck.facts[4].note = Self.hostile
    var sheet = try worksheet(deck: deck, questions: questions)
    sheet.title = Self.hostile
    sheet.deckID = Self.hostile
    sheet.language = "en\"><script>alert(1)</script>"
    return sheet
  }

  @Test func htmlEscapesEveryPieceOfDeckText() throws {
    let html = HTMLWorksheetRenderer().render(try hostileWorksheet(), parts: Self.allParts)
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("'quotes'"))
    #expect(!html.contains("\"x\""))
    #expect(!html.contains("& "))
    #expect(
      html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
    #expect(html.contains("&amp;amp;"))
    #expect(html.contains("<html lang=\"en&quot;&gt;&lt;script&gt;"))
  }

  @Test func markdownEscapesEveryPieceOfDeckText() throws {
    let markdown = MarkdownWorksheetRenderer().render(try hostileWorksheet(), parts: Self.allParts)
    // No `<` opens raw HTML: each one from the deck is escaped.
    let unescapedAngles = markdown.indices.filter { index in
      markdown[index] == "<"
        && (index == markdown.startIndex || markdown[markdown.index(before: index)] != "\\")
    }
    #expect(unescapedAngles.isEmpty)
    #expect(markdown.contains("\\<script\\>alert(\"x\")\\</script\\> \\& 'quotes'"))
    #expect(
      markdown.contains("\\*bold\\* \\[link\\](http://e.x) \\| pipe \\# \\`code\\` \\_u\\_ \\&amp;")
    )
    // Every table row keeps its cell count: a pipe in deck text cannot add a column.
    for line in markdown.split(separator: "\n") where line.hasPrefix("|") {
      let unescapedPipes = line.indices.filter { index in
        line[index] == "|" && (index == line.startIndex || line[line.index(before: index)] != "\\")
      }
      #expect(unescapedPipes.count == 5 || unescapedPipes.count == 4, "\(line)")
    }
  }

  @Test func markdownEscapesLineStartsAndNewlines() {
    #expect(MarkdownWorksheetRenderer.escape("1998. A year") == "1998\\. A year")
    #expect(MarkdownWorksheetRenderer.escape("- not a list") == "\\- not a list")
    #expect(MarkdownWorksheetRenderer.escape("two\nlines\r\nhere") == "two lines here")
    #expect(MarkdownWorksheetRenderer.escape("Barë & Thaçi") == "Barë \\& Thaçi")
  }

  // MARK: - HTML print layout

  @Test func htmlIsSelfContainedAndPrintReady() throws {
    let html = HTMLWorksheetRenderer().render(try worksheet(), parts: Self.allParts)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("@page { margin:"))
    #expect(!html.contains("size: A4") && !html.contains("size: letter"))
    #expect(html.contains("break-inside: avoid"))
    #expect(html.contains(".page + .page { break-before: page;"))
    #expect(html.components(separatedBy: "<section class=\"page ").count - 1 == 4)
    #expect(html.components(separatedBy: "<div class=\"question\">").count - 1 == 24)
    // Nothing fetched, nothing run: no scripts, links, sources or imports.
    for marker in ["<script", "src=", "href=", "url(", "@import", "<link", "<iframe", "http"] {
      #expect(!html.contains(marker), "found \(marker)")
    }
  }

  @Test func pointsShowPerSectionAndInTotal() throws {
    let sheet = try worksheet(versions: 1, points: WorksheetPoints([.short: 2, .match: 3]))
    let text = TextWorksheetRenderer().render(sheet, parts: [.sheet(0)])
    // Four short answers at 2, one match at 3, seven others at 1.
    #expect(text.contains("12 questions · total 18 points"))
    #expect(text.contains("(4 questions, 2 points each)"))
    #expect(text.contains("(1 question, 3 points)"))
    let plain = TextWorksheetRenderer().render(try worksheet(versions: 1), parts: [.sheet(0)])
    #expect(!plain.contains("point"))
  }

  @Test func clozeBlanksAreFoundInTheGeneratorsMarkers() {
    #expect(ClozePrompt("It was in ____.") == ClozePrompt(before: "It was in ", after: "."))
    #expect(ClozePrompt("It was in […].")?.after == ".")
    #expect(ClozePrompt("It was in [...]")?.before == "It was in ")
    #expect(ClozePrompt("snake_case and __init__") == nil)
  }
}
