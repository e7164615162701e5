import ArgumentParser
import Foundation
import RecallKit

/// `recall print`: writes a printable worksheet (and its answer key) from a deck.
public struct PrintCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "print",
    abstract: "Make a printable worksheet (text, Markdown, HTML or PDF) with its answer key.",
    discussion: """
      Makes a worksheet to print and hand out; it does not send anything to a printer. \
      `recall preview` shows every question a deck generates instead, and `recall export` \
      writes them for another program.

      Picks --count questions (default 20) from the deck, one per fact, balanced across \
      question types and mixed across people, places, events and numbers, grouped by type and \
      numbered throughout. The same --seed gives the same worksheet.

      Output goes to standard output, or to -o FILE; the format follows the file's extension \
      (.txt, .md, .html, .pdf) unless --format says otherwise, and is text on standard output. \
      A PDF is the HTML sheet typeset by WeasyPrint (sudo apt-get install weasyprint); every \
      page carries the title, the version and "Page N of M". An existing file is replaced \
      only with --force, and nothing is written into the decks folder without it.

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
    case text, markdown, html, pdf

    /// The renderer's format; a PDF is the HTML page typeset.
    var worksheetFormat: WorksheetFormat {
      switch self {
      case .text: .text
      case .markdown: .markdown
      case .html, .pdf: .html
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

  @Option(name: .customLong("count"), help: "How many questions (default 20).")
  public var countOption: Int?

  /// The number of questions asked for: --count, else 20.
  public var count: Int { countOption ?? 20 }
  private var countWasGiven: Bool { countOption != nil }

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
      "text, markdown, html or pdf (default: from the output file's extension, else text); "
        + "pdf needs -o and WeasyPrint.",
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

  @Option(
    name: .customLong("section"),
    help: ArgumentHelp(
      "A section of the sheet, in order (repeat it): TYPES:COUNT or TYPES@TAG:COUNT, such as "
        + "choice:5, short@people:3, choice+truefalse:4 or any@dates:2.",
      valueName: "spec"))
  public var sections: [String] = []

  @Flag(
    name: .customLong("allow-same-fact"),
    help: "Allow more than one question on the same fact (only once distinct facts run out).")
  public var allowSameFact: Bool = false

  public init() {}

  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    try perform(in: context, questions: PrintCommand.generated, diagnostics: diagnostics)
  }

  /// The command in process with the questions to choose from injected, so tests can make the
  /// generator fail.
  public func execute(in context: CommandContext, questions: QuestionSource) -> ExitStatus {
    Diagnostics.collecting(on: context.console) { diagnostics in
      try perform(in: context, questions: questions, diagnostics: diagnostics)
    }
  }

  private func perform(
    in context: CommandContext, questions source: QuestionSource, diagnostics: Diagnostics
  ) throws {
    let console = context.console
    let library = libraryOptions.library()
    let request: WorksheetRequest
    let sectionRequests: [WorksheetSectionRequest]
    let pointValues: WorksheetPoints?
    let files: [WorksheetFile]
    let chosenSeed = seed ?? UInt64.random(in: 1...999_999)
    do {
      guard count >= 1 else { throw WorksheetError.invalidCount(count) }
      sectionRequests = try sections.map(WorksheetSectionRequest.parse)
      if !sectionRequests.isEmpty, countWasGiven || types != nil || tag != nil {
        throw WorksheetError.sectionsWithCountOrTypes
      }
      guard (1...26).contains(versions) else { throw WorksheetError.invalidVersions(versions) }
      request = WorksheetRequest(
        count: count, kinds: try types.map(Question.Kind.parseList), facts: factList, tag: tag,
        seed: chosenSeed, allowSameFact: allowSameFact)
      pointValues = try points.map(WorksheetPoints.parse)
      files = try WorksheetOutputPlan.files(
        versionCount: versions, answerKey: answerKey.placement, output: outputPath)
    } catch {
      throw CommandError.usage("\(error)")
    }

    let destinations = files.map {
      OutputDestination(path: $0.path, force: force, refusingFolder: library.directory)
    }
    for destination in destinations { try destination.checkWritable() }

    let isPDF =
      format.map { $0 == .pdf } ?? (outputPath?.lowercased().hasSuffix(".pdf") ?? false)
    let renderFormat =
      isPDF
      ? .html : format?.worksheetFormat ?? outputPath.map(WorksheetFormat.init(path:)) ?? .text
    var typesetter: PDFTypesetter?
    if isPDF {
      guard outputPath != nil else {
        throw CommandError.usage("a PDF goes to a file: add -o FILE.pdf")
      }
      guard let found = PDFTypesetter.locate(environment: context.environment) else {
        throw CommandError(
          .unavailable,
          "PDF output needs WeasyPrint, which is not installed; install it with: "
            + PDFTypesetter.installCommand)
      }
      typesetter = found
    }

    guard let deckValue = DeckLoading(library: library, diagnostics: diagnostics).load(deck) else {
      return
    }

    let worksheet: Worksheet
    do {
      let all = try source(deckValue, chosenSeed)
      let selector = WorksheetSelector(deck: deckValue)
      let selection: WorksheetSelection
      if sectionRequests.isEmpty {
        selection = try selector.select(from: all, request: request)
      } else {
        let parts = try selector.select(
          from: all, sections: sectionRequests, facts: factList, seed: chosenSeed,
          allowSameFact: allowSameFact)
        for (index, part) in parts.enumerated() where part.isShort {
          diagnostics.warning(
            "section \(index + 1) (\(sections[index])): the deck gives only "
              + "\(part.questions.count) of \(part.requested) questions")
        }
        selection = WorksheetSelection(combining: parts)
      }
      for missing in selection.missingKinds {
        let reason =
          switch missing.reason {
          case .noneOffered:
            "the deck gives no \(missing.kind.rawValue) questions for these options"
          case .factsAlreadyUsed:
            "every \(missing.kind.rawValue) question is on a fact another question on the sheet "
              + "already asks about (--allow-same-fact allows it)"
          }
        diagnostics.warning("no \(missing.kind.rawValue) question on the sheet: \(reason)")
      }
      guard !selection.questions.isEmpty else {
        throw CommandError(
          isFiltered ? .usage : .dataError,
          "no questions to print: "
            + (selection.candidates == 0
              ? "the deck gives no questions of the types, facts or tag asked for"
              : "every question was filtered out"))
      }
      if selection.isShort, sectionRequests.isEmpty {
        let found = selection.questions.count
        var message =
          "the deck gives only \(found) question\(found == 1 ? "" : "s") for these options, "
          + "not \(count); printing \(found)"
        if selection.limitedBySameFact {
          message += " (--allow-same-fact allows more than one question per fact)"
        }
        diagnostics.warning(message)
      }
      worksheet = try Worksheet(
        title: title ?? deckValue.title, deck: deckValue, selection: selection,
        versionCount: versions, seed: chosenSeed, points: pointValues)
    } catch let error as CommandError {
      throw error
    } catch let error as WorksheetError {
      throw CommandError.usage("\(error)")
    } catch {
      throw CommandError.data("cannot make questions for '\(deckValue.id)': \(error)")
    }
    if seed == nil {
      console.errorLine(
        "recall: seed \(chosenSeed) (use --seed \(chosenSeed) to print this worksheet again)")
    }

    let renderer = renderFormat.renderer
    for (file, destination) in zip(files, destinations) {
      let text = renderer.render(worksheet, parts: file.parts)
      if let typesetter, let path = file.path {
        let pdf: Data
        do {
          pdf = try typesetter.pdf(html: text, for: path)
        } catch {
          throw CommandError.cannotCreate(error.description)
        }
        try destination.write(data: pdf, console: console)
        console.errorLine("recall: wrote \(path)")
        continue
      }
      try destination.write(text, console: console)
      if let path = destination.path { console.errorLine("recall: wrote \(path)") }
    }
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
