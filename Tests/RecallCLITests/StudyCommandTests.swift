import Foundation
import LineEditing
import RecallKit
import RecallTestSupport
import Testing

@testable import RecallCLI

/// A line reader that plays back a script, as a learner at a terminal would type it.
final class ScriptedReader: LineReader {
  private var lines: [String]
  private(set) var prompts: [String] = []

  init(_ lines: [String]) {
    self.lines = lines
  }

  func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    guard !lines.isEmpty else { return .endOfInput }
    let line = lines.removeFirst()
    return line == "^C" ? .interrupted : .line(line)
  }

  func addHistory(_ line: String) {}
}

@Suite struct StudyCommandTests {
  let decks = Repository.decks.path
  let progress: String

  init() throws {
    progress =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-study-\(UUID().uuidString)").path
  }

  private func study(
    _ script: [String], extra: [String] = [], now: String = ScriptedStudy.now
  ) throws -> (status: RecallCLI.ExitStatus, output: String, error: String) {
    try ScriptedStudy.bajgora(script, progress: progress, extra: extra, now: now)
  }

  private func savedStates() throws -> [String: CardState] {
    let store = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
    return store.states
  }

  @Test func anAnswerIsSavedAndTheNextSessionFindsIt() throws {
    let first = try study(["July 1998 to January 1999", ""])
    #expect(first.status == .ok, "\(first.error)")
    #expect(first.output.contains("✓ correct — July 1998 to January 1999"))
    #expect(first.output.contains("rated good; next review in 10 minutes"))
    #expect(!first.output.contains("\u{1B}"))
    let states = try savedStates()
    #expect(states["bajgora-offensive/date-short"]?.phase == .learning)

    let second = try study([], now: "2026-11-24T10:30:00Z")
    #expect(second.output.contains("1 due · 19 new"))
  }

  @Test func wrongAnswersAreRatedAgainAndShowTheFact() throws {
    let result = try study(["March to May 1997", ""])
    #expect(result.output.contains("✗ wrong — the answer is July 1998 to January 1999"))
    #expect(result.output.contains("rated again"))
    #expect(result.output.contains("The Bajgora offensive was carried out from July 1998"))
  }

  @Test func theLearnerCanChangeTheRating() throws {
    let result = try study(["July 1998 to January 1999", "4"])
    #expect(result.output.contains("rated easy; next review in"))
    let state = try #require(try savedStates()["bajgora-offensive/date-short"])
    #expect(state.phase == .review)
  }

  /// With easy days the interval an easy answer gives (8 days for a new card) still lands in
  /// its fuzz range, 6 to 10 days, whichever day the balancer picks.
  @Test func easyDaysBalanceWithinTheFuzzRange() throws {
    let scheduler = try FSRSScheduler()
    for seed in ["1", "2", "3"] {
      try? FileManager.default.removeItem(atPath: progress)
      let result = try study(
        ["July 1998 to January 1999", "4"], extra: ["--easy-days", "sat,sun", "--seed", seed])
      #expect(result.status == .ok, "\(result.error)")
      let state = try #require(try savedStates()["bajgora-offensive/date-short"])
      let start = try UTCTimestamp.parse("2026-11-24T10:00:00Z").get()
      let days = FSRSScheduler.wholeDays(from: start, to: state.due)
      let unfuzzed = scheduler.interval(stability: try #require(state.stability))
      #expect(try #require(scheduler.fuzzRange(days: unfuzzed)).contains(days))
    }
  }

  @Test func easyDaysMustBeWeekdays() {
    #expect {
      try StudyCommand.parse(["bajgora-offensive", "--easy-days", "sat,funday"])
    } throws: { error in
      StudyCommand.message(for: error).contains("'funday' is not a day of the week")
    }
  }

