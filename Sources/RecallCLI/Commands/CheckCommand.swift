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
      error was found (warnings alone exit 0).

      Examples:
        recall check Decks/bajgora-offensive.yaml
        recall check bajgora-offensive my-deck.yaml
      """)

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("Deck ids or paths to deck files.", valueName: "deck"))
  public var decks: [String]

  public init() {}

  public func run() throws {
    let status = CheckCommand.check(
      decks, library: libraryOptions.library(), console: .standard)
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Checks each deck and returns the worst exit status.
  public static func check(_ names: [String], library: DeckLibrary, console: Console)
    -> ExitStatus
  {
    var worst = ExitStatus.ok
    let loading = DeckLoading(library: library, console: console)
    for name in names {
      if case .failure(let failure) = loading.load(name) {
        if worst == .ok || failure.status == .dataError { worst = failure.status }
      }
    }
    return worst
  }
}
