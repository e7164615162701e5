import Foundation

/// The checkout the tests run from, so a test names `Decks/bajgora-offensive.yaml` instead of
/// counting `deletingLastPathComponent()` from its own file.
///
/// The root is worked out once, from where this file sits (`Sources/RecallTestSupport/`), so
/// tests run the same from any working directory and recording a snapshot writes where git
/// sees it.
public enum Repository {
  /// A file the tests expect in the checkout is not there.
  public struct Missing: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "missing from the repository: \(path)" }
  }

  /// The folder that holds Package.swift.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `Decks/`, the decks Recall ships.
  public static let decks = root.appendingPathComponent("Decks")

  /// `Tests/RecallKitTests/Fixtures/`, input files the tests read.
  public static let fixtures = root.appendingPathComponent("Tests/RecallKitTests/Fixtures")

  /// `Tests/RecallKitTests/Snapshots/`, the expected output `expectSnapshot` compares with.
  public static let snapshots = root.appendingPathComponent("Tests/RecallKitTests/Snapshots")

  /// `relativePath` under the root (`Documentation/deck-format.md`), whether or not it exists.
  public static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// The text of a file under the root.
  public static func text(_ relativePath: String) throws -> String {
    try read(url(relativePath), named: relativePath)
  }

  /// The shipped deck `id`, `Decks/<id>.yaml`.
  public static func deck(_ id: String) -> URL {
    decks.appendingPathComponent("\(id).yaml")
  }

  /// A fixture (`generation/small.yaml`); throws when it is not there, so a typo in a test
  /// reads as a missing file rather than as a parse error of nothing.
  public static func fixture(_ relativePath: String) throws -> URL {
    let url = fixtures.appendingPathComponent(relativePath)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw Missing(path: "Tests/RecallKitTests/Fixtures/\(relativePath)")
    }
    return url
  }

  /// A fixture's bytes.
  public static func fixtureData(_ relativePath: String) throws -> Data {
    try Data(contentsOf: fixture(relativePath))
  }

  /// A fixture's text (UTF-8).
  public static func fixtureText(_ relativePath: String) throws -> String {
    try read(fixture(relativePath), named: relativePath)
  }

  private static func read(_ url: URL, named name: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw Missing(path: name)
    }
    return String(decoding: data, as: UTF8.self)
  }
}
