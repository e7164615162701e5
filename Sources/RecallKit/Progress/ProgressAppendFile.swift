#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file only ever appended to, where each append is one write(2) then fsync(2).
///
/// One write means a crash leaves at most a prefix of the last line (a torn line, which readers
/// ignore). A failed append is cut off again, so the file never keeps half of a line that the
/// caller was told failed.
final class ProgressAppendFile {
  let path: String
  private var descriptor: Int32
  /// The file's length as far as this writer knows (the lock keeps other writers out).
  private(set) var length: Int

  init(path: String) throws(ProgressError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .io(path: path, operation: "open it", reason: ProgressFileSystem.reason(errno))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      ProgressFileSystem.closeDescriptor(descriptor)
      throw .io(path: path, operation: "open it", reason: ProgressFileSystem.reason(code))
    }
    length = Int(status.st_size)
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
    guard ftruncate(descriptor, off_t(newLength)) == 0, fsync(descriptor) == 0 else {
      throw .io(
        path: path, operation: "cut off its torn last line",
        reason: ProgressFileSystem.reason(errno))
    }
    length = newLength
  }

  /// Appends `bytes` in one write and returns once they are on disk.
  func append(_ bytes: [UInt8]) throws(ProgressError) {
    var result: Int
    repeat {
      result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    } while result < 0 && errno == EINTR
    var failure: Int32?
    if result < 0 {
      failure = errno
    } else if result != bytes.count {
      failure = ENOSPC
    } else if fsync(descriptor) != 0 {
      failure = errno
    }
    if let failure {
      // Best effort: take back whatever part of the line reached the file.
      _ = ftruncate(descriptor, off_t(length))
      _ = fsync(descriptor)
      throw .io(path: path, operation: "append to it", reason: ProgressFileSystem.reason(failure))
    }
    length += bytes.count
  }
}
