import Foundation
import RecallKit

/// A made-up learner's review log of about `reviews` reviews, in the JSON Lines format
/// `recall schedule optimize` reads: for timing the optimizer on logs of any size.
///
/// The learner remembers by its own weights, far from FSRS-6's defaults (short initial
/// stabilities, a steep curve), while the default scheduler, without fuzz, says when each
/// card is due: the learner comes back somewhat early or late, and recalls with the
/// probability its own weights give, as `scripts/fsrs-rs-vectors.py`'s learners do. New
/// cards start on random days of the first half year; each card is followed for a year.
public struct SyntheticReviewLog: Sendable {
  public var reviews: Int
  public var seed: UInt64
  public var start: Date

  /// The learner's own weights (those of the "forgetful" learner of the parity fixtures).
  public static let trueParameters = [
    0.05, 0.3, 0.9, 3.0, 7.2, 0.6, 2.2, 0.02, 1.1, 0.25, 1.2, 2.2, 0.09, 0.4, 1.2, 0.3, 2.4, 0.6,
    0.2, 0.12, 0.45,
  ]

  public init(
    reviews: Int, seed: UInt64 = 16, start: Date = Date(timeIntervalSince1970: 1_767_225_600)
  ) {
    self.reviews = reviews
    self.seed = seed
    self.start = start
  }

  /// The log's lines, in time order, each ending in a line break.
  public func text() throws(SchedulerOptionsError) -> String {
    let scheduler = try FSRSScheduler()
    var trueOptions = SchedulerOptions()
    trueOptions.parameters = Self.trueParameters
    let learner = try FSRSScheduler(options: trueOptions)
    var generator = SplitMix64(seed: seed)
    func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
    let day = 86_400.0
    var events: [(time: Date, card: Int, rating: Rating)] = []
    events.reserveCapacity(reviews + 64)
    var card = 0
    while events.count < reviews {
      var at =
        start + (uniform() * 180).rounded(.down) * day + (uniform() * 43_200).rounded() + 28_800
      let end = at + 365 * day
      let draw = uniform()
      var rating: Rating = draw < 0.25 ? .again : draw < 0.35 ? .hard : draw < 0.85 ? .good : .easy
      var scheduled = scheduler.review(.new(at: at), rating: rating, at: at)
      var remembered = learner.review(.new(at: at), rating: rating, at: at)
      events.append((at, card, rating))
      while events.count < reviews {
        // Back when due, up to a fifth early or a third late, at least a minute later.
        let wait = max(60, scheduled.due.timeIntervalSince(at) * (0.8 + uniform() * 0.5))
        // Whole seconds, as most logs keep them.
        at = Date(timeIntervalSince1970: (at + wait).timeIntervalSince1970.rounded())
        guard at < end else { break }
        let recall = learner.retrievability(of: remembered, at: at)
        let grade = uniform()
        rating =
          uniform() >= recall ? .again : grade < 0.15 ? .hard : grade < 0.9 ? .good : .easy
        scheduled = scheduler.review(scheduled, rating: rating, at: at)
        remembered = learner.review(remembered, rating: rating, at: at)
        events.append((at, card, rating))
      }
      card += 1
    }
    // Stable, so that a card's reviews keep their order when times tie.
    let ordered = events.enumerated().sorted { a, b in
      a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
    }
    var text = ""
    text.reserveCapacity(ordered.count * 72)
    for (_, event) in ordered {
      text += #"{"card": "learner/card-\#(event.card)", "time": ""#
      text += UTCTimestamp.format(event.time)
      text += #"", "rating": \#(event.rating.rawValue)}"# + "\n"
    }
    return text
  }
}
