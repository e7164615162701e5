import ArgumentParser
import Foundation
import RecallKit

/// `recall new`: writes a commented starter deck into the deck folder.
public struct NewCommand: ParsableCommand {
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

  public func run() throws {
    let status = execute(library: libraryOptions.library(), console: .standard)
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Creates the deck in `library`; returns the exit status.
  public func execute(library: DeckLibrary, console: Console) -> ExitStatus {
    guard Deck.isValidID(deckID) else {
      console.errorLine(
        "recall: error: '\(TextSanitizer.visible(deckID))' is not a deck id: use 1 to 64 "
          + "lowercase letters, digits, '-', '_' or '.', starting with a letter or digit")
      return .usage
    }
    let folder = library.directory
    for fileExtension in DeckLibrary.fileExtensions {
      let existing = (folder as NSString).appendingPathComponent("\(deckID).\(fileExtension)")
      if FileManager.default.fileExists(atPath: existing) {
        console.errorLine(
          "recall: error: \(existing) already exists; choose another id or edit that deck")
        return .cannotCreate
      }
    }
    let path = (folder as NSString).appendingPathComponent("\(deckID).yaml")
    let title = self.title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    if let title,
      title.isEmpty || title.unicodeScalars.contains(where: TextSanitizer.isForbiddenControl)
    {
      console.errorLine(
        "recall: error: the title must be non-empty text without control characters")
      return .usage
    }
    let yaml = StarterDeck.yaml(id: deckID, title: title ?? StarterDeck.title(fromID: deckID))
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
      try Data(yaml.utf8).write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
    } catch {
      console.errorLine("recall: error: cannot create \(path): \(error.localizedDescription)")
      return .cannotCreate
    }
    console.line("Created \(path).")
    console.line("Edit it, then run: recall check \(path)")
    return .ok
  }
}
