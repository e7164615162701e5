import Foundation

/// The FSRS-6 memory formulas: how stability and difficulty move after a review, how
/// retrievability decays, and which interval reaches the desired retention.
///
/// Each expression keeps py-fsrs's order of operations and uses `pow` where it raises `e`,
/// so results match the reference to the last bit on the same C library, not just closely.
public struct MemoryModel: Hashable, Sendable {
  public let weights: [Double]
  /// The forgetting curve's exponent, `-w20` (trainable in FSRS-6).
  public let decay: Double
  /// Chosen so that retrievability is exactly 0.9 when elapsed time equals stability.
  public let factor: Double

  private static let e = 2.718281828459045

  /// Expects exactly `FSRSParameters.count` weights; `SchedulerOptions.validate()` checks them.
  public init(weights: [Double]) {
    precondition(weights.count == FSRSParameters.count, "FSRS-6 needs 21 weights")
    self.weights = weights
    decay = -weights[20]
    factor = pow(0.9, 1 / decay) - 1
  }

  /// The probability of recall after `elapsedDays` at this stability.
  public func retrievability(elapsedDays: Double, stability: Double) -> Double {
    pow(1 + factor * elapsedDays / stability, decay)
  }

  /// The unrounded number of days until retrievability falls to `desiredRetention`.
  public func rawInterval(stability: Double, desiredRetention: Double) -> Double {
    rawInterval(stability: stability, retentionTerm: retentionTerm(desiredRetention))
  }

  /// The part of `rawInterval` that depends on the retention alone, worked out once where
  /// many cards share a retention (the simulator).
  public func retentionTerm(_ desiredRetention: Double) -> Double {
    pow(desiredRetention, 1 / decay) - 1
  }

  /// `rawInterval` with its retention term worked out already.
  public func rawInterval(stability: Double, retentionTerm: Double) -> Double {
    (stability / factor) * retentionTerm
  }

  public func initialStability(_ rating: Rating) -> Double {
    max(weights[rating.rawValue - 1], FSRSParameters.minimumStability)
  }

  public func initialDifficulty(_ rating: Rating) -> Double {
    clampDifficulty(unclampedInitialDifficulty(rating))
  }

  /// Difficulty after a review: a step by rating, damped near the top of the scale, then
  /// pulled a little towards the difficulty of a first Easy (mean reversion).
  public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
    let target = unclampedInitialDifficulty(.easy)
    let delta = -(weights[6] * Double(rating.rawValue - 3))
    let damped = difficulty + (10.0 - difficulty) * delta / 9.0
    return clampDifficulty(weights[7] * target + (1 - weights[7]) * damped)
  }

  /// Stability after a review on a later day than the last one.
  public func nextStability(
    difficulty: Double, stability: Double, retrievability: Double, rating: Rating
  ) -> Double {
    let next =
      rating == .again
      ? forgetStability(
        difficulty: difficulty, stability: stability, retrievability: retrievability)
      : recallStability(
        difficulty: difficulty, stability: stability, retrievability: retrievability,
        rating: rating)
    return max(next, FSRSParameters.minimumStability)
  }

  /// Stability after a successful recall; Hard is penalised (w15) and Easy rewarded (w16).
  public func recallStability(
    difficulty: Double, stability: Double, retrievability: Double, rating: Rating
  ) -> Double {
    let hardPenalty = rating == .hard ? weights[15] : 1
    let easyBonus = rating == .easy ? weights[16] : 1
    return stability
      * (1 + pow(Self.e, weights[8]) * (11 - difficulty) * pow(stability, -weights[9])
        * (pow(Self.e, (1 - retrievability) * weights[10]) - 1) * hardPenalty * easyBonus)
  }

  /// Stability after a lapse: never more than the same-day rule would leave.
  public func forgetStability(difficulty: Double, stability: Double, retrievability: Double)
    -> Double
  {
    let longTerm =
      weights[11] * pow(difficulty, -weights[12]) * (pow(stability + 1, weights[13]) - 1)
      * pow(Self.e, (1 - retrievability) * weights[14])
    let shortTerm = stability / pow(Self.e, weights[17] * weights[18])
    return min(longTerm, shortTerm)
  }

  /// Stability after a second review on the same day (less than 24 hours after the last).
  public func shortTermStability(_ stability: Double, rating: Rating) -> Double {
    var increase =
      pow(Self.e, weights[17] * (Double(rating.rawValue - 3) + weights[18]))
      * pow(stability, -weights[19])
    if rating != .again { increase = max(increase, 1.0) }
    return max(stability * increase, FSRSParameters.minimumStability)
  }

  private func unclampedInitialDifficulty(_ rating: Rating) -> Double {
    weights[4] - pow(Self.e, weights[5] * Double(rating.rawValue - 1)) + 1
  }

  private func clampDifficulty(_ difficulty: Double) -> Double {
    min(max(difficulty, 1.0), 10.0)
  }
}
