import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder of index files: `$RECALL_CACHE_DIR`, else `$XDG_CACHE_HOME/recall`, else
/// `~/.cache/recall`. Nothing in it is ever needed: every failure to read or write it is silent
/// and only costs the time of working from the sources again.
public struct IndexCache: Sendable {
  public var directory: String
  /// At most this many index files (three a deck: the deck, its grading table, its progress);
  /// the least recently written go first.
  public var maximumFiles = 512
  /// At most this many bytes of index files in all.
  public var maximumTotalSize = 1 << 30

  public init(directory: String) {
    self.directory = directory
  }

  /// The cache folder for this environment, or nil when `RECALL_INDEX=off` turns the index off
  /// or there is no home folder to keep it in.
  public static func locate(environment: [String: String]) -> IndexCache? {
    if environment["RECALL_INDEX"] == "off" { return nil }
    if let folder = environment["RECALL_CACHE_DIR"], !folder.isEmpty {
      return IndexCache(directory: folder)
    }
    if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
      return IndexCache(directory: cacheHome + "/recall")
    }
    // Without a home there is nowhere to keep it (a test's empty environment, a bare service).
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return IndexCache(directory: home + "/.cache/recall")
  }

  /// The file holding the index of one slot: a readable label (a deck id) and the hash of what
  /// the slot stands for (the deck file and progress folder), so each pair has one file, replaced
  /// as its sources change. Never a path outside the folder.
  public func path(label: String, slot: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
    var safe = String(label.prefix(64).map { allowed.contains($0) ? $0 : "_" })
    // A leading dot would hide the file, and temporary files are the ones that start with one.
    if safe.hasPrefix(".") { safe = "_" + safe.dropFirst() }
    let hash = IndexKey.Builder.slot(slot)
    return directory + "/" + (safe.isEmpty ? "index" : safe) + "-" + hash + ".index"
  }

  /// The index at `path` when it is whole and made for `key`; nil otherwise, for any reason.
  public func index(at path: String, key: IndexKey) -> MappedIndex? {
    try? MappedIndex(path: path, key: key)
  }

  /// Why the index at `path` cannot be used for `key` (nil when it can): for tests and `--verbose`
  /// style reports.
  public func rejection(_ path: String, key: IndexKey) -> IndexFile.Rejection? {
    do {
      _ = try MappedIndex(path: path, key: key)
      return nil
    } catch {
      return error
    }
  }

  /// Writes the index for `key` to `path` in one piece: a new temporary file, flushed, renamed
  /// over the old one, so a reader sees the old file or the new one, whole. Two sessions writing
  /// at once each write their own temporary file; the last rename wins, and both files are
  /// complete. Returns whether it was written; failing (a read-only or full folder) is not an
  /// error.
  @discardableResult
  public func store(_ path: String, key: IndexKey, sections: [IndexFile.Section]) -> Bool {
    let bytes = IndexFile.encode(key: key, sections: sections)
    guard bytes.count <= IndexFile.maximumSize else { return false }
    guard makeFolder() else { return false }
    let temporary =
      directory + "/." + (path as NSString).lastPathComponent + "."
      + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
    let descriptor = open(
      temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return false }
    var written = writeAll(descriptor, bytes) && fsync(descriptor) == 0
    written = close(descriptor) == 0 && written
    guard written, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    syncFolder()
    prune(keeping: path)
    return true
  }

  /// Removes the oldest index files beyond the bounds, and temporary files a killed session left
  /// more than an hour ago.
  func prune(keeping kept: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    var indexes: [(path: String, modified: Date, size: Int)] = []
    let now = Date()
    for name in names {
      let path = directory + "/" + name
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular
      else { continue }
      let modified = attributes[.modificationDate] as? Date ?? .distantPast
      if name.hasPrefix("."), name.hasSuffix(".tmp") {
        if now.timeIntervalSince(modified) > 3600 { unlink(path) }
      } else if name.hasSuffix(".index"), path != kept {
        indexes.append((path, modified, (attributes[.size] as? NSNumber)?.intValue ?? 0))
      }
    }
    let keptSize =
      ((try? FileManager.default.attributesOfItem(atPath: kept))?[.size] as? NSNumber)?.intValue
      ?? 0
    var count = indexes.count + 1
    var total = indexes.reduce(keptSize) { $0 + $1.size }
    for index in indexes.sorted(by: { $0.modified < $1.modified }) {
      guard count > maximumFiles || total > maximumTotalSize else { break }
      if unlink(index.path) == 0 {
        count -= 1
        total -= index.size
      }
    }
  }

  private func makeFolder() -> Bool {
    (try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])) != nil
  }

  private func syncFolder() {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let rest = UnsafeRawBufferPointer(rebasing: raw[offset...])
        let result = write(descriptor, rest.baseAddress, rest.count)
        if result < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += result
      }
      return true
    }
  }
}

extension IndexKey.Builder {
  /// The 16 hex digits naming a slot's file.
  static func slot(_ slot: String) -> String {
    let hash = IndexHash.xxh64(Array(slot.utf8))
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
