import Foundation

/// Where the answer key goes.
public enum AnswerKeyPlacement: String, Hashable, Sendable, CaseIterable {
  /// After the sheets, starting on a new page.
  case end
  /// In its own file beside the sheet: `quiz.html` → `quiz-key.html`.
  case separate
  /// No key at all.
  case none
}

/// One document to write: to a file, or to standard output when `path` is nil.
public struct WorksheetFile: Hashable, Sendable {
  public var path: String?
  public var parts: [WorksheetPart]

  public init(path: String?, parts: [WorksheetPart]) {
    self.path = path
    self.parts = parts
  }
}

/// Decides which documents `recall print` writes.
///
/// - To standard output: one document, every version's sheet and then (with `end`) every key,
///   each on a new page. `separate` is refused: there is no second file to put the key in.
/// - To `-o quiz.html` with one version: `quiz.html` (with its key at the end), and with
///   `separate`, `quiz-key.html`.
/// - To `-o quiz.html` with several versions: one file per version, `quiz-A.html`,
///   `quiz-B.html`… so each can be printed in as many copies as needed; with `end` each file
///   ends with its own key, with `separate` all the keys go to `quiz-key.html`, one per page.
public enum WorksheetOutputPlan {
  public static func files(versionCount: Int, answerKey: AnswerKeyPlacement, output: String?)
    throws(WorksheetError) -> [WorksheetFile]
  {
    let versions = Array(0..<versionCount)
    guard let output else {
      if answerKey == .separate { throw .separateKeyNeedsFile }
      let keys = answerKey == .end ? versions.map(WorksheetPart.key) : []
      return [WorksheetFile(path: nil, parts: versions.map(WorksheetPart.sheet) + keys)]
    }
    var files: [WorksheetFile]
    if versionCount == 1 {
      files = [
        WorksheetFile(path: output, parts: [.sheet(0)] + (answerKey == .end ? [.key(0)] : []))
      ]
    } else {
      files = versions.map { index in
        WorksheetFile(
          path: path(output, suffix: Worksheet.letter(index)),
          parts: [.sheet(index)] + (answerKey == .end ? [.key(index)] : []))
      }
    }
    if answerKey == .separate {
      files.append(
        WorksheetFile(path: path(output, suffix: "key"), parts: versions.map(WorksheetPart.key)))
    }
    return files
  }

  /// `quiz.html` + `A` → `quiz-A.html`; `quiz` + `key` → `quiz-key`.
  public static func path(_ path: String, suffix: String) -> String {
    let name = (path as NSString).lastPathComponent
    let folder = String(path.dropLast(name.count))
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
      return folder + name + "-" + suffix
    }
    return folder + name[..<dot] + "-" + suffix + name[dot...]
  }
}
