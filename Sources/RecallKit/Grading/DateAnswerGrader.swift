/// Grades a typed date at the precision of the fact, never more.
///
/// Rules, for a fact dated E and an answer A:
/// - A names the same date, or a more precise one inside it ("10 July 1998" for "July 1998"), or
///   drops only an "early/mid/late" ("May 1998" for "mid-May 1998"): correct, with a note when
///   the source's own form says more or less.
/// - For a range fact ("10–11 July 1998", "August to October 1998"), the range: correct; its
///   first day (or month) alone: partially correct, since a span needs both ends; a range with
///   one end right, or with coarser ends that hold the fact's ("1998–1999"): partially
///   correct; a date holding either end ("autumn 1998" for August to October), or a range
///   with both ends off that overlaps the span within its years ("11–12 July 1998" for 10–11
///   July 1998): partially correct.
/// - For an approximate fact ("c. 1500"), a year within 2 (or 0.5 %) of it: correct.
/// - A coarser date that contains the fact ("July 1998" or "1998" for "10 July 1998"), or a date
///   inside a range fact other than its start: partially correct, which schedules as a miss.
/// - A year written without its era where the era matters (a date before Christ, or before AD
///   100): at best partially correct, read in the era that gives the most credit.
/// - Anything else, and always any other year: wrong.
public enum DateAnswerGrader {
  public static func grade(_ input: String, expected: HistoricalDate, hintUsed: Bool = false)
    -> GradingResult
  {
    if let grade = gradeWithoutEra(input, expected: expected, hintUsed: hintUsed) {
      return .graded(grade)
    }
    switch DateAnswerReader.read(input) {
    case .failure(let reason):
      return .invalid(reason)
    case .success(let answer):
      let (verdict, note) = judge(answer, expected: expected)
      var shownNote = note
      if verdict == .wrong, isNumeric(input) {
        shownNote = "read as “\(answer.formatted)” (numbers are read day first)"
      }
      return .graded(Grade(verdict, shown: expected.formatted, note: shownNote, hintUsed: hintUsed))
    }
  }

  /// The grade of an answer that leaves out an era the fact needs ("15 March 44" for 44 BC):
  /// the date is known but not when it was, so it is partially correct when either era would
  /// make it right or partial, and wrong otherwise. Nil when the era does not matter, the answer
  /// writes one, or it is no date in either era.
  private static func gradeWithoutEra(_ input: String, expected: HistoricalDate, hintUsed: Bool)
    -> Grade?
  {
    let eraMatters = expected.reachesBeforeChrist || expected.start.year < 100
    guard eraMatters, !writesEra(input) else { return nil }
    var read = false
    for era in [" BC", " AD"] {
      guard case .success(let answer) = DateAnswerReader.read(input + era) else { continue }
      read = true
      if judge(answer, expected: expected).0 != .wrong {
        return Grade(
          .partiallyCorrect, shown: expected.formatted,
          note: "write the era: “\(expected.formatted)”", hintUsed: hintUsed)
      }
    }
    return read ? Grade(.wrong, shown: expected.formatted, hintUsed: hintUsed) : nil
  }

  /// Whether the learner wrote an era (BC, BCE, AD, CE, with or without dots).
  private static func writesEra(_ input: String) -> Bool {
    input.lowercased().filter { $0 != "." }.split(whereSeparator: { !$0.isLetter })
      .contains { ["bc", "bce", "ad", "ce"].contains($0) }
  }

