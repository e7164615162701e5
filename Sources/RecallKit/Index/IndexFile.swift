import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The layout of an index file, and the checks a file must pass before anything in it is used.
///
/// ```
/// 0   magic "RCLINDEX"                 8 bytes
/// 8   format version                   UInt32 (IndexFile.formatVersion)
/// 12  header size                      UInt32 (64)
/// 16  key                              2 × UInt64: the hash of everything the index was made from
/// 32  payload size                     UInt64: the file is exactly header + payload
/// 40  payload checksum                 UInt64: XXH64 of the payload
/// 48  section count                    UInt32
/// 52  zero                             UInt32
/// 56  header checksum                  UInt64: XXH64 of bytes 0..<56
/// 64  payload: section count × (tag UInt32, zero UInt32, offset UInt64, size UInt64), then
///     the sections' bytes, each within the payload, in order, not overlapping
/// ```
/// All numbers are little-endian. A file that fails any check is not read at all.
public enum IndexFile {
  static let magic: [UInt8] = Array("RCLINDEX".utf8)
  /// Raised whenever the layout or any section's encoding changes.
  public static let formatVersion: UInt32 = 1
  static let headerSize = 64
  static let directoryEntrySize = 24
  /// No index grows beyond this; a larger one is not written (the session just runs uncached).
  public static let maximumSize = 256 << 20

  /// Why a file is not a usable index: each of these makes the caller rebuild it.
  public enum Rejection: Error, Hashable, Sendable {
    case missing
    case unreadable
    case truncated
    case foreign
    case newerFormat
    case olderFormat
    case corrupt
    case otherKey
    case tooLarge
  }

  /// One section of an index: a tag saying what it holds, and its bytes.
  public struct Section: Sendable {
    public var tag: UInt32
    public var bytes: [UInt8]

    public init(tag: UInt32, bytes: [UInt8]) {
      self.tag = tag
      self.bytes = bytes
    }
  }

  /// The whole file for `sections` under `key`.
  public static func encode(key: IndexKey, sections: [Section]) -> [UInt8] {
    var payload = IndexByteWriter()
    var offset = UInt64(sections.count * directoryEntrySize)
    for section in sections {
      payload.append(section.tag)
      payload.append(UInt32(0))
      payload.append(offset)
      payload.append(UInt64(section.bytes.count))
      offset += UInt64(section.bytes.count)
    }
    for section in sections { payload.bytes += section.bytes }
    var header = IndexByteWriter()
    header.bytes += magic
    header.append(formatVersion)
    header.append(UInt32(headerSize))
    header.append(key.low)
    header.append(key.high)
    header.append(UInt64(payload.bytes.count))
    header.append(IndexHash.xxh64(payload.bytes))
    header.append(UInt32(sections.count))
    header.append(UInt32(0))
    header.append(IndexHash.xxh64(header.bytes))
    return header.bytes + payload.bytes
  }

  /// Checks a whole file's bytes against `key` and returns its sections' ranges, by tag.
  static func validate(_ file: UnsafeRawBufferPointer, key: IndexKey) throws(Rejection) -> [UInt32:
    Range<Int>]
  {
    guard file.count >= headerSize else {
      throw file.count >= magic.count && !file.starts(with: magic) ? .foreign : .truncated
    }
    guard file.starts(with: magic) else { throw .foreign }
    var header = IndexByteReader(UnsafeRawBufferPointer(rebasing: file[0..<headerSize]))
    do {
      _ = try header.take(magic.count)
      let version = try header.uint32()
      if version > formatVersion { throw Rejection.newerFormat }
      if version < formatVersion { throw Rejection.olderFormat }
      let declaredHeader = try header.uint32()
      let found = IndexKey(low: try header.uint64(), high: try header.uint64())
      let payloadSize = try header.uint64()
      let payloadChecksum = try header.uint64()
      let sectionCount = Int(try header.uint32())
      let zero = try header.uint32()
      let headerChecksum = try header.uint64()
      let headerBytes = UnsafeRawBufferPointer(rebasing: file[0..<56])
      guard declaredHeader == UInt32(headerSize), zero == 0,
        headerChecksum == IndexHash.xxh64(headerBytes)
      else { throw Rejection.corrupt }
      guard payloadSize <= UInt64(file.count - headerSize) else { throw Rejection.truncated }
      guard payloadSize == UInt64(file.count - headerSize) else { throw Rejection.corrupt }
      // An index of other sources is refused before its payload is read.
      guard found == key else { throw Rejection.otherKey }
      let payload = UnsafeRawBufferPointer(rebasing: file[headerSize...])
      guard payloadChecksum == IndexHash.xxh64(payload) else { throw Rejection.corrupt }
      return try sections(in: payload, count: sectionCount)
    } catch let rejection as Rejection {
      throw rejection
    } catch {
      throw .corrupt
    }
  }

