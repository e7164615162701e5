import RecallCLI
import RecallKit

/// Commands that read the deck folder, so a test can point them at its own folder.
protocol UsesDeckFolder: RecallSubcommand {
  var libraryOptions: LibraryOptions { get set }
}

extension NewCommand: UsesDeckFolder {}
extension ExportCommand: UsesDeckFolder {}

extension UsesDeckFolder {
  /// `execute(in:)` with the deck folder set to `library`.
  func execute(library: DeckLibrary, console: Console) -> RecallCLI.ExitStatus {
    var command = self
    command.libraryOptions.decksDirectory = library.directory
    return command.execute(in: CommandContext(console: console))
  }
}
