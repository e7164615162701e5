import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `print`, `import` and `export` write: standard output (no `-o`, or `-o -`), or a file.
///
/// - A file that exists is replaced only with `--force`, and then atomically: the text goes to
///   a new temporary file beside it (O_EXCL, never through a link), is flushed, and is renamed
///   over it. A new file appears the same way, complete or not at all.
/// - A character device or a FIFO (`/dev/stdout`, a named pipe) is written directly, never
///   replaced: renaming a file over `/dev/null` would break it for the whole machine.
/// - A link is followed to what it names, and that is judged by the same rules; a link to
///   nothing, a folder, a block device or a socket is refused with its path.
/// - With `refusingFolder`, a path in that folder (the decks folder, for worksheets) is
///   refused unless `--force` is given.
struct OutputDestination {
  var path: String?
  var force: Bool
  /// A folder nothing is written into without `--force`.
  var refusingFolder: String?

  init(path: String?, force: Bool, refusingFolder: String? = nil) {
    self.path = path == "-" ? nil : path
    self.force = force
    self.refusingFolder = refusingFolder
  }

  /// What is at the path, as far as writing is concerned.
  enum Target: Equatable {
    case standardOutput
    /// Nothing there yet; `path` is where to create it.
    case newFile(path: String)
    /// A regular file, to be replaced (the link's target when the path was a link).
    case existingFile(path: String)
    /// A character device or a FIFO, written in place.
    case stream(path: String)
  }

  /// Where the output goes, checked before any work is done; a path that cannot be written
  /// is refused with its one-line reason.
  func target() throws(CommandError) -> Target {
    guard let path else { return .standardOutput }
    guard !path.isEmpty else { throw .usage("-o needs a file name") }
    var status = stat()
    guard lstat(path, &status) == 0 else {
      let code = errno
      guard code == ENOENT else {
        throw .cannotCreate("cannot write \(path): \(Self.reason(code))")
      }
      let folder = (path as NSString).deletingLastPathComponent
      var isDirectory: ObjCBool = false
      if !folder.isEmpty,
        !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
          && isDirectory.boolValue)
      {
        throw .cannotCreate("cannot write \(path): the folder \(folder) does not exist")
      }
      try refusingFolderCheck(path)
      return .newFile(path: path)
    }
    var resolved = path
    if (status.st_mode & S_IFMT) == S_IFLNK {
      guard let real = Self.realPath(path) else {
        throw .cannotCreate(
          "cannot write \(path): it is a link to \(Self.linkTarget(path)), which does not exist")
      }
      resolved = real
      guard stat(resolved, &status) == 0 else {
        throw .cannotCreate("cannot write \(path): \(Self.reason(errno))")
      }
    }
    switch status.st_mode & S_IFMT {
    case S_IFCHR, S_IFIFO:
      return .stream(path: resolved)
    case S_IFREG:
      guard force else { throw .cannotCreate("\(path) already exists; use --force to replace it") }
      try refusingFolderCheck(resolved)
      return .existingFile(path: resolved)
    case S_IFDIR:
      throw .cannotCreate("cannot write \(path): it is a folder; give -o a file name")
    case S_IFBLK:
      throw .cannotCreate(
        "cannot write \(path): it is a block device; Recall writes files, "
          + "character devices and FIFOs only")
    default:
      throw .cannotCreate("cannot write \(path): it is a socket or another special file")
    }
  }

  /// Refuses a `-o` path that cannot be written (an existing file without `--force`, a
  /// folder, a missing folder…), before any work is done.
  func checkWritable() throws(CommandError) {
    _ = try target()
  }

  /// Writes `text` to the file, or to standard output when there is none.
  func write(_ text: String, console: Console) throws(CommandError) {
    guard path != nil else {
      console.out(text)
      return
    }
    try write(bytes: Array(text.utf8), console: console)
  }

  /// Writes a binary file (an Anki package): `-o FILE` is required, standard output is not.
  func write(data: Data, console: Console) throws(CommandError) {
    guard path != nil else { throw .usage("this format writes a file; name it with -o FILE") }
    try write(bytes: [UInt8](data), console: console)
  }

  /// Writes `bytes` to the file (standard output takes text only; see `write(_:console:)`).
  func write(bytes: [UInt8], console: Console) throws(CommandError) {
    let failure: String?
    switch try target() {
    case .standardOutput:
      console.out(String(decoding: bytes, as: UTF8.self))
      return
    case .stream(let path): failure = Self.writeInPlace(bytes, to: path)
    case .newFile(let path): failure = Self.writeAtomically(bytes, to: path, replacing: false)
    case .existingFile(let path): failure = Self.writeAtomically(bytes, to: path, replacing: true)
    }
    if let failure { throw .cannotCreate("cannot write \(path ?? "-"): \(failure)") }
  }

  private func refusingFolderCheck(_ path: String) throws(CommandError) {
    guard !force, let refusingFolder, let folder = Self.realFolder(of: path),
      let refused = Self.realPath(refusingFolder), folder == refused
    else { return }
    throw .cannotCreate(
      "\(self.path ?? path) is in the decks folder \(refusingFolder); write worksheets "
        + "elsewhere, or add --force")
  }

  static func realPath(_ path: String) -> String? {
    guard let real = realpath(path, nil) else { return nil }
    defer { free(real) }
    return String(cString: real)
  }

  private static func realFolder(of path: String) -> String? {
    let folder = (path as NSString).deletingLastPathComponent
    return realPath(folder.isEmpty ? "." : folder)
  }

  private static func linkTarget(_ path: String) -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing file"
  }

  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }

  /// Writes into a device or FIFO as it is: no creation, no truncation, no rename.
  private static func writeInPlace(_ bytes: [UInt8], to path: String) -> String? {
    let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { return reason(errno) }
    defer { close(descriptor) }
    return writeAll(descriptor, bytes).map(reason)
  }

  /// A temporary file beside `path`, filled and flushed, then renamed over it (`replacing`) or
  /// linked to it (a new file: fails rather than replace one that appeared meanwhile).
  private static func writeAtomically(_ bytes: [UInt8], to path: String, replacing: Bool)
    -> String?
  {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (folder.isEmpty ? "" : folder + "/")
      + ".\(name).recall-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { return reason(errno) }
    var failure = writeAll(descriptor, bytes)
    if failure == nil, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == nil { failure = errno }
    if failure == nil {
      if replacing {
        if rename(temporary, path) != 0 { failure = errno }
      } else if link(temporary, path) != 0 {
        let code = errno
        // File systems without hard links: the path was free a moment ago.
        if code == EPERM || code == ENOTSUP || code == EOPNOTSUPP,
          !FileManager.default.fileExists(atPath: path)
        {
          if rename(temporary, path) != 0 { failure = errno }
        } else {
          failure = code
        }
      }
    }
    unlink(temporary)
    if failure == EEXIST {
      return "it appeared while Recall was writing; use --force to replace it"
    }
    return failure.map(reason)
  }

  private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes {
        systemWrite(descriptor, $0.baseAddress.map { $0 + written }, bytes.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if result == 0 { return ENOSPC }
      written += result
    }
    return nil
  }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
#endif
