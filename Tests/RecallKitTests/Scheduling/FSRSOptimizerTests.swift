import Foundation
import RecallTestSupport
import Testing

@testable import RecallKit

/// The optimizer and evaluator against fsrs-rs (vectors from scripts/fsrs-rs-vectors.py).
@Suite struct FSRSOptimizerTests {
  struct Expected: Decodable {
    struct Metrics: Decodable {
      var logLoss: Double
      var rmseBins: Double

      enum CodingKeys: String, CodingKey {
        case logLoss = "log_loss"
        case rmseBins = "rmse_bins"
      }
    }
    struct Learner: Decodable {
      var log: String
      var reviews: Int
      var items: Int
      var itemsChecksum: String
      var parameters: [Double]
      var fitted: Metrics
      var defaults: Metrics
      var `true`: Metrics
      var trueParameters: [Double]
      var timeSeriesSplit: Metrics

      enum CodingKeys: String, CodingKey {
        case log, reviews, items, parameters, fitted, defaults, `true`
        case itemsChecksum = "items_checksum"
        case trueParameters = "true_parameters"
        case timeSeriesSplit = "time_series_split"
      }
    }
    var learners: [String: Learner]
  }

  static func expected() throws -> Expected {
    try JSONDecoder().decode(Expected.self, from: Repository.fixtureData("fsrs-rs/expected.json"))
  }

  static func history(_ name: String) throws -> ReviewHistory {
    var diagnostics: [Diagnostic] = []
    let (history, clean) = ReviewHistory.read(
      try Repository.fixtureData("fsrs-rs/\(name)"), file: name,
      diagnostic: { diagnostics.append($0) })
    #expect(clean, "\(diagnostics)")
    return history
  }

  /// The same text the script hashes: `card:rating,days;…` per item, one a line.
  static func checksum(_ items: [FSRSItem]) -> String {
    let text = items.map { item in
      "\(item.card):" + item.reviews.map { "\($0.rating),\($0.deltaDays)" }.joined(separator: ";")
    }.joined(separator: "\n")
    let hash = SeededGenerator.stableHash(text)
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  @Test(arguments: ["forgetful", "retentive", "random"])
  func sameItemsAsTheReference(_ name: String) throws {
    let learner = try #require(try Self.expected().learners[name])
    let history = try Self.history(learner.log)
    let items = history.items(day: DayNumbering.utc.day(of:))
    #expect(history.reviewCount == learner.reviews)
    #expect(items.count == learner.items)
    #expect(Self.checksum(items) == learner.itemsChecksum)
  }

  @Test(arguments: ["forgetful", "retentive", "random"])
  func evaluationEqualsReference(_ name: String) throws {
    let learner = try #require(try Self.expected().learners[name])
    let items = try Self.history(learner.log).items(day: DayNumbering.utc.day(of:))
    for (parameters, reference) in [
      (learner.parameters, learner.fitted), (FSRSParameters.defaults, learner.defaults),
      (learner.trueParameters, learner.true),
    ] {
      let metrics = try #require(FSRSEvaluation.evaluate(items, parameters: parameters))
      #expect(abs(metrics.logLoss - reference.logLoss) <= 1e-6, "\(metrics) \(reference)")
      #expect(abs(metrics.rmseBins - reference.rmseBins) <= 1e-6, "\(metrics) \(reference)")
    }
  }

  /// One replay per card gives each item the prediction its own replay gives, bit for bit,
  /// also when items of one card are not prefixes of each other.
  @Test func sharedReplayPredictsAsEachItemAlone() throws {
    var items = try Self.history("forgetful.jsonl").items(day: DayNumbering.utc.day(of:))
    items += [
      FSRSItem(reviews: [FSRSReview(rating: 3, deltaDays: 0), FSRSReview(rating: 1, deltaDays: 4)]),
      FSRSItem(reviews: [FSRSReview(rating: 2, deltaDays: 0), FSRSReview(rating: 3, deltaDays: 2)]),
      FSRSItem(reviews: [FSRSReview(rating: 4, deltaDays: 0)]),
    ]
    let model = FSRSRecurrence<Float>(weights: FSRSParameters.defaults.map { Float($0) })
    var bins: [RMSEBin: Int] = [:]
    let shared = EvaluationPlan(items, cellOfBin: &bins).predictions(model)
    #expect(shared.map(\.bitPattern) == items.map { model.predict($0).bitPattern })
    #expect(shared.last == 0)
  }

  @Test(arguments: ["forgetful", "retentive", "random"])
  func fitIsWithinOnePercentOfReference(_ name: String) throws {
    let learner = try #require(try Self.expected().learners[name])
    let items = try Self.history(learner.log).items(day: DayNumbering.utc.day(of:))
    let fit = try FSRSOptimizer.fit(items)
    #expect(fit.stage == .trained)
    let ours = try #require(FSRSEvaluation.evaluate(items, parameters: fit.parameters))
    #expect(ours.logLoss <= learner.fitted.logLoss * 1.01, "ours \(ours.logLoss)")
    #expect(ours.logLoss < learner.defaults.logLoss)
    // The fitted weights are usable by the scheduler.
    var options = SchedulerOptions()
    options.parameters = fit.parameters
    #expect(throws: Never.self) { try options.validate() }
  }

  @Test(arguments: ["forgetful", "random"])
  func timeSeriesSplitIsCloseToReference(_ name: String) throws {
    let learner = try #require(try Self.expected().learners[name])
    let items = try Self.history(learner.log).items(day: DayNumbering.utc.day(of:))
    guard case .metrics(let metrics) = FSRSEvaluation.timeSeriesSplit(items) else {
      Issue.record("no split metrics")
      return
    }
    #expect(abs(metrics.logLoss / learner.timeSeriesSplit.logLoss - 1) < 0.02, "\(metrics)")
  }

  /// The hand-derived gradient against central differences of the loss.
  @Test func gradientMatchesFiniteDifferences() throws {
    let items = try Self.history("forgetful.jsonl").items(day: DayNumbering.utc.day(of:))
    var config = FSRSTrainingConfig()
    config.batchSize = 64
    let batches = FSRSOptimizer.makeBatches(Array(items.prefix(400)), config: config)
    // Away from every clamp, so the loss is smooth where it is probed.
    let weights = [
      0.3, 1.1, 2.6, 7.5, 6.2, 0.9, 2.1, 0.05, 1.6, 0.2, 0.9, 1.7, 0.08, 0.3, 1.4, 0.55, 2.0,
      0.45, 0.15, 0.12, 0.3,
    ]
    let start = FSRSParameters.defaults
    let (_, gradient) = FSRSOptimizer.loss(batches, weights: weights, start: start, gamma: 1)
    for index in 0..<FSRSParameters.count {
      let h = 1e-6 * max(1, abs(weights[index]))
      var up = weights
      up[index] += h
      var down = weights
      down[index] -= h
      let numeric =
        (FSRSOptimizer.loss(batches, weights: up, start: start, gamma: 1).loss
          - FSRSOptimizer.loss(batches, weights: down, start: start, gamma: 1).loss) / (2 * h)
      let tolerance = 1e-4 * max(1, abs(numeric))
      #expect(
        abs(gradient[index] - numeric) <= tolerance, "w\(index): \(gradient[index]) vs \(numeric)")
    }
  }