  /// How `answer` relates to `expected`, with a note for the learner.
  static func judge(_ answer: HistoricalDate, expected: HistoricalDate)
    -> (Grade.Verdict, String?)
  {
    let full = "“\(expected.formatted)”"
    guard let expectedEnd = expected.end else {
      if let answerEnd = answer.end {
        let inside =
          answer.start.lies(within: expected.start) && answerEnd.lies(within: expected.start)
        return inside ? (.correct, "the source says only \(full)") : (.wrong, nil)
      }
      return judge(
        point: answer.start, against: expected.start, full: full,
        approximate: expected.isApproximate)
    }
    if let answerEnd = answer.end {
      let startRight = accepts(answer.start, for: expected.start)
      let endRight = accepts(answerEnd, for: expectedEnd)
      if startRight && endRight { return (.correct, nil) }
      // One end right and the other not ("June 1998 to January 1999"), or both ends coarser
      // dates that hold the fact's ("1998–1999"): on the way, not the span.
      if startRight || endRight { return (.partiallyCorrect, "one end is off: \(full)") }
      if expected.start.lies(within: answer.start), expectedEnd.lies(within: answerEnd) {
        return (.partiallyCorrect, "not precise enough: \(full)")
      }
      // Both ends off, yet part of the span is right and no other year is named ("11–12 July
      // 1998" for 10–11 July 1998): as much as one day inside it. "1070–1071" for 1069 to 1070
      // names a year the span never reaches, and stays wrong.
      if overlaps(answer.start, answerEnd, expected.start, expectedEnd),
        expected.start.years.lowerBound <= answer.start.years.lowerBound,
        answerEnd.years.upperBound <= expectedEnd.years.upperBound
      {
        return (.partiallyCorrect, "partly inside the span: \(full)")
      }
      return (.wrong, nil)
    }
    // A span needs both ends: its start alone is only part of the answer.
    let point = answer.start
    if accepts(point, for: expected.start) {
      return (.partiallyCorrect, "give both ends: \(full)")
    }
    if withinRange(point, from: expected.start, to: expectedEnd)
      || expected.start.lies(within: point) || expectedEnd.lies(within: point)
    {
      return (.partiallyCorrect, "close, but the answer is \(full)")
    }
    return (.wrong, nil)
  }

  private static func judge(
    point: HistoricalDate.Point, against expected: HistoricalDate.Point, full: String,
    approximate: Bool = false
  ) -> (Grade.Verdict, String?) {
    if point == expected { return (.correct, approximate ? "the source says \(full)" : nil) }
    // "c. 1500": a year close by is as good as the source's own guess.
    if approximate, case .year(let typed) = point, case .year(let year) = expected,
      abs(typed - year) <= Swift.max(2, abs(year) / 200)
    {
      return (.correct, "the source says \(full)")
    }
    if point.lies(within: expected) { return (.correct, "the source says only \(full)") }
    if expected.withoutPart == point { return (.correct, "more precisely \(full)") }
    if expected.lies(within: point) { return (.partiallyCorrect, "not precise enough: \(full)") }
    return (.wrong, nil)
  }

  /// Whether `point` counts as naming `expected`: the same, inside it, or it without its part.
  private static func accepts(_ point: HistoricalDate.Point, for expected: HistoricalDate.Point)
    -> Bool
  {
    point.lies(within: expected) || expected.withoutPart == point
  }

  /// Whether the days from `start` to `end` share at least one day with `otherStart` to
  /// `otherEnd`.
  private static func overlaps(
    _ start: HistoricalDate.Point, _ end: HistoricalDate.Point,
    _ otherStart: HistoricalDate.Point, _ otherEnd: HistoricalDate.Point
  ) -> Bool {
    guard let first = start.coveredSpans.first?.lowerBound,
      let last = end.coveredSpans.last?.upperBound,
      let otherFirst = otherStart.coveredSpans.first?.lowerBound,
      let otherLast = otherEnd.coveredSpans.last?.upperBound
    else { return false }
    return first <= otherLast && otherFirst <= last
  }

  private static func withinRange(
    _ point: HistoricalDate.Point, from start: HistoricalDate.Point, to end: HistoricalDate.Point
  ) -> Bool {
    guard let first = start.coveredSpans.first?.lowerBound,
      let last = end.coveredSpans.last?.upperBound
    else { return false }
    return point.coveredSpans.allSatisfy { first <= $0.lowerBound && $0.upperBound <= last }
  }

  /// Whether the learner wrote the date in figures ("7/10/1998"), where the reading may surprise.
  private static func isNumeric(_ input: String) -> Bool {
    !input.contains(where: \.isLetter) && input.contains(where: { "./-".contains($0) })
  }
}
