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
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotCreate(path: path, reason: ProgressFileSystem.reason(errno))
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
    if ftruncate(descriptor, 0) == 0 {
      _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
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