  @Test func smallHistoriesFallBackAsReferenceDoes() throws {
    func card(_ index: Int, _ second: Int) -> [FSRSItem] {
      FSRSItem.items(days: [0, 3, 3 + second], ratings: [.good, .good, .again], card: index)
    }
    let few = (0..<3).flatMap { card($0, 5) }
    #expect(try FSRSOptimizer.fit(few).stage == .defaults)
    #expect(try FSRSOptimizer.fit(few).parameters == FSRSParameters.defaults)
    let some = (0..<30).flatMap { card($0, 4) }
    let preTrained = try FSRSOptimizer.fit(some)
    #expect(preTrained.stage == .preTrained)
    #expect(Array(preTrained.parameters[4...]) == Array(FSRSParameters.defaults[4...]))
    #expect(preTrained.parameters[2] != FSRSParameters.defaults[2])
  }

  @Test func refusesBadItems() {
    let bad = [FSRSItem(reviews: [FSRSReview(rating: 5, deltaDays: 0)])]
    #expect(throws: FSRSOptimizerError.invalidItem(index: 0)) { try FSRSOptimizer.fit(bad) }
  }

  @Test func itemsStopAtReviewsOnLaterDays() {
    let items = FSRSItem.items(
      days: [10, 10, 12, 12, 20], ratings: [.again, .good, .good, .hard, .easy], card: 7)
    #expect(items.map(\.reviews.count) == [3, 5])
    #expect(items[1].reviews.map(\.deltaDays) == [0, 0, 2, 0, 8])
    #expect(items.allSatisfy { $0.card == 7 })
  }

  @Test func historyRejectsReviewsOutOfOrder() {
    let log = """
      {"card": "a", "time": "2026-01-02T10:00:00Z", "rating": "good"}
      {"card": "a", "time": "2026-01-01T10:00:00Z", "rating": "good"}
      {"card": "b", "time": "2026-01-01T10:00:00Z", "rating": 7}
      """
    var messages: [String] = []
    let (history, clean) = ReviewHistory.read(
      Data(log.utf8), file: "log.jsonl", diagnostic: { messages.append($0.description) })
    #expect(!clean)
    #expect(history.reviewCount == 1)
    #expect(messages.count == 2)
    #expect(messages[0].hasPrefix("log.jsonl:2:23: error: this review of 'a'"))
    #expect(messages[1].hasPrefix("log.jsonl:3:"))
  }

  @Test func studyDaysStartAtTheirHour() throws {
    let numbering = DayNumbering(timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
    let evening = try UTCTimestamp.parse("2026-03-01T22:30:00Z").get()  // 23:30 in Berlin
    let night = try UTCTimestamp.parse("2026-03-02T01:30:00Z").get()  // 02:30, before 4 a.m.
    let morning = try UTCTimestamp.parse("2026-03-02T05:30:00Z").get()
    #expect(numbering.day(of: evening) == numbering.day(of: night))
    #expect(numbering.day(of: morning) == numbering.day(of: night) + 1)
  }

  @Test func aucCountsOrderedPairs() {
    let auc = FSRSEvaluation.auc(predictions: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1])
    #expect(auc == 0.75)
    #expect(FSRSEvaluation.auc(predictions: [0.5, 0.5], labels: [0, 1]) == 0.5)
    #expect(FSRSEvaluation.auc(predictions: [0.5], labels: [1]) == nil)
  }

  @Test func learningRateFallsAlongACosine() {
    var schedule = CosineAnnealing(steps: 10, initialRate: 0.04)
    let rates = (0..<11).map { _ in schedule.next() }
    #expect(rates[0] == 0.04)
    #expect(abs(rates[5] - 0.02) < 1e-12)
    #expect(abs(rates[10]) < 1e-12)
  }
}
