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
