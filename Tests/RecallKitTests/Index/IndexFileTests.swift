import Foundation
import Testing

@testable import RecallKit

/// The index file's checks: a file is used whole or not at all.
@Suite struct IndexFileTests {
  let key = IndexKey(low: 0x1234, high: 0x5678)
  let sections = [
    IndexFile.Section(tag: 1, bytes: Array("first section".utf8)),
    IndexFile.Section(tag: 2, bytes: []),
    IndexFile.Section(tag: 3, bytes: (0..<300).map { UInt8($0 % 256) }),
  ]

  private func text(_ index: MappedIndex, _ tag: UInt32) -> [UInt8]? {
    index.section(tag)
  }

  @Test func sectionsReadBackAsWritten() throws {
    let bytes = IndexFile.encode(key: key, sections: sections)
    let index = try MappedIndex(bytes: bytes, key: key)
    #expect(text(index, 1) == Array("first section".utf8))
    #expect(text(index, 2) == [])
    #expect(text(index, 3) == sections[2].bytes)
    #expect(index.section(4) == nil)
  }

  private func rejection(_ bytes: [UInt8], key: IndexKey? = nil) -> IndexFile.Rejection? {
    do {
      _ = try MappedIndex(bytes: bytes, key: key ?? self.key)
      return nil
    } catch {
      return error
    }
  }

  @Test func everyTruncationIsRefused() {
    let bytes = IndexFile.encode(key: key, sections: sections)
    for length in 0..<bytes.count {
      #expect(rejection(Array(bytes[..<length])) != nil, "cut at \(length)")
    }
    #expect(rejection(Array(bytes[..<40])) == .truncated)
    #expect(rejection(Array(bytes[..<(bytes.count - 1)])) == .truncated)
    #expect(rejection(bytes + [0]) == .corrupt)
  }

  @Test func everyFlippedBitIsRefused() {
    let bytes = IndexFile.encode(key: key, sections: sections)
    for position in bytes.indices {
      for bit in 0..<8 {
        var damaged = bytes
        damaged[position] ^= 1 << bit
        #expect(rejection(damaged) != nil, "byte \(position) bit \(bit)")
      }
    }
  }

  @Test func anotherKeyAVersionOrAForeignFileIsRefused() {
    let bytes = IndexFile.encode(key: key, sections: sections)
    #expect(rejection(bytes, key: IndexKey(low: 0x1234, high: 0x5679)) == .otherKey)
    #expect(
      rejection(
        Array("not an index at all, just some text".utf8) + [UInt8](repeating: 0, count: 64))
        == .foreign)
    #expect(rejection(Array("RCL".utf8)) == .truncated)
    #expect(rejection(Array("hello".utf8) + [UInt8](repeating: 1, count: 10)) == .foreign)
    #expect(rejection(withVersion(IndexFile.formatVersion + 1, bytes)) == .newerFormat)
    #expect(rejection(withVersion(IndexFile.formatVersion - 1, bytes)) == .olderFormat)
  }

  /// The file with another format version and a header checksum that matches it, as a newer
  /// Recall would write it.
  private func withVersion(_ version: UInt32, _ bytes: [UInt8]) -> [UInt8] {
    var changed = bytes
    withUnsafeBytes(of: version.littleEndian) { changed.replaceSubrange(8..<12, with: $0) }
    let checksum = IndexHash.xxh64(Array(changed[0..<56]))
    withUnsafeBytes(of: checksum.littleEndian) { changed.replaceSubrange(56..<64, with: $0) }
    return changed
  }

  @Test func aDirectoryThatPointsOutsideThePayloadIsRefused() {
    // A section directory whose size runs past the end, with both checksums made to match.
    var bytes = IndexFile.encode(key: key, sections: [IndexFile.Section(tag: 1, bytes: [1, 2])])
    withUnsafeBytes(of: UInt64(3).littleEndian) { bytes.replaceSubrange(80..<88, with: $0) }
    let payloadChecksum = IndexHash.xxh64(Array(bytes[64...]))
    withUnsafeBytes(of: payloadChecksum.littleEndian) { bytes.replaceSubrange(40..<48, with: $0) }
    let headerChecksum = IndexHash.xxh64(Array(bytes[0..<56]))
    withUnsafeBytes(of: headerChecksum.littleEndian) { bytes.replaceSubrange(56..<64, with: $0) }
    #expect(rejection(bytes) == .corrupt)
  }

  @Test func readerRefusesDamagedSectionContents() {
    var writer = IndexByteWriter()
    writer.append(["a", "bc"])
    let good = writer.bytes
    good.withUnsafeBytes { raw in
      var reader = IndexByteReader(raw)
      #expect((try? reader.strings()) == ["a", "bc"])
    }
    // A count claiming more items than the bytes could hold, a length past the end, bad UTF-8.
    let damages: [[UInt8]] = [
      [0xFF, 0xFF, 0, 0] + good.dropFirst(4), Array(good.dropLast()),
      [1, 0, 0, 0, 1, 0, 0, 0, 0xFF],
    ]
    for damaged in damages {
      damaged.withUnsafeBytes { raw in
        var reader = IndexByteReader(raw)
        #expect((try? reader.strings()) == nil)
      }
    }
  }
}