  /// `--exam` is kept beside the progress for later sessions, and `none` clears it.
  @Test func theExamDateIsKeptForLaterSessions() throws {
    let first = try study(["July 1998 to January 1999", "4"], extra: ["--exam", "2026-12-04"])
    #expect(first.status == .ok, "\(first.error)")
    #expect(
      try ExamDate.load(deckID: "bajgora-offensive", directory: progress)
        == ExamDate(year: 2026, month: 12, day: 4))
    // An easy answer gives 8 days, fuzzed over 6 to 10; recall 10 days on, on the exam day,
    // would be below 90 %, so the review comes on day 9 at the latest.
    let state = try #require(try savedStates()["bajgora-offensive/date-short"])
    let start = try UTCTimestamp.parse("2026-11-24T10:00:00Z").get()
    #expect((6...9).contains(FSRSScheduler.wholeDays(from: start, to: state.due)))
    let cleared = try study([], extra: ["--exam", "none"], now: "2026-11-24T10:30:00Z")
    #expect(cleared.status == .ok, "\(cleared.error)")
    #expect(try ExamDate.load(deckID: "bajgora-offensive", directory: progress) == nil)
  }

  @Test func anExamMustBeADate() {
    #expect {
      try StudyCommand.parse(["bajgora-offensive", "--exam", "2027-02-30"])
    } throws: { error in
      StudyCommand.message(for: error).contains("--exam must be a date such as 2027-06-10")
    }
  }

  @Test func undoTakesTheAnswerBackOnDisk() throws {
    let result = try study(["July 1998 to January 1999", "", ":undo", ":quit"])
    #expect(result.output.contains("undone"))
    #expect(try savedStates()["bajgora-offensive/date-short"] == nil)
  }

  @Test func undoAtTheRatingPromptAsksTheQuestionAgain() throws {
    let result = try study(["1990", ":undo", "July 1998 to January 1999", "", ":quit"])
    #expect(result.output.contains("undone"))
    #expect(result.output.contains("reviewed 1 · accuracy 100%"))
    let reviews = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
      .reviews()
    #expect(reviews.map(\.answer) == ["July 1998 to January 1999"])
  }

  /// An undone card studied ahead is asked again as ahead: answering it again must not
  /// reschedule it.
  @Test(arguments: [
    ["July 1998 to January 1999", ":undo", "1990", "", ":quit"],
    ["July 1998 to January 1999", "", ":undo", "1990", "", ":quit"],
  ])
  func anUndoneAheadCardStaysAhead(script: [String]) throws {
    _ = try study(["July 1998 to January 1999", "", ":quit"])
    let before = try #require(try savedStates()["bajgora-offensive/date-short"])
    let result = try study(script, extra: ["--ahead", "--new", "0"], now: "2026-11-24T10:01:00Z")
    #expect(result.output.contains("undone"))
    #expect(!result.output.contains("· review"))
    #expect(try savedStates()["bajgora-offensive/date-short"] == before)
  }

  @Test func theRatingPromptNamesTheRatingEnterKeeps() throws {
    let reader = ScriptedReader(["1990", ""])
    _ = try ScriptedStudy.bajgora(reading: reader, progress: progress)
    #expect(reader.prompts.contains(StudyREPL.ratingPrompt(keeping: .again)))
    // On a narrow terminal it still fits on one row.
    #expect(StudyREPL.ratingPrompt(keeping: .again, width: 80).contains("2 hard"))
    #expect(StudyREPL.ratingPrompt(keeping: .again, width: 60).count < 60)
  }

  @Test func invalidInputIsAskedAgainAndCommandsWork() throws {
    let result = try study(["north", ":hint", ":skip", ":stats", ":nonsense", "^C", ":quit"])
    #expect(result.status == .ok)
    #expect(result.output.contains("cannot read 'north' as a date"))
    #expect(result.output.contains("hint: "))
    #expect(result.output.contains("skipped"))
    #expect(result.output.contains("0 answered"))
    #expect(result.output.contains("unknown command :nonsense"))
    #expect(result.output.contains("Session over"))
    #expect(try savedStates().isEmpty)
  }

  @Test func factShowsTheWholeFactAndItsSource() throws {
    let result = try study([":fact", ":quit"])
    #expect(result.output.contains("date:"))
    #expect(result.output.contains("July 1998 to January 1999"))
    #expect(result.output.contains("Source: "))
  }

  @Test func againAtTheAnswerPromptShowsTheLastExplanation() throws {
    let before = try study([":again", ":quit"])
    #expect(before.output.contains("no card answered yet"))
    let result = try study(["July 1998 to January 1999", "", ":again", ":quit"])
    let explanation = "The Bajgora offensive was carried out from July 1998"
    let shown = result.output.components(separatedBy: explanation).count - 1
    #expect(shown == 2, "\(result.output)")
    // At the rating prompt :again is still the rating.
    let rated = try study(
      ["July 1998 to January 1999", ":again", ":quit"], now: "2026-11-25T10:00:00Z")
    #expect(rated.output.contains("rated again"))
  }

  @Test func eachPromptRefusesTheOthersCommandsAndListsItsOwn() throws {
    let result = try study([":good", ":help", "July 1998 to January 1999", ":hint", ":help", ""])
    #expect(result.output.contains(":good works after an answer, at the rating prompt"))
    #expect(result.output.contains(":hint works at the answer prompt, before an answer"))
    let helps = result.output.components(separatedBy: "  :quit")
    #expect(helps.count == 3)
    // The answer prompt's help names :hint and :skip; the rating prompt's does not.
    #expect(helps[0].contains(":hint") && helps[0].contains(":skip"))
    #expect(!helps[1].contains(":skip"))
  }

  /// After an undo at the answer prompt, the undone card is asked again under its own number.
  @Test func undoAtTheAnswerPromptKeepsTheCardsNumber() throws {
    let result = try study(["July 1998 to January 1999", "", ":undo", ":quit"])
    let numbers = result.output.split(separator: "\n").filter {
      $0.first?.isNumber == true && $0.contains(". ")
    }.map { $0.prefix { $0 != "." } }
    #expect(numbers == ["1", "2", "1"], "\(result.output)")
  }

  private func savedMarks(_ card: String) throws -> CardMarks {
    try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
      .marks(for: card)
  }

  /// `:suspend` at the answer prompt moves on and keeps the card out of every later session.
  @Test func suspendHidesTheCardUntilUnsuspended() throws {
    let result = try study([":suspend", ":quit"])
    #expect(result.output.contains("suspended; no session shows it"), "\(result.output)")
    #expect(result.output.contains("2. cloze"))
    #expect(try savedMarks("bajgora-offensive/date-short").suspended)
    let next = try study([":quit"], now: "2026-11-30T10:00:00Z")
    #expect(!next.output.contains("Between which months"))
    #expect(next.output.contains("1 suspended"), "\(next.output)")
  }

  /// `:bury` hides the card for the rest of the study day; the next day it is back.
  @Test func buryHidesTheCardUntilTheDayEnds() throws {
    let result = try study(["July 1998 to January 1999", ":bury", "", ":quit"])
    #expect(result.output.contains("buried; it comes back"), "\(result.output)")
    // The answer stays saved: bury only hides the card.
    #expect(try savedStates()["bajgora-offensive/date-short"] != nil)
    let marks = try savedMarks("bajgora-offensive/date-short")
    #expect(marks.buriedUntil == (try UTCTimestamp.parse("2026-11-25T04:00:00Z").get()))
    let later = try study([":quit"], now: "2026-11-24T10:30:00Z")
    #expect(later.output.contains("0 due · 19 new · 1 buried"), "\(later.output)")
    let tomorrow = try study([":quit"], now: "2026-11-25T10:00:00Z")
    #expect(tomorrow.output.contains("Between which months"), "\(tomorrow.output)")
  }

  /// `:flag` keeps the note, works at both prompts, and leaves the card in the session.
  @Test func flagKeepsTheNoteAndTheCard() throws {
    let result = try study([":flag the dates look wrong", "July 1998 to January 1999", ":flag", ""])
    #expect(result.output.contains("flagged as wrong, with your note"))
    #expect(result.output.contains("✓ correct"))
    let store = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
    let flagged = store.flaggedCards
    #expect(flagged.count == 1)
    // The second flag, with no note, replaces the first.
    #expect(flagged.first?.cardID == "bajgora-offensive/date-short")
    #expect(flagged.first?.flag.note == nil)
    let noted = try study(
      [":flag  the region is not a month  ", ":quit"], now: "2026-11-25T10:00:00Z")
    #expect(noted.status == .ok)
    let again = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
    #expect(again.flaggedCards.contains { $0.flag.note == "the region is not a month" })
  }

  private func answeredCards() throws -> Set<String> {
    Set(
      try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress).reviews()
        .map(\.cardID))
  }

  /// An undone answer gives its new-card slot back: with `--new 3`, three new cards are
  /// shown after one undo (two were before the fix).
  @Test func undoGivesBackTheNewCardSlot() throws {
    let date = "July 1998 to January 1999"
    let result = try study(
      [date, "", ":undo", date, "", "north", "", ":quit"], extra: ["--new", "3"])
    // Cards 1 and 2, card 1 again after the undo, card 2, and a third new card.
    let labels = result.output.split(separator: "\n").filter {
      $0.first?.isNumber == true && $0.contains(". ") && $0.contains(" · ")
    }
    #expect(labels.count == 5 && labels.allSatisfy { $0.hasSuffix("· new") }, "\(labels)")
  }

  /// Changing the rating re-schedules the same card: it uses one new-card slot, not two.
  @Test func aChangedRatingUsesOneNewCardSlot() throws {
    _ = try study(["July 1998 to January 1999", "4", "north", "", ":quit"], extra: ["--new", "2"])
    #expect(try answeredCards().count == 2)
  }

  /// An accepted typo is said once; a plainly wrong answer is called wrong.
  @Test func verdictsSayWhatHappenedOnce() throws {
    let result = try study(["March to May 1997", "", "norht", "", ":quit"])
    #expect(result.output.contains("✗ wrong — the answer is July 1998 to January 1999"))
    #expect(result.output.contains("✓ accepted as a typo — it is spelled north"))
    #expect(result.output.components(separatedBy: "typo").count == 2, "\(result.output)")
    #expect(result.output.contains("due later today: 2 · due tomorrow: 0"))
  }

  @Test func statsMidSessionCountCardsDueLaterToday() throws {
    let result = try study(["July 1998 to January 1999", "", ":stats", ":quit"])
    #expect(result.output.contains("left in the queue, 1 due later today"), "\(result.output)")
  }

  /// A card relearning after a lapse is labelled so, not as learning.
  @Test func aRelearningCardIsLabelledRelearning() throws {
    let now = try UTCTimestamp.parse("2026-11-24T10:00:00Z").get()
    let store = try ProgressStore.open(deckID: "bajgora-offensive", directory: progress)
    _ = try store.record(
      ReviewRecord(
        cardID: "bajgora-offensive/date-short", reviewedAt: now - 120, rating: .again,
        answer: "1990", accepted: false, responseMilliseconds: 1000,
        state: CardState(
          phase: .relearning, step: 0, stability: 1, difficulty: 5, due: now - 60,
          lastReview: now - 120)))
    try store.close()
    let result = try study([":quit"])
    #expect(result.output.contains("1. short · relearning"), "\(result.output)")
  }

  @Test func sessionLimitsAreHonoured() throws {
    let script = Array(repeating: ["1990", ""], count: 10).flatMap { $0 }
    let result = try study(script, extra: ["--limit", "2"])
    #expect(result.output.contains("reviewed 2 ·"))
  }

  @Test func aSecondSessionIsRefused() throws {
    let store = try ProgressStore.open(deckID: "bajgora-offensive", directory: progress)
    defer { try? store.close() }
    let result = try study([])
    #expect(result.status != .ok)
    #expect(result.error.contains("another recall session"))
  }

  @Test func anUnreadableProgressFileIsNeverOverwritten() throws {
    try FileManager.default.createDirectory(atPath: progress, withIntermediateDirectories: true)
    let path = progress + "/bajgora-offensive.json"
    let garbage = Data("{ this is not json".utf8)
    try garbage.write(to: URL(fileURLWithPath: path))
    let result = try study(["July 1998 to January 1999", ""])
    #expect(result.status == .dataError)
    #expect(result.error.contains("bajgora-offensive.json"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
  }

  @Test func theBuiltBinaryStudiesQuitsAndResumes() throws {
    let runner = BinaryRunner()
    let arguments = [
      "study", "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress, "--seed",
      "1", "--now", "2026-11-24T10:00:00Z",
    ]
    let first = try runner.run(arguments, input: "July 1998 to January 1999\n\n:quit\n")
    #expect(first.exitCode == 0, "\(first)")
    #expect(first.standardOutput.contains("reviewed 1 ·"))
    #expect(!first.standardOutput.contains("\u{1B}"))
    let second = try runner.run(
      arguments.dropLast() + ["2026-11-24T10:30:00Z"], input: ":quit\n")
    #expect(second.standardOutput.contains("1 due · 19 new"), "\(second)")
  }
}

