import ArgumentParser
import Foundation
import RecallKit

/// `recall stats`: where a learner stands on a deck.
public struct StatsCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Show cards by state, what is due, reviews, retention and the hardest facts.",
    discussion: """
      Text is for people; --format json is for scripts:
        {"deck", "cards": {"new", "learning", "review", "relearning"}, "due_now",
         "due_later_today", "due_next_7_days", "suspended", "buried",
         "flagged": [{"card", "at", "note"}], "reviews", "accuracy", "time_studied_seconds", "retention",
         "desired_retention", "exam" ({"date", "days", "known"} or null),
         "reviews_by_day" (30, oldest first, last is today),
         "due_by_day" (30, first is tomorrow),
         "hardest": [{"fact", "lapses", "reps"}], "lapses"}
      Retention is the share of the last 30 days' reviews of cards in review that were \
      accepted (null when there were none); a lapse is an again rating on a card in review. \
      "reps" counts a fact's reviews (undone ones left out); "lapses" at the top is the \
      deck's total.

      With no deck, the whole deck folder: the figures added up over every deck, the \
      hardest facts of all the decks, one line a deck, then the exam readiness of each deck \
      with an exam to come. JSON: {"total": {the fields above but "deck", \
      "desired_retention" and "exam", "decks", and "hardest": [{"deck", "fact", "lapses", \
      "reps"}]}, "decks": [one object a deck, as above]}.
      """)

  /// Output forms.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Argument(
    help: ArgumentHelp(
      "Deck id or path to a deck file (default: every deck in the folder, summed).",
      valueName: "deck"))
  public var deck: String?

  @Option(help: "text or json.")
  public var format: Format = .text

  @Option(help: ArgumentHelp("Pretend the time is this ISO 8601 instant.", valueName: "time"))
  public var now: String?

  @Option(
    help: ArgumentHelp(
      "Exam date, such as 2027-06-10 (default: the one `recall study --exam` kept).",
      valueName: "date"))
  public var exam: String?

  @Option(help: "Seed the questions are generated with (ids do not depend on it).")
  public var seed: UInt64 = 0

  public init() {}

  public func validate() throws {
    if let exam, ExamDate.parse(exam) == nil {
      throw ValidationError("--exam must be a date such as 2027-06-10, found '\(exam)'")
    }
    if let now {
      switch UTCTimestamp.parse(now) {
      case .failure(let error): throw ValidationError("--now: \(error)")
      case .success(let date):
        if let refusal = ProgressStore.refusal(ofSessionTime: date) {
          throw ValidationError("--now: \(refusal)")
        }
      }
    }
  }

  /// Prints where the learner stands on the deck.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    guard let name = self.deck else {
      return try collection(in: context, diagnostics: diagnostics)
    }
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(name, printWarnings: false) else { return }
    let statistics = try statistics(of: deck)
    let readiness = try examReadiness(of: deck)
    switch format {
    case .json:
      context.console.line(
        Self.json(
          statistics, deck: deck.id, desiredRetention: Self.desiredRetention(deck),
          exam: readiness))
    case .text:
      text(
        statistics, deck: deck, style: TerminalStyle.current(environment: context.environment),
        console: context.console)
      if let readiness { context.console.line(Self.examLine(readiness)) }
    }
  }

  /// The share of the deck known on the exam day (`--exam`, else the kept date), with the
  /// learner's fitted weights over the deck's; nil with no exam or once it is over.
  private func examReadiness(of deck: Deck) throws -> ExamReadiness? {
    let progress = progressOptions.library()
    let date =
      try exam.flatMap(ExamDate.parse)
      ?? ExamDate.load(deckID: deck.id, directory: progress.directory)
    guard let date else { return nil }
    let options = try LearnerParameters.options(
      over: SchedulerOptions(settings: deck.settings), deckID: deck.id,
      directory: progress.directory)
    let scheduler = try FSRSScheduler(options: options)
    let store = try progress.openReadOnly(deckID: deck.id)
    let (moment, zone) = self.moment
    return ExamReadiness(
      exam: date, cardIDs: QuestionGenerator(deck: deck, seed: seed).questions().map(\.id),
      state: { store.state(for: $0) }, scheduler: scheduler, now: moment, timeZone: zone)
  }

  /// `exam 2027-06-10, in 190 days: 64% of the 120 cards known on the day if you study
  /// nothing more`.
  static func examLine(_ readiness: ExamReadiness) -> String {
    let when =
      switch readiness.daysAhead {
      case 0: "today"
      case 1: "tomorrow"
      default: "in \(readiness.daysAhead) days"
      }
    return
      "exam \(readiness.exam), \(when): \(Int((readiness.known * 100).rounded()))% of the "
      + "\(readiness.cards) cards known on the day if you study nothing more"
  }

  /// The moment the figures are taken at and the time zone of its study day.
  private var moment: (now: Date, zone: TimeZone) {
    let fixed = now.flatMap { try? UTCTimestamp.parse($0).get() }
    return (
      fixed ?? Date(), fixed == nil ? TimeZone.current : TimeZone(identifier: "UTC") ?? .current
    )
  }

  private func statistics(of deck: Deck) throws(ProgressError) -> DeckStatistics {
    let (moment, zone) = self.moment
    let store = try progressOptions.library().openReadOnly(deckID: deck.id)
    let questions = QuestionGenerator(deck: deck, seed: seed).questions()
    return try DeckStatistics(
      cardIDs: questions.map(\.id), store: store, now: moment, timeZone: zone, days: 30,
      facts: Dictionary(questions.map { ($0.id, $0.fact) }) { first, _ in first })
  }

  /// `recall stats` with no deck: every deck of the folder added up, then a line a deck. A
  /// deck that does not load, or whose progress does not read, is reported and left out.
  private func collection(in context: CommandContext, diagnostics: Diagnostics) throws {
    let library = libraryOptions.library()
    let files = library.deckFiles()
    guard !files.isEmpty else { throw CommandError.noInput("no decks in \(library.directory)") }
    var decks: [(deck: Deck, statistics: DeckStatistics)] = []
    var exams: [String: ExamReadiness] = [:]
    for file in DeckFolderLoad.load(files) {
      switch file.result {
      case .failure(let error):
        diagnostics.report(error)
      case .success(let result):
        guard let deck = result.deck else {
          diagnostics.warning(
            "left out \(file.path): it has errors (run 'recall check \(file.path)')")
          continue
        }
        do {
          decks.append((deck, try statistics(of: deck)))
          exams[deck.id] = try examReadiness(of: deck)
        } catch {
          diagnostics.report(error)
        }
      }
    }
    guard let total = DeckStatistics.total(decks.map(\.statistics)) else { return }
    switch format {
    case .json:
      let objects = decks.map {
        Self.json(
          $0.statistics, deck: $0.deck.id, desiredRetention: Self.desiredRetention($0.deck),
          exam: exams[$0.deck.id])
      }
      let hardest = DeckStatistics.hardest(across: decks.map { ($0.deck.id, $0.statistics) })
      context.console.line(
        "{\"total\": \(Self.totalJSON(total, decks: decks.count, hardest: hardest)), "
          + "\"decks\": [\(objects.joined(separator: ", "))]}")
    case .text:
      collectionText(
        total, decks: decks, style: TerminalStyle.current(environment: context.environment),
        console: context.console)
      let coming = decks.compactMap { deck in exams[deck.deck.id].map { (deck.deck.id, $0) } }
      if !coming.isEmpty {
        context.console.line("exams:")
        for (id, readiness) in coming {
          context.console.line("  " + TextSanitizer.visible(id) + ": " + Self.examLine(readiness))
        }
      }
    }
  }

  private func collectionText(
    _ total: DeckStatistics, decks: [(deck: Deck, statistics: DeckStatistics)],
    style: TerminalStyle, console: Console
  ) {
    console.line(style.bold("All decks (\(decks.count) \(decks.count == 1 ? "deck" : "decks"))"))
    for line in Self.standing(total, deck: nil) { console.line(line) }
    for line in Self.flaggedBlock(total.flagged) { console.line(line) }
    let hardest = DeckStatistics.hardest(across: decks.map { ($0.deck.id, $0.statistics) })
    if !hardest.isEmpty {
      let byID = Dictionary(decks.map { ($0.deck.id, $0.deck) }) { first, _ in first }
      console.line("hardest facts:")
      for hard in hardest {
        guard let deck = byID[hard.deck] else { continue }
        console.line(Self.hardestLine(hard.fact, in: deck, naming: true))
      }
    }
    console.line("by deck:")
    var rows = [["ID", "CARDS", "DUE", "LATER", "TOMORROW", "REVIEWS", "ACCURACY"]]
    for (deck, statistics) in decks {
      rows.append(
        [
          deck.id, String(statistics.cards.values.reduce(0, +)), String(statistics.dueNow),
          String(statistics.dueLaterToday), String(statistics.dueByDay.first ?? 0),
          String(statistics.reviews),
          statistics.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–",
        ])
    }
    for line in DecksCommand.table(rows) { console.line("  " + TextSanitizer.visible(line)) }
  }

  /// The deck's own target, else the scheduler's default.
  static func desiredRetention(_ deck: Deck) -> Double {
    deck.settings.desiredRetention ?? SchedulerOptions.defaultDesiredRetention
  }

  static func json(
    _ statistics: DeckStatistics, deck: String, desiredRetention: Double,
    exam: ExamReadiness? = nil
  ) -> String {
    let hardest = statistics.hardest.map {
      "{\"fact\": \(JSONText.quoted($0.fact)), \"lapses\": \($0.lapses), \"reps\": \($0.reps)}"
    }
    var fields = ["\"deck\": \(JSONText.quoted(deck))"] + commonFields(statistics)
    fields.insert(
      "\"desired_retention\": \(number(desiredRetention))",
      at: fields.firstIndex { $0.hasPrefix("\"reviews_by_day\"") } ?? fields.endIndex)
    let examField = exam.map {
      "{\"date\": \"\($0.exam)\", \"days\": \($0.daysAhead), \"known\": \(number($0.known))}"
    }
    fields.insert(
      "\"exam\": \(examField ?? "null")",
      at: fields.firstIndex { $0.hasPrefix("\"reviews_by_day\"") } ?? fields.endIndex)
    fields.insert(
      "\"hardest\": [\(hardest.joined(separator: ", "))]", at: fields.endIndex - 1)
    return "{" + fields.joined(separator: ", ") + "}"
  }

  /// The collection's totals: a deck's fields but `deck` and `desired_retention`, after the
  /// number of decks; `hardest` names each fact's deck.
  static func totalJSON(
    _ total: DeckStatistics, decks: Int, hardest: [DeckStatistics.DeckHardFact]
  ) -> String {
    let hard = hardest.map {
      "{\"deck\": \(JSONText.quoted($0.deck)), \"fact\": \(JSONText.quoted($0.fact.fact)), "
        + "\"lapses\": \($0.fact.lapses), \"reps\": \($0.fact.reps)}"
    }
    var fields = ["\"decks\": \(decks)"] + commonFields(total)
    fields.insert("\"hardest\": [\(hard.joined(separator: ", "))]", at: fields.endIndex - 1)
    return "{" + fields.joined(separator: ", ") + "}"
  }

  private static func number(_ value: Double?) -> String {
    guard let value else { return "null" }
    return String(format: "%.4f", value)
  }

  /// The fields a deck's object and the collection's totals share, in their order.
  private static func commonFields(_ statistics: DeckStatistics) -> [String] {
    let cards = CardState.Phase.allCases.map { "\"\($0.rawValue)\": \(statistics.cards[$0] ?? 0)" }
    func list(_ values: some Sequence<Int>) -> String {
      "[" + values.map(String.init).joined(separator: ", ") + "]"
    }
    let flagged = statistics.flagged.map {
      "{\"card\": \(JSONText.quoted($0.cardID)), "
        + "\"at\": \(JSONText.quoted(UTCTimestamp.format($0.flag.at))), "
        + "\"note\": \($0.flag.note.map(JSONText.quoted) ?? "null")}"
    }
    return [
      "\"cards\": {\(cards.joined(separator: ", "))}",
      "\"due_now\": \(statistics.dueNow)",
      "\"due_later_today\": \(statistics.dueLaterToday)",
      "\"due_next_7_days\": \(list(statistics.dueByDay.prefix(7)))",
      "\"suspended\": \(statistics.suspended)", "\"buried\": \(statistics.buried)",
      "\"flagged\": [\(flagged.joined(separator: ", "))]",
      "\"reviews\": \(statistics.reviews)", "\"accuracy\": \(number(statistics.accuracy))",
      "\"time_studied_seconds\": \(statistics.milliseconds / 1000)",
      "\"retention\": \(number(statistics.retention))",
      "\"reviews_by_day\": \(list(statistics.reviewsByDay))",
      "\"due_by_day\": \(list(statistics.dueByDay))",
      "\"lapses\": \(statistics.lapses)",
    ]
  }

  private func text(
    _ statistics: DeckStatistics, deck: Deck, style: TerminalStyle, console: Console
  ) {
    console.line(style.bold(TextSanitizer.visible(deck.title)))
    for line in Self.standing(statistics, deck: deck) { console.line(line) }
    console.line("reviews per day, last 30 days (today at the right):")
    for line in Self.columns(statistics.reviewsByDay) { console.line(line) }
    console.line("due per day, next 30 days (tomorrow at the left):")
    for line in Self.columns(statistics.dueByDay) { console.line(line) }
    for line in Self.flaggedBlock(statistics.flagged) { console.line(line) }
    guard !statistics.hardest.isEmpty else { return }
    console.line("hardest facts:")
    for hard in statistics.hardest { console.line(Self.hardestLine(hard, in: deck)) }
  }

  /// `  1 lapse in 2 reviews  fact-id  label`; `naming` the deck (`deck-id: fact-id`) over
  /// several decks, where fact ids are only unique within one.
  static func hardestLine(_ hard: DeckStatistics.HardFact, in deck: Deck, naming: Bool = false)
    -> String
  {
    let label = Self.label(hard.fact, in: deck)
    let noun = hard.lapses == 1 ? "lapse" : "lapses"
    let reviews = hard.reps == 1 ? "review" : "reviews"
    let fact = naming ? "\(deck.id): \(hard.fact)" : hard.fact
    return "  \(hard.lapses) \(noun) in \(hard.reps) \(reviews)  \(TextSanitizer.visible(fact))"
      + (label.isEmpty ? "" : "  \(TextSanitizer.visible(label))")
  }

  /// The lines a deck and the collection's totals share, from the cards by state to the next
  /// 7 days. A `deck` adds where its set-aside cards are listed and its desired retention.
  static func standing(_ statistics: DeckStatistics, deck: Deck?) -> [String] {
    let cards = CardState.Phase.allCases.map { "\(statistics.cards[$0] ?? 0) \($0.rawValue)" }
    var lines = [
      "cards: " + cards.joined(separator: " · "),
      "due now: \(statistics.dueNow) · due later today: \(statistics.dueLaterToday) · "
        + "due tomorrow: \(statistics.dueByDay.first ?? 0)",
    ]
    if statistics.suspended + statistics.buried > 0 {
      lines.append(
        "set aside: \(statistics.suspended) suspended · \(statistics.buried) buried"
          + (deck.map { " (`recall suspended \($0.id)` lists them)" } ?? ""))
    }
    let accuracy = statistics.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    lines.append("reviews: \(statistics.reviews) · accuracy \(accuracy)")
    let desired = deck.map { Int((Self.desiredRetention($0) * 100).rounded()) }
    if let retention = statistics.retention {
      let count = statistics.retentionReviews
      lines.append(
        "retention, last 30 days: \(Int((retention * 100).rounded()))% of \(count) "
          + "\(count == 1 ? "review" : "reviews") of cards in review"
          + (desired.map { " (desired \($0)%)" } ?? ""))
    } else {
      lines.append(
        "retention, last 30 days: – (no reviews of cards in review"
          + (desired.map { "; desired \($0)%)" } ?? ")"))
    }
    lines.append("time studied: \(Self.duration(statistics.milliseconds / 1000))")
    lines.append("due in the next 7 days:")
    return lines + Self.bars(Array(statistics.dueByDay.prefix(7)))
  }

  /// The flagged cards under their heading; nothing when there are none.
  static func flaggedBlock(_ flagged: [DeckStatistics.FlaggedCard]) -> [String] {
    guard !flagged.isEmpty else { return [] }
    return ["flagged as wrong by the learner:"] + flaggedLines(flagged).map { "  " + $0 }
  }

  /// `card-id  flagged 2026-11-24: note`, one line a flagged card, control characters shown.
  static func flaggedLines(_ flagged: [DeckStatistics.FlaggedCard]) -> [String] {
    flagged.map { card in
      let day = String(UTCTimestamp.format(card.flag.at).prefix(10))
      let note = card.flag.note.map { ": \($0)" } ?? " (no note)"
      return TextSanitizer.visible("\(card.cardID)  flagged \(day)\(note)")
    }
  }

  /// A fact in a few words: the first line of its first question's explanation, cut short.
  static func label(_ fact: String, in deck: Deck) -> String {
    let text = QuestionGenerator(deck: deck).questions(facts: [fact]).first?.explanation ?? ""
    let line = text.split(separator: "\n").first.map(String.init) ?? ""
    return line.count <= 50 ? line : String(line.prefix(49)) + "…"
  }

  /// `1 h 05 min`, `12 min 30 s`, `45 s`.
  static func duration(_ seconds: Int) -> String {
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
    if hours > 0 { return "\(hours) h \(String(format: "%02d", minutes)) min" }
    if minutes > 0 { return "\(minutes) min \(String(format: "%02d", rest)) s" }
    return "\(rest) s"
  }

  /// A column chart, one character a day and four rows high, scaled to the busiest day; the
  /// peak is written after the top row.
  static func columns(_ counts: [Int], height: Int = 4) -> [String] {
    let peak = max(1, counts.max() ?? 0)
    let blocks = Array(" ▁▂▃▄▅▆▇█")
    let eighths = counts.map { $0 == 0 ? 0 : max(1, $0 * height * 8 / peak) }
    return (0..<height).map { row in
      let floor = (height - 1 - row) * 8
      let line = String(eighths.map { blocks[min(8, max(0, $0 - floor))] })
      return "  │" + line + (row == 0 ? "│ \(counts.max() ?? 0)" : "│")
    } + ["  └" + String(repeating: "─", count: counts.count) + "┘ 0"]
  }

  /// One bar a day, scaled to 40 characters at the busiest day.
  static func bars(_ counts: [Int]) -> [String] {
    let peak = max(1, counts.max() ?? 1)
    return counts.enumerated().map { day, count in
      let label = day == 0 ? "tomorrow" : "in \(day + 1) days"
      let width = count == 0 ? 0 : max(1, count * 40 / peak)
      return label.padding(toLength: 10, withPad: " ", startingAt: 0)
        + String(repeating: "█", count: width) + " \(count)"
    }
  }
}
