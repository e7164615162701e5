import Foundation

extension ProgressLogFile {
  /// What streaming a file learnt besides its entries.
  struct Streamed {
    var deckID: String?
    var after: Int
    /// The last entry's sequence number (`after` when there is none).
    var lastSequence: Int
    /// Bytes up to and including the last newline; everything after is a torn line.
    var validLength: Int
    var totalLength: Int
  }

  /// Reads a file a block at a time and hands each entry to `body` without keeping it: the
  /// review log of a deck studied for years runs to hundreds of megabytes, and holding its
  /// bytes and entries at once would cost several times that. A torn last line is skipped, as
  /// `parse` does. Lines after the header that `wanted` refuses are skipped unread. Nil when
  /// the file is missing or holds no complete line. A line (or torn tail) longer than
  /// `ProgressFormat.maximumLineLength` is refused with its number and length, so memory stays
  /// within a line and a block whatever the file holds.
  static func stream(
    path: String, kind: Kind, expectedDeck: String?, blockSize: Int = 1 << 22,
    only wanted: ((ArraySlice<UInt8>) -> Bool)? = nil,
    _ body: (ProgressLogEntry) throws(ProgressError) -> Void
  ) throws(ProgressError) -> Streamed? {
    guard let (descriptor, _) = try ProgressFileSystem.openForReading(path) else { return nil }
    defer { ProgressFileSystem.closeDescriptor(descriptor) }
    var lines = LineReader(path: path, kind: kind, expectedDeck: expectedDeck)
    var buffer: [UInt8] = []
    // The file offsets of the next block and of the buffer's first byte.
    var offset = 0
    var bufferStart = 0
    var validLength = 0
    while true {
      let block = try ProgressFileSystem.readBytes(
        descriptor, path: path, offset: offset, count: blockSize)
      offset += block.count
      // Only the new bytes are searched: the pending line holds no newline.
      var searchFrom = buffer.count
      buffer += block
      var lineStart = 0
      while let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
        if newline - lineStart > ProgressFormat.maximumLineLength {
          throw overlong(
            path: path, line: lines.lineNumber, length: newline - lineStart, ended: true)
        }
        if let wanted, lines.lineNumber > 1, !wanted(buffer[lineStart..<newline]) {
          lines.skip()
        } else if let entry = try lines.read(buffer, lineStart..<newline) {
          try body(entry)
        }
        lineStart = newline + 1
        searchFrom = lineStart
        validLength = bufferStart + lineStart
      }
      buffer.removeSubrange(0..<lineStart)
      bufferStart += lineStart
      if buffer.count > ProgressFormat.maximumLineLength {
        throw overlongLine(
          descriptor, path: path, from: bufferStart, line: lines.lineNumber, scanned: buffer.count)
      }
      if block.isEmpty { break }
    }
    guard validLength > 0 else { return nil }
    return Streamed(
      deckID: lines.deckID, after: lines.after, lastSequence: lines.previous ?? lines.after,
      validLength: validLength, totalLength: offset)
  }

  /// The whole file's entries, read a block at a time as `stream` does (so a huge line is
  /// refused without being held); nil when the file is missing or holds no complete line.
  static func read(path: String, kind: Kind, expectedDeck: String?) throws(ProgressError)
    -> ProgressLogFile?
  {
    var entries: [ProgressLogEntry] = []
    guard
      let streamed = try stream(
        path: path, kind: kind, expectedDeck: expectedDeck, blockSize: 1 << 16,
        {
          entries.append($0)
        })
    else { return nil }
    return ProgressLogFile(
      kind: kind, deckID: streamed.deckID, after: streamed.after, entries: entries,
      validLength: streamed.validLength, totalLength: streamed.totalLength)
  }

  /// The error for the first line longer than `ProgressFormat.maximumLineLength` at or after
  /// `from` (the start of line `line`), found by reading on in blocks without keeping them:
  /// the report gives the line's whole length at a cost that does not grow with it.
  /// `scanned` bytes from `from` are already known to hold no newline.
  static func overlongLine(
    _ descriptor: Int32, path: String, from start: Int, line: Int, scanned: Int = 0
  ) -> ProgressError {
    var lineNumber = line
    var lineStart = start
    var position = start + scanned
    let blockSize = 1 << 20
    while true {
      guard
        let block = try? ProgressFileSystem.readBytes(
          descriptor, path: path, offset: position, count: blockSize)
      else { break }
      var index = 0
      while let newline = block[index...].firstIndex(of: UInt8(ascii: "\n")) {
        let length = position + newline - lineStart
        if length > ProgressFormat.maximumLineLength {
          return overlong(path: path, line: lineNumber, length: length, ended: true)
        }
        lineNumber += 1
        lineStart = position + newline + 1
        index = newline + 1
      }
      position += block.count
      if block.count < blockSize { break }
    }
    return overlong(path: path, line: lineNumber, length: position - lineStart, ended: false)
  }

  /// A line too long to be one Recall wrote: refused where it starts, with its length.
  static func overlong(path: String, line: Int, length: Int, ended: Bool) -> ProgressError {
    .malformed(
      SourceLocation(file: path, line: line, column: 1),
      "this line is \(Self.grouped(length)) bytes long\(ended ? "" : " and never ends"); "
        + "progress lines are at most \(ProgressFormat.maximumLineLength >> 20) MiB (Recall's "
        + "own are a few kilobytes), so the file is damaged; it is left as it is")
  }

  private static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
