extension FSRSScheduler {
  /// The days until a review card's next review: the FSRS interval, fuzzed within its range
  /// when fuzz is on, towards lighter days with a load.
  ///
  /// With an empty placement this draws exactly what plain fuzz draws, so sessions without
  /// these options schedule as before.
  func placedDays(
    stability: Double, placement: ReviewPlacement,
    using generator: inout some RandomNumberGenerator
  ) -> Int {
    let days = interval(stability: stability)
    let range = options.isFuzzEnabled ? fuzzRange(days: days) : nil
    guard let range else { return days }
    if let balanced = placement.load?.days(for: days, in: range, using: &generator) {
      return balanced
    }
    return Int.random(in: range, using: &generator)
  }

}
