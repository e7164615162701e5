import ArgumentParser
import RecallKit

/// `recall check`: validates deck files and prints located diagnostics.
public struct CheckCommand: ParsableCommand {
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
      removes them.

      Examples:
        recall check Decks/bajgora-offensive.yaml
        recall check bajgora-offensive my-deck.yaml
        recall check --progress bajgora-offensive
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Flag(help: "Also list saved progress for cards the deck no longer has.")
  public var progress = false

  @Argument(help: ArgumentHelp("Deck ids or paths to deck files.", valueName: "deck"))
  public var decks: [String]

  public init() {}

  public func run() throws {
    let status = CheckCommand.check(
      decks, library: libraryOptions.library(),
      progress: progress ? progressOptions.library() : nil, console: .standard)
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Checks each deck and returns the worst exit status. With `progress`, orphaned cards are
  /// listed too (a note, not a problem: the exit status is unchanged).
  public static func check(
    _ names: [String], library: DeckLibrary, progress: ProgressLibrary? = nil,
    console: Console
  ) -> ExitStatus {
    var worst = ExitStatus.ok
    let loading = DeckLoading(library: library, console: console)
    for name in names {
      switch loading.load(name) {
      case .failure(let failure):
        if worst == .ok || failure.status == .dataError { worst = failure.status }
      case .success(let deck):
        // At most as many warnings per file as the loader prints diagnostics, then a count.
        let warnings = DeckAuthoringCheck(deck: deck).diagnostics()
        let limit = DeckLimits.standard.maximumDiagnostics
        for diagnostic in warnings.prefix(limit) {
          console.errorLine(diagnostic.description)
        }
        if warnings.count > limit {
          console.errorLine(
            "\(deck.path): note: \(warnings.count - limit) more warnings not shown "
              + "(\(warnings.count) in all; fix these and run recall check again)")
        }
        if let progress {
          let status = reportOrphans(
            deck, name: name, progress: progress, console: console)
          if worst == .ok { worst = status }
        }
      }
    }
    return worst
  }

  private static func reportOrphans(
    _ deck: Deck, name: String, progress: ProgressLibrary, console: Console
  ) -> ExitStatus {
    do {
      let store = try progress.openReadOnly(deckID: deck.id)
      let known = Set(QuestionGenerator(deck: deck).questions().map(\.id))
      let orphans = store.orphans(knownIDs: known)
      guard !orphans.isEmpty else { return .ok }
      let noun = orphans.count == 1 ? "card" : "cards"
      console.line(
        "\(deck.path): note: \(orphans.count) orphaned \(noun) "
          + "(\(orphans.joined(separator: ", "))); `recall prune \(name)` removes them")
      return .ok
    } catch {
      console.errorLine("recall: error: \(error)")
      return error.exitStatus
    }
  }
}
