import Foundation

/// Opens a deck's progress on a second thread while the deck file is read on the first.
///
/// The two are independent and, on a large collection, take about as long as each other. It
/// starts only when the deck is named by id and already has a progress file, and the store is
/// used only when the loaded deck has that id; otherwise it is released without the journal
/// being folded into the snapshot. (Opening itself writes only to repair: it cuts a torn last
/// journal line and migrates a snapshot of an older schema, keeping a backup.)
public final class ProgressPrefetch: @unchecked Sendable {
  public let deckID: String
  private let finished = DispatchSemaphore(value: 0)
  // Written by the second thread before `finished` is signalled, read after the wait.
  private var result: Result<ProgressStore, ProgressError>?

  public init?(library: ProgressLibrary, deckName: String) {
    guard !DeckLibrary.looksLikePath(deckName), Deck.isValidID(deckName),
      let files = try? ProgressFiles(deckID: deckName, directory: library.directory),
      FileManager.default.fileExists(atPath: files.snapshot)
    else { return nil }
    deckID = deckName
    Thread.detachNewThread { [self] in
      do throws(ProgressError) {
        result = .success(try library.open(deckID: deckName))
      } catch {
        result = .failure(error)
      }
      finished.signal()
    }
  }

  /// The store opened for `deckID`, or nil when it was opened for another id (it is then
  /// released without writing).
  public func take(for deckID: String) -> Result<ProgressStore, ProgressError>? {
    finished.wait()
    if deckID == self.deckID { return result }
    if case .success(let store) = result { store.release() }
    return nil
  }

  /// Waits for the second thread and releases what it opened, unwritten.
  public func discard() {
    _ = take(for: "")
  }
}
