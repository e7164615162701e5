import Foundation

/// The day of an exam the learner is preparing a deck for (`recall study --exam`). Until that
/// day, a review that would otherwise fall due after the exam, leaving recall on the day below
/// the desired retention, falls due before it instead; from the exam day on, scheduling is as
/// usual. It is the learner's own date, kept beside their progress as `<deck>.exam.json`,
/// never in the deck, which is the teacher's.
public struct ExamDate: Hashable, Sendable, CustomStringConvertible {
  public static let schema = 1

  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads `2027-06-10`; a date the calendar does not have (`2027-02-30`) is refused.
  public static func parse(_ text: String) -> ExamDate? {
    let fields = text.trimmingCharacters(in: .whitespaces).split(
      separator: "-", omittingEmptySubsequences: false)
    guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
      let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
      (1...9999).contains(year)
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let components = DateComponents(year: year, month: month, day: day)
    guard components.isValidDate(in: calendar) else { return nil }
    return ExamDate(year: year, month: month, day: day)
  }

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// The study day of the exam in `timeZone` (from 4 a.m. on the date).
  public func studyDay(timeZone: TimeZone) -> StudyDay {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let noon =
      calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))
      ?? Date(timeIntervalSince1970: 0)
    return StudyDay(containing: noon, timeZone: timeZone)
  }

  /// The interval, in days from `now`, that lands on the exam day; nil once the exam day has
  /// begun, when scheduling is back to normal.
  public func daysAhead(of now: Date, timeZone: TimeZone) -> Int? {
    let today = StudyDay(containing: now, timeZone: timeZone)
    return today.daysAfter(studyDay(timeZone: timeZone).start).map { $0 + 1 }
  }

  /// The file that holds a deck's exam date; ids that could leave the folder are refused.
  public static func path(deckID: String, directory: String) throws(ProgressError) -> String {
    try LearnerFile.path(kind: "exam", deckID: deckID, directory: directory)
  }

  /// The learner's exam date for the deck, or nil when none is set (or it was cleared).
  public static func load(deckID: String, directory: String) throws(ProgressError) -> ExamDate? {
    guard
      let file = try LearnerFile.read(
        kind: "exam", deckID: deckID, directory: directory, schema: schema,
        otherDeck: "this exam date belongs to another deck")
    else { return nil }
    if file.object["exam"] is NSNull { return nil }
    guard let text = file.object["exam"] as? String, let date = parse(text) else {
      throw file.malformed("'exam' must be a date such as \"2027-06-10\", or null")
    }
    return date
  }

  /// Sets (or, with nil, clears) the deck's exam date; written atomically.
  public static func save(_ date: ExamDate?, deckID: String, directory: String)
    throws(ProgressError)
  {
    let path = try path(deckID: deckID, directory: directory)
    try ProgressFileSystem.createDirectory(directory)
    let exam = date.map { "\"\($0)\"" } ?? "null"
    let text = """
      {"schema": \(Self.schema), "deck": \(JSONText.quoted(deckID)), "exam": \(exam)}

      """
    try ProgressFileSystem.replace(path, with: Array(text.utf8))
  }
}
