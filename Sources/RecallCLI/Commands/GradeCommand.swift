import ArgumentParser
import RecallKit

/// `recall grade`: shows how a card grades typed answers, so a teacher can check what it accepts.
public struct GradeCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade answers to one card as a study session would.",
    discussion: """
      Prints one line per answer: the verdict (correct, typo, partial, wrong or invalid), the \
      answer, and the answer shown to the learner with the grader's note. With --format json, \
      one JSON object per line: {"card", "answer", "verdict", "expected", "note"}. Card ids \
      are those `recall preview` shows. Exits 0 when every answer is accepted (correct or \
      typo), 1 when some is not, 64 for a card the deck does not have, 65 for a deck with \
      errors and 66 for a deck that cannot be found.

      Examples:
        recall grade bajgora-offensive offensive-in-kosovo-war/cloze "War in Kosovo"
        recall grade bajgora-offensive brigade-141/name-short "141st Brigade" "Brigade 14"
        recall grade bajgora-offensive refuge-villages Kurilovo --format json
      """)

  /// The two output formats.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("A deck id or the path to a deck file.", valueName: "deck"))
  public var deck: String

  @Argument(help: ArgumentHelp("The card's id, as `recall preview` shows it.", valueName: "card"))
  public var card: String

  @Argument(help: ArgumentHelp("Answers to grade, one argument each.", valueName: "answer"))
  public var answers: [String]

  @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
  public var format: Format = .text

  public init() {}

  public func run() throws {
    let status = GradeCommand.grade(
      deck, card: card, answers: answers, format: format, library: libraryOptions.library(),
      console: .standard)
    if status != 0 { throw ExitCode(status) }
  }

  /// Grades each answer and returns the exit status: 0 all accepted, 1 some not, or a sysexits
  /// code when the deck or card cannot be used.
  public static func grade(
    _ name: String, card: String, answers: [String], format: Format, library: DeckLibrary,
    console: Console
  ) -> Int32 {
    guard !answers.isEmpty else {
      console.errorLine("recall: error: give at least one answer to grade")
      return ExitStatus.usage.rawValue
    }
    let deck: Deck
    switch DeckLoading(library: library, console: console).load(name) {
    case .success(let loaded): deck = loaded
    case .failure(let failure): return failure.status.rawValue
    }
    let questions = QuestionGenerator(deck: deck).questions()
    guard let question = questions.first(where: { $0.id == card }) else {
      let known = questions.map(\.id)
      let hint = closestMatch(to: card, in: known).map { "; did you mean '\($0)'?" } ?? ""
      console.errorLine(
        "recall: error: deck '\(deck.id)' has no card '\(TextSanitizer.visible(card))'\(hint) "
          + "(`recall preview \(name)` lists them)")
      return ExitStatus.usage.rawValue
    }
    let grader = AnswerGrader(deck: deck, questions: questions)
    var allAccepted = true
    for answer in answers {
      let report = GradeReport(question: question, answer: answer, grader: grader)
      allAccepted = allAccepted && report.isAccepted
      console.line(format == .json ? report.jsonLine : report.textLine)
    }
    return allAccepted ? 0 : 1
  }
}
