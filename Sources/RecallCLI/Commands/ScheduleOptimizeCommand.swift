import ArgumentParser
import Foundation
import RecallKit

/// `recall schedule optimize`: fits FSRS-6's weights to a review log.
public struct ScheduleOptimizeCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Fit the 21 FSRS-6 weights to a review log (JSON Lines), as fsrs-rs does.",
    discussion: """
      Reads the log `recall schedule replay` reads. Days are whole UTC days. Every review on \
      a later day than the one before it becomes a prediction to fit; fewer than 8 are \
      refused (exit 65), fewer than 64 fit only the four initial stabilities.

      --format json prints {"parameters": [21 numbers], "reviews": N, "items": N, \
      "stage": "pre-trained"|"trained", "log_loss": x, "rmse_bins": x, \
      "default_log_loss": x, "default_rmse_bins": x} (metrics on the same log).

      Examples:
        recall schedule optimize reviews.jsonl
        recall schedule optimize --format json reviews.jsonl
      """)

  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @Option(help: "text or json.")
  public var format: Format = .text

  @Argument(
    help: ArgumentHelp("The review log; standard input when omitted or '-'.", valueName: "file"))
  public var file: String?

  public init() {}

  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    let history = try ReviewLogInput(
      file: file, diagnostics: diagnostics, standardInput: context.standardInput
    ).read().history
    let items = history.items(day: DayNumbering.utc.day(of:))
    let fit: FSRSOptimizer.Fit
    do {
      fit = try FSRSOptimizer.fit(items)
    } catch {
      throw CommandError.data("\(error)")
    }
    if fit.stage == .defaults {
      throw CommandError.data(
        "\(history.reviewCount) reviews give \(fit.trainingItems) predictions on a "
          + "later day; fitting needs at least \(FSRSOptimizer.minimumItems) (fsrs-rs's minimum)")
    }
    let metrics = FSRSEvaluation.evaluate(
      items, parameterSets: [fit.parameters, FSRSParameters.defaults])
    let (fitted, defaults) = (metrics[0], metrics[1])
    let stage = fit.stage == .preTrained ? "pre-trained" : fit.stage.rawValue
    switch format {
    case .json:
      let parameters = fit.parameters.map { String($0) }.joined(separator: ", ")
      console.line(
        "{\"parameters\": [\(parameters)], \"reviews\": \(history.reviewCount), "
          + "\"items\": \(items.count), \"stage\": \"\(stage)\", "
          + "\"log_loss\": \(MetricText.json(fitted?.logLoss)), "
          + "\"rmse_bins\": \(MetricText.json(fitted?.rmseBins)), "
          + "\"default_log_loss\": \(MetricText.json(defaults?.logLoss)), "
          + "\"default_rmse_bins\": \(MetricText.json(defaults?.rmseBins))}")
    case .text:
      console.line(
        "\(history.reviewCount) reviews, \(items.count) predictions on a later day; \(stage).")
      if let fitted, let defaults {
        console.line(
          "log loss \(MetricText.fixed(fitted.logLoss)) (defaults "
            + "\(MetricText.fixed(defaults.logLoss))), RMSE(bins) "
            + "\(MetricText.fixed(fitted.rmseBins)) (defaults "
            + "\(MetricText.fixed(defaults.rmseBins)))")
      }
      console.line(fit.parameters.map { String(format: "%.4f", $0) }.joined(separator: ","))
    }
  }
}
