import Foundation

/// Where `import` and `export` write: standard output, or a file (`-o`) that is never replaced
/// unless `--force` says so.
struct OutputDestination {
  var path: String?
  var force: Bool

  /// Refuses an existing `-o` file without `--force`, before any work is done.
  func checkWritable() throws(CommandError) {
    guard let path, !force else { return }
    if FileManager.default.fileExists(atPath: path) {
      throw .cannotCreate("\(path) already exists; use --force to replace it")
    }
  }

  /// Writes `text` to the file, or to standard output when there is none.
  func write(_ text: String, console: Console) throws(CommandError) {
    guard let path else {
      console.out(text)
      return
    }
    try checkWritable()
    do {
      let options: Data.WritingOptions = force ? [.atomic] : [.withoutOverwriting]
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: options)
    } catch {
      let directory = (path as NSString).deletingLastPathComponent
      var isDirectory: ObjCBool = false
      let reason =
        !directory.isEmpty
          && !(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
            && isDirectory.boolValue)
        ? "the folder \(directory) does not exist" : error.localizedDescription
      throw .cannotCreate("cannot write \(path): \(reason)")
    }
  }
}
