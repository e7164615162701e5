extension FSRSScheduler {
  /// The bands of FSRS fuzz: an interval gains ±1 day plus this share of the part of it
  /// that falls in each band (py-fsrs's ranges).
  static let fuzzBands: [(start: Double, end: Double, factor: Double)] = [
    (2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, .infinity, 0.05),
  ]

  /// The days a fuzzed review interval may take, or nil when intervals this short are
  /// never fuzzed (under 2.5 days).
  ///
  /// Draws are uniform over the whole days in the range. py-fsrs rounds a uniform real in
  /// `[min, max + 1)` instead, which can land one day past `max`; Recall keeps to the range.
  public func fuzzRange(days: Int) -> ClosedRange<Int>? {
    let interval = Double(days)
    guard interval >= 2.5 else { return nil }
    var delta = 1.0
    for band in Self.fuzzBands {
      delta += band.factor * max(min(interval, band.end) - band.start, 0.0)
    }
    var lower = Int((interval - delta).rounded(.toNearestOrEven))
    var upper = Int((interval + delta).rounded(.toNearestOrEven))
    lower = max(2, lower)
    upper = min(upper, options.maximumInterval)
    lower = min(lower, upper)
    return lower...upper
  }
}
