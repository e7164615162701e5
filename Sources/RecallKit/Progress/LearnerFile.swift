import Foundation

/// A small JSON file of the learner's own beside a deck's progress, `<deck>.<kind>.json`
/// (the exam date, the fitted weights): never in the deck, which is the teacher's. Each
/// holds one object with its `schema` and the `deck` it belongs to, checked here alike.
struct LearnerFile {
  let path: String
  /// The file's object, its schema and deck checked.
  let object: [String: Any]

  /// The file for `kind` (`exam`, `parameters`); ids that could leave the folder are refused.
  static func path(kind: String, deckID: String, directory: String) throws(ProgressError)
    -> String
  {
    let files = try ProgressFiles(deckID: deckID, directory: directory)
    return String(files.snapshot.dropLast(".json".count)) + ".\(kind).json"
  }

  /// The deck's file of `kind`, or nil when there is none. A file that is not an object, has
  /// no schema or a newer one than `schema`, or names another deck (`otherDeck` says so:
  /// "this exam date belongs to another deck") is refused with its path.
  static func read(
    kind: String, deckID: String, directory: String, schema: Int, otherDeck: String
  ) throws(ProgressError) -> LearnerFile? {
    let path = try path(kind: kind, deckID: deckID, directory: directory)
    guard let bytes = try ProgressFileSystem.readFile(path) else { return nil }
    let location = SourceLocation(file: path, line: 1, column: 1)
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    else { throw .malformed(location, "not a JSON object") }
    guard let found = object["schema"] as? Int else {
      throw .malformed(location, "missing 'schema'")
    }
    guard found <= schema else {
      throw .newerSchema(location, found: found, supported: schema)
    }
    guard object["deck"] as? String == deckID else {
      throw .malformed(location, "\(otherDeck), not '\(deckID)'")
    }
    return LearnerFile(path: path, object: object)
  }

  /// The error for a field that does not read, located at the file.
  func malformed(_ message: String) -> ProgressError {
    .malformed(SourceLocation(file: path, line: 1, column: 1), message)
  }
}
