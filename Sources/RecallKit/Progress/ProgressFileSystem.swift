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
/// followed by fsync(2).
enum ProgressFileSystem {
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }

  /// The whole file, or nil when it does not exist.
  static func readFile(_ path: String) throws(ProgressError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      let code = errno
      if code == ENOENT { return nil }
      throw .io(path: path, operation: "read it", reason: reason(code))
    }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
      throw .io(path: path, operation: "read it", reason: "it is a directory")
    }
    // Read straight into a buffer of the file's size; keep going in case the file grew.
    var bytes = [UInt8](repeating: 0, count: Int(max(status.st_size, 0)) + 1)
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
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      if errno == ENOENT { return nil }
      throw .io(path: path, operation: "read it", reason: ProgressFileSystem.reason(errno))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = ProgressFileSystem.reason(errno)
      ProgressFileSystem.closeDescriptor(descriptor)
      throw .io(path: path, operation: "read it", reason: reason)
    }
    return (descriptor, Int(status.st_size))
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
  static func replace(_ path: String, with bytes: [UInt8]) throws(ProgressError) {
    let temporary = path + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .io(path: temporary, operation: "create it", reason: reason(errno))
    }
    var failure: ProgressError?
    if let code = writeAll(descriptor, bytes) {
      failure = .io(path: temporary, operation: "write it", reason: reason(code))
    } else if fsync(descriptor) != 0 {
      failure = .io(path: temporary, operation: "sync it to disk", reason: reason(errno))
    }
    if close(descriptor) != 0, failure == nil {
      failure = .io(path: temporary, operation: "close it", reason: reason(errno))
    }
    if failure == nil, rename(temporary, path) != 0 {
      failure = .io(path: path, operation: "replace it", reason: reason(errno))
    }
    if let failure {
      unlink(temporary)
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
    if fsync(descriptor) != 0, errno != EINVAL {
      throw .io(path: folder, operation: "sync the folder to disk", reason: reason(errno))
    }
  }

  /// Writes every byte, returning the errno of a failure (ENOSPC for a short write).
  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes {
        write(descriptor, $0.baseAddress.map { $0 + written }, bytes.count - written)
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
