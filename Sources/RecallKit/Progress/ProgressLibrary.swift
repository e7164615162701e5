import Foundation

/// The folder that holds progress files, one set per deck.
public struct ProgressLibrary: Sendable {
  public var directory: String
  /// The index snapshots are read through (see `SnapshotIndex`); nil reads the JSON each time.
  public var cache: IndexCache?

  public init(directory: String) {
    self.directory = directory
  }

  /// `--progress-dir`, else `RECALL_PROGRESS`, else `./Progress` when present, else
  /// `$XDG_DATA_HOME/recall/progress` (default `~/.local/share/recall/progress`). An empty
  /// value is kept, and refused when a store opens: falling back to the default folder would
  /// read, lock and write somewhere the user did not name.
  public static func locate(
    override: String?, environment: [String: String], currentDirectory: String
  ) -> ProgressLibrary {
    if let override { return ProgressLibrary(directory: override) }
    if let fromEnvironment = environment["RECALL_PROGRESS"] {
      return ProgressLibrary(directory: fromEnvironment)
    }
    let local = (currentDirectory as NSString).appendingPathComponent("Progress")
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return ProgressLibrary(directory: "Progress")
    }
    return ProgressLibrary(directory: DeckLibrary.dataHome(environment) + "/recall/progress")
  }

  /// Opens a deck's progress for a study session, taking its lock.
  public func open(deckID: String) throws(ProgressError) -> ProgressStore {
    try ProgressStore.open(deckID: deckID, directory: directory, cache: cache)
  }

  /// Reads a deck's progress without the lock, for reports such as `recall stats`.
  public func openReadOnly(deckID: String) throws(ProgressError) -> ProgressStore {
    try ProgressStore.openReadOnly(deckID: deckID, directory: directory, cache: cache)
  }
}

/// The files that make up one deck's progress.
public struct ProgressFiles: Hashable, Sendable {
  public var directory: String
  /// `<deck>.json`: card states as of the last compaction.
  public var snapshot: String
  /// `<deck>.journal.jsonl`: reviews and undos since the snapshot, one per line.
  public var journal: String
  /// `<deck>.reviews.jsonl`: the permanent review log, appended to by each compaction.
  public var reviews: String
  /// `<deck>.lock`: flock(2)ed while a session studies the deck.
  public var lock: String

  /// The file names for a deck id; ids that could leave the folder are refused.
  public init(deckID: String, directory: String) throws(ProgressError) {
    guard DeckIdentifier.isValidDeckID(deckID), !deckID.contains("/"), !deckID.contains(".."),
      !deckID.hasPrefix(".")
    else { throw .invalidDeckID(deckID) }
    guard !directory.isEmpty else { throw .emptyFolderPath }
    self.directory = directory
    let base = (directory as NSString).appendingPathComponent(deckID)
    snapshot = base + ".json"
    journal = base + ".journal.jsonl"
    reviews = base + ".reviews.jsonl"
    lock = base + ".lock"
  }
}
