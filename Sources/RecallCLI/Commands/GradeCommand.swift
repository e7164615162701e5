import ArgumentParser
import RecallKit

/// `recall grade`: shows how a card grades typed answers, so a teacher can check what it
/// accepts before handing the deck out.
public struct GradeCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade answers to one card as a study session would.",
    discussion: """
      Prints one line per answer: the verdict (correct, typo, partial, wrong or invalid), the \
      answer, and the answer shown to the learner with the grader's note. With --format json, \
      one JSON object per line: {"card", "answer", "verdict", "expected", "note"}. Card ids \
      are those `recall preview` shows; a choice, order or match card's letters are those of \
      `recall preview --seed` with the same seed. Exits 0 when every answer is accepted \
      (correct or typo), 1 when some is not, 64 for a card the deck does not have, 65 for a \
      deck with errors and 66 for a deck that cannot be found.

      Examples:
        recall grade bajgora-offensive offensive-in-kosovo-war/cloze "War in Kosovo"
        recall grade bajgora-offensive brigade-141/name-short "141st Brigade" "Brigade 14"
        recall grade bajgora-offensive refuge-villages/short Kurilovo --format json
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
  public var answers: [String] = []

  @Option(
    help: ArgumentHelp(
      "Seed for options and their letters, as in `recall preview`.", valueName: "n"))
  public var seed: UInt64 = 0

  @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
  public var format: Format = .text

  public init() {}

  /// Grades each answer; the command fails with status 1 when some answer is not accepted.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    guard !answers.isEmpty else { throw CommandError.usage("give at least one answer to grade") }
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(self.deck, printWarnings: false) else { return }
    let questions = QuestionGenerator(deck: deck, seed: seed).questions()
    guard let question = questions.first(where: { $0.id == card }) else {
      let hint = closestMatch(to: card, in: questions.map(\.id)).map { "; did you mean '\($0)'?" }
      throw CommandError.usage(
        "deck '\(deck.id)' has no card '\(TextSanitizer.visible(card))'\(hint ?? "") "
          + "(`recall preview \(TextSanitizer.visible(self.deck))` lists them)")
    }
    let grader = AnswerGrader(deck: deck, questions: questions)
    var allAccepted = true
    for answer in answers {
      let report = GradeReport(question: question, answer: answer, grader: grader)
      allAccepted = allAccepted && report.isAccepted
      context.console.line(
        format == .json ? report.jsonLine : TextSanitizer.visible(report.textLine))
    }
    // Not an error: the lines say which answers were not accepted.
    if !allAccepted { diagnostics.fail(.notAccepted) }
  }
}
