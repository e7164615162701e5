import RecallKit
import Testing

@Suite struct WorksheetVersionTests {
  typealias F = WorksheetFixtures

  private func worksheet(versions: Int, seed: UInt64 = 11) throws -> Worksheet {
    let selection = try WorksheetSelector(deck: F.deck).select(
      from: F.questions, request: WorksheetRequest(count: 20, seed: seed, allowSameFact: true))
    return try Worksheet(
      title: "Quiz", deck: F.deck, selection: selection, versionCount: versions, seed: seed)
  }

  @Test func versionsAreLetteredAndNumberedThroughout() throws {
    let sheet = try worksheet(versions: 3)
    #expect(sheet.versions.map(\.letter) == ["A", "B", "C"])
    for version in sheet.versions {
      #expect(version.items.map(\.number) == Array(1...F.questions.count))
    }
  }

  @Test(arguments: [UInt64(1), 11, 12345])
  func versionsHoldTheSameQuestionsInAnotherOrder(seed: UInt64) throws {
    let sheet = try worksheet(versions: 3, seed: seed)
    let first = sheet.versions[0]
    for version in sheet.versions.dropFirst() {
      #expect(version.sections.map(\.kind) == first.sections.map(\.kind))
      for (section, original) in zip(version.sections, first.sections) {
        #expect(Set(section.items.map(\.question.id)) == Set(original.items.map(\.question.id)))
      }
      #expect(version.items.map(\.question.id) != first.items.map(\.question.id))
    }
    #expect(
      sheet.versions[1].items.map(\.question.id) != sheet.versions[2].items.map(\.question.id))
  }

  @Test func laterVersionsShuffleTheOptions() throws {
    let sheet = try worksheet(versions: 2)
    let optionsA = Dictionary(
      uniqueKeysWithValues: sheet.versions[0].items.map { ($0.question.id, $0.question.options) })
    for item in sheet.versions[1].items
    where [.choice, .order, .match].contains(item.question.kind) {
      let original = try #require(optionsA[item.question.id])
      #expect(item.question.options != original, "\(item.question.id) kept its option order")
      #expect(item.question.options.sorted() == original.sorted())
    }
  }

  /// The key is right in every version: the same answers as version A, at the new positions.
  @Test(arguments: [UInt64(2), 3, 77])
  func theKeyFollowsTheShuffledOptions(seed: UInt64) throws {
    let sheet = try worksheet(versions: 4, seed: seed)
    let answersA = Dictionary(
      uniqueKeysWithValues: sheet.versions[0].items.map {
        ($0.question.id, $0.question.answerTexts)
      })
    for version in sheet.versions {
      for (item, entry) in zip(version.items, version.key) {
        #expect(entry.number == item.number)
        #expect(entry.answerTexts == item.question.answerTexts)
        let original = try #require(answersA[item.question.id])
        if item.question.kind == .match {
          #expect(entry.answerTexts.sorted() == original.sorted())
        } else {
          #expect(entry.answerTexts == original, "version \(version.letter), \(item.number)")
        }
      }
    }
  }

  @Test func rearrangingRemapsChoiceOrderAndMatchAnswers() {
    let choice = F.questions[0].rearranged(optionOrder: [3, 1, 0, 2])
    #expect(choice.options == ["Zhvillidove", "Mazhiq", "Barë", "Bajgora"])
    #expect(choice.expected == .choice(1))
    let moved = F.questions[0].rearranged(optionOrder: [2, 3, 0, 1])
    #expect(moved.expected == .choice(3))
    #expect(moved.answerTexts == ["Mazhiq"])

    let order = F.questions[4]
    let reordered = order.rearranged(optionOrder: [3, 2, 1, 0])
    #expect(reordered.expected == .order([2, 0, 3, 1]))
    #expect(reordered.answerTexts == order.answerTexts)

    let match = F.questions[8]
    let rematched = match.rearranged(optionOrder: [2, 0, 3, 1], itemOrder: [2, 0, 1])
    #expect(rematched.matchItems == ["Mazhiq", "Nusret Ibishi", "Brigade 141"])
    #expect(
      rematched.options == ["a KLA brigade", "a village", "a region", "a former MUP commander"])
    #expect(rematched.expected == .match([1, 3, 0]))
    #expect(rematched.answerTexts.sorted() == match.answerTexts.sorted())
  }

  @Test func keyCodesMatchWhatTheSheetShows() throws {
    let order = WorksheetKeyEntry(WorksheetItem(number: 5, question: F.questions[4]))
    // Items as shown: Mazhiq battle (3rd), Zhvillidove (1st), convoy (4th), Brigade (2nd).
    #expect(order.code == "3, 1, 4, 2")
    let match = WorksheetKeyEntry(WorksheetItem(number: 6, question: F.questions[8]))
    #expect(match.code == "1–B, 2–C, 3–A")
    let choice = WorksheetKeyEntry(WorksheetItem(number: 1, question: F.questions[0]))
    #expect(choice.code == "B")
    #expect(choice.answer == "Mazhiq")
    let short = WorksheetKeyEntry(WorksheetItem(number: 2, question: F.questions[1]))
    #expect(short.answer == "Mazhiq")
    #expect(short.alsoAccepted == ["Mazhiqi"])
  }

  @Test func theKeyGivesTheAuthorsNoteOnce() {
    let question = Question(
      id: "bukos/truefalse", kind: .truefalse, prompt: "The KLA took Bukos.",
      expected: .truth(true), fact: "bukos",
      explanation: "The KLA took Bukos. Note: The article says Serbian forces. Source: line 9.",
      template: .truefalse)
    let entry = WorksheetKeyEntry(
      WorksheetItem(number: 1, question: question, note: "The article says Serbian forces"))
    #expect(entry.explanation == "The KLA took Bukos. Source: line 9.")
    #expect(entry.note == "The article says Serbian forces")
    let other = WorksheetKeyEntry(
      WorksheetItem(number: 1, question: question, note: "A note the explanation lacks"))
    #expect(other.explanation == question.explanation)
  }

  @Test func theVersionCountIsChecked() throws {
    let selection = try F.selection()
    #expect(throws: WorksheetError.invalidVersions(27)) {
      try Worksheet(title: "Q", deck: F.deck, selection: selection, versionCount: 27, seed: 1)
    }
    #expect(throws: WorksheetError.invalidVersions(0)) {
      try Worksheet(title: "Q", deck: F.deck, selection: selection, versionCount: 0, seed: 1)
    }
  }

  @Test func pointsAndTypesParse() throws {
    let points = try WorksheetPoints.parse("choice=1, short=2,match=1.5")
    #expect(points.value(for: .short) == 2)
    #expect(points.value(for: .match) == 1.5)
    #expect(points.value(for: .numeric) == 1)
    #expect(throws: WorksheetError.invalidPoints("short")) { try WorksheetPoints.parse("short") }
    #expect(throws: WorksheetError.invalidPoints("short=-1")) {
      try WorksheetPoints.parse("short=-1")
    }
    #expect(throws: WorksheetError.unknownKind("chioce", suggestion: "choice")) {
      try WorksheetPoints.parse("chioce=2")
    }
    #expect(try Question.Kind.parseList("match,true-false,match") == [.match, .truefalse])
  }

  @Test func outputPlansNameTheirFiles() throws {
    #expect(
      try WorksheetOutputPlan.files(versionCount: 2, answerKey: .separate, output: "out/quiz.html")
        == [
          WorksheetFile(path: "out/quiz-A.html", parts: [.sheet(0)]),
          WorksheetFile(path: "out/quiz-B.html", parts: [.sheet(1)]),
          WorksheetFile(path: "out/quiz-key.html", parts: [.key(0), .key(1)]),
        ])
    #expect(
      try WorksheetOutputPlan.files(versionCount: 1, answerKey: .end, output: "quiz")
        == [WorksheetFile(path: "quiz", parts: [.sheet(0), .key(0)])])
    #expect(
      try WorksheetOutputPlan.files(versionCount: 2, answerKey: .end, output: nil)
        == [WorksheetFile(path: nil, parts: [.sheet(0), .sheet(1), .key(0), .key(1)])])
    #expect(throws: WorksheetError.separateKeyNeedsFile) {
      try WorksheetOutputPlan.files(versionCount: 1, answerKey: .separate, output: nil)
    }
    #expect(WorksheetOutputPlan.path("a.b/quiz", suffix: "key") == "a.b/quiz-key")
    #expect(WorksheetFormat(path: "x/Quiz.MD") == .markdown)
    #expect(WorksheetFormat(path: "quiz.htm") == .html)
    #expect(WorksheetFormat(path: ".html") == .text)
  }
}
