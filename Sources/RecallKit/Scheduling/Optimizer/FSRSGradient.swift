import Foundation

/// One card as training sees it: its reviews up to the last one that is predicted, and for
/// each review the weight of its prediction in the loss (0 for the first review, same-day
/// reviews and items left out of training).
struct TrainingCard: Sendable {
  var reviews: [FSRSReview]
  var labels: [Double]
  var weights: [Double]
  /// How many predictions (items) the card carries.
  var predictions: Int
}

/// The loss of the training set and its gradient with respect to all 21 weights, derived by
/// hand through the memory model (fsrs-rs derives the same analytically). Each card is
/// replayed once and every item of the card is scored on the way, which gives the same loss
/// as replaying each item's prefix separately.
extension FSRSRecurrence where Real == Double {
  /// Probabilities are kept this far from 0 and 1 so that the log loss stays finite.
  static let probabilityMargin = 1e-7

  /// Adds the card's weighted cross-entropy to the returned loss and its gradient to
  /// `gradient` (21 values, not cleared).
  func lossAndGradient(
    of card: TrainingCard, gradient: UnsafeMutablePointer<Double>, steps: inout [Step],
    scores: inout [Double]
  ) -> Double {
    steps.removeAll(keepingCapacity: true)
    scores.removeAll(keepingCapacity: true)
    var loss = 0.0
    let (first, firstStep) = firstState(rating: card.reviews[0].rating)
    var state = first
    steps.append(firstStep)
    scores.append(0)
    for index in 1..<card.reviews.count {
      let review = card.reviews[index]
      let (after, step) = next(state, deltaDays: Double(review.deltaDays), rating: review.rating)
      let weight = card.weights[index]
      var scoreGradient = 0.0
      if weight != 0 {
        let (itemLoss, itemGradient) = Self.crossEntropy(
          step.retrievability, label: card.labels[index], weight: weight)
        loss += itemLoss
        scoreGradient = itemGradient
      }
      steps.append(step)
      scores.append(scoreGradient)
      state = after
    }
    var gradientS = 0.0
    var gradientD = 0.0
    for index in stride(from: steps.count - 1, through: 0, by: -1) {
      (gradientS, gradientD) = backward(
        steps[index], stability: gradientS, difficulty: gradientD, retrievability: scores[index],
        into: gradient)
    }
    return loss
  }

  /// Weighted binary cross-entropy of a prediction and its derivative by the prediction
  /// (0 where the prediction had to be clamped).
  static func crossEntropy(_ raw: Double, label: Double, weight: Double) -> (Double, Double) {
    let p = clamped(raw, probabilityMargin, 1 - probabilityMargin)
    let loss = -(label * log(p) + (1 - label) * log(1 - p)) * weight
    guard raw > probabilityMargin && raw < 1 - probabilityMargin else { return (loss, 0) }
    return (loss, -weight * (label / p - (1 - label) / (1 - p)))
  }

  /// 1 inside the closed range, 0 outside: a clamp passes the gradient only where inactive.
  static func pass(_ value: Double, _ low: Double, _ high: Double) -> Double {
    value >= low && value <= high ? 1 : 0
  }

