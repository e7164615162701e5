import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls durability needs, with errors turned into `ProgressError`.
///
/// Foundation's file APIs do not say when bytes reach the disk; these do: whole-file
/// replacement is write-temp, fsync, rename, fsync the folder, and appends are one write(2)
/// followed by fsync(2). Every call that changes a file goes through `ProgressFaults`, so the
/// sweeps can fail or stop any one of them.
///
/// Progress files are regular files in the progress folder. None of them is followed when it
/// is a symbolic link (O_NOFOLLOW), and anything that is not a regular file (a FIFO, a device,
/// a folder) is refused with its path before a byte is read or written; the folder itself may
/// be a link.
enum ProgressFileSystem {
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }

  /// What a path holds that is not a regular file, in words; nil for a regular file.
  static func irregularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a directory"
    case S_IFIFO: "a FIFO"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "not a regular file"
    }
  }

  /// The refusal for a path that is not a regular file.
  static func notRegular(_ path: String, _ kind: String, operation: String) -> ProgressError {
    .io(
      path: path, operation: operation,
      reason: kind == "a symbolic link"
        ? "it is a symbolic link; progress files must be regular files (Recall does not "
          + "follow links inside the progress folder)"
        : "it is \(kind), not a regular file")
  }

  /// Opens an existing progress file without following a link and without blocking on a
  /// FIFO; refuses anything but a regular file. Nil when there is no file.
  static func openExisting(_ path: String, flags: Int32, operation: String) throws(ProgressError)
    -> (descriptor: Int32, size: Int)?
  {
    let descriptor = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    if descriptor < 0 {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP || code == EMLINK {
        throw notRegular(path, "a symbolic link", operation: operation)
      }
      if code == EISDIR { throw notRegular(path, "a directory", operation: operation) }
      if code == ENXIO { throw notRegular(path, "a FIFO or socket", operation: operation) }
      throw .io(path: path, operation: operation, reason: reason(code))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      closeDescriptor(descriptor)
      throw .io(path: path, operation: operation, reason: reason(code))
    }
    if let kind = irregularKind(status.st_mode) {
      closeDescriptor(descriptor)
      throw notRegular(path, kind, operation: operation)
    }
    // A regular file never blocks; clear the flag so nothing later depends on it.
    let current = fcntl(descriptor, F_GETFL)
    if current >= 0 { _ = fcntl(descriptor, F_SETFL, current & ~O_NONBLOCK) }
    return (descriptor, Int(max(status.st_size, 0)))
  }

  /// The whole file, or nil when it does not exist.
  static func readFile(_ path: String) throws(ProgressError) -> [UInt8]? {
    guard let (descriptor, size) = try openExisting(path, flags: O_RDONLY, operation: "read it")
    else { return nil }
    defer { close(descriptor) }
    // Read straight into a buffer of the file's size; keep going in case the file grew.
    var bytes = [UInt8](repeating: 0, count: size + 1)
    var filled = 0
    while true {
      if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 1 << 16)) }
      let count = bytes.withUnsafeMutableBytes {
        read(descriptor, $0.baseAddress.map { $0 + filled }, $0.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .io(path: path, operation: "read it", reason: reason(errno))
      }
      if count == 0 {
        bytes.removeSubrange(filled...)
        return bytes
      }
      filled += count
    }
  }

  /// An open descriptor and the file's size; nil when there is no file.
  static func openForReading(_ path: String) throws(ProgressError) -> (Int32, Int)? {
    try openExisting(path, flags: O_RDONLY, operation: "read it")
  }

  /// Up to `count` bytes at `offset`.
  static func readBytes(_ descriptor: Int32, path: String, offset: Int, count: Int)
    throws(ProgressError) -> [UInt8]
  {
    var buffer = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let result = buffer.withUnsafeMutableBytes {
        pread(
          descriptor, $0.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .io(path: path, operation: "read it", reason: reason(errno))
      }
      if result == 0 { break }
      filled += result
    }
    return Array(buffer[0..<filled])
  }

  static func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
  }

  static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  /// Creates the folder and its parents; fails if something else is in the way.
  static func createDirectory(_ path: String) throws(ProgressError) {
    guard !path.isEmpty else {
      throw .cannotCreate(path: "''", reason: "the progress folder's path is empty")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return }
      throw .cannotCreate(path: path, reason: "a file is in the way of the progress folder")
    }
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreate(path: path, reason: "\((error as NSError).localizedDescription)")
    }
  }

  /// Replaces `path` with `bytes` so that a crash leaves either the old file or the new one,
  /// complete, and the new one is on disk when this returns.
  ///
  /// The temporary file `<path>.tmp` is created with O_EXCL and O_NOFOLLOW, so nothing is ever
  /// written through a link or into a file someone else made; a stale one (left by a kill) is
  /// unlinked first, which removes a link itself, never its target. `path` itself must be a
  /// regular file or absent: a link there is refused rather than replaced by a file.
  static func replace(_ path: String, with bytes: [UInt8]) throws(ProgressError) {
    var status = stat()
    if lstat(path, &status) == 0, let kind = irregularKind(status.st_mode) {
      throw notRegular(path, kind, operation: "replace it")
    }
    let temporary = path + ".tmp"
    if lstat(temporary, &status) == 0 {
      if (status.st_mode & S_IFMT) == S_IFDIR {
        throw notRegular(temporary, "a directory", operation: "remove the stale temporary file")
      }
      if let code = unlinkFile(temporary), code != ENOENT {
        throw .io(
          path: temporary, operation: "remove the stale temporary file", reason: reason(code))
      }
    }
    let descriptor = createExclusive(temporary)
    guard descriptor >= 0 else {
      let code = errno
      throw .io(path: temporary, operation: "create it", reason: reason(code))
    }
    var failure: ProgressError?
    if let code = writeAll(descriptor, bytes, path: temporary) {
      failure = .io(path: temporary, operation: "write it", reason: reason(code))
    } else if let code = sync(descriptor, path: temporary) {
      failure = .io(path: temporary, operation: "sync it to disk", reason: reason(code))
    }
    if close(descriptor) != 0, failure == nil {
      failure = .io(path: temporary, operation: "close it", reason: reason(errno))
    }
    if failure == nil, let code = renameFile(temporary, to: path) {
      failure = .io(path: path, operation: "replace it", reason: reason(code))
    }
    if let failure {
      _ = unlinkFile(temporary)
      throw failure
    }
    try syncDirectory(containing: path)
  }

  /// Makes a rename or a new file in the folder durable.
  static func syncDirectory(containing path: String) throws(ProgressError) {
    let directory = (path as NSString).deletingLastPathComponent
    let folder = directory.isEmpty ? "." : directory
    let descriptor = open(folder, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
    guard descriptor >= 0 else {
      throw .io(path: folder, operation: "open the folder", reason: reason(errno))
    }
    defer { close(descriptor) }
    // Some file systems cannot sync a folder and say so with EINVAL; there is nothing to do.
    if let code = sync(descriptor, path: path), code != EINVAL {
      throw .io(path: folder, operation: "sync the folder to disk", reason: reason(code))
    }
  }

  // MARK: The counted calls

  /// Creates a new file that must not exist yet (a link there counts as existing); -1 with
  /// errno set on failure.
  static func createExclusive(_ path: String) -> Int32 {
    switch ProgressFaults.check(.create, path: path) {
    case .fail(let code), .tearThenFail(let code):
      errno = code
      return -1
    case .proceed: break
    }
    return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
  }

  /// Opens (creating if needed) a file to write, never through a link; -1 with errno set.
  static func openOrCreate(_ path: String, flags: Int32) -> Int32 {
    var status = stat()
    if lstat(path, &status) != 0 {
      switch ProgressFaults.check(.create, path: path) {
      case .fail(let code), .tearThenFail(let code):
        errno = code
        return -1
      case .proceed: break
      }
    }
    return open(path, flags | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
  }

  /// Writes every byte, returning the errno of a failure (ENOSPC for a short write).
  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) -> Int32? {
    var count = bytes.count
    switch ProgressFaults.check(.write, path: path) {
    case .fail(let code): return code
    case .tearThenFail: count = bytes.count / 2
    case .proceed: break
    }
    var written = 0
    while written < count {
      let result = bytes.withUnsafeBytes {
        write(descriptor, $0.baseAddress.map { $0 + written }, count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if result == 0 { return ENOSPC }
      written += result
    }
    return count < bytes.count ? EIO : nil
  }

  /// fsync(2); the errno of a failure.
  static func sync(_ descriptor: Int32, path: String) -> Int32? {
    switch ProgressFaults.check(.fsync, path: path) {
    case .fail(let code), .tearThenFail(let code): return code
    case .proceed: break
    }
    return fsync(descriptor) == 0 ? nil : errno
  }

  /// ftruncate(2); the errno of a failure.
  static func truncate(_ descriptor: Int32, to length: Int, path: String) -> Int32? {
    switch ProgressFaults.check(.truncate, path: path) {
    case .fail(let code), .tearThenFail(let code): return code
    case .proceed: break
    }
    return ftruncate(descriptor, off_t(length)) == 0 ? nil : errno
  }

  /// rename(2); the errno of a failure.
  static func renameFile(_ source: String, to destination: String) -> Int32? {
    switch ProgressFaults.check(.rename, path: destination) {
    case .fail(let code), .tearThenFail(let code): return code
    case .proceed: break
    }
    return rename(source, destination) == 0 ? nil : errno
  }

  /// unlink(2) (a link itself, never what it points to); the errno of a failure.
  static func unlinkFile(_ path: String) -> Int32? {
    switch ProgressFaults.check(.unlink, path: path) {
    case .fail(let code), .tearThenFail(let code): return code
    case .proceed: break
    }
    return unlink(path) == 0 ? nil : errno
  }
}
