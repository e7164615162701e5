import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exclusive flock(2) on `<deck>.lock` that keeps two sessions off one deck.
///
/// The kernel drops the lock when its process dies, so a lock file left behind by a killed
/// session blocks nobody; the file is never deleted (deleting it would let two processes lock
/// two different files). flock locks belong to an open file description, so even a second
/// store in the same process is refused. The holder's pid is written into the file only to make
/// the refusal message useful.
final class ProgressLock {
  private var descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { release() }

  static func acquire(path: String, deckID: String) throws(ProgressError) -> ProgressLock {
    // Never through a link (a linked lock file would be truncated and written over), and
    // never a FIFO or device.
    let descriptor = ProgressFileSystem.openOrCreate(path, flags: O_RDWR)
    guard descriptor >= 0 else {
      let code = errno
      if code == ELOOP || code == EMLINK {
        throw ProgressFileSystem.notRegular(path, "a symbolic link", operation: "lock it")
      }
      throw .cannotCreate(path: path, reason: ProgressFileSystem.reason(code))
    }
    var status = stat()
    if fstat(descriptor, &status) != 0 || ProgressFileSystem.irregularKind(status.st_mode) != nil {
      let kind = ProgressFileSystem.irregularKind(status.st_mode) ?? "not a regular file"
      ProgressFileSystem.closeDescriptor(descriptor)
      throw ProgressFileSystem.notRegular(path, kind, operation: "lock it")
    }
    // A process that forks while holding the lock shares it with the child until the child
    // execs (O_CLOEXEC closes it then), so a refusal is retried for a moment before it counts.
    var result: Int32 = 0
    for attempt in 0..<20 {
      repeat {
        result = flock(descriptor, LOCK_EX | LOCK_NB)
      } while result != 0 && errno == EINTR
      if result == 0 || errno != EWOULDBLOCK || attempt == 19 { break }
      usleep(10_000)
    }
    if result != 0 {
      let code = errno
      let holder = code == EWOULDBLOCK ? holderPID(descriptor, path: path) : nil
      ProgressFileSystem.closeDescriptor(descriptor)
      if code == EWOULDBLOCK { throw .locked(deckID: deckID, pid: holder) }
      throw .io(path: path, operation: "lock it", reason: ProgressFileSystem.reason(code))
    }
    let text = Array("\(getpid())\n".utf8)
    if ProgressFileSystem.truncate(descriptor, to: 0, path: path) == nil {
      _ = ProgressFileSystem.writeAll(descriptor, text, path: path)
    }
    return ProgressLock(descriptor: descriptor)
  }

  private static func holderPID(_ descriptor: Int32, path: String) -> Int32? {
    guard
      let bytes = try? ProgressFileSystem.readBytes(descriptor, path: path, offset: 0, count: 32)
    else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0 > 0 ? $0 : nil }
  }

  /// Gives the lock up; the file stays.
  func release() {
    if descriptor >= 0 { ProgressFileSystem.closeDescriptor(descriptor) }
    descriptor = -1
  }
}
