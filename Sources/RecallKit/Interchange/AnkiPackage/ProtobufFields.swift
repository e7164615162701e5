/// Reads the few protocol-buffer messages current Anki packages hold, field by field, from the
/// wire format (https://protobuf.dev/programming-guides/encoding/): each field is a varint key
/// (number << 3 | wire type), then a varint (type 0), eight bytes (1), a varint length and
/// that many bytes (2), or four bytes (5). Unknown fields are skipped, as protobuf requires.
///
/// The messages, from Anki's `import_export.proto` and `notetypes.proto`:
/// - `PackageMetadata { Version version = 1; }`, the `meta` file;
/// - `MediaEntries { repeated MediaEntry entries = 1; }` with
///   `MediaEntry { string name = 1; uint32 size = 2; bytes sha1 = 3; }`, the `media` file;
/// - `Notetype.Config { Kind kind = 1; … }` (0 normal, 1 cloze), a note type's `config`.
struct ProtobufFields {
  enum Value {
    case varint(UInt64)
    case bytes(ArraySlice<UInt8>)
    case fixed
  }

  struct Malformed: Error {}

  private let bytes: ArraySlice<UInt8>

  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
  }

  /// Every field in order, as (number, value); throws on a truncated or impossible field.
  func fields() throws(Malformed) -> [(Int, Value)] {
    var result: [(Int, Value)] = []
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let key = try varint(&index)
      let number = Int(key >> 3)
      guard number > 0 else { throw Malformed() }
      switch key & 7 {
      case 0: result.append((number, .varint(try varint(&index))))
      case 1, 5:
        let width = key & 7 == 1 ? 8 : 4
        guard bytes.endIndex - index >= width else { throw Malformed() }
        index += width
        result.append((number, .fixed))
      case 2:
        let length = try varint(&index)
        guard length <= UInt64(bytes.endIndex - index) else { throw Malformed() }
        let end = index + Int(length)
        result.append((number, .bytes(bytes[index..<end])))
        index = end
      default: throw Malformed()
      }
    }
    return result
  }

  private func varint(_ index: inout Int) throws(Malformed) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while index < bytes.endIndex {
      let byte = bytes[index]
      index += 1
      guard shift < 64 else { throw Malformed() }
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    throw Malformed()
  }

  /// The first varint field with this number, or nil.
  func firstVarint(_ number: Int) throws(Malformed) -> UInt64? {
    for (field, value) in try fields() where field == number {
      if case .varint(let result) = value { return result }
    }
    return nil
  }

  /// The names in a `MediaEntries` message, in order: entry `i` is stored as file "i".
  static func mediaNames(_ bytes: [UInt8]) throws(Malformed) -> [String] {
    var names: [String] = []
    for (number, value) in try ProtobufFields(bytes[...]).fields() where number == 1 {
      guard case .bytes(let entry) = value else { throw Malformed() }
      var name = ""
      for (field, part) in try ProtobufFields(entry).fields() where field == 1 {
        if case .bytes(let text) = part { name = String(decoding: text, as: UTF8.self) }
      }
      names.append(name)
    }
    return names
  }
}

/// Writes the same wire format, for the messages Recall's export writes.
struct ProtobufWriter {
  private(set) var bytes: [UInt8] = []

  mutating func varint(_ number: Int, _ value: UInt64) {
    raw((UInt64(number) << 3) | 0)
    raw(value)
  }

  mutating func bytes(_ number: Int, _ value: [UInt8]) {
    raw((UInt64(number) << 3) | 2)
    raw(UInt64(value.count))
    bytes.append(contentsOf: value)
  }

  private mutating func raw(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }
}
