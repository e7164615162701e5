import Foundation

/// The JSON reader of progress files: the one JSON scanner (`JSONScanner`) with every problem
/// (bad syntax or a value of the wrong type) reported as `ProgressError.malformed` at its
/// `file:line:column`.
struct ProgressJSONScanner {
  private var core: JSONScanner
  private let file: String
  /// The byte offset where `firstLine` starts; lines are counted from there.
  private let origin: Int
  private let firstLine: Int

  init(bytes: [UInt8], range: Range<Int>? = nil, file: String, firstLine: Int = 1) {
    core = JSONScanner(bytes: bytes, range: range)
    self.file = file
    self.origin = core.index
    self.firstLine = firstLine
  }

  var index: Int { core.index }

  // MARK: Locations and errors

  func location(at offset: Int) -> SourceLocation {
    let (line, column) = core.lineAndColumn(of: offset, origin: origin, firstLine: firstLine)
    return SourceLocation(file: file, line: line, column: column)
  }

  func failure(_ message: String, at offset: Int) -> ProgressError {
    .malformed(location(at: offset), message)
  }

  /// A syntax error of the scanner, located in the file.
  private func located(_ error: JSONSyntaxError) -> ProgressError {
    failure(error.message, at: error.offset)
  }

  /// The offset of the next value, after white space: where errors about it point.
  mutating func valueOffset() -> Int { core.valueOffset() }

  /// A short name for the value that starts at the current position, for error messages.
  mutating func foundDescription() -> String { core.foundDescription() }

  // MARK: Structure

  /// Fails unless only white space is left.
  mutating func expectEnd() throws(ProgressError) {
    do { return try core.expectEnd() } catch { throw located(error) }
  }

  mutating func beginObject(_ what: String) throws(ProgressError) {
    do { return try core.beginObject(what) } catch { throw located(error) }
  }

  /// The next key of the current object and its offset, or nil after the closing brace.
  mutating func nextKey() throws(ProgressError) -> (key: String, offset: Int)? {
    do { return try core.nextKey() } catch { throw located(error) }
  }

  mutating func beginArray(_ what: String) throws(ProgressError) {
    do { return try core.beginArray(what) } catch { throw located(error) }
  }

  /// Whether another element follows in the current array.
  mutating func nextElement() throws(ProgressError) -> Bool {
    do { return try core.nextElement() } catch { throw located(error) }
  }

  /// Skips any value, checking its syntax.
  mutating func skipValue() throws(ProgressError) {
    do { return try core.skipValue() } catch { throw located(error) }
  }

  // MARK: Scalars

  /// Consumes `null` if it comes next.
  mutating func consumeNull() -> Bool { core.consumeNull() }

  mutating func bool(_ what: String) throws(ProgressError) -> Bool {
    do { return try core.bool(what) } catch { throw located(error) }
  }

  mutating func string(_ what: String) throws(ProgressError) -> String {
    do { return try core.string(what) } catch { throw located(error) }
  }

  mutating func double(_ what: String) throws(ProgressError) -> Double {
    do { return try core.double(what) } catch { throw located(error) }
  }

  mutating func int(_ what: String) throws(ProgressError) -> Int {
    do { return try core.int(what) } catch { throw located(error) }
  }

  /// A whole number within `range`, so that arithmetic on it later cannot overflow.
  mutating func int(_ what: String, in range: ClosedRange<Int>) throws(ProgressError) -> Int {
    let start = valueOffset()
    let value = try int(what)
    guard range.contains(value) else {
      throw failure(
        "\(value) is out of range for \(what) (\(range.lowerBound) to \(range.upperBound))",
        at: start)
    }
    return value
  }

  /// Reads a string holding a time. Times never need escapes, so the common case parses the
  /// bytes in place; the text comes back only for the error message.
  mutating func timestamp(_ what: String) throws(ProgressError) -> Result<Date, ProgressTextError> {
    let start = core.valueOffset()
    let bytes = core.bytes
    let end = core.end
    if start < end, bytes[start] == UInt8(ascii: "\"") {
      var close = start + 1
      while close < end, bytes[close] != UInt8(ascii: "\""), bytes[close] != UInt8(ascii: "\\"),
        bytes[close] >= 0x20
      {
        close += 1
      }
      if close < end, bytes[close] == UInt8(ascii: "\"") {
        let range = (start + 1)..<close
        let date = bytes.withUnsafeBufferPointer {
          ProgressTimestamp.parse(UnsafeBufferPointer(rebasing: $0[range]))
        }
        if let date {
          core.index = close + 1
          return .success(date)
        }
      }
    }
    let text = try string(what)
    return ProgressTimestamp.parse(text).map { .success($0) }
      ?? .failure(ProgressTextError(text: text))
  }
}

/// The text of a string value that did not mean what it had to, for an error message.
struct ProgressTextError: Error {
  var text: String
}