@Suite struct StatsCommandTests {
  let decks = Repository.decks.path
  let progress = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-stats-\(UUID().uuidString)").path

  private func stats(_ extra: [String]) throws -> (RecallCLI.ExitStatus, String) {
    let command = try StatsCommand.parse(
      ["bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress] + extra)
    let captured = CapturedConsole()
    let status = command.execute(in: CommandContext(console: captured.console, environment: [:]))
    return (status, captured.standardOutput)
  }

  @Test func jsonFollowsTheContractBeforeAndAfterStudy() throws {
    let (status, before) = try stats(["--format", "json", "--now", "2026-11-24T10:00:00Z"])
    #expect(status == .ok)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any])
    #expect(object["deck"] as? String == "bajgora-offensive")
    #expect(object["reviews"] as? Int == 0)
    #expect(object["accuracy"] is NSNull)
    let cards = try #require(object["cards"] as? [String: Int])
    #expect(Set(cards.keys) == ["new", "learning", "review", "relearning"])
    let total = cards.values.reduce(0, +)

    _ = try ScriptedStudy.bajgora(
      ["July 1998 to January 1999", "4", "1990", ""], progress: progress)

    let (_, after) = try stats(["--format", "json", "--now", "2026-11-24T10:01:00Z"])
    let updated = try #require(
      try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
    #expect(updated["reviews"] as? Int == 2)
    #expect((updated["accuracy"] as? Double) == 0.5)
    let newCards = try #require(updated["cards"] as? [String: Int])
    #expect(newCards["review"] == 1)
    #expect(newCards["learning"] == 1)
    #expect(newCards.values.reduce(0, +) == total)
  }

  /// The share known on the exam day is the studied card's retrievability at the start of
  /// that day (4 a.m. UTC with `--now`) over every card of the deck, new ones counting 0.
  @Test func theExamFigureIsTheMeanRecallOnTheDay() throws {
    _ = try ScriptedStudy.bajgora(["July 1998 to January 1999", "4"], progress: progress)
    let (status, json) = try stats(
      ["--format", "json", "--now", "2026-11-24T10:01:00Z", "--exam", "2026-12-04"])
    #expect(status == .ok)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let exam = try #require(object["exam"] as? [String: Any])
    #expect(exam["date"] as? String == "2026-12-04")
    #expect(exam["days"] as? Int == 10)
    let cards = try #require(object["cards"] as? [String: Int]).values.reduce(0, +)
    let store = try ProgressStore.openReadOnly(deckID: "bajgora-offensive", directory: progress)
    let state = try #require(store.state(for: "bajgora-offensive/date-short"))
    let recall = try FSRSScheduler().retrievability(
      of: state, at: try UTCTimestamp.parse("2026-12-04T04:00:00Z").get())
    #expect(recall > 0.5 && recall < 1)
    let known = try #require(exam["known"] as? Double)
    #expect(abs(known - recall / Double(cards)) < 0.000_051)

    let (_, text) = try stats(["--now", "2026-11-24T10:01:00Z", "--exam", "2026-12-04"])
    #expect(text.contains("exam 2026-12-04, in 10 days: "))
    #expect(text.contains("% of the \(cards) cards known on the day if you study nothing more"))
    let (_, none) = try stats(["--format", "json", "--now", "2026-11-24T10:01:00Z"])
    #expect(none.contains("\"exam\": null"))
    // After the exam day there is nothing to predict.
    let (_, after) = try stats([
      "--format", "json", "--now", "2026-12-05T10:00:00Z", "--exam", "2026-12-04",
    ])
    #expect(after.contains("\"exam\": null"))
  }

  @Test func textShowsTheWeekAsBars() throws {
    let (status, text) = try stats(["--now", "2026-11-24T10:00:00Z"])
    #expect(status == .ok)
    #expect(text.contains("due in the next 7 days:"))
    #expect(text.contains("tomorrow"))
    #expect(
      StatsCommand.bars([0, 2, 4]) == [
        "tomorrow   0", "in 2 days ████████████████████ 2",
        "in 3 days ████████████████████████████████████████ 4",
      ])
  }
}
