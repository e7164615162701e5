/// What a marker should accept for an answer that can be written more or less exactly, in the
/// words a key shows beside the answer.
///
/// It states the grader's own rule (`NumberValue.acceptedRange`, the date's precision), so a
/// paper marked by hand agrees with Recall's marking of the same answer typed in a session.
public enum WorksheetMarking {
  public static func guidance(for expected: ExpectedAnswer) -> String? {
    switch expected {
    case .number(let value) where value.isLowerBound || value.isUpperBound:
      // The grader wants the bound itself ("over 100"); a bare number in range is partial.
      let range = value.acceptedRange
      return
        "the bound is needed: “\(value.description)”; a plain number from "
        + "\(NumberValue.format(range.lowerBound)) to \(NumberValue.format(range.upperBound)) "
        + "is only partly right"
    case .number(let value):
      let range = value.acceptedRange
      let low = NumberValue.format(range.lowerBound)
      let high = NumberValue.format(range.upperBound)
      return low == high ? "accept exactly \(low)" : "accept any number from \(low) to \(high)"
    case .date(let date):
      guard let end = date.end else {
        return "accept \(date.start.formatted(includeYear: true)); \(enough(date.start.precision))"
      }
      return
        "both ends needed: \(date.start.formatted(includeYear: true)) and "
        + "\(end.formatted(includeYear: true)); \(enough(date.precision)) for each"
    case .text, .choice, .truth, .order, .match:
      return nil
    }
  }

  /// How much of a date an answer must give.
  static func enough(_ precision: HistoricalDate.Precision) -> String {
    switch precision {
    case .day: "the day, month and year"
    case .partOfMonth: "early, mid or late as given, with the month and year"
    case .month: "the month and year are enough"
    case .season: "the season and year are enough"
    case .partOfYear: "early, mid or late as given, with the year"
    case .year: "the year is enough"
    case .decade: "the decade is enough"
    case .century: "the century is enough"
    }
  }
}