  /// The section directory read and checked: every section inside the payload, after the
  /// directory, in order and apart, and each tag once.
  private static func sections(in payload: UnsafeRawBufferPointer, count: Int) throws(Rejection)
    -> [UInt32: Range<Int>]
  {
    guard count <= payload.count / directoryEntrySize else { throw .corrupt }
    var directory = IndexByteReader(payload)
    var result: [UInt32: Range<Int>] = [:]
    var next = count * directoryEntrySize
    do {
      for _ in 0..<count {
        let tag = try directory.uint32()
        let zero = try directory.uint32()
        let offset = try directory.uint64()
        let size = try directory.uint64()
        guard zero == 0, offset == UInt64(next), size <= UInt64(payload.count - next),
          result[tag] == nil
        else { throw Rejection.corrupt }
        result[tag] = next..<next + Int(size)
        next += Int(size)
      }
    } catch let rejection as Rejection {
      throw rejection
    } catch {
      throw .corrupt
    }
    guard next == payload.count else { throw .corrupt }
    return result
  }
}

/// An index file mapped into memory and checked whole: its sections are read from the mapping
/// only as they are needed, and the mapping lives as long as this value.
public final class MappedIndex: @unchecked Sendable {
  private let base: UnsafeMutableRawPointer?
  private let size: Int
  /// Whether `base` is a mapping (unmapped at the end) or a copy (deallocated).
  private let isMapped: Bool
  private let ranges: [UInt32: Range<Int>]

  /// Maps and checks the file at `path`; throws why it cannot be used.
  public init(path: String, key: IndexKey) throws(IndexFile.Rejection) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .unreadable }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable
    }
    let size = Int(status.st_size)
    guard size <= IndexFile.maximumSize else { throw .tooLarge }
    guard size > 0 else { throw .truncated }
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      mapped != MAP_FAILED
    else { throw .unreadable }
    do {
      ranges = try IndexFile.validate(UnsafeRawBufferPointer(start: mapped, count: size), key: key)
    } catch {
      munmap(mapped, size)
      throw error
    }
    self.base = mapped
    self.size = size
    isMapped = true
  }

  /// Checks bytes already in memory (tests, the fuzz target); they are copied.
  public init(bytes: [UInt8], key: IndexKey) throws(IndexFile.Rejection) {
    let copy = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
    bytes.withUnsafeBytes { raw in
      if let source = raw.baseAddress { copy.copyMemory(from: source, byteCount: raw.count) }
    }
    do {
      ranges = try IndexFile.validate(
        UnsafeRawBufferPointer(start: copy, count: bytes.count), key: key)
    } catch {
      copy.deallocate()
      throw error
    }
    base = copy
    size = bytes.count
    isMapped = false
  }

  deinit {
    guard let base else { return }
    if isMapped { munmap(base, size) } else { base.deallocate() }
  }

  /// Runs `body` over the bytes of the section with `tag` (nil when the index has none). The
  /// bytes are the mapping itself, valid only inside `body`.
  public func withSection<Result>(
    _ tag: UInt32, _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows -> Result? {
    guard let range = ranges[tag], let base else { return nil }
    return try withExtendedLifetime(self) {
      let payload = UnsafeRawPointer(base).advanced(by: IndexFile.headerSize)
      return try body(
        UnsafeRawBufferPointer(start: payload.advanced(by: range.lowerBound), count: range.count))
    }
  }

  /// A copy of the section's bytes.
  public func section(_ tag: UInt32) -> [UInt8]? {
    withSection(tag) { Array($0) }
  }
}
