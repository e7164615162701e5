import Foundation
import RecallKit
import Testing

/// Replays every py-fsrs vector and requires the same schedule.
@Suite struct FSRSParityTests {
  @Test func vectorsCoverEveryConfigurationAndPhase() throws {
    let vectors = try FSRSVectors.load()
    #expect(vectors.histories.count >= 1_000)
    #expect(Set(vectors.histories.map(\.config)) == Set(vectors.options.keys))
    let phases = Set(vectors.histories.flatMap { $0.reviews.map(\.phase) })
    #expect(phases == [.learning, .review, .relearning])
  }

  @Test func everyVectorMatchesPyFSRS() throws {
    let vectors = try FSRSVectors.load()
    var schedulers: [String: FSRSScheduler] = [:]
    for (name, options) in vectors.options {
      schedulers[name] = try FSRSScheduler(options: options)
    }
    var mismatches: [String] = []
    var reviewCount = 0
    for (number, history) in vectors.histories.enumerated() {
      guard let scheduler = schedulers[history.config] else {
        Issue.record("history \(number) names unknown config \(history.config)")
        continue
      }
      guard let first = history.reviews.first else { continue }
      var card = CardState.new(at: Date(microsecondsSince1970: first.time))
      for (index, expected) in history.reviews.enumerated() {
        reviewCount += 1
        let now = Date(microsecondsSince1970: expected.time)
        let place = "history \(number) (\(history.config)) review \(index)"
        if let before = expected.retrievabilityBefore {
          let actual = scheduler.retrievability(of: card, at: now)
          if abs(actual - before) > 1e-9 {
            mismatches.append("\(place): retrievability \(actual), py-fsrs \(before)")
          }
        }
        card = scheduler.review(card, rating: expected.rating, at: now)
        let stability = card.stability ?? .nan
        let difficulty = card.difficulty ?? .nan
        if card.phase != expected.phase || card.step != expected.step
          || card.due.microsecondsSince1970 != expected.due
          || !(abs(stability - expected.stability) <= 1e-6)
          || !(abs(difficulty - expected.difficulty) <= 1e-6)
        {
          mismatches.append(
            "\(place): got \(card.phase) step \(String(describing: card.step)) S \(stability) "
              + "D \(difficulty) due \(card.due.microsecondsSince1970); py-fsrs \(expected.phase) "
              + "step \(String(describing: expected.step)) S \(expected.stability) "
              + "D \(expected.difficulty) due \(expected.due)")
          break
        }
      }
    }
    #expect(reviewCount > 10_000)
    #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(5))")
  }
}
