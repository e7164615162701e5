import ArgumentParser
import Foundation
import RecallKit

/// `recall report`: what a class has learned of a deck, from the students' progress folders.
public struct ReportCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Report a class's progress on a deck from the students' progress folders.",
    discussion: """
      Each STUDENT is a folder holding one student's progress files for the deck (as the \
      student copied it to a shared drive); the folder's name is the student's name unless \
      --name gives a file of "folder,name" lines. A folder that is missing, holds another \
      deck, is damaged or was written by a newer Recall is reported and skipped; the report \
      is made from the others (exit 65 only when no folder could be read).

      The facility index is the share of students whose first answer to a card was \
      accepted (0-100); the discrimination index correlates that first answer with the \
      student's first answers to the rest of the deck (-100-100; blank with fewer than \
      three students). Recall now / on DATE is FSRS's predicted probability of recall, \
      averaged over the class.

      Examples:
        recall report bajgora-offensive class/*
        recall report bajgora-offensive class/* --on 2027-06-10 --format html -o report.html
        recall report bajgora-offensive class/* --format csv --table students > students.csv
      """)

  /// Output forms.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, html, csv, json
  }

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("A deck id or the path to a deck file.", valueName: "deck"))
  public var deck: String

  @Argument(help: ArgumentHelp("Students' progress folders.", valueName: "student"))
  public var students: [String] = []

  @Option(
    name: .customLong("name"),
    help: ArgumentHelp("A CSV file of folder,name lines naming the students.", valueName: "file"))
  public var nameFile: String?

  @Option(
    name: .customLong("on"),
    help: ArgumentHelp(
      "Also predict recall on this day (YYYY-MM-DD, at 09:00), such as an exam.",
      valueName: "date"))
  public var onDay: String?

  @Option(help: "text, html, csv or json.")
  public var format: Format = .text

  @Option(help: "The table --format csv writes: cards, facts, students or flags.")
  public var table: String = "cards"

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file."))
  public var output: String?

  @Flag(help: "Replace the -o file if it exists.")
  public var force = false

  @Option(help: ArgumentHelp("Pretend the time is this ISO 8601 instant.", valueName: "time"))
  public var now: String?

  public init() {}

  public func validate() throws {
    if students.isEmpty { throw ValidationError("name at least one student's progress folder") }
    if let now {
      switch UTCTimestamp.parse(now) {
      case .failure(let error): throw ValidationError("--now: \(error)")
      case .success(let date):
        if let refusal = ProgressStore.refusal(ofSessionTime: date) {
          throw ValidationError("--now: \(refusal)")
        }
      }
    }
    if ClassReport.Table(rawValue: table) == nil {
      throw ValidationError("--table must be cards, facts, students or flags, not '\(table)'")
    }
    if let onDay, Self.day(onDay, timeZone: .current) == nil {
      throw ValidationError("--on: '\(onDay)' is not a date of the form 2027-06-10")
    }
  }

  /// Reads every student's progress and writes the report.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    let destination = OutputDestination(path: output, force: force)
    try destination.checkWritable()
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let loaded = loading.load(deck, printWarnings: false) else { return }
    let names = try nameFile.map { try Self.names(from: $0).get() } ?? [:]
    let fixed = now.flatMap { try? UTCTimestamp.parse($0).get() }
    let moment = fixed ?? Date()
    let zone = fixed == nil ? TimeZone.current : TimeZone(identifier: "UTC") ?? .current
    let roster = ClassRoster.read(
      folders: students, deckID: loaded.id, names: names,
      calendar: ClassCalendar(timeZone: zone, at: moment))
    for skip in roster.skipped {
      diagnostics.warning(
        "skipped \(TextSanitizer.visible(skip.name)): " + TextSanitizer.visible(skip.reason))
    }
    guard !roster.students.isEmpty else {
      throw CommandError.data("no student's progress could be read")
    }
    let report = ClassReport(
      deckID: loaded.id, deckTitle: loaded.title,
      questions: QuestionGenerator(deck: loaded).questions(), students: roster.students,
      skipped: roster.skipped, now: moment,
      onDate: onDay.flatMap { Self.day($0, timeZone: zone) })
    let text: String
    switch format {
    case .text: text = report.text(visible: TextSanitizer.visible)
    case .html: text = report.html()
    case .csv: text = report.csv(ClassReport.Table(rawValue: table) ?? .cards)
    case .json: text = report.json()
    }
    try destination.write(text, console: console)
  }

  /// 09:00 on `text` (YYYY-MM-DD) in `timeZone`.
  static func day(_ text: String, timeZone: TimeZone) -> Date? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let components = DateComponents(year: year, month: month, day: day, hour: 9)
    guard let date = calendar.date(from: components),
      calendar.dateComponents([.year, .month, .day], from: date)
        == DateComponents(year: year, month: month, day: day)
    else { return nil }
    return date
  }

  /// Folder names to students' names, from a CSV file of `folder,name` lines (a header line
  /// `folder,name` is allowed).
  static func names(from path: String) -> Result<[String: String], CommandError> {
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(.noInput("cannot read \(path)"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return .failure(CommandError(.dataError, "the file is not UTF-8 text", at: .file(path)))
    }
    let (records, problems) = DelimitedText(delimiter: ",").records(in: text)
    if let problem = problems.first {
      return .failure(
        CommandError(
          .dataError, problem.message,
          at: SourceLocation(file: path, line: problem.line, column: problem.column)))
    }
    var names: [String: String] = [:]
    for record in records {
      let fields = record.texts.map { $0.trimmingCharacters(in: .whitespaces) }
      if record.line == records.first?.line, fields.map({ $0.lowercased() }) == ["folder", "name"] {
        continue
      }
      guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
        return .failure(
          CommandError(
            .dataError, "expected two fields, folder,name",
            at: SourceLocation(file: path, line: record.line, column: 1)))
      }
      names[fields[0]] = fields[1]
    }
    return .success(names)
  }
}
