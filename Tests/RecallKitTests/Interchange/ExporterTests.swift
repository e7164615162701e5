import Foundation
import RecallKit
import RecallTestSupport
import Testing

@Suite struct ExporterTests {
  let questions = InterchangeFixtures.questions
  let deck = InterchangeFixtures.deck

  @Test(arguments: [
    (ExportFormat.anki, "export-anki.txt"), (.gift, "export.gift"), (.csv, "export.csv"),
  ])
  func matchesSnapshot(format: ExportFormat, name: String) throws {
    expectSnapshot(format.render(questions, deck: deck), named: "interchange/\(name)")
  }

  @Test func ankiFileHasHeadersGUIDsAndEscapedHTML() {
    let text = AnkiTextExporter().render(questions, deck: deck)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      Array(lines.prefix(7)) == [
        "#separator:tab", "#html:true", "#notetype:Basic", "#deck:The Bajgora offensive (sample)",
        "#guid column:1", "#tags column:4", "#columns:GUID\tFront\tBack\tTags",
      ])
    #expect(lines[7].hasPrefix("mazhiq/name\tWhich village"))
    #expect(lines[7].hasSuffix("\tvillages July_1998"))
    let escaped = try? #require(lines.first { $0.hasPrefix("escapes/short") })
    #expect(escaped?.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;<br>second line?") == true)
    #expect(escaped?.contains("&lt;ok&gt;<br><br>Tabs&#9;and #hashes") == true)
  }

  @Test func ankiExportReadsBackThroughOurAnkiImporter() throws {
    let text = AnkiTextExporter().render(questions, deck: deck)
    let result = InterchangeFixtures.importText(text, format: .anki)
    let imported = try #require(result.deck, "\(result.diagnostics)")
    #expect(imported.title == deck.title)
    #expect(imported.cards.count == questions.count)
    let escapes = try #require(imported.cards.last)
    #expect(escapes.prompt == "Is 2 = 2 {really}: #1 ~ \\ <b>&amp;</b>\nsecond line?")
  }

  @Test func giftEscapesAndNumericRanges() {
    #expect(GIFTExporter.escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni")
    #expect(GIFTExporter.numeric(NumberValue(5)) == "#5")
    #expect(GIFTExporter.numeric(NumberValue(from: 3000, to: 5000)) == "#3000..5000")
    // "About" is Recall's ±10 %: written as value:tolerance, as Moodle's own export does.
    #expect(GIFTExporter.numeric(NumberValue(100, qualifier: .about)) == "#100:10")
    #expect(GIFTExporter.numeric(NumberValue(15_000, qualifier: .about)) == "#15000:1500")
    // A bound's accepted span is not centred on its figure: a range.
    #expect(GIFTExporter.numeric(NumberValue(100, qualifier: .over)) == "#100..120")
    #expect(
      GIFTExporter.normalizedBlank("in __ and ___ or ________.") == "in __ and _____ or _____.")
  }

  @Test func giftExportRoundTripsThroughTheGIFTImporter() throws {
    let text = GIFTExporter().render(questions, deck: deck)
    let result = InterchangeFixtures.importText(text, format: .gift, path: "export.gift")
    let imported = try #require(result.deck, "\(result.diagnostics)")
    let cards = Dictionary(uniqueKeysWithValues: imported.cards.map { ($0.id, $0) })

    let short = try #require(cards["mazhiq-name"])
    #expect(short.kind == .short)
    #expect(short.answers == ["Mazhiq", "Mazhiqi"])
    #expect(short.explanation == "Yugoslav forces failed to take Mazhiq in July 1998.")

    let choice = try #require(cards["brigade-141-role"])
    #expect(choice.kind == .choice)
    #expect(choice.answers == ["Brigade 141"])
    #expect(choice.distractors == ["Brigade 121", "Brigade 131", "Brigade 161"])

    #expect(cards["nato-speech-card"]?.truth == true)
    #expect(
      cards["first-appearance-cloze"]?.prompt
        == "The KLA's first public appearance in the region was in _____.")
    #expect(cards["first-appearance-cloze"]?.answers == ["Zaberegje"])
    #expect(cards["battle-year"]?.answers == ["1998"])

    let convoy = try #require(imported.facts.first { $0.id == "convoy-people-number" })
    #expect(
      convoy.content
        == .quantity(
          Fact.Quantity(
            howMany: "people travelled in the convoy that left on 2 May 1999",
            value: NumberValue(from: 3000, to: 5000))))

    // Order becomes matching with places; matching becomes one short card a pair.
    #expect(
      imported.cards.filter { $0.id.hasPrefix("events-order") }.map(\.answers)
        == [["2"], ["1"], ["3"]])
    #expect(
      imported.cards.filter { $0.id.hasPrefix("places-match") }.map(\.answers)
        == [["a village"], ["a region"]])

    let escapes = try #require(cards["escapes-short"])
    #expect(escapes.prompt == "Is 2 = 2 {really}: #1 ~ \\ <b>&amp;</b>\nsecond line?")
    #expect(escapes.answers == ["yes: \"quoted\", & <ok>"])
    #expect(escapes.explanation == "Tabs\tand #hashes ~ = {} : stay.")
  }

  @Test func giftCategoriesFollowTheFirstTag() {
    #expect(GIFTExporter.category(title: "Bajgora", tag: nil) == "$course$/top/Bajgora")
    #expect(
      GIFTExporter.category(title: "Bajgora", tag: "History::Kosovo War")
        == "$course$/top/Bajgora/History/Kosovo War")
    // Moodle's own escaping: a slash in a name is doubled, and kept off the name's ends.
    #expect(
      GIFTExporter.category(title: "1998/99", tag: "/start")
        == "$course$/top/1998//99/ //start")
    let text = GIFTExporter().render(questions, deck: deck)
    let categories = text.split(separator: "\n").filter { $0.hasPrefix("$CATEGORY: ") }
    #expect(
      categories == [
        "$CATEGORY: $course$/top/The Bajgora offensive (sample)/villages",
        "$CATEGORY: $course$/top/The Bajgora offensive (sample)",
        "$CATEGORY: $course$/top/The Bajgora offensive (sample)/1999",
      ])
    // Each category is its own paragraph, before the questions it holds.
    #expect(
      text.contains("\n\n$CATEGORY: $course$/top/The Bajgora offensive (sample)/villages\n\n::"))
  }

  @Test func giftNumericToleranceSurvivesAReimport() throws {
    let values = [
      NumberValue(1822), NumberValue(100, qualifier: .about),
      NumberValue(15_000, qualifier: .about), NumberValue(from: 3000, to: 5000),
      NumberValue(100, qualifier: .over),
    ]
    let numeric = values.enumerated().map { index, value in
      Question(
        id: "figure-\(index)/numeric", kind: .numeric, prompt: "Which figure is number \(index)?",
        expected: .number(value), fact: "figure-\(index)", explanation: "", template: .card)
    }
    let text = GIFTExporter().render(numeric, deck: deck)
    let result = InterchangeFixtures.importText(text, format: .gift, path: "figures.gift")
    let imported = try #require(result.deck, "\(result.diagnostics)")
    #expect(!result.diagnostics.contains { $0.severity != .note }, "\(result.diagnostics)")
    #expect(imported.cards.count == values.count)
    for (card, value) in zip(imported.cards, values) {
      if value.qualifier == .exact && !value.isRange {
        #expect(card.kind == .short)
        #expect(card.answers == ["1822"])
        continue
      }
      #expect(card.kind == .numeric, "\(card.id)")
      // The span a grader accepts is the same after the round trip.
      #expect(card.number?.acceptedRange == value.acceptedRange, "\(card.id)")
    }
    // "About" comes back as "about", not as a range.
    #expect(imported.cards[1].number == NumberValue(100, qualifier: .about))
    #expect(imported.cards[2].number == NumberValue(15_000, qualifier: .about))
    #expect(imported.cards[3].number == NumberValue(from: 3000, to: 5000))
  }

  @Test func csvQuotingFollowsRFC4180() {
    let text = CSVExporter().render(Array(questions.suffix(1)))
    #expect(
      text == "id,type,prompt,options,answers,fact,explanation\r\n"
        + "escapes/short,short,\"Is 2 = 2 {really}: #1 ~ \\ <b>&amp;</b>\nsecond line?\",,"
        + "\"yes: \"\"quoted\"\", & <ok>\",escapes,Tabs\tand #hashes ~ = {} : stay.\r\n")
  }

  @Test func csvExportReadsBackAsCards() throws {
    let text = CSVExporter().render(questions)
    let result = InterchangeFixtures.importText(text, format: .csv, path: "export.csv")
    let imported = try #require(result.deck, "\(result.diagnostics)")
    #expect(imported.cards.first?.answers == ["Mazhiq", "Mazhiqi"])
    let choice = try #require(imported.cards.first { $0.kind == .choice })
    #expect(choice.answers == ["Brigade 141"])
    #expect(choice.distractors.count == 3)
    #expect(imported.cards.contains { $0.kind == .cloze && $0.cloze?.key == "Zaberegje" })
    #expect(imported.facts.count == 1, "the How many question becomes a quantity fact")
    #expect(result.diagnostics.filter { $0.severity == .warning }.count == 2, "order and match")
  }
}

