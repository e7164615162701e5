import Foundation

/// How well a set of weights predicts a learner's recall.
public struct FSRSMetrics: Hashable, Sendable {
  /// Recency-weighted binary cross-entropy (lower is better).
  public var logLoss: Double
  /// srs-benchmark's RMSE(bins): predictions and outcomes averaged within bins of interval,
  /// review count and lapses, compared bin by bin, weighted by each bin's weight.
  public var rmseBins: Double
  /// The area under the ROC curve: how often a recalled review was given a higher
  /// prediction than a forgotten one (0.5 is chance); nil when all outcomes were the same.
  public var auc: Double?
  /// How many predictions were scored.
  public var count: Int
}

/// Scores weights on items as fsrs-rs's `evaluate` and `evaluate_with_time_series_splits` do.
///
/// Predictions and sums are computed in single precision in fsrs-rs's order, so log loss and
/// RMSE(bins) equal fsrs-rs's to about 1e-7, not only approximately.
public enum FSRSEvaluation {
  /// Predictions, labels and weights gathered for scoring, with the sums of each RMSE bin
  /// kept in the order the bins first appear, so the result is the same on every run.
  struct Scores {
    var predictions: [Float] = []
    var labels: [Float] = []
    var weights: [Float] = []
    var cells: [(predicted: Float, actual: Float, count: Float, weight: Float)] = []

    init(capacity: Int = 0) {
      predictions.reserveCapacity(capacity)
      labels.reserveCapacity(capacity)
      weights.reserveCapacity(capacity)
    }

    /// Adds a prediction to the bin numbered `cell` (bins are numbered from 0 as they
    /// first appear).
    mutating func add(_ prediction: Float, label: Float, weight: Float, cell: Int) {
      predictions.append(prediction)
      labels.append(label)
      weights.append(weight)
      while cells.count <= cell { cells.append((0, 0, 0, 0)) }
      cells[cell].predicted += prediction
      cells[cell].actual += label
      cells[cell].count += 1
      cells[cell].weight += weight
    }

    var metrics: FSRSMetrics? {
      guard !predictions.isEmpty else { return nil }
      var loss: Float = 0
      var weightSum: Float = 0
      for index in predictions.indices {
        let p = predictions[index]
        let y = labels[index]
        loss += (y * logf(p) + (1 - y) * logf(1 - p)) * weights[index]
        weightSum += weights[index]
      }
      var squares: Float = 0
      var binWeights: Float = 0
      for cell in cells {
        let difference = cell.predicted / cell.count - cell.actual / cell.count
        squares += difference * difference * cell.weight
        binWeights += cell.weight
      }
      let logLoss = Double(-loss / weightSum)
      let rmse = Double((squares / binWeights).squareRoot())
      guard logLoss.isFinite, rmse.isFinite else { return nil }
      return FSRSMetrics(
        logLoss: logLoss, rmseBins: rmse,
        auc: FSRSEvaluation.auc(predictions: predictions, labels: labels),
        count: predictions.count)
    }
  }

  /// The metrics of `parameters` on `items` (in time order: later items weigh more); nil for
  /// no items or predictions that are not finite.
  public static func evaluate(_ items: [FSRSItem], parameters: [Double]) -> FSRSMetrics? {
    evaluate(items, parameterSets: [parameters])[0]
  }

  /// `evaluate` for several sets of weights on the same items, which are binned and grouped
  /// into replays once.
  public static func evaluate(_ items: [FSRSItem], parameterSets: [[Double]]) -> [FSRSMetrics?] {
    var cellOfBin: [RMSEBin: Int] = [:]
    let plan = EvaluationPlan(items, cellOfBin: &cellOfBin)
    let span = max(Float(items.count) - 1, 1)
    return parameterSets.map { parameters in
      let model = FSRSRecurrence<Float>(weights: parameters.map { Float($0) })
      let predictions = plan.predictions(model)
      var scores = Scores(capacity: items.count)
      for index in items.indices {
        let position = Float(index) / span
        let weight: Float = 0.25 + 0.75 * (position * position * position)
        let prediction = predictions[index]
        guard prediction.isFinite else { return nil }
        scores.add(
          prediction, label: plan.labels[index], weight: weight, cell: plan.cells[index])
      }
      return scores.metrics
    }
  }

  /// The result of a time-series split, or why there is none.
  public enum SplitResult: Hashable, Sendable {
    case metrics(FSRSMetrics)
    /// Fewer than six items, so the history cannot be cut into six segments.
    case tooFewItems
    case failed(FSRSOptimizerError)
  }

  /// fsrs-rs's time-series cross-validation: the items cut into six segments in time order;
  /// for each of the last five, weights are fitted on everything before it and scored on it
  /// (every prediction weighing the same), and the scores are pooled.
  public static func timeSeriesSplit(
    _ items: [FSRSItem], config: FSRSTrainingConfig = FSRSTrainingConfig(), splits: Int = 5
  ) -> SplitResult {
    let segment = items.count / (splits + 1)
    guard segment > 0 else { return .tooFewItems }
    var scores = Scores()
    var cellOfBin: [RMSEBin: Int] = [:]
    for split in 0..<splits {
      let testStart = (split + 1) * segment
      let testEnd = split == splits - 1 ? items.count : (split + 2) * segment
      let fit: FSRSOptimizer.Fit
      do {
        fit = try FSRSOptimizer.fit(Array(items[..<testStart]), config: config)
      } catch {
        return .failed(error)
      }
      let model = FSRSRecurrence<Float>(weights: fit.parameters.map { Float($0) })
      let plan = EvaluationPlan(items[testStart..<testEnd], cellOfBin: &cellOfBin)
      for (index, prediction) in plan.predictions(model).enumerated() {
        guard prediction.isFinite else { return .failed(.diverged) }
        scores.add(prediction, label: plan.labels[index], weight: 1, cell: plan.cells[index])
      }
    }
    guard let metrics = scores.metrics else { return .failed(.diverged) }
    return .metrics(metrics)
  }

  /// The ROC AUC by ranks (the Mann–Whitney statistic), ties sharing their mean rank.
  static func auc(predictions: [Float], labels: [Float]) -> Double? {
    let positives = labels.reduce(0) { $0 + ($1 > 0.5 ? 1 : 0) }
    let negatives = labels.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    let order = predictions.indices.sorted { predictions[$0] < predictions[$1] }
    var rankSum = 0.0
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && predictions[order[end + 1]] == predictions[order[start]] {
        end += 1
      }
      let meanRank = Double(start + end) / 2 + 1
      for position in start...end where labels[order[position]] > 0.5 { rankSum += meanRank }
      start = end + 1
    }
    let p = Double(positives)
    return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
  }
}
