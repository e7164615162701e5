import Foundation

/// Why a deck named on the command line could not be found.
public enum DeckLookupError: ReportableError, Hashable, Sendable {
  case invalidName(String)
  case notFound(String, directory: String)

  public var location: SourceLocation? { nil }

  public var message: String {
    switch self {
    case .invalidName(let name):
      "'\(TextSanitizer.visible(name))' is not a deck id (lowercase letters, digits, '-', '_', '.')"
        + " nor a path to a deck file"
    case .notFound(let name, let directory):
      "no deck '\(name)' in \(directory) (run 'recall decks' to list them)"
    }
  }
}

/// The folder of deck files, and how names on the command line map to files in it.
public struct DeckLibrary: Sendable {
  public static let fileExtensions = ["yaml", "yml", "json"]

  public var directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// `--decks-dir`, else `RECALL_DECKS`, else `./Decks` when present, else
  /// `$XDG_DATA_HOME/recall/decks` (default `~/.local/share/recall/decks`).
  public static func locate(
    override: String?, environment: [String: String], currentDirectory: String
  ) -> DeckLibrary {
    if let override, !override.isEmpty { return DeckLibrary(directory: override) }
    if let fromEnvironment = environment["RECALL_DECKS"], !fromEnvironment.isEmpty {
      return DeckLibrary(directory: fromEnvironment)
    }
    let local = (currentDirectory as NSString).appendingPathComponent("Decks")
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return DeckLibrary(directory: "Decks")
    }
    return DeckLibrary(directory: dataHome(environment) + "/recall/decks")
  }

  /// `$XDG_DATA_HOME`, or `~/.local/share` when unset.
  public static func dataHome(_ environment: [String: String]) -> String {
    if let value = environment["XDG_DATA_HOME"], value.hasPrefix("/") { return value }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share"
  }

  /// Deck files in the folder, sorted by name.
  public func deckFiles() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { name in
      !name.hasPrefix(".")
        && Self.fileExtensions.contains((name as NSString).pathExtension.lowercased())
    }.sorted().map { (directory as NSString).appendingPathComponent($0) }
  }

  /// Whether a command-line name is a path rather than an id.
  public static func looksLikePath(_ name: String) -> Bool {
    name.contains("/") || fileExtensions.contains((name as NSString).pathExtension.lowercased())
  }

  /// The file for a deck id or path. Ids never leave the folder: `../x` is not an id.
  public func resolve(_ name: String) throws(DeckLookupError) -> String {
    if Self.looksLikePath(name) { return name }
    guard DeckIdentifier.isValidDeckID(name) else { throw .invalidName(name) }
    for fileExtension in Self.fileExtensions {
      let candidate = (directory as NSString).appendingPathComponent("\(name).\(fileExtension)")
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    throw .notFound(name, directory: directory)
  }
}
