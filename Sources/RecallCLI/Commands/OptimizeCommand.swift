import ArgumentParser
import Foundation
import RecallKit

/// `recall optimize`: fits the scheduler to the learner's own reviews of each deck.
public struct OptimizeCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Fit FSRS-6's weights to your own reviews of each deck; `recall study` uses them.",
    discussion: """
      Reads the deck's review log from your progress folder, fits the 21 weights as \
      `recall schedule optimize` does (days are your study days: they start at 4 a.m. local \
      time), and saves them beside your progress as <deck>.parameters.json, never in the \
      deck. They are saved only when they predict your reviews better (lower log loss) than \
      the weights in use: your earlier fit, else the deck's, else FSRS-6's. A deck with fewer \
      than 8 reviews on a later day than the one before is left alone (exit 65).

      Example:
        recall optimize bajgora-offensive
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Argument(help: ArgumentHelp("Deck ids or paths to deck files.", valueName: "deck"))
  public var decks: [String]

  @Option(
    help: ArgumentHelp(
      "Pretend the time is this ISO 8601 instant; days are then counted in UTC, as in "
        + "`recall stats`.", valueName: "time"))
  public var now: String?

  public init() {}

  public func validate() throws {
    if let now, case .failure(let error) = UTCTimestamp.parse(now) {
      throw ValidationError("--now: \(error)")
    }
  }

  /// Fits each deck in turn; a deck that cannot be fitted does not stop the others.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    // With --now the days are UTC days, as `recall stats` and `recall study` count them.
    let timeZone = now == nil ? TimeZone.current : TimeZone(identifier: "UTC") ?? .current
    for name in decks {
      do {
        try optimize(name, console: context.console, diagnostics: diagnostics, timeZone: timeZone)
      } catch {
        diagnostics.report(error)
      }
    }
  }

  private func optimize(
    _ name: String, console: Console, diagnostics: Diagnostics, timeZone: TimeZone
  ) throws {
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(name, printWarnings: false) else { return }
    let directory = progressOptions.library().directory
    var history = ReviewHistory()
    let stored = try LearnerParameters.load(deckID: deck.id, directory: directory)
    let store = try progressOptions.library().openReadOnly(deckID: deck.id)
    var outOfOrder = 0
    try store.forEachReview { record in
      do {
        try history.add(card: record.cardID, time: record.reviewedAt, rating: record.rating)
      } catch {
        outOfOrder += 1
      }
    }
    if outOfOrder > 0 {
      diagnostics.warning(
        "'\(deck.id)': \(outOfOrder) reviews earlier than their card's previous one were left "
          + "out")
    }
    let numbering = DayNumbering(timeZone: timeZone)
    let items = history.items(day: numbering.day(of:))
    let fit: FSRSOptimizer.Fit
    do {
      fit = try FSRSOptimizer.fit(items)
    } catch {
      throw CommandError.data("'\(deck.id)': \(error); nothing was changed")
    }
    guard fit.stage != .defaults else {
      throw CommandError.data(
        "'\(deck.id)': \(history.reviewCount) reviews so far, \(fit.trainingItems) of "
          + "them on a later day than the one before; fitting needs at least "
          + "\(FSRSOptimizer.minimumItems). Keep studying and try again later.")
    }
    let current =
      stored?.parameters ?? SchedulerOptions(settings: deck.settings).parameters
    let source =
      stored != nil
      ? "your earlier fit"
      : deck.settings.parameters != nil
        ? "the deck's weights" : "FSRS-6's defaults"
    let metrics = FSRSEvaluation.evaluate(items, parameterSets: [fit.parameters, current])
    guard let newMetrics = metrics[0], let oldMetrics = metrics[1] else {
      throw CommandError.data(
        "'\(deck.id)': the fit does not give finite predictions; nothing was changed")
    }
    let summary =
      "\(deck.id): \(history.reviewCount) reviews, \(items.count) on a later day than the one "
      + "before."
    console.line(summary)
    guard newMetrics.logLoss < oldMetrics.logLoss else {
      console.line(
        "  The new fit is no better than \(source) (log loss "
          + "\(MetricText.fixed(newMetrics.logLoss)) against "
          + "\(MetricText.fixed(oldMetrics.logLoss))); they stay in use.")
      return
    }
    let saved = LearnerParameters(
      deck: deck.id, parameters: fit.parameters, reviews: history.reviewCount,
      items: items.count, logLoss: newMetrics.logLoss,
      fittedAt: now.flatMap { try? UTCTimestamp.parse($0).get() } ?? Date())
    try saved.save(directory: directory)
    let path = try LearnerParameters.path(deckID: deck.id, directory: directory)
    let gain = (1 - newMetrics.logLoss / oldMetrics.logLoss) * 100
    console.line(
      "  Log loss \(MetricText.fixed(oldMetrics.logLoss)) with \(source), "
        + "\(MetricText.fixed(newMetrics.logLoss)) fitted (\(String(format: "%.1f", gain)) % "
        + "better); RMSE(bins) \(MetricText.fixed(oldMetrics.rmseBins)) → "
        + "\(MetricText.fixed(newMetrics.rmseBins)).")
    if fit.stage == .preTrained {
      console.line("  Only the first intervals were fitted; more reviews will fit the rest.")
    }
    console.line(
      "  Saved to \(path); "
        + "`recall study \(deck.id)` uses them.")
  }
}
