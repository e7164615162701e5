import Foundation
import Testing

@testable import RecallKit

/// Recall's own packages read back through the importer: the notes, their ids and the history.
/// (Anki itself imports them in Tests/python/test_anki_package_export.py.)
@Suite struct AnkiPackageExportTests {
  static let now = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01 12:00 UTC
  static let utc = TimeZone(identifier: "UTC") ?? .current

  static func deck() -> Deck {
    let location = SourceLocation(file: "t.yaml", line: 1, column: 1)
    return Deck(
      id: "bajgora", title: "Bajgora", subject: "Bajgora", language: "en",
      source: Deck.Source(title: "Bajgora offensive"), facts: [],
      cards: [
        HandCard(
          id: "mazhiq", kind: .short, prompt: "Which village held out <longest>?",
          answers: ["Mazhiq", "Mazhiqi"], explanation: "It was never retaken.", tags: ["villages"],
          location: location),
        HandCard(
          id: "kla-1998", kind: .truefalse, prompt: "The KLA held Bajgora in 1998.", truth: true,
          location: location),
        HandCard(
          id: "new-card", kind: .short, prompt: "Who led it?", answers: ["Selimi"],
          location: location),
      ], path: "bajgora.yaml")
  }

  static func roundTrip(history: AnkiExportHistory?) throws -> AnkiPackageImport {
    let deck = deck()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions(types: nil)
    let data = try AnkiPackageExporter().package(
      questions, deck: deck, history: history, now: now, timeZone: utc)
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-export-\(UUID().uuidString).apkg")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return AnkiPackageImporter(options: ImportOptions(format: .apkg, deckID: "again"))
      .importPackage(path: url.path)
  }

  @Test func notesComeBackWithTheirIdsAnswersAndExplanations() throws {
    let imported = try Self.roundTrip(history: nil)
    let deck = try #require(imported.result.deck, "\(imported.result.diagnostics)")
    #expect(deck.title == "Bajgora")
    #expect(deck.cards.map(\.id) == ["mazhiq", "kla-1998", "new-card"])
    #expect(deck.cards[0].prompt == "Which village held out <longest>?")
    #expect(deck.cards[0].answers == ["Mazhiq", "Mazhiqi"])
    #expect(deck.cards[0].explanation == "It was never retaken.")
    #expect(deck.cards[0].tags == ["villages"])
    #expect(deck.cards[1].kind == .truefalse)
    #expect(!imported.result.diagnostics.hasErrors)
  }

  @Test func eachKindHasItsNoteTypeAndFields() throws {
    let deck = Self.deck()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions(types: nil)
    let data = try AnkiPackageExporter().package(questions, deck: deck, now: Self.now)
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-export-\(UUID().uuidString).apkg")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let archive = try AnkiPackageArchive(path: url.path)
    #expect(archive.collectionName == "collection.anki2")
    let collection = try AnkiCollection(bytes: archive.collection)
    let types = Dictionary(uniqueKeysWithValues: collection.noteTypes.values.map { ($0.name, $0) })
    #expect(Set(types.keys) == Set(Question.Kind.allCases.map { "Recall \($0.rawValue)" }))
    #expect(types["Recall short"]?.fieldNames == ["Prompt", "Answer", "Explanation", "Source"])
    let first = try #require(collection.notes.first)
    #expect(first.guid == "mazhiq")
    #expect(collection.noteTypes[first.noteTypeID]?.name == "Recall short")
    #expect(
      first.fields == [
        "Which village held out &lt;longest&gt;?", "Mazhiq<br>(also accepted: Mazhiqi)",
        "It was never retaken.", "Bajgora offensive",
      ])
    #expect(first.tags == ["villages"])
    #expect(collection.decks.values.contains("Bajgora"))
  }

  @Test func historyComesBackOnAnkisDays() throws {
    var options = SchedulerOptions()
    options.isFuzzEnabled = false
    let scheduler = try FSRSScheduler(options: options)
    var reviews: [ReviewRecord] = []
    var states: [String: CardState] = [:]
    var state = CardState.new(at: Self.now - 30 * 86_400)
    for (offset, rating) in [Rating.good, .good, .again, .good, .easy].enumerated() {
      let at = Self.now - Double(30 - offset * 5) * 86_400
      state = scheduler.review(state, rating: rating, at: at)
      reviews.append(
        ReviewRecord(
          cardID: "mazhiq", reviewedAt: at, rating: rating, answer: "", accepted: true,
          responseMilliseconds: 3000, state: state))
    }
    states["mazhiq"] = state
    let learning = scheduler.review(.new(at: Self.now - 60), rating: .good, at: Self.now - 60)
    reviews.append(
      ReviewRecord(
        cardID: "kla-1998", reviewedAt: Self.now - 60, rating: .good, answer: "true",
        accepted: true, responseMilliseconds: 2000, state: learning))
    states["kla-1998"] = learning
    let history = AnkiExportHistory(
      reviews: reviews, states: states, counts: CardCounts.tally(reviews))

    let imported = try Self.roundTrip(history: history)
    let back = AnkiHistoryImport(imported)
    #expect(back.reviews.map(\.rating) == reviews.map(\.rating))
    #expect(back.reviews.map(\.cardID) == reviews.map(\.cardID))
    let review = try #require(back.states["mazhiq"])
    #expect(review.phase == .review)
    // Anki keeps review due dates by the day: the start of the UTC day the card fell due on.
    let day = StudyDay(containing: state.due, timeZone: Self.utc)
    #expect(review.due == day.start)
    #expect(abs((review.stability ?? 0) - (state.stability ?? 0)) < 0.001)
    #expect(abs((review.difficulty ?? 0) - (state.difficulty ?? 0)) < 0.001)
    let step = try #require(back.states["kla-1998"])
    #expect(step.phase == .learning)
    #expect(step.step == learning.step)
    #expect(abs(step.due.timeIntervalSince(learning.due)) < 1)
    #expect(back.states["new-card"] == nil)
  }

  @Test func suspendedAndBuriedCardsAreSoInTheirPackage() throws {
    let scheduler = try FSRSScheduler(options: SchedulerOptions())
    let state = scheduler.review(.new(at: Self.now - 60), rating: .good, at: Self.now - 60)
    let review = ReviewRecord(
      cardID: "mazhiq", reviewedAt: Self.now - 60, rating: .good, answer: "Mazhiq",
      accepted: true, responseMilliseconds: 2000, state: state)
    let endOfDay = StudyDay(containing: Self.now, timeZone: Self.utc).end
    let history = AnkiExportHistory(
      reviews: [review], states: ["mazhiq": state], counts: CardCounts.tally([review]),
      marks: [
        "mazhiq": CardMarks(suspended: true),
        "new-card": CardMarks(buriedUntil: endOfDay),
        // A bury already over and a flag alone leave the card in its queue.
        "kla-1998": CardMarks(buriedUntil: Self.now - 1, flag: CardMarks.Flag(at: Self.now - 5)),
      ])
    let imported = try Self.roundTrip(history: history)
    let queues = try #require(imported.collection).cards.map(\.queue)
    #expect(queues == [-1, 0, -3])
    let back = AnkiHistoryImport(imported, now: Self.now + 60, timeZone: Self.utc)
    #expect(back.suspended == ["mazhiq"])
    #expect(back.buried == ["new-card": endOfDay])
    #expect(back.states["mazhiq"]?.phase == .learning)
  }
}
