import ArgumentParser
import Foundation
import RecallKit

/// Options every command that reads decks shares.
public struct LibraryOptions: ParsableArguments, Sendable {
  @Option(
    name: .customLong("decks-dir"),
    help: ArgumentHelp(
      "Folder of deck files (default: $RECALL_DECKS, else ./Decks if present, else "
        + "$XDG_DATA_HOME/recall/decks).", valueName: "dir"))
  public var decksDirectory: String?

  public init() {}

  /// The deck folder these options select in the current environment.
  public func library() -> DeckLibrary {
    DeckLibrary.locate(
      override: decksDirectory, environment: ProcessInfo.processInfo.environment,
      currentDirectory: FileManager.default.currentDirectoryPath)
  }
}
