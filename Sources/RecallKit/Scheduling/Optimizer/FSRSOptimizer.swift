import Foundation

/// The settings of a fit; the defaults are fsrs-rs's.
public struct FSRSTrainingConfig: Hashable, Sendable {
  public var epochs = 5
  /// How many predictions one gradient step looks at.
  public var batchSize = 512
  public var seed: UInt64 = 2023
  public var learningRate = 0.04
  /// Items with a longer history are left out of gradient descent.
  public var maximumSequenceLength = 256
  /// The strength of the pull towards the starting parameters.
  public var gamma = 1.0
  /// How many relearning steps the learner uses; more steps cap w17 × w18 lower.
  public var relearningSteps = 1

  public init() {}
}

/// Why no parameters could be fitted.
public enum FSRSOptimizerError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No card has a review on a later day after a first review whose interval is common
  /// enough to learn from.
  case notEnoughData
  /// A rating outside 1–4 or an empty item.
  case invalidItem(index: Int)
  case invalidConfig(String)
  /// Training diverged (a weight became infinite or not a number).
  case diverged

  public var description: String {
    switch self {
    case .notEnoughData:
      "not enough reviews to fit parameters: no card has a first interval common enough"
    case .invalidItem(let index): "training item \(index) has no reviews or a rating outside 1–4"
    case .invalidConfig(let text): "invalid training settings: \(text)"
    case .diverged: "training diverged; the parameters were not changed"
    }
  }
}

/// Fits FSRS-6's 21 weights to a learner's reviews the way fsrs-rs's `compute_parameters`
/// does: outlier filter, pre-training of the initial stabilities, then Adam on the weighted
/// cross-entropy plus an L2 pull towards the starting weights, with a cosine-annealed
/// learning rate, weights clamped to their ranges after every step.
public enum FSRSOptimizer {
  /// fsrs-rs returns the defaults below this many training items, and stops after
  /// pre-training below `minimumForTraining`.
  public static let minimumItems = 8
  public static let minimumForTraining = 64

  /// How far each weight typically varies between users; the L2 pull is scaled by it.
  static let parameterSpread: [Double] = [
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57,
    0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
  ]

  /// How far a fit got.
  public enum Stage: String, Hashable, Sendable {
    /// Too few items: the defaults.
    case defaults
    /// Only the initial stabilities were fitted.
    case preTrained
    case trained
  }

  public struct Fit: Hashable, Sendable {
    public var parameters: [Double]
    public var stage: Stage
    /// Items left after the outlier filter.
    public var trainingItems: Int
  }

  /// The fitted weights for `items` (in time order of their last review: later items weigh
  /// more).
  public static func fit(_ items: [FSRSItem], config: FSRSTrainingConfig = FSRSTrainingConfig())
    throws(FSRSOptimizerError) -> Fit
  {
    guard config.batchSize > 0, config.learningRate.isFinite, config.gamma.isFinite,
      config.epochs >= 0, config.maximumSequenceLength > 0
    else { throw .invalidConfig("batch size, sequence cap and epochs must be positive") }
    for (index, item) in items.enumerated()
    where item.reviews.isEmpty || item.reviews.contains(where: { !(1...4).contains($0.rating) }) {
      throw .invalidItem(index: index)
    }
    let (initialization, train) = FSRSPreTraining.filterOutliers(items)
    let recall = FSRSPreTraining.averageRecall(train)
    if train.count < minimumItems {
      return Fit(parameters: FSRSParameters.defaults, stage: .defaults, trainingItems: train.count)
    }
    guard
      let (stabilities, counts) = FSRSPreTraining.initialStabilities(
        initialization, averageRecall: recall)
    else { throw .notEnoughData }
    let start = stabilities + FSRSParameters.defaults[4...]
    if train.count == initialization.count || train.count < minimumForTraining {
      return Fit(parameters: start, stage: .preTrained, trainingItems: train.count)
    }
    let batches = makeBatches(train, config: config)
    var weights = descend(batches, from: start, config: config)
    guard weights.allSatisfy(\.isFinite) else { throw .diverged }
    var fittedStabilities: [Int: Double] = [:]
    for rating in 1...4 { fittedStabilities[rating] = weights[rating - 1] }
    if let smoothed = FSRSPreTraining.smoothAndFill(fittedStabilities, counts: counts) {
      weights.replaceSubrange(0..<4, with: smoothed)
    }
    return Fit(parameters: weights, stage: .trained, trainingItems: train.count)
  }

