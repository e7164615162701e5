/// Little-endian numbers and length-prefixed texts, the only encodings inside an index file.
struct IndexByteWriter {
  var bytes: [UInt8] = []

  mutating func append(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  mutating func append(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  mutating func append(_ value: Double) {
    append(value.bitPattern)
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      append(UInt32(utf8.count))
      bytes += utf8
    }
  }

  mutating func append(_ texts: [String]) {
    append(UInt32(texts.count))
    for text in texts { append(text) }
  }
}

/// Reads what `IndexByteWriter` wrote, from memory it does not own (a mapped file), checking
/// every length against what is left: a damaged index throws `IndexByteReader.OutOfBounds`
/// instead of reading past its end.
struct IndexByteReader {
  struct OutOfBounds: Error {}

  let bytes: UnsafeRawBufferPointer
  private(set) var offset = 0

  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func take(_ count: Int) throws(OutOfBounds) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= bytes.count - offset else { throw OutOfBounds() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  mutating func uint32() throws(OutOfBounds) -> UInt32 {
    let raw = try take(4)
    return UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))
  }

  mutating func uint64() throws(OutOfBounds) -> UInt64 {
    let raw = try take(8)
    return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
  }

  mutating func double() throws(OutOfBounds) -> Double {
    Double(bitPattern: try uint64())
  }

  /// A count of items still to read, each at least `minimumSize` bytes: a count larger than the
  /// bytes left could hold is damage, refused before any array is reserved for it.
  mutating func count(minimumSize: Int) throws(OutOfBounds) -> Int {
    let count = Int(try uint32())
    guard count <= (bytes.count - offset) / max(1, minimumSize) else { throw OutOfBounds() }
    return count
  }

  /// A text; invalid UTF-8 is damage (the writer only writes Swift strings).
  mutating func string() throws(OutOfBounds) -> String {
    let length = Int(try uint32())
    let raw = try take(length)
    guard let text = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else {
      throw OutOfBounds()
    }
    return text
  }

  mutating func strings() throws(OutOfBounds) -> [String] {
    let count = try count(minimumSize: 4)
    var result: [String] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(try string()) }
    return result
  }
}

extension IndexByteWriter {
  mutating func append(byte: UInt8) {
    bytes.append(byte)
  }

  mutating func append(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  mutating func append(int value: Int) {
    append(UInt64(bitPattern: Int64(value)))
  }

  /// A flag byte, then the value when there is one.
  mutating func append<Value>(
    optional value: Value?, _ write: (inout IndexByteWriter, Value) -> Void
  ) {
    guard let value else { return append(false) }
    append(true)
    write(&self, value)
  }

  mutating func append(optional text: String?) {
    append(optional: text) { $0.append($1) }
  }

  mutating func append(optional texts: [String]?) {
    append(optional: texts) { $0.append($1) }
  }
}

extension IndexByteReader {
  mutating func byte() throws(OutOfBounds) -> UInt8 {
    try take(1).load(as: UInt8.self)
  }

  /// A flag: 0 or 1, anything else is damage.
  mutating func bool() throws(OutOfBounds) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw OutOfBounds()
    }
  }

  mutating func int() throws(OutOfBounds) -> Int {
    Int(Int64(bitPattern: try uint64()))
  }

  /// A value written by `append(optional:_:)`.
  mutating func optional<Value>(_ read: (inout IndexByteReader) throws -> Value) throws -> Value? {
    try bool() ? try read(&self) : nil
  }

  mutating func optionalString() throws -> String? {
    try optional { try $0.string() }
  }

  /// A value of an enumeration stored by its raw text.
  mutating func raw<Value: RawRepresentable>(_: Value.Type) throws -> Value
  where Value.RawValue == String {
    guard let value = Value(rawValue: try string()) else { throw OutOfBounds() }
    return value
  }

  /// `count` items, each read by `read`, each at least `minimumSize` bytes.
  mutating func array<Value>(minimumSize: Int, _ read: (inout IndexByteReader) throws -> Value)
    throws -> [Value]
  {
    let count = try count(minimumSize: minimumSize)
    var result: [Value] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(try read(&self)) }
    return result
  }
}