  /// Turns the gradients of a step's output stability and difficulty (and of its own
  /// retrievability, when the review was scored) into those of its input state, adding the
  /// weights' share to `gradient`.
  func backward(
    _ step: Step, stability gradientOutS: Double, difficulty gradientOutD: Double,
    retrievability gradientOwnR: Double, into g: UnsafeMutablePointer<Double>
  ) -> (Double, Double) {
    let gS =
      gradientOutS
      * Self.pass(
        step.unclampedStability, Self.minimumStability, Self.maximumStability)
    let gD = gradientOutD
    if step.branch == .first {
      g[step.rating - 1] += gS
      let gRawD =
        gD * Self.pass(step.unclampedDifficulty, Self.minimumDifficulty, Self.maximumDifficulty)
      if gRawD != 0 {
        let offset = Double(step.rating - 1)
        g[4] += gRawD
        g[5] += gRawD * -offset * exp(offset * w[5])
      }
      return (0, 0)
    }
    let s = step.stability
    let d = step.difficulty
    let r = step.retrievability
    var gLastS = 0.0
    var gLastD = 0.0
    var gR = gradientOwnR
    switch step.branch {
    case .first:
      break
    case .shortTerm:
      gLastS += gS * step.shortTermFactor
      if step.shortTermRawUsed && gS != 0 {
        let gRaw = gS * s * step.shortTermRaw
        g[17] += gRaw * (Double(step.rating) - 3 + w[18])
        g[18] += gRaw * w[17]
        g[19] += gRaw * -log(s)
        gLastS += gRaw * (-w[19] / s)
      }
    case .lapse:
      if gS != 0 && step.usedLapseFloor {
        let floor = step.lapseFloor
        g[17] += gS * floor * -w[18]
        g[18] += gS * floor * -w[17]
        gLastS += gS * floor / s
      } else if gS != 0 {
        let raw = step.lapseRaw
        let grown = step.grown
        let difficultyTerm = step.difficultyTerm
        let retrievabilityTerm = step.retrievabilityTerm
        g[11] += gS * raw / w[11]
        g[12] += gS * raw * -log(d)
        g[13] += gS * w[11] * difficultyTerm * retrievabilityTerm * grown * log(s + 1)
        g[14] += gS * raw * (1 - r)
        gLastS += gS * w[11] * difficultyTerm * retrievabilityTerm * w[13] * grown / (s + 1)
        gLastD += gS * raw * (-w[12] / d)
        gR += gS * raw * -w[14]
      }
    case .recall:
      if gS != 0 {
        let hardPenalty = step.rating == 2 ? w[15] : 1
        let easyBonus = step.rating == 4 ? w[16] : 1
        let stabilityTerm = step.stabilityTerm
        let growth = step.growth
        let e = growth - 1
        let common = expW8 * stabilityTerm * hardPenalty * easyBonus
        let increase = common * (11 - d) * e
        let gIncrease = gS * s
        gLastS += gS * (increase + 1) + gIncrease * increase * (-w[9] / s)
        gLastD += -gIncrease * common * e
        gR += gIncrease * common * (11 - d) * (-w[10] * growth)
        g[8] += gIncrease * increase
        g[9] += gIncrease * increase * -log(s)
        g[10] += gIncrease * common * (11 - d) * (1 - r) * growth
        // The other factors of the increase, for Hard's penalty and Easy's bonus.
        let unscaled = expW8 * stabilityTerm * (11 - d) * e
        if step.rating == 2 { g[15] += gIncrease * unscaled * easyBonus }
        if step.rating == 4 { g[16] += gIncrease * unscaled * hardPenalty }
      }
    }
    gLastD += backwardDifficulty(step, gD, into: g)
    if gR != 0 {
      gLastS += backwardCurve(days: step.deltaDays, stability: s, retrievability: r, gR, into: g)
    }
    let gInS =
      gLastS * Self.pass(step.inputStability, Self.minimumStability, Self.maximumStability)
    let gInD =
      gLastD * Self.pass(step.inputDifficulty, Self.minimumDifficulty, Self.maximumDifficulty)
    return (gInS, gInD)
  }

  /// Difficulty: linear damping towards 10, then mean reversion towards an Easy's.
  private func backwardDifficulty(
    _ step: Step, _ gOut: Double, into g: UnsafeMutablePointer<Double>
  ) -> Double {
    guard gOut != 0 else { return 0 }
    let gMean =
      gOut * Self.pass(step.unclampedDifficulty, Self.minimumDifficulty, Self.maximumDifficulty)
    guard gMean != 0 else { return 0 }
    let d = step.difficulty
    let ratingOffset = Double(step.rating) - 3
    let deltaD = -w[6] * ratingOffset
    let damped = d + (10 - d) * deltaD / 9
    g[7] += gMean * (easyDifficulty - damped)
    g[4] += gMean * w[7]
    g[5] += gMean * w[7] * -3 * exp(3 * w[5])
    let gDamped = gMean * (1 - w[7])
    g[6] += gDamped * (10 - d) * -ratingOffset / 9
    return gDamped * (1 - deltaD / 9)
  }

  /// The forgetting curve, by stability (returned) and by its decay, `-w20` (added).
  private func backwardCurve(
    days t: Double, stability s: Double, retrievability r: Double, _ gR: Double,
    into g: UnsafeMutablePointer<Double>
  ) -> Double {
    let base = t / s * factor + 1
    let gS = gR * r * decay / base * (-t * factor / (s * s))
    let dRByDecay = r * (log(base) + decay / base * (t / s * factorByDecay))
    g[20] += -gR * dRByDecay
    return gS
  }
}
