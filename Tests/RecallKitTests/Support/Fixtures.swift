import Foundation

/// Test fixtures, copied into the test bundle from Tests/RecallKitTests/Fixtures.
enum Fixtures {
  struct Missing: Error, CustomStringConvertible {
    var path: String
    var description: String { "missing fixture \(path)" }
  }

  static func url(_ path: String) throws -> URL {
    guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      throw Missing(path: "Fixtures")
    }
    let url = root.appendingPathComponent(path)
    guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: path) }
    return url
  }

  static func data(_ path: String) throws -> Data {
    try Data(contentsOf: url(path))
  }

  static func text(_ path: String) throws -> String {
    String(decoding: try data(path), as: UTF8.self)
  }
}
