#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file only ever appended to, where each append is one write(2) then fsync(2).
///
/// One write means a crash leaves at most a prefix of the last line (a torn line, which readers
/// ignore). A failed append is cut off again, so the file never keeps half of a line that the
/// caller was told failed; if even that fails, the next append cuts it off first, so a torn
/// line is never followed by a good one.
final class ProgressAppendFile {
  let path: String
  private var descriptor: Int32
  /// The file's length as far as this writer knows (the lock keeps other writers out).
  private(set) var length: Int
  /// Set when a failed append may have left bytes past `length`.
  private var mayHaveTornTail = false

  init(path: String) throws(ProgressError) {
    self.path = path
    guard
      let (descriptor, size) = try ProgressFileSystem.openExisting(
        path, flags: O_WRONLY | O_APPEND, operation: "open it")
    else {
      throw .io(path: path, operation: "open it", reason: ProgressFileSystem.reason(ENOENT))
    }
    self.descriptor = descriptor
    length = size
  }

  deinit {
    if descriptor >= 0 { ProgressFileSystem.closeDescriptor(descriptor) }
  }

  func close() {
    if descriptor >= 0 { ProgressFileSystem.closeDescriptor(descriptor) }
    descriptor = -1
  }

  /// Cuts the file to `newLength` bytes (dropping a torn last line) and syncs it.
  func truncate(to newLength: Int) throws(ProgressError) {
    if let code = ProgressFileSystem.truncate(descriptor, to: newLength, path: path)
      ?? ProgressFileSystem.sync(descriptor, path: path)
    {
      throw .io(
        path: path, operation: "cut off its torn last line",
        reason: ProgressFileSystem.reason(code))
    }
    length = newLength
    mayHaveTornTail = false
  }

  /// Appends `bytes` in one write and returns once they are on disk.
  func append(_ bytes: [UInt8]) throws(ProgressError) {
    if mayHaveTornTail {
      do {
        try truncate(to: length)
      } catch {
        throw .io(
          path: path, operation: "append to it",
          reason: "the last failed append could not be taken back")
      }
    }
    var failure = ProgressFileSystem.writeAll(descriptor, bytes, path: path)
    if failure == nil { failure = ProgressFileSystem.sync(descriptor, path: path) }
    if let failure {
      // Take back whatever part of the line reached the file; if that fails too, the next
      // append tries again before writing.
      mayHaveTornTail = true
      if ProgressFileSystem.truncate(descriptor, to: length, path: path) == nil,
        ProgressFileSystem.sync(descriptor, path: path) == nil
      {
        mayHaveTornTail = false
      }
      throw .io(path: path, operation: "append to it", reason: ProgressFileSystem.reason(failure))
    }
    length += bytes.count
  }
}
