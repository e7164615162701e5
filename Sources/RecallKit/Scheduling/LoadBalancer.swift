import Foundation

/// Anki's load balancer, with its figures: of the days a review's fuzz allows, prefer those
/// with fewer reviews already due, so cards learnt together do not make one heavy day after
/// another. Each day in the range is drawn with a weight that falls steeply with its load and
/// a little with its distance (without that, balancing drifts towards later days). An easy
/// day's weight is cut so that it ends up with about half a normal day's load.
///
/// It only ever picks among the fuzz range's days, and only during study: replays never fuzz,
/// so they never balance either.
public struct LoadBalancer: Hashable, Sendable {
  /// Longer intervals are not balanced (Anki's limit): that far ahead, loads even out alone.
  public static let maximumInterval = 90
  /// Days ahead counted: the fuzz range of a 90-day interval reaches 96 days.
  public static let horizon = 100
  /// How fast a day's weight falls with its load, and with its distance (Anki's exponents).
  static let loadExponent = 2.15
  static let distanceExponent = 3.0
  /// An easy day's share of a normal day's load.
  public static let easyDayShare = 0.5
  /// What an easy day's weight is multiplied by. A day's share of the draws follows its
  /// weight, which falls as load^−2.15, so placed reviews settle where load^3.15 is in
  /// proportion to this factor: share^3.15 gives the easy day `easyDayShare` of the load.
  public static let easyDayFactor = pow(easyDayShare, loadExponent + 1)

  /// Reviews already due on the day `d` days after the review, for `d` from 0.
  public var due: [Int]
  /// Whether the day `d` days after the review is an easy day (missing: not).
  public var easy: [Bool]

  public init(due: [Int], easy: [Bool] = []) {
    self.due = due
    self.easy = easy
  }

  /// The draw weight of a day `days` ahead with `due` reviews already on it.
  public static func weight(days: Int, due: Int, isEasyDay: Bool) -> Double {
    let weight = pow(Double(due + 1), -loadExponent) * pow(Double(max(days, 1)), -distanceExponent)
    return isEasyDay ? weight * easyDayFactor : weight
  }

  /// A day in `range` for a review whose unfuzzed interval is `interval` days, drawn by
  /// weight; nil when the interval is too long to balance or the range reaches past the days
  /// counted, and the caller fuzzes as usual.
  public func days(
    for interval: Int, in range: ClosedRange<Int>,
    using generator: inout some RandomNumberGenerator
  ) -> Int? {
    guard interval <= Self.maximumInterval, range.lowerBound <= Self.maximumInterval,
      range.lowerBound >= 0, range.upperBound < due.count
    else { return nil }
    let weights = range.map { day in
      Self.weight(days: day, due: due[day], isEasyDay: day < easy.count && easy[day])
    }
    let total = weights.reduce(0, +)
    guard total > 0, total.isFinite else { return nil }
    var point = Double(generator.next() >> 11) * 0x1p-53 * total
    for (offset, weight) in weights.enumerated() {
      point -= weight
      if point < 0 { return range.lowerBound + offset }
    }
    return range.upperBound
  }
}
