import Foundation
import RecallKit

extension ImportCommand {
  /// `recall import DECK.apkg`: the deck, and with `--with-history` its progress. Everything
  /// is read and checked before anything is written, so a bad package writes nothing.
  func importAnkiPackage(
    deckID: String, destination: OutputDestination, console: Console, diagnostics: Diagnostics
  ) throws {
    let progress = progressOptions.library()
    if withHistory, !force, AnkiHistoryImport.hasProgress(deckID: deckID, in: progress) {
      throw CommandError.cannotCreate(
        "deck '\(deckID)' already has progress in \(progress.directory); use "
          + "--force to replace it with the package's history")
    }
    let options = ImportOptions(format: .apkg, deckID: deckID, title: title, subject: subject)
    let imported = AnkiPackageImporter(options: options).importPackage(path: file)
    diagnostics.emit(imported.result.diagnostics)
    guard let yaml = imported.result.yaml, let deck = imported.result.deck else {
      diagnostics.fail(imported.result.diagnostics.isEmpty ? .ioError : .dataError)
      return
    }
    var history: AnkiHistoryImport?
    if withHistory {
      history = AnkiHistoryImport(imported)
    }
    try destination.write(yaml, console: console)
    if let output = destination.path {
      console.errorLine(
        "recall: wrote deck '\(deck.id)' (\(deck.cards.count) card"
          + "\(deck.cards.count == 1 ? "" : "s")) to \(output)")
    }
    if let history {
      try history.write(deckID: deckID, to: progress, replacing: force)
      console.errorLine(
        "recall: wrote the progress of \(history.states.count) card"
          + "\(history.states.count == 1 ? "" : "s") (\(history.reviews.count) review"
          + "\(history.reviews.count == 1 ? "" : "s")\(Self.marksSummary(history))) to "
          + progress.directory)
    }
  }

  /// ", 2 suspended, 1 buried" for the cards Anki had set aside; empty when none.
  static func marksSummary(_ history: AnkiHistoryImport) -> String {
    var parts: [String] = []
    if !history.suspended.isEmpty { parts.append("\(history.suspended.count) suspended") }
    if !history.buried.isEmpty { parts.append("\(history.buried.count) buried") }
    return parts.map { ", " + $0 }.joined()
  }
}
