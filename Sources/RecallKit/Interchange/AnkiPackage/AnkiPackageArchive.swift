import Foundation
import ZIPFoundation

/// The parts of an Anki package (`.apkg`, `.colpkg`): a ZIP archive holding the collection
/// (an SQLite database), a map from stored media names to file names, and the media files.
///
/// Current packages (Anki 2.1.50 and later) hold `collection.anki21b`, zstd-compressed, a
/// zstd-compressed protobuf `media` map and a `meta` file; they also hold a stub
/// `collection.anki2` that tells older Anki versions to upgrade, so the newer file wins.
/// Legacy packages hold `collection.anki21` or `collection.anki2` and a JSON `media` map.
/// Media files themselves are never unpacked: Recall shows no images or sound.
struct AnkiPackageArchive {
  /// The collection database, uncompressed.
  var collection: [UInt8]
  /// Which collection file it came from.
  var collectionName: String
  /// The names of the media files in the package.
  var mediaNames: [String]

  /// The largest collection or media map unpacked: a limit on memory, and the defence against
  /// an archive that claims a few bytes and unpacks to gigabytes.
  static let maximumUnpackedSize = 512 << 20

  /// The package at `path`, read in place (its media are never loaded). Every failure is an
  /// `AnkiPackageError`.
  init(path: String, limit: Int = maximumUnpackedSize) throws(AnkiPackageError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .io("\(path): cannot read the file")
    }
    let start = (try? handle.read(upToCount: 8)) ?? Data()
    try? handle.close()
    guard
      start.starts(with: [0x50, 0x4B, 0x03, 0x04]) || start.starts(with: [0x50, 0x4B, 0x05, 0x06])
    else { throw .notZip }
    // ZIPFoundation leaves encrypted entries out instead of failing; the first entry's
    // general-purpose flags (bit 0: encrypted) tell a password-protected archive.
    if start.count >= 8, start[start.startIndex + 6] & 1 == 1 { throw .encrypted }
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw .damagedArchive("its directory does not read")
    }
    var entries: [String: Entry] = [:]
    for entry in archive { entries[entry.path] = entry }
    guard
      let name = ["collection.anki21b", "collection.anki21", "collection.anki2"].first(where: {
        entries[$0] != nil
      }), let entry = entries[name]
    else { throw .notAnki(entries: entries.keys.sorted()) }
    var collection = try Self.unpack(entry, from: archive, limit: limit)
    if name.hasSuffix("b") {
      collection = try Self.unzstd(collection, entry: name, limit: limit)
    }
    self.collection = collection
    collectionName = name
    mediaNames = []
    if let media = entries["media"] {
      mediaNames = try Self.mediaNames(
        try Self.unpack(media, from: archive, limit: limit), limit: limit)
    }
  }

  /// An entry's bytes, counted as they are unpacked so a lying header cannot run past the
  /// limit; the CRC is checked.
  private static func unpack(_ entry: Entry, from archive: Archive, limit: Int)
    throws(AnkiPackageError) -> [UInt8]
  {
    guard entry.uncompressedSize <= UInt64(limit) else {
      throw .tooLarge(entry: entry.path, limit: limit)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(entry.uncompressedSize))
    var overflow = false
    do {
      _ = try archive.extract(entry) { chunk in
        if bytes.count + chunk.count > limit {
          overflow = true
          throw CocoaError(.fileReadTooLarge)
        }
        bytes.append(contentsOf: chunk)
      }
    } catch {
      if overflow { throw .tooLarge(entry: entry.path, limit: limit) }
      if case Archive.ArchiveError.invalidCRC32 = error {
        throw .damagedArchive("'\(entry.path)' fails its checksum")
      }
      throw .damagedArchive("'\(entry.path)' does not unpack")
    }
    return bytes
  }

  private static func unzstd(_ bytes: [UInt8], entry: String, limit: Int)
    throws(AnkiPackageError) -> [UInt8]
  {
    do {
      return try Zstd.decompress(bytes, limit: limit)
    } catch {
      switch error {
      case .tooLarge(let limit): throw .tooLarge(entry: entry, limit: limit)
      case .damaged(let reason):
        throw .damagedArchive("'\(entry)' is not valid zstd data: \(reason)")
      }
    }
  }

  /// The media map: JSON `{"0": "name.jpg", …}` in legacy packages, zstd-compressed
  /// `MediaEntries` in current ones.
  private static func mediaNames(_ bytes: [UInt8], limit: Int) throws(AnkiPackageError)
    -> [String]
  {
    if Zstd.isCompressed(bytes) {
      let plain = try unzstd(bytes, entry: "media", limit: limit)
      do {
        return try ProtobufFields.mediaNames(plain)
      } catch {
        throw .damagedArchive("its media list does not read")
      }
    }
    guard !bytes.isEmpty else { return [] }
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    else { throw .damagedArchive("its media list is not JSON") }
    return object.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.compactMap {
      $0.value as? String
    }
  }
}
