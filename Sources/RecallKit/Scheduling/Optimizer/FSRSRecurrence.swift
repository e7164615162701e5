import Foundation

/// The number types the training recurrence runs in: `Double` while fitting, `Float` to
/// reproduce fsrs-rs's evaluation, which computes in single precision, to the last bits.
protocol FSRSReal: BinaryFloatingPoint, Sendable {
  static func exponential(_ value: Self) -> Self
  static func naturalLog(_ value: Self) -> Self
  static func power(_ base: Self, _ exponent: Self) -> Self
}

extension Double: FSRSReal {
  static func exponential(_ value: Double) -> Double { Foundation.exp(value) }
  static func naturalLog(_ value: Double) -> Double { Foundation.log(value) }
  static func power(_ base: Double, _ exponent: Double) -> Double { Foundation.pow(base, exponent) }
}

extension Float: FSRSReal {
  static func exponential(_ value: Float) -> Float { Foundation.expf(value) }
  static func naturalLog(_ value: Float) -> Float { Foundation.logf(value) }
  static func power(_ base: Float, _ exponent: Float) -> Float { Foundation.powf(base, exponent) }
}

/// FSRS-6's memory model in the form fsrs-rs trains it: reviews counted in whole days, a
/// same-day review (0 days) taking the short-term rule, stability kept in [0.001, 36500] and
/// difficulty in [1, 10]. It differs from `MemoryModel` (which follows py-fsrs's scheduler)
/// only in when the short-term rule applies and in clamping; each step records what the
/// gradient needs.
struct FSRSRecurrence<Real: FSRSReal> {
  static var minimumStability: Real { 0.001 }
  static var maximumStability: Real { 36500 }
  static var minimumDifficulty: Real { 1 }
  static var maximumDifficulty: Real { 10 }

  struct State {
    var stability: Real
    var difficulty: Real
  }

  /// What one step chose and the values its gradient is built from.
  struct Step {
    enum Branch { case first, shortTerm, lapse, recall }
    var branch: Branch
    /// The state the step started from, before and after clamping.
    var inputStability: Real
    var inputDifficulty: Real
    var stability: Real
    var difficulty: Real
    var deltaDays: Real
    var rating: Int
    var retrievability: Real
    var lapseRaw: Real
    var lapseFloor: Real
    var usedLapseFloor: Bool
    var shortTermRaw: Real
    var shortTermFactor: Real
    var shortTermRawUsed: Bool
    /// Factors of the new stability that its gradient needs again: of a recall,
    /// `s^-w9` and `e^((1-r)w10)`; of a lapse, `d^-w12`, `(s+1)^w13` and `e^((1-r)w14)`.
    var stabilityTerm: Real = 0
    var growth: Real = 0
    var difficultyTerm: Real = 0
    var grown: Real = 0
    var retrievabilityTerm: Real = 0
    /// Stability and difficulty before the step's final clamp.
    var unclampedStability: Real
    var unclampedDifficulty: Real
  }

  let w: [Real]
  let decay: Real
  let factor: Real
  let expW8: Real
  let lapseFloorDivisor: Real
  /// The derivative of the curve's factor by its decay, for w20's gradient.
  let factorByDecay: Real
  /// The unclamped initial difficulty of an Easy, the target of mean reversion.
  let easyDifficulty: Real

  init(weights: [Real]) {
    w = weights
    decay = -weights[20]
    factor = Real.exponential(Real.naturalLog(0.9) / decay) - 1
    expW8 = Real.exponential(weights[8])
    lapseFloorDivisor = Real.exponential(weights[17] * weights[18])
    let c = Real.naturalLog(0.9)
    factorByDecay = Real.exponential(c / decay) * (-c / (decay * decay))
    easyDifficulty = weights[4] - Real.exponential(weights[5] * 3) + 1
  }

  func initialDifficulty(_ rating: Int) -> Real {
    w[4] - Real.exponential(w[5] * Real(rating - 1)) + 1
  }

  /// The power forgetting curve: 0.9 when `days` equals `stability`.
  func retrievability(days: Real, stability: Real) -> Real {
    Real.power(max(days, 0) / stability * factor + 1, decay)
  }

  static func clamped(_ value: Real, _ low: Real, _ high: Real) -> Real {
    min(max(value, low), high)
  }

