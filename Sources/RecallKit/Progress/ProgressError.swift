/// Why a deck's progress could not be opened, read or saved.
///
/// Every case leaves the files on disk as they were: a file that cannot be read is reported,
/// never repaired or replaced.
public enum ProgressError: ReportableError, Hashable, Sendable {
  /// The deck id would not make a safe file name (it must not leave the progress folder).
  case invalidDeckID(String)
  /// Another process (or another store in this one) holds the deck's lock.
  case locked(deckID: String, pid: Int32?)
  /// A progress file's content is not what this Recall writes; `location` points at it.
  case malformed(SourceLocation, String)
  /// A progress file written by a Recall with a newer format.
  case newerSchema(SourceLocation, found: Int, supported: Int)
  /// The progress folder or the lock file could not be created.
  case cannotCreate(path: String, reason: String)
  /// Reading, writing or syncing a file failed (disk full, permissions, I/O error).
  case io(path: String, operation: String, reason: String)
  /// A review that could not be written faithfully, such as a non-finite stability.
  case invalidReview(String)
  /// A write on a store opened read-only, or on a store already closed.
  case notWritable(deckID: String, reason: String)
  /// The progress folder was given as an empty path (`--progress-dir ''`, `RECALL_PROGRESS=`).
  case emptyFolderPath

  public var location: SourceLocation? {
    switch self {
    case .malformed(let location, _), .newerSchema(let location, _, _): location
    case .cannotCreate(let path, _), .io(let path, _, _): .file(path)
    case .invalidDeckID, .locked, .invalidReview, .notWritable, .emptyFolderPath: nil
    }
  }

  public var message: String {
    switch self {
    case .invalidDeckID(let id):
      "'\(TextSanitizer.visible(id))' cannot name a progress file (it must be a deck id)"
    case .locked(let deckID, let pid):
      "another recall session is studying '\(deckID)'"
        + (pid.map { " (pid \($0))" } ?? "")
    case .malformed(_, let message):
      message
    case .newerSchema(_, let found, let supported):
      "written by a newer Recall (schema \(found)); this Recall reads schema \(supported)"
    case .cannotCreate(_, let reason):
      "cannot create it: \(reason)"
    case .io(_, let operation, let reason):
      "cannot \(operation): \(reason)"
    case .invalidReview(let reason):
      "cannot save the review: \(reason)"
    case .notWritable(let deckID, let reason):
      "cannot change the progress of '\(deckID)': \(reason)"
    case .emptyFolderPath:
      "the progress folder is an empty path (--progress-dir '' or RECALL_PROGRESS=); "
        + "name a folder, or leave the option out for the default"
    }
  }

  /// Whether the problem is in a file's content (bad data) rather than in the file system.
  public var isBadData: Bool {
    switch self {
    case .malformed, .newerSchema: true
    default: false
    }
  }
}
