import Foundation
import RecallKit

/// Reads the article `recall draft` was given, with a one-line cause and exit status for every
/// way it can fail: missing, not a regular file, too large, unreadable, binary, empty.
enum DraftInput {
  /// The article, or the error to report (a `CommandError` or a `DraftError`).
  static func read(_ path: String) throws -> Article {
    guard !path.isEmpty else {
      throw CommandError.usage("the article path is empty")
    }
    let shown = TextSanitizer.visible(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandError.noInput("\(shown) does not exist")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let type = attributes?[.type] as? FileAttributeType
    guard !isDirectory.boolValue, type == nil || type == .typeRegular else {
      throw CommandError.noInput("\(shown) is not a regular file; give a text file")
    }
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > Article.maximumBytes {
      throw DraftError.tooLarge(path: shown, bytes: size, limit: Article.maximumBytes)
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandError.noInput("cannot read \(shown)")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      // One byte past the limit tells a file that grew since it was measured.
      data = try handle.read(upToCount: Article.maximumBytes + 1) ?? Data()
    } catch {
      throw CommandError.io("cannot read \(shown): \(error.localizedDescription)")
    }
    return try Article.read(data: data, path: shown)
  }
}
