import ArgumentParser
import Foundation
import RecallKit

/// `recall forecast`: how many reviews the coming days bring, for planning study time.
public struct ForecastCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract: "Show how many reviews each of the coming days will bring.",
    discussion: """
      For each day from today: the cards already due that day (█), and the reviews the \
      simulation expects on top of them (░): cards forgotten or passed before the end \
      come back. Every studied card is simulated forward from its own memory state with \
      your fitted weights (`recall optimize`), else the deck's, at the desired retention; \
      the figure is the mean of 20 seeded runs. New cards are learnt at the deck's daily \
      rate (--new-per-day 0 leaves them out). Several decks are added up.

      --format json prints {"decks", "runs", "days": [{"date", "due", "reviews", "new"}]}.

      Examples:
        recall forecast bajgora-offensive
        recall forecast bajgora-offensive --days 90 --new-per-day 0
      """)

  /// Output forms.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions
  @OptionGroup(title: "Scheduling") public var scheduling: SchedulingOptions

  @Argument(help: ArgumentHelp("Deck ids or paths to deck files.", valueName: "deck"))
  public var decks: [String]

  @Option(help: ArgumentHelp("Days to forecast, 1 to 3650 (default 30).", valueName: "n"))
  public var days: Int = 30

  @OptionGroup public var simulation: SimulationOptions

  @Option(help: "text or json.")
  public var format: Format = .text

  public init() {}

  public func validate() throws {
    try SimulationOptions.validate(days: days)
    if decks.isEmpty { throw ValidationError("name at least one deck") }
  }

  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let (moment, zone) = simulation.moment
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    let progress = progressOptions.library()
    var total: ReviewForecast?
    var names: [String] = []
    for name in decks {
      guard let deck = loading.load(name, printWarnings: false) else { continue }
      let learner = try LearnerParameters.options(
        over: SchedulerOptions(settings: deck.settings), deckID: deck.id,
        directory: progress.directory)
      let options = try scheduling.options(over: learner)
      let store = try progress.openReadOnly(deckID: deck.id)
      var states: [CardState] = []
      var unseen = 0
      for question in QuestionGenerator(deck: deck).questions() {
        if !store.marks.isEmpty && store.marks(for: question.id).suspended { continue }
        if let state = store.state(for: question.id), state.phase != .new {
          states.append(state)
        } else {
          unseen += 1
        }
      }
      let forecast = ReviewForecast(
        states: states, newCards: unseen, options: options,
        newPerDay: simulation.newPerDay ?? deck.settings.newPerDay
          ?? StudyLimits.defaultNewPerDay,
        now: moment, timeZone: zone, days: days, runs: ReviewForecast.defaultRuns,
        seed: simulation.seed)
      total = total.map { $0.adding(forecast) } ?? forecast
      names.append(deck.id)
    }
    guard let total else { return }
    switch format {
    case .json:
      context.console.line(Self.json(total, decks: names, timeZone: zone))
    case .text:
      for line in Self.chart(total, timeZone: zone) { context.console.line(line) }
    }
  }

  static func json(_ forecast: ReviewForecast, decks: [String], timeZone: TimeZone) -> String {
    let dates = Self.formatter("yyyy-MM-dd", timeZone: timeZone)
    let days = forecast.days.map { day in
      "{\"date\": \"\(dates.string(from: day.start))\", \"due\": \(day.due), "
        + "\"reviews\": \(MetricText.fixed(day.reviews, 2)), "
        + "\"new\": \(MetricText.fixed(day.new, 2))}"
    }
    return "{\"decks\": [\(decks.map(JSONText.quoted).joined(separator: ", "))], "
      + "\"runs\": \(forecast.runs), \"days\": [\(days.joined(separator: ", "))]}"
  }

  /// One row a day, within 80 columns: the date, a bar of the cards already due (█) and of
  /// the further expected reviews (░), scaled to the busiest day, then the figures.
  static func chart(_ forecast: ReviewForecast, timeZone: TimeZone) -> [String] {
    let barWidth = 44
    let peak = max(
      1, forecast.days.map(\.reviews).max() ?? 0, Double(forecast.days.map(\.due).max() ?? 0))
    var lines = [
      "reviews a day (█ due now, ░ expected on top; mean of \(forecast.runs) simulated runs)"
    ]
    let labels = Self.formatter("EEE dd MMM", timeZone: timeZone)
    for (offset, day) in forecast.days.enumerated() {
      let label = offset == 0 ? "today" : labels.string(from: day.start)
      let total = max(day.reviews, Double(day.due))
      let solid = Int((Double(day.due) / peak * Double(barWidth)).rounded())
      let whole = Int((total / peak * Double(barWidth)).rounded())
      let bar =
        String(repeating: "█", count: solid) + String(repeating: "░", count: max(0, whole - solid))
      let figures =
        "\(Int(day.reviews.rounded()))" + (day.new >= 0.5 ? " +\(Int(day.new.rounded())) new" : "")
      lines.append(
        label.padding(toLength: 11, withPad: " ", startingAt: 0)
          + bar.padding(toLength: barWidth + 1, withPad: " ", startingAt: 0) + figures)
    }
    let reviews = forecast.days.map(\.reviews).reduce(0, +)
    lines.append(
      "\(Int(reviews.rounded())) reviews in \(forecast.days.count) days, "
        + "\(MetricText.fixed(reviews / Double(max(forecast.days.count, 1)), 1)) a day")
    return lines
  }

  /// A formatter for `pattern`, made once per output: making one per day took a twelfth of a
  /// year's forecast.
  private static func formatter(_ pattern: String, timeZone: TimeZone) -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = pattern
    return formatter
  }
}
