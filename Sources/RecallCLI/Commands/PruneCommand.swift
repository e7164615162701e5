import ArgumentParser
import Foundation
import RecallKit

/// `recall prune`: forgets saved progress for cards the deck no longer makes, only when asked.
public struct PruneCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Remove saved progress for cards the deck no longer has (only with --yes).",
    discussion: """
      A card becomes orphaned when its fact or template leaves the deck; its progress is kept \
      in case the fact comes back. Without --yes this prints how many cards and reviews would \
      be dropped and changes nothing. With --yes it removes their states from the snapshot \
      and their lines from the review log (every other line is kept as it was).

      Examples:
        recall prune bajgora-offensive
        recall prune bajgora-offensive --yes
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Argument(help: ArgumentHelp("Deck id or path to a deck file.", valueName: "deck"))
  public var deck: String

  @Flag(help: "Really remove the orphaned cards.")
  public var yes = false

  public init() {}

  /// Counts, or with `--yes` removes, the deck's orphaned cards.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    let progress = progressOptions.library()
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(self.deck, printWarnings: false) else { return }
    let known = Set(QuestionGenerator(deck: deck).questions().map(\.id))
    if !yes {
      let plan = try progress.openReadOnly(deckID: deck.id).pruning(knownIDs: known)
      guard !plan.cards.isEmpty else {
        console.line("\(deck.id): no orphaned cards")
        return
      }
      console.line(
        "\(deck.id): would drop \(Self.count(plan.cards.count, "card")) and "
          + "\(Self.count(plan.reviews, "review")): \(plan.cards.joined(separator: ", "))")
      console.line("run again with --yes to remove them")
      return
    }
    let store = try progress.open(deckID: deck.id)
    defer { try? store.close() }
    if let migration = store.migration { console.errorLine("recall: \(migration)") }
    let done = try store.prune(knownIDs: known)
    if done.cards.isEmpty && done.reviews == 0 {
      console.line("\(deck.id): no orphaned cards")
    } else {
      console.line(
        "\(deck.id): dropped \(Self.count(done.cards.count, "card")) and "
          + "\(Self.count(done.reviews, "review"))")
    }
    try store.close()
  }

  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
