import Foundation
import RecallKit

/// Reads the article `recall draft` was given, with a one-line cause and exit status for every
/// way it can fail: missing, not a regular file, too large, unreadable, binary, empty.
enum DraftInput {
  struct Failure: Error {
    var message: String
    var status: ExitStatus
  }

  static func read(_ path: String) -> Result<Article, Failure> {
    guard !path.isEmpty else {
      return .failure(Failure(message: "recall: error: the article path is empty", status: .usage))
    }
    let shown = TextSanitizer.visible(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(Failure(message: "recall: error: \(shown) does not exist", status: .noInput))
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let type = attributes?[.type] as? FileAttributeType
    guard !isDirectory.boolValue, type == nil || type == .typeRegular else {
      return .failure(
        Failure(
          message: "recall: error: \(shown) is not a regular file; give a text file",
          status: .noInput))
    }
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > Article.maximumBytes {
      let error = DraftError.tooLarge(path: shown, bytes: size, limit: Article.maximumBytes)
      return .failure(Failure(message: error.description, status: .dataError))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(Failure(message: "recall: error: cannot read \(shown)", status: .noInput))
    }
    defer { try? handle.close() }
    let data: Data
    do {
      // One byte past the limit tells a file that grew since it was measured.
      data = try handle.read(upToCount: Article.maximumBytes + 1) ?? Data()
    } catch {
      return .failure(
        Failure(
          message: "recall: error: cannot read \(shown): \(error.localizedDescription)",
          status: .ioError))
    }
    do {
      return .success(try Article.read(data: data, path: shown))
    } catch {
      return .failure(Failure(message: error.description, status: .dataError))
    }
  }
}
