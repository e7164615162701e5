import Foundation
import Testing

@testable import RecallKit

/// A session over several decks: the order across decks, the caps over all of them, the time
/// limit and the cards missed.
@Suite struct StudyCollectionTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-collection-\(UUID().uuidString)").path
  static let utc = TimeZone(identifier: "UTC") ?? .current

  /// A deck of `count` one-card statements, `<id>-<n>/cloze`, whose answer is `<id>term<n>`;
  /// even facts are tagged `even`.
  static func deck(_ id: String, facts count: Int) throws -> Deck {
    var text = "id: \(id)\ntitle: Deck \(id)\nsubject: Tests\nlanguage: en\n"
    text += "source:\n  title: tests\nfacts:\n"
    for index in 0..<count {
      text += "  - id: \(id)-\(index)\n    kind: statement\n"
      if index % 2 == 0 { text += "    tags: [even]\n" }
      text += "    text: Statement \(index) of \(id) names the term [[\(id)term\(index)]].\n"
    }
    return try #require(DeckLoader().load(text: text, path: "\(id).yaml").deck)
  }

  /// Sessions over the synthetic decks `ids`, sharing `clock`.
  func makeCollection(
    _ ids: [String], facts: Int = 3, setup: StudySetup, clock: @escaping @Sendable () -> Date
  ) throws -> StudyCollection {
    let scheduler = try FSRSScheduler()
    let decks = try ids.map {
      StudySetup.OpeningDeck(
        deck: try Self.deck($0, facts: facts), source: nil, scheduler: scheduler)
    }
    let sessions = try setup.sessions(
      for: decks, in: ProgressLibrary(directory: folder), clock: clock, cache: nil
    ).map { try $0.get() }
    return StudyCollection(
      sessions: sessions, options: setup.collectionOptions, severalDecks: true, clock: clock)
  }

  /// Answers the new cards the session offers, until it offers another kind, right (or wrong
  /// when `wrong` says so), and returns them in the order they came.
  func answerNew(
    _ collection: StudyCollection, wrong: (StudyCollection.Card) -> Bool = { _ in false }
  ) throws -> [String] {
    var asked: [String] = []
    while let card = collection.next(), card.kind == .new {
      asked.append(card.question.id)
      let input = wrong(card) ? "nothing like it" : card.question.answerTexts[0]
      _ = try collection.answer(input, to: card, milliseconds: 1000, hintUsed: false)
    }
    return asked
  }

  @Test func newCardsComeFromTheDecksInTurnUnderTheCapOverAll() throws {
    let start = Date(timeIntervalSince1970: 1_764_580_800)  // 2025-12-01T09:20:00Z
    let setup = StudySetup(newPerDay: 5, seed: 1, start: start, severalDecks: true)
    let clock = setup.makeClock()
    let collection = try makeCollection(["alpha", "beta", "gamma"], setup: setup, clock: clock)
    #expect(collection.counts()[.new] == 5)
    let asked = try answerNew(collection)
    #expect(
      asked.map { String($0.prefix(while: { $0 != "-" })) } == [
        "alpha", "beta", "gamma", "alpha", "beta",
      ])
    // Each deck's progress is in its own files.
    for id in ["alpha", "beta", "gamma"] {
      #expect(FileManager.default.fileExists(atPath: "\(folder)/\(id).journal.jsonl"))
    }
    try collection.close()
    let alpha = try ProgressStore.openReadOnly(deckID: "alpha", directory: folder)
    #expect(Set(alpha.states.keys) == ["alpha-0/cloze", "alpha-1/cloze"])
  }

  @Test func theCapOverAllCountsWhatWasDoneEarlierToday() throws {
    let start = Date(timeIntervalSince1970: 1_764_580_800)
    var setup = StudySetup(newPerDay: 4, seed: 1, start: start, severalDecks: true)
    let first = try makeCollection(["alpha", "beta"], setup: setup, clock: { start })
    for _ in 0..<3 {
      let card = try #require(first.next())
      _ = try first.answer(card.question.answerTexts[0], to: card, milliseconds: 1, hintUsed: false)
    }
    try first.close()
    setup.start = start + 3600
    let later = start + 3600
    let second = try makeCollection(["alpha", "beta"], setup: setup, clock: { later })
    #expect(second.counts()[.new] == 1)
  }

  @Test func learningCardsOfEveryDeckComeBeforeReviewsAndNewCards() throws {
    let start = Date(timeIntervalSince1970: 1_764_580_800)
    let setup = StudySetup(seed: 1, start: start, severalDecks: true)
    let first = try makeCollection(["alpha", "beta"], setup: setup, clock: { start })
    // beta's first card is missed: it is in learning, due a minute later.
    _ = try answerNew(first) { $0.question.id == "beta-0/cloze" }
    try first.close()
    let later = start + 600
    let second = try makeCollection(["alpha", "beta"], setup: setup, clock: { later })
    let card = try #require(second.next())
    #expect(card.question.id == "beta-0/cloze")
    #expect(card.kind == .learning)
  }

  @Test func theTimeLimitEndsTheSessionAtTheNextCard() throws {
    let start = Date(timeIntervalSince1970: 1_764_580_800)
    let setup = StudySetup(seed: 1, start: start, timeLimit: 120, severalDecks: true)
    let minutes = Counter()
    let collection = try makeCollection(
      ["alpha", "beta"], setup: setup, clock: { start + Double(minutes.value) * 60 })
    let card = try #require(collection.next())
    minutes.value = 3
    // The card on screen is still answered and saved.
    _ = try collection.answer(
      card.question.answerTexts[0], to: card, milliseconds: 1, hintUsed: false)
    #expect(collection.next() == nil)
    #expect(collection.ending == .timeLimit(120))
    #expect(collection.summary.reviewed == 1)
  }

  @Test func theMissesAreListedOnceWithTheAnswerAndAnUndoneMissIsNot() throws {
    let start = Date(timeIntervalSince1970: 1_764_580_800)
    let setup = StudySetup(seed: 1, start: start, severalDecks: true)
    let collection = try makeCollection(
      ["alpha", "beta"], facts: 2, setup: setup, clock: { start })
    _ = try answerNew(collection) {
      $0.question.id == "alpha-1/cloze" || $0.question.id == "beta-0/cloze"
    }
    #expect(collection.misses.map(\.question.id) == ["beta-0/cloze", "alpha-1/cloze"])
    #expect(collection.misses.map(\.grade.shown) == ["betaterm0", "alphaterm1"])
    // An undone miss is no longer one.
    let again = try makeCollection(["gamma"], facts: 1, setup: setup, clock: { start })
    let card = try #require(again.next())
    _ = try again.answer("nothing like it", to: card, milliseconds: 1, hintUsed: false)
    #expect(again.misses.count == 1)
    _ = try again.undo()
    #expect(again.misses.isEmpty)
  }

  @Test func aTagKeepsOnlyItsCards() throws {
    let start = Date(timeIntervalSince1970: 1_764_580_800)
    let setup = StudySetup(seed: 1, start: start, tag: "Even", severalDecks: true)
    let collection = try makeCollection(
      ["alpha", "beta"], facts: 4, setup: setup, clock: { start })
    let asked = try answerNew(collection)
    #expect(Set(asked) == ["alpha-0/cloze", "alpha-2/cloze", "beta-0/cloze", "beta-2/cloze"])
  }

  @Test func aLockedDeckIsAnErrorOfItsOwnAndTheOthersOpen() throws {
    let held = try ProgressStore.open(deckID: "beta", directory: folder)
    defer { held.release() }
    let scheduler = try FSRSScheduler()
    let setup = StudySetup(seed: 1, severalDecks: true)
    let results = setup.sessions(
      for: try ["alpha", "beta"].map {
        StudySetup.OpeningDeck(deck: try Self.deck($0, facts: 1), source: nil, scheduler: scheduler)
      }, in: ProgressLibrary(directory: folder), clock: { Date() }, cache: nil)
    #expect((try? results[0].get()) != nil)
    guard case .failure(.locked(let deckID, _)) = results[1] else {
      Issue.record("beta should be locked: \(results[1])")
      return
    }
    #expect(deckID == "beta")
    try results[0].get().close()
  }
}

/// A number a test moves while a clock closure reads it.
final class Counter: @unchecked Sendable {
  var value = 0
}