  /// The state after a card's first review.
  func firstState(rating: Int) -> (State, Step) {
    let stability = w[rating - 1]
    let difficulty = initialDifficulty(rating)
    let state = State(
      stability: Self.clamped(stability, Self.minimumStability, Self.maximumStability),
      difficulty: Self.clamped(difficulty, Self.minimumDifficulty, Self.maximumDifficulty))
    let step = Step(
      branch: .first, inputStability: 0, inputDifficulty: 0, stability: 0, difficulty: 0,
      deltaDays: 0, rating: rating, retrievability: 0, lapseRaw: 0, lapseFloor: 0,
      usedLapseFloor: false, shortTermRaw: 0, shortTermFactor: 0, shortTermRawUsed: false,
      unclampedStability: stability, unclampedDifficulty: difficulty)
    return (state, step)
  }

  /// The state after a later review `deltaDays` after the previous one.
  func next(_ input: State, deltaDays: Real, rating: Int) -> (State, Step) {
    let lastS = Self.clamped(input.stability, Self.minimumStability, Self.maximumStability)
    let lastD = Self.clamped(input.difficulty, Self.minimumDifficulty, Self.maximumDifficulty)
    let r = retrievability(days: deltaDays, stability: lastS)
    let ratingValue = Real(rating)
    var step = Step(
      branch: .recall, inputStability: input.stability, inputDifficulty: input.difficulty,
      stability: lastS, difficulty: lastD, deltaDays: max(deltaDays, 0), rating: rating,
      retrievability: r, lapseRaw: 0, lapseFloor: 0, usedLapseFloor: false, shortTermRaw: 0,
      shortTermFactor: 0, shortTermRawUsed: false, unclampedStability: 0,
      unclampedDifficulty: 0)
    let newS: Real
    if deltaDays == 0 {
      step.branch = .shortTerm
      let raw =
        Real.exponential(w[17] * (ratingValue - 3 + w[18])) * Real.power(lastS, -w[19])
      step.shortTermRaw = raw
      step.shortTermRawUsed = !(rating >= 2 && raw < 1)
      step.shortTermFactor = rating >= 2 ? max(raw, 1) : raw
      newS = lastS * step.shortTermFactor
    } else if rating == 1 {
      step.branch = .lapse
      step.difficultyTerm = Real.power(lastD, -w[12])
      step.grown = Real.power(lastS + 1, w[13])
      step.retrievabilityTerm = Real.exponential((1 - r) * w[14])
      let raw = w[11] * step.difficultyTerm * (step.grown - 1) * step.retrievabilityTerm
      let floor = lastS / lapseFloorDivisor
      step.lapseRaw = raw
      step.lapseFloor = floor
      step.usedLapseFloor = floor < raw
      newS = step.usedLapseFloor ? floor : raw
    } else {
      let hardPenalty = rating == 2 ? w[15] : 1
      let easyBonus = rating == 4 ? w[16] : 1
      step.stabilityTerm = Real.power(lastS, -w[9])
      step.growth = Real.exponential((1 - r) * w[10])
      let increase =
        expW8 * (11 - lastD) * step.stabilityTerm * (step.growth - 1) * hardPenalty * easyBonus
      newS = lastS * (increase + 1)
    }
    let deltaD = -w[6] * (ratingValue - 3)
    let dampedD = lastD + (10 - lastD) * deltaD / 9
    let revertedD = w[7] * (easyDifficulty - dampedD) + dampedD
    step.unclampedStability = newS
    step.unclampedDifficulty = revertedD
    let state = State(
      stability: Self.clamped(newS, Self.minimumStability, Self.maximumStability),
      difficulty: Self.clamped(revertedD, Self.minimumDifficulty, Self.maximumDifficulty))
    return (state, step)
  }

  /// The state after a whole history, as fsrs-rs's inference replays it.
  func state(after reviews: ArraySlice<FSRSReview>) -> State? {
    guard let first = reviews.first else { return nil }
    var (state, _) = firstState(rating: first.rating)
    for review in reviews.dropFirst() {
      state = next(state, deltaDays: Real(review.deltaDays), rating: review.rating).0
    }
    return state
  }

  /// The predicted probability of recalling an item's last review.
  func predict(_ item: FSRSItem) -> Real {
    guard let state = state(after: item.reviews.dropLast()) else { return 0 }
    return retrievability(days: Real(item.current.deltaDays), stability: state.stability)
  }
}
