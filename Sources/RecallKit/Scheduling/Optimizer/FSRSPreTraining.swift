import Foundation

/// What the optimizer does before gradient descent, as fsrs-rs does it: drop rare or
/// implausible first intervals (the outlier filter), then fit the four initial stabilities
/// directly to how often each first rating was remembered after each first interval.
enum FSRSPreTraining {
  /// The items to fit the initial stabilities on (those with one long-term review whose
  /// first interval survived) and the items to train on (all whose first interval survived).
  static func filterOutliers(_ items: [FSRSItem]) -> (initialization: [FSRSItem], train: [FSRSItem])
  {
    // First rating → first interval → indices of the items with one long-term review.
    var groups: [Int: [Int: [Int]]] = [:]
    for (index, item) in items.enumerated() where item.longTermReviewCount == 1 {
      groups[item.reviews[0].rating, default: [:]][item.current.deltaDays, default: []].append(
        index)
    }
    var removed = Array(repeating: Set<Int>(), count: 5)
    var kept: [Int] = []
    for rating in groups.keys.sorted() {
      let byInterval = groups[rating] ?? [:]
      // Smallest groups first (shorter intervals first among equals); the rarest intervals
      // are dropped until 5 % of the items (at least 20) are gone.
      let ordered = byInterval.sorted { a, b in
        a.value.count != b.value.count ? a.value.count < b.value.count : a.key < b.key
      }
      let total = ordered.reduce(0) { $0 + $1.value.count }
      let threshold = max(20, total / 20)
      var removedCount = 0
      for (interval, indices) in ordered {
        if removedCount + indices.count >= threshold {
          if indices.count >= 6 && interval <= (rating != 4 ? 100 : 365) {
            kept.append(contentsOf: indices)
          } else {
            removed[rating].insert(interval)
          }
        } else {
          removedCount += indices.count
          removed[rating].insert(interval)
        }
      }
    }
    let train = items.filter { item in
      !removed[item.reviews[0].rating].contains(item.firstLongTermReview.deltaDays)
    }
    return (kept.map { items[$0] }, train)
  }

  /// The share of items whose predicted review was a recall.
  static func averageRecall(_ items: [FSRSItem]) -> Double {
    guard !items.isEmpty else { return 0 }
    return Double(items.reduce(0) { $0 + ($1.current.rating > 1 ? 1 : 0) }) / Double(items.count)
  }

  /// The default initial stabilities, in single precision as fsrs-rs holds them.
  static var defaultInitialStabilities: [Double] {
    FSRSParameters.defaults[0..<4].map { Double(Float($0)) }
  }

  /// The fitted initial stabilities (w0–w3) and how many first reviews had each rating;
  /// nil when no item has a single long-term review to fit them on.
  static func initialStabilities(_ items: [FSRSItem], averageRecall: Double)
    -> (stabilities: [Double], counts: [Int: Int])?
  {
    // First rating → first interval → (recalled, count).
    var groups: [Int: [Int: (recalled: Double, count: Double)]] = [:]
    for item in items where item.longTermReviewCount == 1 {
      let review = item.firstLongTermReview
      var cell = groups[item.reviews[0].rating, default: [:]][review.deltaDays] ?? (0, 0)
      cell.recalled += review.rating > 1 ? 1 : 0
      cell.count += 1
      groups[item.reviews[0].rating, default: [:]][review.deltaDays] = cell
    }
    var counts: [Int: Int] = [:]
    var fitted: [Int: Double] = [:]
    let decay = -Double(Float(FSRSParameters.defaults[20]))
    let factor = pow(0.9, 1 / decay) - 1
    let defaults = defaultInitialStabilities
    for (rating, byInterval) in groups {
      let points = byInterval.sorted { $0.key < $1.key }.map { entry in
        let (interval, cell) = entry
        let recall = cell.recalled / cell.count
        // Each point is pulled towards the average recall as if it had one more review.
        return (
          days: Double(interval), recall: (recall * cell.count + averageRecall) / (cell.count + 1),
          count: cell.count
        )
      }
      counts[rating] = Int(points.reduce(0) { $0 + $1.count })
      let prior = defaults[rating - 1]
      func loss(_ stability: Double) -> Double {
        var total = 0.0
        for point in points {
          let predicted = pow(point.days / stability * factor + 1, decay)
          total +=
            -(point.recall * log(predicted) + (1 - point.recall) * log(1 - predicted))
            * point.count
        }
        return total + abs(stability - prior) / 16
      }
      // Ternary search over [0.001, 100], as fsrs-rs does.
      var low = Double(Float(FSRSParameters.minimumStability))
      var high = initialStabilityMaximum
      var best = prior
      var iterations = 0
      while high - low > Double.ulpOfOne && iterations < 1000 {
        iterations += 1
        let third1 = low + (high - low) / 3
        let third2 = high - (high - low) / 3
        if loss(third1) < loss(third2) { high = third2 } else { low = third1 }
        best = (high + low) / 2
      }
      fitted[rating] = Double(Float(best))
    }
    guard let filled = smoothAndFill(fitted, counts: counts) else { return nil }
    return (filled, counts)
  }

