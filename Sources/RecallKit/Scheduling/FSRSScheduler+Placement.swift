extension FSRSScheduler {
  /// The days until a review card's next review: the FSRS interval, fuzzed within its range
  /// when fuzz is on, towards lighter days with a load, and kept before an exam when waiting
  /// past it would leave recall on the exam day below the desired retention.
  ///
  /// With an empty placement this draws exactly what plain fuzz draws, so sessions without
  /// these options schedule as before.
  func placedDays(
    stability: Double, placement: ReviewPlacement,
    using generator: inout some RandomNumberGenerator
  ) -> Int {
    var days = interval(stability: stability)
    var range = options.isFuzzEnabled ? fuzzRange(days: days) : nil
    if let cap = examCap(stability: stability, placement: placement) {
      if let allowed = range {
        range = min(allowed.lowerBound, cap)...min(allowed.upperBound, cap)
      } else {
        days = min(days, cap)
      }
    }
    guard let range else { return days }
    if let balanced = placement.load?.days(for: days, in: range, using: &generator) {
      return balanced
    }
    return Int.random(in: range, using: &generator)
  }

  /// The last day a review may take to come before the exam (the day before it, or the exam
  /// day itself when that is tomorrow), or nil when the exam asks nothing of this card: none
  /// is set, its day has come, or the card's recall on that day meets the desired retention
  /// even without a review before it.
  func examCap(stability: Double, placement: ReviewPlacement) -> Int? {
    guard let examDays = placement.examDays, examDays >= 1 else { return nil }
    let recall = model.retrievability(elapsedDays: Double(examDays), stability: stability)
    guard recall < options.desiredRetention else { return nil }
    return max(1, examDays - 1)
  }
}
