import ArgumentParser
import RecallKit

/// `recall check`: validates deck files and prints located diagnostics.
public struct CheckCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check deck files and report every problem with its file:line:column.",
    discussion: """
      Prints nothing and exits 0 when every deck is clean. Otherwise prints one line per \
      problem, as `path:line:column: error: message` or `warning:`, and exits 65 if any \
      error was found (warnings alone exit 0). Warnings include authoring problems: facts \
      that make no question, questions with the same prompt but different answers, answers \
      accepted by two questions of one kind, facts with no multiple-choice question, and \
      prompts over 300 characters.

      With --progress, also lists each deck's orphaned cards (saved progress for questions \
      the deck no longer makes) as `path: note: N orphaned cards (ids)`; `recall prune` \
      removes them, and each card the learner flagged as wrong in a session (`:flag`), as \
      `path: note: card ID flagged DATE: what the learner wrote`.

      Examples:
        recall check Decks/bajgora-offensive.yaml
        recall check bajgora-offensive my-deck.yaml
        recall check --progress bajgora-offensive
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Flag(help: "Also list saved progress for cards the deck no longer has, and flagged cards.")
  public var progress = false

  @Flag(help: "Also list the generated questions the question linter left out, and why.")
  public var questions = false

  @Argument(help: ArgumentHelp("Deck ids or paths to deck files.", valueName: "deck"))
  public var decks: [String]

  public init() {}

  /// Checks each deck; a deck that cannot be read does not stop the others. With
  /// `--progress`, orphaned cards are listed too (a note, not a problem: the exit status is
  /// unchanged).
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    for name in decks {
      guard let deck = loading.load(name) else { continue }
      var check = DeckAuthoringCheck(deck: deck)
      check.includesLeftOutQuestions = questions
      // At most as many diagnostics per file as the loader prints, then a count.
      let found = check.diagnostics()
      let limit = DeckLimits.standard.maximumDiagnostics
      diagnostics.emit(Array(found.prefix(limit)))
      if found.count > limit {
        diagnostics.emit(
          .note(
            "\(found.count - limit) more warnings not shown (\(found.count) in all; fix these "
              + "and run recall check again)", at: .file(deck.path)))
      }
      if progress {
        do {
          try reportProgress(deck, name: name, console: context.console)
        } catch {
          diagnostics.report(error)
        }
      }
    }
  }

  private func reportProgress(_ deck: Deck, name: String, console: Console) throws {
    let store = try progressOptions.library().openReadOnly(deckID: deck.id)
    let known = Set(QuestionGenerator(deck: deck).questions().map(\.id))
    let orphans = store.orphans(knownIDs: known)
    for flagged in store.flaggedCards {
      let day = String(UTCTimestamp.format(flagged.flag.at).prefix(10))
      let note = flagged.flag.note.map { ": \($0)" } ?? " (no note)"
      console.line(
        TextSanitizer.visible(
          "\(deck.path): note: card \(flagged.cardID) flagged \(day)\(note)"))
    }
    guard !orphans.isEmpty else { return }
    let noun = orphans.count == 1 ? "card" : "cards"
    console.line(
      "\(deck.path): note: \(orphans.count) orphaned \(noun) "
        + "(\(orphans.joined(separator: ", "))); `recall prune \(name)` removes them")
  }
}