  /// fsrs-rs's recency weights: from 0.25 for the oldest item to 1 for the newest, cubic.
  static func recencyWeight(index: Int, count: Int) -> Double {
    let position = Double(index) / max(Double(count) - 1, 1)
    return 0.25 + 0.75 * position * position * position
  }

  /// A batch of whole cards holding at most `batchSize` predictions.
  struct Batch {
    var cards: [TrainingCard]
    var predictions: Int
  }

  /// Weights the items, drops those over the sequence cap, gathers each card's items into one
  /// replay, and packs cards (shortest first) into batches.
  static func makeBatches(_ items: [FSRSItem], config: FSRSTrainingConfig) -> [Batch] {
    // Each card's longest item (the last of the longest, if several) is its replay.
    var slotOfCard: [Int: Int] = [:]
    var cardOfSlot: [Int] = []
    var longest: [Int] = []
    var counts: [Int] = []
    for (index, item) in items.enumerated() where item.reviews.count <= config.maximumSequenceLength
    {
      if let slot = slotOfCard[item.card] {
        if item.reviews.count >= items[longest[slot]].reviews.count { longest[slot] = index }
        counts[slot] += 1
      } else {
        slotOfCard[item.card] = longest.count
        cardOfSlot.append(item.card)
        longest.append(index)
        counts.append(1)
      }
    }
    var cards = longest.indices.map { slot in
      let length = items[longest[slot]].reviews.count
      return TrainingCard(
        reviews: items[longest[slot]].reviews, labels: Array(repeating: 0, count: length),
        weights: Array(repeating: 0, count: length), predictions: counts[slot])
    }
    for (index, item) in items.enumerated() where item.reviews.count <= config.maximumSequenceLength
    {
      guard let slot = slotOfCard[item.card] else { continue }
      let position = item.reviews.count - 1
      cards[slot].labels[position] = item.label
      cards[slot].weights[position] = recencyWeight(index: index, count: items.count)
    }
    // By length, then by card.
    let order = cards.indices.sorted { a, b in
      cards[a].reviews.count != cards[b].reviews.count
        ? cards[a].reviews.count < cards[b].reviews.count : cardOfSlot[a] < cardOfSlot[b]
    }
    var batches: [Batch] = []
    var current = Batch(cards: [], predictions: 0)
    for slot in order {
      let card = cards[slot]
      if !current.cards.isEmpty && current.predictions + card.predictions > config.batchSize {
        batches.append(current)
        current = Batch(cards: [], predictions: 0)
      }
      current.cards.append(card)
      current.predictions += card.predictions
    }
    if !current.cards.isEmpty { batches.append(current) }
    return batches
  }

  /// The weight ranges during training: the scheduler's, with w19 kept above 0.01 and
  /// w17 × w18 capped so that several relearning steps cannot raise a lapsed card's
  /// stability above what it was.
  static func bounds(relearningSteps: Int, weights: [Double]) -> [ClosedRange<Double>] {
    var bounds = FSRSParameters.bounds
    bounds[19] = 0.01...bounds[19].upperBound
    if relearningSteps > 1 {
      let limit =
        -(log(weights[11]) + log(pow(2, weights[13]) - 1) + weights[14] * 0.3)
        / Double(relearningSteps)
      let ceiling = min(max(limit, 0.01).squareRoot(), 2)
      bounds[17] = 0...ceiling
      bounds[18] = 0...ceiling
    }
    return bounds
  }

