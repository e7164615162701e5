import ArgumentParser
import Foundation
import RecallKit

/// `recall preview`: shows the questions a deck generates, for authors and scripts.
public struct PreviewCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "preview",
    abstract: "Show the questions a deck generates, with answers and explanations.",
    discussion: """
      Text output numbers the questions, letters the options and shows each answer and \
      explanation. JSON output is for scripts: {"deck", "questions": [{"id", "type", "prompt", \
      "options", "items", "answers", "fact", "explanation"}]}. The same deck and seed always \
      give the same output; question ids never depend on the seed.

      Examples:
        recall preview bajgora-offensive
        recall preview bajgora-offensive --type choice --type order
        recall preview bajgora-offensive --fact battle-of-mazhiq --seed 7
        recall preview Decks/bajgora-offensive.yaml --format json
      """)

  /// The two output formats.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("A deck id or the path to a deck file.", valueName: "deck"))
  public var deck: String

  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "Only questions of this type (repeatable or comma-separated): "
        + Question.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".",
      valueName: "type"))
  public var types: [String] = []

  @Option(
    name: .customLong("fact"),
    help: ArgumentHelp(
      "Only questions from this fact or hand-written card (repeatable).", valueName: "id"))
  public var facts: [String] = []

  @Option(help: ArgumentHelp("Seed for distractors and option order.", valueName: "n"))
  public var seed: UInt64 = 0

  @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
  public var format: Format = .text

  public init() {}

  /// Loads the deck, checks the filters and prints the questions.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    var kinds: Set<Question.Kind> = []
    for word in types.flatMap({ $0.split(separator: ",") }) {
      let trimmed = word.trimmingCharacters(in: .whitespaces).lowercased()
      guard let kind = Question.Kind(rawValue: trimmed) else {
        let valid = Question.Kind.allCases.map(\.rawValue)
        let hint = closestMatch(to: trimmed, in: valid).map { "; did you mean '\($0)'?" } ?? ""
        throw CommandError.usage(
          "unknown question type '\(TextSanitizer.visible(trimmed))'\(hint) "
            + "(valid types: \(valid.joined(separator: ", ")))")
      }
      kinds.insert(kind)
    }
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(self.deck) else { return }
    let known = deck.facts.map(\.id) + deck.cards.map(\.id)
    for fact in facts where !known.contains(fact) {
      let hint = closestMatch(to: fact, in: known).map { "; did you mean '\($0)'?" } ?? ""
      let shown = known.prefix(40).joined(separator: ", ")
      let more = known.count > 40 ? ", and \(known.count - 40) more" : ""
      throw CommandError.usage(
        "deck '\(deck.id)' has no fact or card '\(TextSanitizer.visible(fact))'"
          + "\(hint) (valid ids: \(shown)\(more))")
    }
    let generator = QuestionGenerator(deck: deck, seed: seed)
    let questions = generator.questions(
      types: kinds.isEmpty ? nil : kinds, facts: facts.isEmpty ? nil : Set(facts))
    switch format {
    case .text: context.console.out(QuestionPreview.text(deck: deck, questions: questions))
    case .json: context.console.out(QuestionPreview.json(deck: deck, questions: questions))
    }
  }
}
