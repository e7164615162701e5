import Foundation

/// The probability that a student recalls a card at a given moment, from its FSRS state.
struct RecallEstimate: Sendable {
  var memory: MemoryModel

  /// 0 for a card never learned (no stability), else FSRS retrievability since the last review.
  func retrievability(_ state: CardState, at moment: Date) -> Double {
    guard state.phase != .new, let stability = state.stability, stability > 0,
      let last = state.lastReview
    else { return 0 }
    let elapsed = max(0, moment.timeIntervalSince(last) / 86_400)
    return memory.retrievability(elapsedDays: elapsed, stability: stability)
  }
}
