import ArgumentParser
import Foundation
import RecallKit

/// `recall print`: writes a printable worksheet (and its answer key) from a deck.
public struct PrintCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "print",
    abstract: "Print a worksheet of questions from a deck, with an answer key, in versions.",
    discussion: """
      Picks --count questions (default 20) from the deck, one per fact, balanced across \
      question types and mixed across people, places, events and numbers, grouped by type and \
      numbered throughout. The same --seed gives the same worksheet.

      Output goes to standard output, or to -o FILE; the format follows the file's extension \
      (.txt, .md, .html) unless --format says otherwise, and is text on standard output. An \
      existing file is replaced only with --force, and nothing is written into the decks \
      folder without it.

      With --versions K (up to 26), versions A, B, C… hold the same questions with the \
      questions of each section and the options of each question in another order. With -o \
      and several versions, each version goes to its own file (quiz-A.html, quiz-B.html). \
      On standard output every version follows the last, each on a new page.

      --answer-key end (the default) puts each version's key after its sheet, on a new page; \
      on standard output, all sheets come first and then all keys. --answer-key separate \
      writes the keys to a second file (quiz.html → quiz-key.html, every version's key in it) \
      and needs -o. --answer-key none prints no key.

      Examples:
        recall print bajgora-offensive --count 10 --seed 7
        recall print bajgora-offensive --versions 2 --answer-key separate -o q.html
        recall print bajgora-offensive --types choice,truefalse --tag dates -o d.md
        recall print bajgora-offensive --points short=2,match=4 --title "Test 3"
      """)

  /// The output formats, as the command line names them.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, markdown, html

    var worksheetFormat: WorksheetFormat {
      switch self {
      case .text: .text
      case .markdown: .markdown
      case .html: .html
      }
    }
  }

  /// Where the key goes, as the command line names it.
  public enum KeyPlacement: String, ExpressibleByArgument, CaseIterable, Sendable {
    case end, separate, none

    var placement: AnswerKeyPlacement {
      switch self {
      case .end: .end
      case .separate: .separate
      case .none: .none
      }
    }
  }

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("The deck id or a path to a deck file.", valueName: "deck"))
  public var deck: String

  @Option(help: "How many questions.")
  public var count: Int = 20

  @Option(
    help: ArgumentHelp(
      "Question types, comma-separated, in the order their sections appear: short, choice, "
        + "truefalse, cloze, order, match, numeric (default: a balanced mix of all).",
      valueName: "types"))
  public var types: String?

  @Option(
    help: ArgumentHelp(
      "Only questions on these facts or cards (ids, comma-separated).", valueName: "ids"))
  public var facts: String?

  @Option(help: ArgumentHelp("Only questions on facts or cards with this tag.", valueName: "tag"))
  public var tag: String?

  @Option(help: "The same seed gives the same worksheet (default: a random seed, shown on stderr).")
  public var seed: UInt64?

  @Option(help: "How many versions, lettered A, B, C… (1 to 26).")
  public var versions: Int = 1

  @Option(name: .customLong("answer-key"), help: "Where the answer key goes: end, separate, none.")
  public var answerKey: KeyPlacement = .end

  @Option(help: "The worksheet's title (default: the deck's title).")
  public var title: String?

  @Option(
    help: ArgumentHelp(
      "text, markdown or html (default: from the output file's extension, else text).",
      valueName: "format"))
  public var format: Format?

  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp("Write to FILE ('-' for standard output).", valueName: "file"))
  public var output: String?

  @Option(
    help: ArgumentHelp(
      "Points per question type, e.g. choice=1,short=2 (others score 1); shows points and a "
        + "total on the sheet.", valueName: "type=n,…"))
  public var points: String?

  @Flag(help: "Replace -o files that exist; allow writing into the decks folder.")
  public var force = false

  @Flag(
    name: .customLong("allow-same-fact"),
    help: "Allow more than one question on the same fact (only once distinct facts run out).")
  public var allowSameFact: Bool = false

  public init() {}

  public func run() throws {
    let status = execute(
      library: libraryOptions.library(), console: .standard, questions: PrintCommand.generated)
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Everything the command does, with its inputs injected so tests need no process.
  public func execute(
    library: DeckLibrary, console: Console, questions source: QuestionSource
  ) -> ExitStatus {
    let request: WorksheetRequest
    let pointValues: WorksheetPoints?
    let files: [WorksheetFile]
    let chosenSeed = seed ?? UInt64.random(in: 1...999_999)
    do {
      guard count >= 1 else { throw WorksheetError.invalidCount(count) }
      guard (1...26).contains(versions) else { throw WorksheetError.invalidVersions(versions) }
      request = WorksheetRequest(
        count: count, kinds: try types.map(Question.Kind.parseList), facts: factList, tag: tag,
        seed: chosenSeed, allowSameFact: allowSameFact)
      pointValues = try points.map(WorksheetPoints.parse)
      files = try WorksheetOutputPlan.files(
        versionCount: versions, answerKey: answerKey.placement, output: outputPath)
    } catch {
      console.errorLine("recall: error: \(error)")
      return .usage
    }

    let destinations = files.map {
      OutputDestination(path: $0.path, force: force, refusingFolder: library.directory)
    }
    for destination in destinations {
      if case .failure(let refusal) = destination.target() {
        console.errorLine(refusal.line)
        return refusal.status
      }
    }

    let deckValue: Deck
    switch DeckLoading(library: library, console: console).load(deck) {
    case .success(let loaded): deckValue = loaded
    case .failure(let failure): return failure.status
    }

    let worksheet: Worksheet
    do {
      let all = try source(deckValue, chosenSeed)
      let selection = try WorksheetSelector(deck: deckValue).select(from: all, request: request)
      guard !selection.questions.isEmpty else {
        console.errorLine(
          "recall: error: no questions to print: "
            + (selection.candidates == 0
              ? "the deck gives no questions of the types, facts or tag asked for"
              : "every question was filtered out"))
        return isFiltered ? .usage : .dataError
      }
      if selection.isShort {
        let found = selection.questions.count
        var message =
          "recall: warning: the deck gives only \(found) question\(found == 1 ? "" : "s") for "
          + "these options, not \(count); printing \(found)"
        if selection.limitedBySameFact {
          message += " (--allow-same-fact allows more than one question per fact)"
        }
        console.errorLine(message)
      }
      worksheet = try Worksheet(
        title: title ?? deckValue.title, deck: deckValue, selection: selection,
        versionCount: versions, seed: chosenSeed, points: pointValues)
    } catch let error as WorksheetError {
      console.errorLine("recall: error: \(error)")
      return .usage
    } catch {
      console.errorLine("recall: error: cannot make questions for '\(deckValue.id)': \(error)")
      return .dataError
    }
    if seed == nil {
      console.errorLine(
        "recall: seed \(chosenSeed) (use --seed \(chosenSeed) to print this worksheet again)")
    }

    let renderFormat =
      format?.worksheetFormat ?? outputPath.map(WorksheetFormat.init(path:)) ?? .text
    let renderer = renderFormat.renderer
    for (file, destination) in zip(files, destinations) {
      let text = renderer.render(worksheet, parts: file.parts)
      let status = destination.write(text, console: console)
      guard status == .ok else { return status }
      if let path = destination.path { console.errorLine("recall: wrote \(path)") }
    }
    return .ok
  }

  private var factList: [String]? {
    facts.map { list in
      list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      }
    }
  }

  /// The output file; `-o -` means standard output, as in most tools.
  private var outputPath: String? { output == "-" ? nil : output }

  private var isFiltered: Bool { types != nil || facts != nil || tag != nil }
}

/// Every question a deck offers, for `recall print` to choose from; the seed lets a generator
/// pick distractors reproducibly.
public typealias QuestionSource = @Sendable (_ deck: Deck, _ seed: UInt64) throws -> [Question]
