import ArgumentParser
import Foundation
import RecallKit

extension ExportFormat: ExpressibleByArgument {}

/// What `--format` names: one of the text formats, or an Anki package.
public enum ExportCommandFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  case anki, gift, csv, amc, apkg

  /// The text format, or nil for the package.
  var text: ExportFormat? { ExportFormat(rawValue: rawValue) }
}

/// `recall export`: writes a deck's generated questions for Anki, Moodle or a spreadsheet.
public struct ExportCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export a deck's questions for Anki (package or text), Moodle (GIFT), "
      + "auto-multiple-choice (AMC-TXT) or as CSV.",
    discussion: """
      Formats:
        apkg  an Anki package (needs -o): a note type per question kind
              with Prompt, Answer, Explanation and Source fields, the
              question id as GUID (a newer export updates the notes);
              --with-history adds the reviews and current FSRS states
        anki  text for Anki's File > Import, with headers that set the note
              type (Basic), deck, tags and GUID; the GUID is the question
              id, so importing a newer export updates the same notes
        gift  Moodle GIFT: short answer, choice, true/false, numeric
              ranges, matching; order questions become matching (1 =
              first), cloze blanks are written _____; a $CATEGORY per
              first tag (deck title/tag) for the question bank
        amc   AMC-TXT for auto-multiple-choice: choice and true/false
              questions as single-answer questions, for scanned sheets
        csv   RFC 4180: id,type,prompt,options,answers,fact,explanation,
              lists joined with " | "

      Examples:
        recall export bajgora-offensive --format anki -o bajgora.txt
        recall export bajgora-offensive --format gift --type choice --type truefalse
        recall export bajgora-offensive --format gift --tag people -o people.gift
        recall export bajgora-offensive --format amc -o bajgora-amc.txt
        recall export Decks/my-deck.yaml --format csv --seed 7 > my-deck.csv
        recall export bajgora-offensive --format apkg --with-history -o bajgora.apkg
      """)

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("A deck id or the path to a deck file.", valueName: "deck"))
  public var deck: String

  @Option(
    help: ArgumentHelp("Output format: anki, gift, csv, amc or apkg.", valueName: "format"))
  public var format: ExportCommandFormat

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write to this file ('-' for standard output)."))
  public var output: String?

  @Flag(help: "Replace the -o file if it exists.")
  public var force = false

  @Flag(help: "apkg: carry the learner's reviews and current FSRS states into the package.")
  public var withHistory = false

  @OptionGroup public var progressOptions: ProgressOptions

  @Option(help: ArgumentHelp("Seed for option order and distractors (default 0).", valueName: "n"))
  public var seed: UInt64 = 0

  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "Only these question types (repeat or separate with commas): short, choice, truefalse, "
        + "cloze, order, match, numeric.", valueName: "type"))
  public var types: [String] = []

  @Option(
    name: .customLong("tag"),
    help: ArgumentHelp(
      "Only questions on facts or cards with this tag (repeat for any of several).",
      valueName: "tag"))
  public var tags: [String] = []

  public init() {}

  /// Exports to standard output or `-o`.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    var kinds: Set<Question.Kind>?
    let names = types.flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    if !names.isEmpty {
      var selected: Set<Question.Kind> = []
      for name in names {
        guard let kind = Question.Kind(rawValue: name) else {
          let all = Question.Kind.allCases.map(\.rawValue).joined(separator: ", ")
          throw CommandError.usage("unknown question type '\(name)' (expected \(all))")
        }
        selected.insert(kind)
      }
      kinds = selected
    }
    try checkPackageOptions()
    let destination = OutputDestination(path: output, force: force)
    try destination.checkWritable()
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(deck, printWarnings: false) else { return }
    let questions = try ExportQuestionSource.questions(
      deck: deck, seed: seed, kinds: kinds, tags: tags, format: format)
    guard let textFormat = format.text else {
      try exportPackage(questions, deck: deck, destination: destination, console: context.console)
      return
    }
    try destination.write(textFormat.render(questions, deck: deck), console: context.console)
    if let output = destination.path {
      context.console.errorLine(
        "recall: wrote \(questions.count) question\(questions.count == 1 ? "" : "s") to \(output)")
    }
  }
}
