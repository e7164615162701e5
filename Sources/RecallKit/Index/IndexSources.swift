import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which Recall made an index: its version and the identity of the running program's file, so
/// a rebuilt or upgraded `recall` (whose generator or grader may differ) never reads an index an
/// older one wrote.
public struct IndexBuild: Hashable, Sendable {
  public var version: String
  /// Size, modification time and inode of the executable, as text; empty when unknown.
  public var executable: String

  public init(version: String, executable: String) {
    self.version = version
    self.executable = executable
  }

  /// The version Recall reports with `--version`; the CLI keeps its own copy for
  /// ArgumentParser, checked equal by a test.
  public static let recallVersion = "0.1.0"

  /// This process's build.
  public static let current = IndexBuild(
    version: recallVersion, executable: executableIdentity())

  static func executableIdentity() -> String {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 else { return "" }
    return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
  }

  func add(to key: inout IndexKey.Builder) {
    key.add("format", number: UInt64(IndexFile.formatVersion))
    key.add("version", text: version)
    key.add("executable", text: executable)
  }
}

/// A deck file and the hash of its bytes, taken before and after the deck was read: when the two
/// differ, the file changed while it was read and nothing is keyed by it.
public struct DeckSource: Hashable, Sendable {
  public var path: String
  public var contentHash: IndexKey

  public init(path: String, contentHash: IndexKey) {
    self.path = path
    self.contentHash = contentHash
  }

  /// The hash of the file's bytes as they are now, or nil when it cannot be read. Read, not
  /// mapped: a deck being saved by an editor may shrink while it is read, which a mapping would
  /// turn into a crash.
  public static func hash(ofFileAt path: String) -> IndexKey? {
    // O_NONBLOCK: opening a FIFO for reading would wait for a writer; fstat then refuses it.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
      status.st_size <= off_t(DeckLimits.standard.maximumFileSize)
    else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
    var count = 0
    while count < bytes.count {
      let result = bytes.withUnsafeMutableBytes { raw in
        read(
          descriptor, UnsafeMutableRawBufferPointer(rebasing: raw[count...]).baseAddress,
          raw.count - count)
      }
      if result < 0, errno == EINTR { continue }
      guard result >= 0 else { return nil }
      if result == 0 { break }
      count += result
    }
    // One byte more than the size was asked for: getting it means the file grew meanwhile.
    guard count == Int(status.st_size) else { return nil }
    var key = IndexKey.Builder()
    bytes.withUnsafeBytes {
      key.add("bytes", bytes: UnsafeRawBufferPointer(rebasing: $0[..<count]))
    }
    return key.key
  }

  /// Reads the deck with `load`, hashing the file before and after; the source is nil when the
  /// file changed meanwhile or could not be hashed.
  public static func reading<T>(_ path: String, _ load: () throws -> T) rethrows -> (
    T, DeckSource?
  ) {
    let before = hash(ofFileAt: path)
    let loaded = try load()
    guard let before, before == hash(ofFileAt: path) else { return (loaded, nil) }
    return (loaded, DeckSource(path: path, contentHash: before))
  }

  func add(to key: inout IndexKey.Builder) {
    key.add("deck", number: contentHash.low)
    key.add("deck-high", number: contentHash.high)
  }
}
