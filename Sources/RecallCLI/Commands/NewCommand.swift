import ArgumentParser
import Foundation
import RecallKit

/// `recall new`: writes a commented starter deck into the deck folder.
public struct NewCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create a commented starter deck in the deck folder.",
    discussion: """
      Writes DECK-ID.yaml into the deck folder (creating the folder if needed) with one \
      example fact of every kind and one example card of every type, each commented. It passes \
      `recall check` as written; replace the examples with your own material. An existing deck \
      is never replaced (exit 73).

      Examples:
        recall new cold-war --title "The Cold War"
        recall new my-deck --decks-dir ~/decks
      """)

  @OptionGroup public var libraryOptions: LibraryOptions

  @Argument(help: ArgumentHelp("The new deck's id, also its file name.", valueName: "deck-id"))
  public var deckID: String

  @Option(help: ArgumentHelp("The deck's title (default: from the id)."))
  public var title: String?

  public init() {}

  /// Creates the deck in the deck folder.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    guard Deck.isValidID(deckID) else {
      throw CommandError.usage(
        "'\(TextSanitizer.visible(deckID))' is not a deck id: use 1 to 64 "
          + "lowercase letters, digits, '-', '_' or '.', starting with a letter or digit")
    }
    let folder = libraryOptions.library().directory
    for fileExtension in DeckLibrary.fileExtensions {
      let existing = (folder as NSString).appendingPathComponent("\(deckID).\(fileExtension)")
      if FileManager.default.fileExists(atPath: existing) {
        throw CommandError.cannotCreate(
          "\(existing) already exists; choose another id or edit that deck")
      }
    }
    let path = (folder as NSString).appendingPathComponent("\(deckID).yaml")
    let title = self.title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    if let title,
      title.isEmpty || title.unicodeScalars.contains(where: TextSanitizer.isForbiddenControl)
    {
      throw CommandError.usage("the title must be non-empty text without control characters")
    }
    let yaml = StarterDeck.yaml(id: deckID, title: title ?? StarterDeck.title(fromID: deckID))
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
      try Data(yaml.utf8).write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
    } catch {
      throw CommandError.cannotCreate("cannot create \(path): \(error.localizedDescription)")
    }
    context.console.line("Created \(path).")
    context.console.line("Edit it, then run: recall check \(path)")
  }
}
