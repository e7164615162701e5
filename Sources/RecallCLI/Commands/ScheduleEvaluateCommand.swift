import ArgumentParser
import Foundation
import RecallKit

/// `recall schedule evaluate`: how well weights predict a review log.
public struct ScheduleEvaluateCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Score FSRS-6 weights on a review log: log loss, RMSE(bins), AUC.",
    discussion: """
      Scores the given weights (default: FSRS-6's) on every review on a later day than the \
      one before, as fsrs-rs's evaluate does (later reviews weigh more), and runs fsrs-rs's \
      time-series split: the predictions cut into six segments in time order, weights \
      fitted on everything before each of the last five and scored on it. Lower log loss \
      and RMSE(bins) are better; an AUC of 0.5 is chance.

      --format json prints {"reviews", "items", "log_loss", "rmse_bins", "auc", \
      "time_series_split": {"log_loss", "rmse_bins", "auc"} or null}.

      Examples:
        recall schedule evaluate reviews.jsonl
        recall schedule evaluate --parameters "$(recall schedule optimize r.jsonl | tail -1)" r.jsonl
      """)

  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @Option(
    help: ArgumentHelp("The 21 weights to score (default: FSRS-6's).", valueName: "w0,…,w20"))
  public var parameters: String?

  @Option(help: "text or json.")
  public var format: Format = .text

  @Argument(
    help: ArgumentHelp("The review log; standard input when omitted or '-'.", valueName: "file"))
  public var file: String?

  public init() {}

  public func validate() throws {
    if let parameters { _ = try Self.weights(parameters) }
  }

  static func weights(_ text: String) throws -> [Double] {
    do {
      var options = SchedulerOptions()
      options.parameters = try SchedulerOptions.parseParameters(text)
      try options.validate()
      return options.parameters
    } catch {
      throw ValidationError("--parameters: \(error)")
    }
  }

  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    let weights: [Double]
    do {
      weights = try parameters.map(Self.weights) ?? FSRSParameters.defaults
    } catch {
      throw CommandError.usage("\(error)")
    }
    let history = try ReviewLogInput(
      file: file, diagnostics: diagnostics, standardInput: context.standardInput
    ).read().history
    let items = history.items(day: DayNumbering.utc.day(of:))
    guard let metrics = FSRSEvaluation.evaluate(items, parameters: weights) else {
      throw CommandError.data(
        "nothing to score: no card has a review on a later day than the one before")
    }
    var split: FSRSMetrics?
    var splitNote = ""
    switch FSRSEvaluation.timeSeriesSplit(items) {
    case .metrics(let value): split = value
    case .tooFewItems: splitNote = "too few predictions to split"
    case .failed(let error): splitNote = "\(error)"
    }
    switch format {
    case .json:
      func object(_ m: FSRSMetrics) -> String {
        "{\"log_loss\": \(MetricText.json(m.logLoss)), \"rmse_bins\": "
          + "\(MetricText.json(m.rmseBins)), \"auc\": \(MetricText.json(m.auc))}"
      }
      var line = "{\"reviews\": \(history.reviewCount), \"items\": \(items.count), "
      line += "\"log_loss\": \(MetricText.json(metrics.logLoss)), "
      line += "\"rmse_bins\": \(MetricText.json(metrics.rmseBins)), "
      line += "\"auc\": \(MetricText.json(metrics.auc)), "
      line += "\"time_series_split\": \(split.map(object) ?? "null")}"
      console.line(line)
    case .text:
      console.line("\(history.reviewCount) reviews, \(items.count) predictions on a later day")
      console.line("                    log loss  RMSE(bins)  AUC")
      func row(_ label: String, _ m: FSRSMetrics) -> String {
        label.padding(toLength: 20, withPad: " ", startingAt: 0) + MetricText.fixed(m.logLoss)
          + "    " + MetricText.fixed(m.rmseBins) + "      "
          + (m.auc.map { MetricText.fixed($0, 3) } ?? "–")
      }
      console.line(row("these weights", metrics))
      if let split {
        console.line(row("time-series split", split))
      } else {
        console.line("time-series split   (\(splitNote))")
      }
    }
  }
}
