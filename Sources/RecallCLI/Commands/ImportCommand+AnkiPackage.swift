import Foundation
import RecallKit

extension ImportCommand {
  /// `recall import DECK.apkg`: the deck, and with `--with-history` its progress. Everything
  /// is read and checked before anything is written, so a bad package writes nothing.
  func importAnkiPackage(deckID: String, destination: OutputDestination, console: Console)
    -> ExitStatus
  {
    let progress = progressOptions.library()
    if withHistory, !force, AnkiHistoryImport.hasProgress(deckID: deckID, in: progress) {
      console.errorLine(
        "recall: error: deck '\(deckID)' already has progress in \(progress.directory); use "
          + "--force to replace it with the package's history")
      return .cannotCreate
    }
    let options = ImportOptions(format: .apkg, deckID: deckID, title: title, subject: subject)
    let imported = AnkiPackageImporter(options: options).importPackage(path: file)
    for diagnostic in imported.result.diagnostics {
      console.errorLine(TextSanitizer.visible(diagnostic.description))
    }
    guard let yaml = imported.result.yaml, let deck = imported.result.deck else {
      return imported.result.diagnostics.isEmpty ? .ioError : .dataError
    }
    var history: AnkiHistoryImport?
    if withHistory {
      history = AnkiHistoryImport(imported)
    }
    let status = destination.write(yaml, console: console)
    guard status == .ok else { return status }
    if let output {
      console.errorLine(
        "recall: wrote deck '\(deck.id)' (\(deck.cards.count) card"
          + "\(deck.cards.count == 1 ? "" : "s")) to \(output)")
    }
    if let history {
      do {
        try history.write(deckID: deckID, to: progress, replacing: force)
      } catch {
        console.errorLine("recall: error: \(error)")
        return error.exitStatus
      }
      console.errorLine(
        "recall: wrote the progress of \(history.states.count) card"
          + "\(history.states.count == 1 ? "" : "s") (\(history.reviews.count) review"
          + "\(history.reviews.count == 1 ? "" : "s")) to \(progress.directory)")
    }
    return .ok
  }
}
