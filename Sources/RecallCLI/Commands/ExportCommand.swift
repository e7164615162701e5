import ArgumentParser
import Foundation
import RecallKit

extension ExportFormat: ExpressibleByArgument {}

/// `recall export`: writes a deck's generated questions for Anki, Moodle or a spreadsheet.
public struct ExportCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a deck's questions for Anki (text import), Moodle (GIFT) or as CSV.",
    discussion: """
      Formats:
        anki  text for Anki's File > Import, with headers that set the note
              type (Basic), deck, tags and GUID; the GUID is the question
              id, so importing a newer export updates the same notes
        gift  Moodle GIFT: short answer, choice, true/false, numeric
              ranges, matching; order questions become matching (1 =
              first), cloze blanks are written _____
        csv   RFC 4180: id,type,prompt,options,answers,fact,explanation,
              lists joined with " | "

      Examples:
        recall export bajgora-offensive --format anki -o bajgora.txt
        recall export bajgora-offensive --format gift --type choice --type truefalse
        recall export Decks/my-deck.yaml --format csv --seed 7 > my-deck.csv
      """)

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("A deck id or the path to a deck file.", valueName: "deck"))
  public var deck: String

  @Option(help: ArgumentHelp("Output format: anki, gift or csv.", valueName: "format"))
  public var format: ExportFormat

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write to this file ('-' for standard output)."))
  public var output: String?

  @Flag(help: "Replace the -o file if it exists.")
  public var force = false

  @Option(help: ArgumentHelp("Seed for option order and distractors (default 0).", valueName: "n"))
  public var seed: UInt64 = 0

  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "Only these question types (repeat or separate with commas): short, choice, truefalse, "
        + "cloze, order, match, numeric.", valueName: "type"))
  public var types: [String] = []

  public init() {}

  public func run() throws {
    let status = execute(library: libraryOptions.library(), console: .standard)
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Exports with output on `console`; returns the exit status.
  public func execute(library: DeckLibrary, console: Console) -> ExitStatus {
    var kinds: Set<Question.Kind>?
    let names = types.flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    if !names.isEmpty {
      var selected: Set<Question.Kind> = []
      for name in names {
        guard let kind = Question.Kind(rawValue: name) else {
          let all = Question.Kind.allCases.map(\.rawValue).joined(separator: ", ")
          console.errorLine("recall: error: unknown question type '\(name)' (expected \(all))")
          return .usage
        }
        selected.insert(kind)
      }
      kinds = selected
    }
    let destination = OutputDestination(path: output, force: force)
    if let refusal = destination.refusal() {
      console.errorLine(refusal)
      return .cannotCreate
    }
    let loaded = DeckLoading(library: library, console: console).load(deck, printWarnings: false)
    guard case .success(let deck) = loaded else {
      if case .failure(let failure) = loaded { return failure.status }
      return .dataError
    }
    let questions = ExportQuestionSource.questions(deck: deck, seed: seed, kinds: kinds)
    guard !questions.isEmpty else {
      console.errorLine("recall: error: deck '\(deck.id)' has no questions of the chosen types")
      return .dataError
    }
    let status = destination.write(format.render(questions, deck: deck), console: console)
    if status == .ok, let output = destination.path {
      console.errorLine(
        "recall: wrote \(questions.count) question\(questions.count == 1 ? "" : "s") to \(output)")
    }
    return status
  }
}
