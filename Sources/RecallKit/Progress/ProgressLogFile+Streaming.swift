import Foundation

extension ProgressLogFile {
  /// What streaming a file learnt besides its entries.
  struct Streamed {
    var deckID: String?
    var after: Int
    /// The last entry's sequence number (`after` when there is none).
    var lastSequence: Int
  }

  /// Reads a file a block at a time and hands each entry to `body` without keeping it: the
  /// review log of a deck studied for years runs to hundreds of megabytes, and holding its
  /// bytes and entries at once would cost several times that. A torn last line is skipped, as
  /// `parse` does. Lines after the header that `wanted` refuses are skipped unread. Nil when
  /// the file is missing or holds no complete line.
  static func stream(
    path: String, kind: Kind, expectedDeck: String?, blockSize: Int = 1 << 22,
    only wanted: ((ArraySlice<UInt8>) -> Bool)? = nil,
    _ body: (ProgressLogEntry) throws(ProgressError) -> Void
  ) throws(ProgressError) -> Streamed? {
    guard let (descriptor, _) = try ProgressFileSystem.openForReading(path) else { return nil }
    defer { ProgressFileSystem.closeDescriptor(descriptor) }
    var lines = LineReader(path: path, kind: kind, expectedDeck: expectedDeck)
    var buffer: [UInt8] = []
    var offset = 0
    var sawLine = false
    while true {
      let block = try ProgressFileSystem.readBytes(
        descriptor, path: path, offset: offset, count: blockSize)
      offset += block.count
      buffer += block
      // Every complete line in the buffer; the rest waits for the next block.
      var lineStart = 0
      while let newline = buffer[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
        sawLine = true
        if let wanted, lines.lineNumber > 1, !wanted(buffer[lineStart..<newline]) {
          lines.skip()
        } else if let entry = try lines.read(buffer, lineStart..<newline) {
          try body(entry)
        }
        lineStart = newline + 1
      }
      buffer.removeSubrange(0..<lineStart)
      if block.isEmpty { break }
    }
    guard sawLine else { return nil }
    return Streamed(
      deckID: lines.deckID, after: lines.after, lastSequence: lines.previous ?? lines.after)
  }
}
