import Foundation

/// Where `import` and `export` write: standard output, or a file (`-o`) that is never replaced
/// unless `--force` says so.
struct OutputDestination {
  var path: String?
  var force: Bool

  /// The reason the output cannot be written, checked before any work is done.
  func refusal() -> String? {
    guard let path, !force else { return nil }
    if FileManager.default.fileExists(atPath: path) {
      return "recall: error: \(path) already exists; use --force to replace it"
    }
    return nil
  }

  /// Writes `text`; a message on the console and the exit status either way.
  func write(_ text: String, console: Console) -> ExitStatus {
    guard let path else {
      console.out(text)
      return .ok
    }
    if let refusal = refusal() {
      console.errorLine(refusal)
      return .cannotCreate
    }
    do {
      let options: Data.WritingOptions = force ? [.atomic] : [.withoutOverwriting]
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: options)
      return .ok
    } catch {
      let directory = (path as NSString).deletingLastPathComponent
      var isDirectory: ObjCBool = false
      let reason =
        !directory.isEmpty
          && !(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
            && isDirectory.boolValue)
        ? "the folder \(directory) does not exist" : error.localizedDescription
      console.errorLine("recall: error: cannot write \(path): \(reason)")
      return .cannotCreate
    }
  }
}
