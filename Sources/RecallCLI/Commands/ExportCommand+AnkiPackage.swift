import Foundation
import RecallKit

extension ExportCommand {
  /// Why the options cannot make a package, checked before any work.
  func packageOptionsProblem() -> String? {
    if format == .apkg, output == nil {
      return "recall: error: --format apkg writes a file; name it with -o FILE.apkg"
    }
    if withHistory, format != .apkg {
      return "recall: error: --with-history is for --format apkg"
    }
    return nil
  }

  /// `recall export DECK --format apkg -o FILE`, with the learner's progress when asked.
  func exportPackage(
    _ questions: [Question], deck: Deck, destination: OutputDestination, console: Console
  ) -> ExitStatus {
    var history: AnkiExportHistory?
    if withHistory {
      do {
        let store = try progressOptions.library().openReadOnly(deckID: deck.id)
        history = AnkiExportHistory(
          reviews: try store.reviews(), states: store.states, counts: store.counts)
      } catch {
        console.errorLine("recall: error: \(error)")
        return error.exitStatus
      }
    }
    let data: Data
    do {
      data = try AnkiPackageExporter().package(questions, deck: deck, history: history)
    } catch {
      console.errorLine("recall: error: cannot build the package: \(error)")
      return .ioError
    }
    let status = destination.write(data: data, console: console)
    if status == .ok, let output {
      let reviews = history.map { ", \($0.reviews.count) reviews" } ?? ""
      console.errorLine(
        "recall: wrote \(questions.count) note\(questions.count == 1 ? "" : "s")\(reviews) to "
          + output)
    }
    return status
  }
}

extension OutputDestination {
  /// Writes bytes to the `-o` file, never replacing one unless `--force` says so (and never
  /// replacing a device or FIFO; see `OutputDestination`).
  func write(data: Data, console: Console) -> ExitStatus {
    guard path != nil else { return .usage }
    return write(bytes: [UInt8](data), console: console)
  }
}
