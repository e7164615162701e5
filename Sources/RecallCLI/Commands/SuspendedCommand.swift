import ArgumentParser
import Foundation
import RecallKit

/// `recall suspended`: the cards a learner set aside, so they can be found and brought back.
public struct SuspendedCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "suspended",
    abstract: "List a deck's suspended cards and the cards buried until later.",
    discussion: """
      One line per card: its id, then its question (`:suspend` in a session suspends a card; \
      `:bury` buries it until the study day ends). `recall unsuspend DECK CARD` shows a card \
      again.

      Examples:
        recall suspended bajgora-offensive
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Argument(help: ArgumentHelp("Deck id or path to a deck file.", valueName: "deck"))
  public var deck: String

  @Option(help: ArgumentHelp("Pretend the time is this ISO 8601 instant.", valueName: "time"))
  public var now: String?

  public init() {}

  public func validate() throws {
    if let now, case .failure(let error) = UTCTimestamp.parse(now) {
      throw ValidationError("--now: \(error)")
    }
  }

  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let loading = DeckLoading(library: libraryOptions.library(), diagnostics: diagnostics)
    guard let deck = loading.load(self.deck, printWarnings: false) else { return }
    let moment = now.flatMap { try? UTCTimestamp.parse($0).get() } ?? Date()
    let store = try progressOptions.library().openReadOnly(deckID: deck.id)
    let prompts = Dictionary(
      QuestionGenerator(deck: deck).questions().map { ($0.id, $0.prompt) }
    ) { first, _ in first }
    let suspended = store.suspendedCards
    let buried = store.buriedCards(at: moment)
    guard !suspended.isEmpty || !buried.isEmpty else {
      context.console.line("\(deck.id): no suspended or buried cards")
      return
    }
    func line(_ id: String, _ status: String) -> String {
      let prompt = prompts[id] ?? "(no longer in the deck)"
      return TextSanitizer.visible("\(id)  \(status)  \(prompt)")
    }
    for id in suspended { context.console.line(line(id, "suspended")) }
    for (id, until) in buried where !suspended.contains(id) {
      context.console.line(line(id, "buried until \(UTCTimestamp.format(until))"))
    }
  }
}