  /// Adam over the batches, in a seeded random order each epoch.
  static func descend(_ batches: [Batch], from start: [Double], config: FSRSTrainingConfig)
    -> [Double]
  {
    let total = batches.reduce(0) { $0 + $1.predictions }
    guard total > 0 else { return start }
    var schedule = CosineAnnealing(
      steps: Double((total / config.batchSize + 1) * config.epochs),
      initialRate: config.learningRate)
    var adam = Adam(count: FSRSParameters.count)
    var weights = start
    var generator = SeededGenerator(seed: config.seed)
    var steps: [FSRSRecurrence<Double>.Step] = []
    var scores: [Double] = []
    var gradient = Array(repeating: 0.0, count: FSRSParameters.count)
    for _ in 0..<config.epochs {
      let order = generator.shuffled(Array(batches.indices))
      for index in order {
        let batch = batches[index]
        let rate = schedule.next()
        let model = FSRSRecurrence<Double>(weights: weights)
        gradient.withUnsafeMutableBufferPointer { sum in
          guard let sum = sum.baseAddress else { return }
          sum.update(repeating: 0, count: FSRSParameters.count)
          for card in batch.cards {
            _ = model.lossAndGradient(of: card, gradient: sum, steps: &steps, scores: &scores)
          }
        }
        let scale = config.gamma * Double(batch.predictions) / Double(total)
        for slot in gradient.indices {
          let spread = parameterSpread[slot]
          gradient[slot] += 2 * (weights[slot] - start[slot]) / (spread * spread) * scale
        }
        adam.step(&weights, gradient: gradient, rate: rate)
        let limits = bounds(relearningSteps: config.relearningSteps, weights: weights)
        for slot in weights.indices {
          weights[slot] = min(max(weights[slot], limits[slot].lowerBound), limits[slot].upperBound)
        }
      }
    }
    return weights
  }

  /// The penalised loss the descent minimises, summed over all predictions, for the
  /// gradient check in the tests: cross-entropy plus the L2 pull at full strength.
  static func loss(_ batches: [Batch], weights: [Double], start: [Double], gamma: Double)
    -> (loss: Double, gradient: [Double])
  {
    let model = FSRSRecurrence<Double>(weights: weights)
    var gradient = Array(repeating: 0.0, count: FSRSParameters.count)
    var steps: [FSRSRecurrence<Double>.Step] = []
    var scores: [Double] = []
    var loss = 0.0
    gradient.withUnsafeMutableBufferPointer { sum in
      guard let sum = sum.baseAddress else { return }
      for batch in batches {
        for card in batch.cards {
          loss += model.lossAndGradient(of: card, gradient: sum, steps: &steps, scores: &scores)
        }
      }
    }
    for slot in gradient.indices {
      let spread = parameterSpread[slot]
      let delta = weights[slot] - start[slot]
      loss += gamma * delta * delta / (spread * spread)
      gradient[slot] += gamma * 2 * delta / (spread * spread)
    }
    return (loss, gradient)
  }
}

/// Adam with PyTorch's defaults (β1 0.9, β2 0.999, ε 1e-8) and bias correction.
struct Adam {
  private var first: [Double]
  private var second: [Double]
  private var steps = 0

  init(count: Int) {
    first = Array(repeating: 0, count: count)
    second = Array(repeating: 0, count: count)
  }

  mutating func step(_ values: inout [Double], gradient: [Double], rate: Double) {
    let beta1 = 0.9
    let beta2 = 0.999
    steps += 1
    let correction1 = 1 - pow(beta1, Double(steps))
    let correction2 = 1 - pow(beta2, Double(steps))
    for index in values.indices {
      first[index] = beta1 * first[index] + (1 - beta1) * gradient[index]
      second[index] = beta2 * second[index] + (1 - beta2) * gradient[index] * gradient[index]
      let mean = first[index] / correction1
      let variance = second[index] / correction2
      values[index] -= rate * mean / (variance.squareRoot() + 1e-8)
    }
  }
}

/// A learning rate that falls from its start to 0 along half a cosine over `steps` steps
/// (PyTorch's `CosineAnnealingLR` in its recursive form, which fsrs-rs uses).
struct CosineAnnealing {
  let steps: Double
  let initialRate: Double
  private var count = -1.0
  private var rate: Double

  init(steps: Double, initialRate: Double) {
    self.steps = steps
    self.initialRate = initialRate
    rate = initialRate
  }

  mutating func next() -> Double {
    count += 1
    if count == 0 {
      rate = initialRate
    } else if (count - 1 - steps).truncatingRemainder(dividingBy: 2 * steps) == 0 {
      rate = initialRate * (1 - cos(Double.pi / steps)) / 2
    } else {
      rate =
        (1 + cos(Double.pi * count / steps)) / (1 + cos(Double.pi * (count - 1) / steps)) * rate
    }
    return rate
  }
}
