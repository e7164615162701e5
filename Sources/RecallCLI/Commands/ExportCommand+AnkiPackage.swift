import Foundation
import RecallKit

extension ExportCommand {
  /// Refuses options that cannot make a package, before any work.
  func checkPackageOptions() throws(CommandError) {
    if format == .apkg, output == nil {
      throw .usage("--format apkg writes a file; name it with -o FILE.apkg")
    }
    if withHistory, format != .apkg {
      throw .usage("--with-history is for --format apkg")
    }
  }

  /// `recall export DECK --format apkg -o FILE`, with the learner's progress when asked.
  func exportPackage(
    _ questions: [Question], deck: Deck, destination: OutputDestination, console: Console
  ) throws {
    var history: AnkiExportHistory?
    if withHistory {
      let store = try progressOptions.library().openReadOnly(deckID: deck.id)
      var marks: [String: CardMarks] = [:]
      for question in questions where store.marks(for: question.id) != .none {
        marks[question.id] = store.marks(for: question.id)
      }
      history = AnkiExportHistory(
        reviews: try store.reviews(), states: store.states, counts: store.counts, marks: marks)
    }
    let data: Data
    do {
      data = try AnkiPackageExporter().package(questions, deck: deck, history: history)
    } catch {
      throw CommandError.io("cannot build the package: \(error)")
    }
    try destination.write(data: data, console: console)
    if let output = destination.path {
      let reviews = history.map { ", \($0.reviews.count) reviews" } ?? ""
      console.errorLine(
        "recall: wrote \(questions.count) note\(questions.count == 1 ? "" : "s")\(reviews) to "
          + output)
    }
  }
}
