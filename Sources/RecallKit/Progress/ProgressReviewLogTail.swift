import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The two ends of the review log: its header (to refuse a newer schema) and its last complete
/// line (to know which entries it already holds), read without parsing the lines between.
struct ProgressReviewLogTail {
  var lastSequence: Int
  /// When the last entry was written (its `at`); nil when the log holds only its header.
  var lastTime: Date? = nil
  var validLength: Int
  var totalLength: Int

  var hasTornTail: Bool { totalLength > validLength }

  /// Checks the log's header only (its schema, and that it names `expectedDeck`), so that a
  /// store refuses another deck's log when it opens rather than when it first compacts.
  static func checkHeader(path: String, expectedDeck: String) throws(ProgressError) {
    guard let (descriptor, size) = try ProgressFileSystem.openForReading(path) else { return }
    defer { ProgressFileSystem.closeDescriptor(descriptor) }
    _ = try readHeader(descriptor, path: path, size: size, expectedDeck: expectedDeck)
  }

  /// Reads and checks the first line; false when the file holds no complete line.
  private static func readHeader(
    _ descriptor: Int32, path: String, size: Int, expectedDeck: String?
  ) throws(ProgressError) -> Bool {
    var head: [UInt8] = []
    var headerEnd: Int?
    while headerEnd == nil, head.count < size {
      let chunk = try ProgressFileSystem.readBytes(
        descriptor, path: path, offset: head.count, count: min(1 << 16, size - head.count))
      if chunk.isEmpty { break }
      head += chunk
      headerEnd = head.firstIndex(of: UInt8(ascii: "\n"))
    }
    guard let headerEnd else { return false }
    var headerScanner = ProgressJSONScanner(bytes: head, range: 0..<headerEnd, file: path)
    _ = try ProgressLogFile.readHeader(
      &headerScanner, kind: .reviews, expectedDeck: expectedDeck)
    return true
  }

  /// Nil when the log does not exist or holds no complete line. A header naming a deck other
  /// than `expectedDeck` is refused.
  static func read(path: String, expectedDeck: String? = nil) throws(ProgressError)
    -> ProgressReviewLogTail?
  {
    guard let (descriptor, size) = try ProgressFileSystem.openForReading(path) else { return nil }
    defer { ProgressFileSystem.closeDescriptor(descriptor) }

    guard
      try readHeader(descriptor, path: path, size: size, expectedDeck: expectedDeck)
    else { return nil }

    // The last complete line; a blank or bad one sends the reading to the start of the file.
    var last: ProgressLogEntry?
    var unreadable = false
    let walked = try walkLinesBackwards(descriptor, size: size, path: path) {
      bytes, line, isFirstLine in
      guard !isFirstLine else { return false }
      var scanner = ProgressJSONScanner(bytes: bytes, range: line, file: path)
      if let entry = try? ProgressLogEntry.read(&scanner), (try? scanner.expectEnd()) != nil {
        last = entry
      } else {
        unreadable = true
      }
      return false
    }
    guard let validLength = walked else { return nil }
    if unreadable {
      // Read the whole log (streamed), which skips blank lines and reports a bad one at its
      // real line number.
      var lastTime: Date?
      guard
        let log = try ProgressLogFile.stream(
          path: path, kind: .reviews, expectedDeck: expectedDeck, { lastTime = $0.time })
      else { return nil }
      return ProgressReviewLogTail(
        lastSequence: log.lastSequence, lastTime: lastTime, validLength: validLength,
        totalLength: size)
    }
    return ProgressReviewLogTail(
      lastSequence: last?.sequence ?? 0, lastTime: last?.time, validLength: validLength,
      totalLength: size)
  }
}

