import ArgumentParser
import Foundation
import RecallKit

/// `recall unsuspend`: brings suspended or buried cards back into sessions.
public struct UnsuspendCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "unsuspend",
    abstract: "Show suspended or buried cards again in study sessions.",
    discussion: """
      Lifts the suspension and the bury of each card named (a card id as `recall suspended` \
      lists it, or a fact id for all of that fact's cards), or of every card with --all. \
      The cards' schedules are unchanged. A name that matches no suspended or buried card is \
      an error, and then nothing is changed.

      Examples:
        recall unsuspend bajgora-offensive bajgora-offensive/date-short
        recall unsuspend bajgora-offensive --all
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Argument(help: ArgumentHelp("Deck id or path to a deck file.", valueName: "deck"))
  public var deck: String

  @Argument(help: ArgumentHelp("Card ids or fact ids.", valueName: "card"))
  public var cards: [String] = []

  @Flag(help: "Every suspended or buried card of the deck.")
  public var all = false

  @Option(help: ArgumentHelp("Pretend the time is this ISO 8601 instant.", valueName: "time"))
  public var now: String?

  public init() {}

  public func validate() throws {
    if cards.isEmpty && !all { throw ValidationError("name the cards to unsuspend, or --all") }
    if !cards.isEmpty && all { throw ValidationError("give card ids or --all, not both") }
    if let now, case .failure(let error) = UTCTimestamp.parse(now) {
      throw ValidationError("--now: \(error)")
    }
  }

  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(self.deck, printWarnings: false) else { return }
    let moment = now.flatMap { try? UTCTimestamp.parse($0).get() } ?? Date()
    let store = try progressOptions.library().open(deckID: deck.id)
    defer { try? store.close() }
    if let migration = store.migration { context.console.errorLine("recall: \(migration)") }
    let hidden = Set(store.suspendedCards).union(store.buriedCards(at: moment).map(\.cardID))
    var chosen: [String] = []
    if all {
      chosen = hidden.sorted()
    } else {
      for name in cards {
        let matches = hidden.filter { $0 == name || $0.hasPrefix(name + "/") }.sorted()
        guard !matches.isEmpty else {
          throw CommandError.usage(
            "'\(TextSanitizer.visible(name))' is not a suspended or buried card of '\(deck.id)'"
              + "; `recall suspended \(deck.id)` lists them")
        }
        chosen += matches.filter { !chosen.contains($0) }
      }
    }
    for id in chosen { try store.unhide(id, at: moment) }
    try store.close()
    let noun = chosen.count == 1 ? "card" : "cards"
    context.console.line(
      chosen.isEmpty
        ? "\(deck.id): no suspended or buried cards"
        : TextSanitizer.visible(
          "\(deck.id): \(chosen.count) \(noun) shown again: \(chosen.joined(separator: ", "))"))
  }
}
