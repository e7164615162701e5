import ArgumentParser
import Foundation
import RecallKit

/// `recall simulate`: the workload and knowledge each desired retention would bring, so a
/// learner can choose one.
public struct SimulateCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Estimate daily workload and knowledge for a range of desired retentions.",
    discussion: """
      Simulates a learner studying day by day, as fsrs-rs's simulator (the one in Anki) \
      does: new cards are learnt at a daily rate, each review is recalled with the card's \
      retrievability, answers take the time Anki users take, and memory follows FSRS-6. \
      With decks, the simulation starts from your cards' stored states with your fitted \
      weights (`recall optimize`), else the deck's, and learns the cards not studied yet; \
      with --cards N it starts from N new cards and FSRS-6's weights (or --parameters). \
      Each retention is the mean of several seeded runs (about 20,000 simulated cards).

      Columns: reviews and minutes a day (mean over the span), the share of reviews \
      recalled, the cards you would recall on the last day, and those per hour of study; \
      the most efficient retention (most known per hour) is marked ← best.

      --format json prints {"cards", "studied", "days", "new_per_day", "runs", "seed", \
      "rows": [{"desired_retention", "reviews_per_day", "new_per_day", "minutes_per_day", \
      "retention", "known", "known_per_hour"}], "most_efficient"}.

      Examples:
        recall simulate --cards 1000 --new-per-day 20
        recall simulate bajgora-offensive --days 180 --retentions 0.8,0.85,0.9
      """)

  /// Output forms.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Argument(help: ArgumentHelp("Deck ids or paths to deck files.", valueName: "deck"))
  public var decks: [String] = []

  @Option(help: ArgumentHelp("Simulate this many new cards instead of decks.", valueName: "n"))
  public var cards: Int?

  @Option(help: ArgumentHelp("Days to simulate, 1 to 3650 (default 365).", valueName: "n"))
  public var days: Int = 365

  @Option(
    help: ArgumentHelp(
      "Desired retentions to compare, each 0.5 to 0.99 (default 0.7,0.75,…,0.95).",
      valueName: "r,…"))
  public var retentions: String?

  @Option(
    help: ArgumentHelp(
      "The 21 FSRS-6 weights, comma-separated (default: yours, the deck's or FSRS-6's).",
      valueName: "w0,…,w20"))
  public var parameters: String?

  @OptionGroup public var simulation: SimulationOptions

  @Option(help: "text or json.")
  public var format: Format = .text

  static let cardRange = 1...1_000_000

  public init() {}

  public func validate() throws {
    if decks.isEmpty == (cards == nil) {
      throw ValidationError(
        decks.isEmpty ? "name decks or give --cards N" : "name decks or give --cards, not both")
    }
    if let cards, !Self.cardRange.contains(cards) {
      throw ValidationError("--cards must be between 1 and 1000000, found \(cards)")
    }
    try SimulationOptions.validate(days: days)
    if cards != nil, simulation.newPerDay == 0 {
      throw ValidationError("--new-per-day must be at least 1 with --cards")
    }
    _ = try retentionList()
    if let parameters {
      do {
        var options = SchedulerOptions()
        options.parameters = try SchedulerOptions.parseParameters(parameters)
        try options.validate()
      } catch {
        throw ValidationError("--parameters: \(error)")
      }
    }
  }

  /// The retentions to compare, each within the scheduler's range.
  func retentionList() throws -> [Double] {
    guard let retentions else { return RetentionComparison.defaultRetentions }
    var values: [Double] = []
    for field in retentions.split(separator: ",", omittingEmptySubsequences: false) {
      let text = field.trimmingCharacters(in: .whitespaces)
      guard let value = Double(text), value.isFinite else {
        throw ValidationError("--retentions: '\(text)' is not a number")
      }
      guard SchedulerOptions.desiredRetentionRange.contains(value) else {
        throw ValidationError(
          "--retentions: each must be between 0.5 and 0.99, found \(NumberValue.format(value))")
      }
      values.append(value)
    }
    guard values.count <= 20 else {
      throw ValidationError("--retentions: at most 20 values, found \(values.count)")
    }
    return values
  }

  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let retentions = try retentionList()
    let weights = try parameters.map { text throws in
      try SchedulerOptions.parseParameters(text)
    }
    var total: RetentionComparison?
    var (cardCount, studied, newRate) = (0, 0, 0)
    if let cards {
      var options = SchedulerOptions()
      if let weights { options.parameters = weights }
      let rate = simulation.newPerDay ?? StudyLimits.defaultNewPerDay
      let config = SimulationConfig(options: options, days: days, newCards: cards, newPerDay: rate)
      total = RetentionComparison(
        base: config, retentions: retentions, runs: RetentionComparison.runs(forCards: cards),
        seed: simulation.seed)
      (cardCount, newRate) = (cards, rate)
    }
    let (moment, zone) = simulation.moment
    let today = StudyDay(containing: moment, timeZone: zone)
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    let progress = progressOptions.library()
    for name in decks {
      guard let deck = loading.load(name, printWarnings: false) else { continue }
      var options = try LearnerParameters.options(
        over: SchedulerOptions(settings: deck.settings), deckID: deck.id,
        directory: progress.directory)
      if let weights { options.parameters = weights }
      let store = try progress.openReadOnly(deckID: deck.id)
      var existing: [SimulatedCard] = []
      var unseen = 0
      for question in QuestionGenerator(deck: deck).questions() {
        if !store.marks.isEmpty && store.marks(for: question.id).suspended { continue }
        if let state = store.state(for: question.id),
          let card = ReviewForecast.simulatedCard(state, today: today)
        {
          existing.append(card)
        } else {
          unseen += 1
        }
      }
      let rate = simulation.newPerDay ?? deck.settings.newPerDay ?? StudyLimits.defaultNewPerDay
      let config = SimulationConfig(options: options, days: days, newCards: unseen, newPerDay: rate)
      let comparison = RetentionComparison(
        base: config, retentions: retentions, existing: existing,
        runs: RetentionComparison.runs(forCards: existing.count + unseen),
        seed: simulation.seed)
      total = total.map { $0.adding(comparison) } ?? comparison
      cardCount += existing.count + unseen
      studied += existing.count
      newRate += rate
    }
    guard let total else { return }
    switch format {
    case .json:
      context.console.line(
        Self.json(
          total, cards: cardCount, studied: studied, newPerDay: newRate, seed: simulation.seed))
    case .text:
      context.console.line(
        "\(cardCount) cards (\(studied) studied), \(days) days, \(newRate) new a day; "
          + "mean of \(total.runs) \(total.runs == 1 ? "run" : "runs") from seed \(simulation.seed)"
      )
      for line in Self.table(total) { context.console.line(line) }
    }
  }

  static func table(_ comparison: RetentionComparison) -> [String] {
    let best = comparison.mostEfficient?.desiredRetention
    var lines = ["desired  reviews/day  minutes/day  recalled  known at end  known/hour"]
    for row in comparison.rows {
      func column(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
      }
      let recalled = row.retention.map { MetricText.fixed($0 * 100, 1) + "%" } ?? "–"
      let perHour = row.knownPerHour.map { MetricText.fixed($0, 1) } ?? "–"
      lines.append(
        column(MetricText.fixed(row.desiredRetention * 100, 0) + "%", 7)
          + column(MetricText.fixed(row.reviewsPerDay, 1), 13)
          + column(MetricText.fixed(row.minutesPerDay, 1), 13)
          + column(recalled, 10) + column(MetricText.fixed(row.known, 1), 14)
          + column(perHour, 12) + (row.desiredRetention == best ? "  ← best" : ""))
    }
    return lines
  }

  static func json(
    _ comparison: RetentionComparison, cards: Int, studied: Int, newPerDay: Int, seed: UInt64
  ) -> String {
    func number(_ value: Double?) -> String {
      value.map { MetricText.fixed($0, 4) } ?? "null"
    }
    let rows = comparison.rows.map { row in
      "{\"desired_retention\": \(number(row.desiredRetention)), "
        + "\"reviews_per_day\": \(number(row.reviewsPerDay)), "
        + "\"new_per_day\": \(number(row.newPerDay)), "
        + "\"minutes_per_day\": \(number(row.minutesPerDay)), "
        + "\"retention\": \(number(row.retention)), \"known\": \(number(row.known)), "
        + "\"known_per_hour\": \(number(row.knownPerHour))}"
    }
    return "{\"cards\": \(cards), \"studied\": \(studied), \"days\": \(comparison.days), "
      + "\"new_per_day\": \(newPerDay), \"runs\": \(comparison.runs), \"seed\": \(seed), "
      + "\"rows\": [\(rows.joined(separator: ", "))], "
      + "\"most_efficient\": \(number(comparison.mostEfficient?.desiredRetention))}"
  }
}
