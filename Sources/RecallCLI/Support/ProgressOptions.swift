import ArgumentParser
import Foundation
import RecallKit

/// Options every command that reads or saves progress shares.
public struct ProgressOptions: ParsableArguments, Sendable {
  @Option(
    name: .customLong("progress-dir"),
    help: ArgumentHelp(
      "Folder of progress files (default: $RECALL_PROGRESS, else ./Progress if present, else "
        + "$XDG_DATA_HOME/recall/progress).", valueName: "dir"))
  public var progressDirectory: String?

  public init() {}

  /// The progress folder these options select in the current environment.
  public func library() -> ProgressLibrary {
    ProgressLibrary.locate(
      override: progressDirectory, environment: ProcessInfo.processInfo.environment,
      currentDirectory: FileManager.default.currentDirectoryPath)
  }
}

extension ProgressError {
  /// The exit status a command stops with: 65 for a file it cannot read (left untouched), 73
  /// when the folder or lock cannot be created, 74 for other I/O failures.
  public var exitStatus: ExitStatus {
    switch self {
    case .malformed, .newerSchema: .dataError
    case .invalidDeckID, .emptyFolderPath: .usage
    case .cannotCreate: .cannotCreate
    case .locked, .io, .invalidReview, .notWritable: .ioError
    }
  }
}
