/// XXH64, the 64-bit xxHash: a fast, well-mixed checksum of bytes, used to key the index by the
/// content of its sources and to check the index file itself. Not a defence against someone
/// crafting collisions on purpose: the index only ever saves time, and a deliberate collision
/// gains nothing a user could not get by editing their own files.
///
/// Written from the published algorithm; `IndexHashTests` checks it against `xxhsum -H1`.
public enum IndexHash {
  static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
  static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

  /// The hash of `bytes` with `seed`.
  public static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return finish(seed &+ prime5, count: 0) }
    var offset = 0
    var hash: UInt64
    if count >= 32 {
      var v1 = seed &+ prime1 &+ prime2
      var v2 = seed &+ prime2
      var v3 = seed
      var v4 = seed &- prime1
      while offset + 32 <= count {
        v1 = round(v1, load64(base, offset))
        v2 = round(v2, load64(base, offset + 8))
        v3 = round(v3, load64(base, offset + 16))
        v4 = round(v4, load64(base, offset + 24))
        offset += 32
      }
      hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
      hash = merge(hash, v1)
      hash = merge(hash, v2)
      hash = merge(hash, v3)
      hash = merge(hash, v4)
    } else {
      hash = seed &+ prime5
    }
    hash &+= UInt64(count)
    while offset + 8 <= count {
      hash ^= round(0, load64(base, offset))
      hash = rotate(hash, 27) &* prime1 &+ prime4
      offset += 8
    }
    if offset + 4 <= count {
      hash ^= UInt64(load32(base, offset)) &* prime1
      hash = rotate(hash, 23) &* prime2 &+ prime3
      offset += 4
    }
    while offset < count {
      hash ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
      hash = rotate(hash, 11) &* prime1
      offset += 1
    }
    return avalanche(hash)
  }

  /// The hash of a byte array.
  public static func xxh64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
    bytes.withUnsafeBytes { xxh64($0, seed: seed) }
  }

  private static func finish(_ hash: UInt64, count: Int) -> UInt64 {
    avalanche(hash &+ UInt64(count))
  }

  @inline(__always) private static func load64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  @inline(__always) private static func load32(_ base: UnsafeRawPointer, _ offset: Int) -> UInt32 {
    UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  @inline(__always) private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
    (value << bits) | (value >> (64 - bits))
  }

  @inline(__always) private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
    rotate(accumulator &+ input &* prime2, 31) &* prime1
  }

  @inline(__always) private static func merge(_ hash: UInt64, _ value: UInt64) -> UInt64 {
    (hash ^ round(0, value)) &* prime1 &+ prime4
  }

  @inline(__always) private static func avalanche(_ value: UInt64) -> UInt64 {
    var hash = value
    hash ^= hash >> 33
    hash &*= prime2
    hash ^= hash >> 29
    hash &*= prime3
    hash ^= hash >> 32
    return hash
  }
}

/// The key of an index: what its contents were derived from, hashed. Every part is written with
/// its length first, so ("ab", "c") and ("a", "bc") give different keys.
public struct IndexKey: Hashable, Sendable, CustomStringConvertible {
  public var low: UInt64
  public var high: UInt64

  public init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }

  public var description: String {
    String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
  }

  /// Builds a key from labelled parts, in order.
  public struct Builder: Sendable {
    var material: [UInt8] = []

    public init() {}

    /// Adds a part: its label, then the hash of its bytes (the bytes themselves may be large).
    public mutating func add(_ label: String, bytes: UnsafeRawBufferPointer) {
      addLabel(label)
      append(UInt64(bytes.count))
      append(IndexHash.xxh64(bytes, seed: 0))
      append(IndexHash.xxh64(bytes, seed: 0x5EED))
    }

    public mutating func add(_ label: String, bytes: [UInt8]) {
      bytes.withUnsafeBytes { add(label, bytes: $0) }
    }

    public mutating func add(_ label: String, text: String) {
      add(label, bytes: Array(text.utf8))
    }

    public mutating func add(_ label: String, number: UInt64) {
      addLabel(label)
      append(number)
    }

    private mutating func addLabel(_ label: String) {
      append(UInt64(label.utf8.count))
      material += label.utf8
    }

    private mutating func append(_ value: UInt64) {
      withUnsafeBytes(of: value.littleEndian) { material += $0 }
    }

    public var key: IndexKey {
      IndexKey(low: IndexHash.xxh64(material, seed: 0), high: IndexHash.xxh64(material, seed: 1))
    }
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