  static let initialStabilityMaximum = 100.0

  /// Orders the stabilities by rating (a better first rating never gets a shorter one; the
  /// rating seen more often wins) and fills in ratings never seen, from the others, with
  /// fsrs-rs's interpolation weights. Nil when no rating was seen.
  static func smoothAndFill(_ stabilities: [Int: Double], counts: [Int: Int]) -> [Double]? {
    var values = stabilities.filter { counts[$0.key] != nil }
    for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
      if let smallValue = values[small], let bigValue = values[big], smallValue > bigValue {
        if (counts[small] ?? 0) > (counts[big] ?? 0) {
          values[big] = smallValue
        } else {
          values[small] = bigValue
        }
      }
    }
    let w1 = 0.41
    let w2 = 0.54
    var s: [Double?] = [nil, values[1], values[2], values[3], values[4]]
    var result: [Double]
    switch values.count {
    case 0:
      return nil
    case 1:
      guard let (rating, value) = values.first else { return nil }
      let scale = value / defaultInitialStabilities[rating - 1]
      result = defaultInitialStabilities.map { $0 * scale }.sorted()
    case 2:
      switch (s[1], s[2], s[3], s[4]) {
      case (nil, nil, let r3?, let r4?):
        let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
        s[2] = r2
        s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
      case (nil, let r2?, nil, let r4?):
        let r3 = pow(r2, 1 - w2) * pow(r4, w2)
        s[3] = r3
        s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
      case (nil, let r2?, let r3?, nil):
        s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
        s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
      case (let r1?, nil, nil, let r4?):
        let share = w1 / (w1 + w2 - w1 * w2)
        let r2 = pow(r1, share) * pow(r4, 1 - share)
        s[2] = r2
        let other = w2 / (w1 + w2 - w1 * w2)
        s[3] = pow(r1, 1 - other) * pow(r4, other)
      case (let r1?, nil, let r3?, nil):
        let r2 = pow(r1, w1) * pow(r3, 1 - w1)
        s[2] = r2
        s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
      case (let r1?, let r2?, nil, nil):
        let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
        s[3] = r3
        s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
      default:
        break
      }
      result = s.compactMap { $0 }
    case 3:
      if s[1] == nil, let r2 = s[2], let r3 = s[3] {
        s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
      } else if s[2] == nil, let r1 = s[1], let r3 = s[3] {
        s[2] = pow(r1, w1) * pow(r3, 1 - w1)
      } else if s[3] == nil, let r2 = s[2], let r4 = s[4] {
        s[3] = pow(r2, 1 - w2) * pow(r4, w2)
      } else if s[4] == nil, let r2 = s[2], let r3 = s[3] {
        s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
      }
      result = s.compactMap { $0 }
    default:
      result = s.compactMap { $0 }
    }
    guard result.count == 4 else { return nil }
    return result.map {
      min(max($0, FSRSParameters.minimumStability), initialStabilityMaximum)
    }
  }
}
