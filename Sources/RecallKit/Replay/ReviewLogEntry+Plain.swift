import Foundation

extension ReviewLogEntry {
  /// Reads a line in the plain form nearly every log uses, or returns nil for anything else,
  /// which `parseLocated` then reads (and locates its errors).
  ///
  /// Plain means: one object whose keys are written without escapes; `card`, `time` and
  /// `rating` each once; strings of printable ASCII without escapes; the rating a lowercase
  /// name or a single digit; any other key holding such a string. Every line read here gives
  /// the entry `parseLocated` gives; this only skips its general JSON reader, which costs
  /// most of the time `recall schedule optimize` spends on a log.
  static func parsePlain(_ line: UnsafeBufferPointer<UInt8>) -> ReviewLogEntry? {
    var index = 0
    let end = line.count
    @inline(__always)
    func skipWhitespace() {
      while index < end {
        switch line[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }
    @inline(__always)
    func consume(_ byte: UInt8) -> Bool {
      skipWhitespace()
      guard index < end, line[index] == byte else { return false }
      index += 1
      return true
    }
    /// The range of a string's bytes, when they are all printable ASCII other than `\`.
    @inline(__always)
    func plainString() -> Range<Int>? {
      guard consume(UInt8(ascii: "\"")) else { return nil }
      let start = index
      while index < end {
        let byte = line[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          return start..<(index - 1)
        }
        guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
        index += 1
      }
      return nil
    }
    @inline(__always)
    func equals(_ range: Range<Int>, _ word: StaticString) -> Bool {
      guard range.count == word.utf8CodeUnitCount else { return false }
      return word.withUTF8Buffer { buffer in
        var offset = 0
        while offset < buffer.count {
          if line[range.lowerBound + offset] != buffer[offset] { return false }
          offset += 1
        }
        return true
      }
    }

    guard consume(UInt8(ascii: "{")) else { return nil }
    var card: String?
    var time: Date?
    var rating: Rating?
    var first = true
    while true {
      if consume(UInt8(ascii: "}")) { break }
      if !first && !consume(UInt8(ascii: ",")) { return nil }
      first = false
      guard let key = plainString(), consume(UInt8(ascii: ":")) else { return nil }
      if equals(key, "rating") {
        guard rating == nil else { return nil }
        skipWhitespace()
        guard index < end else { return nil }
        let byte = line[index]
        if (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(byte) {
          index += 1
          // A longer number (3.0, 31, 3e0) is left to the general reader.
          if index < end, !Self.endsPlainNumber(line[index]) { return nil }
          rating = Rating(rawValue: Int(byte - UInt8(ascii: "0")))
        } else {
          guard let value = plainString() else { return nil }
          if equals(value, "again") {
            rating = .again
          } else if equals(value, "hard") {
            rating = .hard
          } else if equals(value, "good") {
            rating = .good
          } else if equals(value, "easy") {
            rating = .easy
          } else {
            return nil
          }
        }
        continue
      }
      guard let value = plainString() else { return nil }
      if equals(key, "card") {
        guard card == nil, !value.isEmpty else { return nil }
        card = String(decoding: UnsafeBufferPointer(rebasing: line[value]), as: UTF8.self)
      } else if equals(key, "time") {
        guard time == nil,
          let moment = UTCTimestamp.parse(bytes: UnsafeBufferPointer(rebasing: line[value]))
        else { return nil }
        time = moment
      }
    }
    skipWhitespace()
    guard index == end, let card, let time, let rating else { return nil }
    return ReviewLogEntry(card: card, time: time, rating: rating)
  }

  /// The bytes that may follow a number in JSON.
  private static func endsPlainNumber(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}"): true
    default: false
    }
  }
}