extension ProgressReviewLogTail {
  /// The log's entries written at or after `date`, oldest first, read from the end of the file
  /// in growing chunks: a second session on the same day needs that day's answers, not years of
  /// them. Entries are appended as they happen, so the first older one ends the search. Nil
  /// when a line among them does not read; the caller then reads the log from the start,
  /// which reports the fault at its line.
  static func entries(since date: Date, path: String, chunkSize: Int = 1 << 16)
    throws(ProgressError) -> [ProgressLogEntry]?
  {
    guard let (descriptor, size) = try ProgressFileSystem.openForReading(path) else { return [] }
    defer { ProgressFileSystem.closeDescriptor(descriptor) }
    var newestFirst: [ProgressLogEntry] = []
    var unreadable = false
    _ = try walkLinesBackwards(descriptor, size: size, path: path, chunkSize: chunkSize) {
      bytes, line, isFirstLine in
      guard !isFirstLine else { return false }  // the header: every entry has been seen
      if bytes[line].allSatisfy(ProgressLogFile.isWhitespace) { return true }
      var scanner = ProgressJSONScanner(bytes: bytes, range: line, file: path)
      guard let entry = try? ProgressLogEntry.read(&scanner), (try? scanner.expectEnd()) != nil
      else {
        unreadable = true
        return false
      }
      guard entry.time >= date else { return false }
      newestFirst.append(entry)
      return true
    }
    return unreadable ? nil : newestFirst.reversed()
  }

  /// Walks the file's complete lines from the last back to the first, reading growing chunks
  /// from the end, so the cost follows how far back the caller looks, not the file's size.
  /// `body` gets the chunk, the line's range in it (without the newline) and whether it is the
  /// file's first line, and returns whether to go on. Bytes after the last newline (a torn
  /// line) are never passed. Returns the length up to and including the last newline, or nil
  /// when the file has no complete line. A line or torn tail longer than
  /// `ProgressFormat.maximumLineLength` is refused (with its line number, found by reading
  /// from the start), so the chunks never grow past a few times that.
  static func walkLinesBackwards(
    _ descriptor: Int32, size: Int, path: String, chunkSize firstChunk: Int = 1 << 16,
    _ body: ([UInt8], Range<Int>, Bool) throws(ProgressError) -> Bool
  ) throws(ProgressError) -> Int? {
    let newline = UInt8(ascii: "\n")
    var chunkSize = max(1, firstChunk)
    // The absolute offset of the newline that ends the next line to visit.
    var nextLineEnd: Int?
    var validLength: Int?
    while true {
      let start = max(0, size - chunkSize)
      let bytes = try ProgressFileSystem.readBytes(
        descriptor, path: path, offset: start, count: size - start)
      if nextLineEnd == nil, let last = bytes.lastIndex(of: newline) {
        nextLineEnd = start + last
        validLength = start + last + 1
        if size - (start + last + 1) > ProgressFormat.maximumLineLength {
          throw ProgressLogFile.overlongLine(descriptor, path: path, from: 0, line: 1)
        }
      }
      guard var lineEnd = nextLineEnd.map({ $0 - start }) else {
        if start == 0 { return nil }
        // A torn tail is one interrupted append, never this long: report it, from the start.
        if bytes.count > ProgressFormat.maximumLineLength {
          throw ProgressLogFile.overlongLine(descriptor, path: path, from: 0, line: 1)
        }
        chunkSize *= 4
        continue
      }
      while true {
        let lineStart: Int
        if let before = bytes[..<lineEnd].lastIndex(of: newline) {
          lineStart = before + 1
        } else if start == 0 {
          lineStart = 0
        } else if lineEnd > ProgressFormat.maximumLineLength {
          // Looking further back would hold the whole line: find and report it from the start.
          throw ProgressLogFile.overlongLine(descriptor, path: path, from: 0, line: 1)
        } else {
          break  // the line begins before this chunk
        }
        let isFirstLine = start + lineStart == 0
        guard try body(bytes, lineStart..<lineEnd, isFirstLine), !isFirstLine else {
          return validLength
        }
        lineEnd = lineStart - 1
        nextLineEnd = start + lineEnd
      }
      chunkSize *= 4
    }
  }
}