/// The generator's questions for the real deck, exported as GIFT and read back by the importer.
@Suite struct GeneratedGIFTRoundTripTests {
  @Test(arguments: [0, 7] as [UInt64])
  func everyGeneratedQuestionComesBack(seed: UInt64) throws {
    let path = Repository.deck("bajgora-offensive").path
    let deck = try #require(try DeckLoader().load(path: path).deck)
    let questions = QuestionGenerator(deck: deck, seed: seed).questions()
    #expect(!questions.isEmpty)
    let text = GIFTExporter().render(questions, deck: deck)
    let result = InterchangeFixtures.importText(text, format: .gift, path: "bajgora.gift")
    let imported = try #require(result.deck, "\(result.diagnostics.prefix(5))")
    let cards = Dictionary(uniqueKeysWithValues: imported.cards.map { ($0.id, $0) })
    let facts = Dictionary(uniqueKeysWithValues: imported.facts.map { ($0.id, $0) })

    // The importer names items after GIFT titles (the question ids), in file order.
    var ids = ItemIdentifiers()
    for question in questions {
      func lowered(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.filter { seen.insert($0.lowercased()).inserted }
      }
      switch question.kind {
      case .short, .cloze:
        let card = try #require(cards[ids.claim(preferred: nil, fallback: question.id)])
        #expect(card.kind == .short)
        #expect(card.answers == lowered(question.answerTexts), "\(question.id)")
      case .choice:
        let card = try #require(cards[ids.claim(preferred: nil, fallback: question.id)])
        #expect(card.kind == .choice)
        #expect(card.answers == question.answerTexts, "\(question.id)")
        #expect(Set(card.distractors + card.answers) == Set(question.options), "\(question.id)")
      case .truefalse:
        let card = try #require(cards[ids.claim(preferred: nil, fallback: question.id)])
        #expect(card.truth == (question.expected == .truth(true)), "\(question.id)")
      case .numeric:
        let id = ids.claim(preferred: nil, fallback: question.id)
        #expect(cards[id] != nil || facts[id] != nil, "\(question.id)")
      case .order:
        for number in question.options.indices {
          #expect(cards[ids.claim(preferred: nil, fallback: "\(question.id) \(number + 1)")] != nil)
        }
      case .match:
        for number in question.matchItems.indices {
          #expect(cards[ids.claim(preferred: nil, fallback: "\(question.id) \(number + 1)")] != nil)
        }
      }
    }
    #expect(imported.cards.count + imported.facts.count > questions.count)
  }
}
