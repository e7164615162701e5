import Testing

@testable import RecallKit

/// What a printed test needs to survive a photocopier and a marker: marking ranges in the key,
/// sections by type and tag, pages that say what they are, and no type left out silently.
@Suite struct WorksheetSchoolTests {
  typealias F = WorksheetFixtures

  @Test func markingRangesFollowTheGradersOwnRule() {
    #expect(
      WorksheetMarking.guidance(for: .number(NumberValue(14))) == "accept exactly 14")
    #expect(
      WorksheetMarking.guidance(for: .number(NumberValue(from: 3000, to: 5000)))
        == "accept any number from 3,000 to 5,000")
    let about = NumberValue(3000, qualifier: .about)
    let range = about.acceptedRange
    #expect(
      WorksheetMarking.guidance(for: .number(about))
        == "accept any number from \(NumberValue.format(range.lowerBound)) to "
        + "\(NumberValue.format(range.upperBound))")
    #expect(
      WorksheetMarking.guidance(for: .date(HistoricalDate(.month(year: 1998, month: 7))))
        == "accept July 1998; the month and year are enough")
    let span = HistoricalDate(.month(year: 1998, month: 7), to: .month(year: 1999, month: 1))
    #expect(
      WorksheetMarking.guidance(for: .date(span))
        == "both ends needed: July 1998 and January 1999; the month and year are enough for each")
    #expect(
      WorksheetMarking.guidance(for: .number(NumberValue(100, qualifier: .over)))
        == "the bound is needed: “over 100”; a plain number from 100 to 120 is only partly right")
    #expect(WorksheetMarking.guidance(for: .text(["Mazhiq"])) == nil)
  }

  @Test func theKeyShowsPointsAndMarkingOnEveryEntry() throws {
    let selection = try F.selection(count: 12, seed: 5)
    let sheet = try Worksheet(
      title: "Quiz", deck: F.deck, selection: selection, versionCount: 1, seed: 5,
      points: WorksheetPoints([.numeric: 3]))
    let key = sheet.versions[0].key(points: sheet.points)
    let numeric = try #require(key.first { $0.kind == .numeric })
    #expect(numeric.markingLine == "3 points · accept any number from 3,000 to 5,000")
    let choice = try #require(key.first { $0.kind == .choice })
    #expect(choice.markingLine == "1 point")
    for format in WorksheetFormat.allCases {
      let text = format.renderer.render(sheet, parts: [.key(0)])
      #expect(text.contains("3 points · accept any number from 3,000 to 5,000"), "\(format)")
    }
  }

  @Test func sectionsAreParsed() throws {
    #expect(
      try WorksheetSectionRequest.parse("choice:5")
        == WorksheetSectionRequest(kinds: [.choice], count: 5))
    #expect(
      try WorksheetSectionRequest.parse(" short+cloze@people : 3")
        == WorksheetSectionRequest(kinds: [.short, .cloze], tag: "people", count: 3))
    #expect(
      try WorksheetSectionRequest.parse("any@places:2")
        == WorksheetSectionRequest(kinds: nil, tag: "places", count: 2))
    for bad in ["choice", "choice:0", "choice:x", "@places:2", "choice@:2", "essay:3", ":4"] {
      #expect(throws: WorksheetError.self, "\(bad)") { try WorksheetSectionRequest.parse(bad) }
    }
  }

  @Test func eachSectionGetsItsTypesTagAndCountWithoutRepeatingAFact() throws {
    let selector = WorksheetSelector(deck: F.deck)
    let parts = try selector.select(
      from: F.questions,
      sections: [
        WorksheetSectionRequest(kinds: [.choice], tag: "places", count: 1),
        WorksheetSectionRequest(kinds: [.short], tag: "places", count: 1),
        WorksheetSectionRequest(kinds: [.truefalse, .numeric], count: 5),
      ], seed: 3, allowSameFact: false)
    #expect(parts.map(\.questions.count) == [1, 0, 3])
    #expect(parts[0].questions[0].kind == .choice)
    // The only short question on a "places" fact is on Mazhiq, which the choice question
    // took: the section is short, and says why.
    #expect(parts[1].missingKinds == [.init(kind: .short, reason: .factsAlreadyUsed)])
    let subjects = parts.flatMap(\.questions).map { selector.subject(of: $0) }
    #expect(Set(subjects).count == subjects.count)
    let combined = WorksheetSelection(combining: parts)
    #expect(combined.requested == 7)
    #expect(combined.isShort)
  }

  @Test func aTypeNoQuestionCanFillIsReported() throws {
    let selection = try WorksheetSelector(deck: F.deck).select(
      from: F.questions.filter { $0.kind != .match },
      request: WorksheetRequest(count: 5, kinds: [.choice, .match], seed: 1))
    #expect(selection.missingKinds == [.init(kind: .match, reason: .noneOffered)])
  }

  @Test func textPagesKeepQuestionsWholeAndHeadingsWithTheirFirstQuestion() {
    var lines: [String] = ["Title", "=====", ""]
    for question in 1...12 {
      if question == 5 { lines += ["Part 2 · Numbers", "Answer each question.", ""] }
      lines += ["\(question). Question", "   [ ] A", "   [ ] B", ""]
    }
    let pages = TextLayout.pages(lines, length: 14)
    for page in pages {
      #expect(page.count <= 14)
      #expect(page.first?.isEmpty == false)
      #expect(page.last?.isEmpty == false)
    }
    // Question blocks are never cut, and "Part 2" starts the page its first question is on.
    for page in pages {
      for (index, line) in page.enumerated() where line.hasSuffix(". Question") {
        #expect(index + 2 < page.count)
      }
      if let part = page.firstIndex(of: "Part 2 · Numbers") {
        #expect(page.indices.contains(part + 3) && page[part + 3] == "5. Question")
      }
    }
    #expect(pages.flatMap { $0 }.filter { $0.hasSuffix(". Question") }.count == 12)
  }

  @Test func htmlPagesCarryTheVersionAndPageNumbers() throws {
    let sheet = try Worksheet(
      title: "Quiz", deck: F.deck, selection: try F.selection(count: 12, seed: 5),
      versionCount: 2, seed: 5)
    let html = HTMLWorksheetRenderer().render(sheet, parts: [.sheet(1), .key(1)])
    #expect(html.contains("counter(page) \" of \" counter(pages)"))
    #expect(html.contains("<p class=\"running\">Quiz · Version B</p>"))
    #expect(html.contains("<p class=\"running\">Answer key · Quiz · Version B</p>"))
  }
}
