import ArgumentParser
import Foundation
import RecallKit

/// `recall decks`: lists the decks in the deck folder.
public struct DecksCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "decks",
    abstract: "List the decks in the deck folder: id, number of facts and cards, title.",
    discussion: """
      The deck folder is $RECALL_DECKS when set, else ./Decks when it exists, else \
      $XDG_DATA_HOME/recall/decks; --decks-dir overrides all of them. A deck with errors is \
      listed with a note to run `recall check` on it.
      """)

  @OptionGroup public var libraryOptions: LibraryOptions

  public init() {}

  /// Prints the table of decks.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let library = libraryOptions.library()
    let files = library.deckFiles()
    guard !files.isEmpty else { throw CommandError.noInput("no decks in \(library.directory)") }
    var rows: [(String, String, String, String)] = [("ID", "FACTS", "CARDS", "TITLE")]
    let loader = DeckLoader()
    for path in files {
      let result: DeckLoadResult?
      do {
        result = try loader.load(path: path)
      } catch {
        // A FIFO or a folder named like a deck: say which, and go on with the others.
        diagnostics.emit(.warning(error.message, at: error.location ?? .file(path)))
        result = nil
      }
      if let deck = result?.deck {
        rows.append(
          (deck.id, String(deck.facts.count), String(deck.cards.count), deck.title))
      } else {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        rows.append((name, "-", "-", "(has errors: run 'recall check \(path)')"))
      }
    }
    let idWidth = rows.map(\.0.count).max() ?? 2
    for row in rows {
      let id = row.0.padding(toLength: idWidth, withPad: " ", startingAt: 0)
      let facts = String(repeating: " ", count: max(0, 5 - row.1.count)) + row.1
      let cards = String(repeating: " ", count: max(0, 5 - row.2.count)) + row.2
      context.console.line(TextSanitizer.visible("\(id)  \(facts)  \(cards)  \(row.3)"))
    }
  }
}
