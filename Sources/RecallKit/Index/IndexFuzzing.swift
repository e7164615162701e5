/// The index reader's entry for the fuzz target (`scripts/fuzz index`): any bytes, read as an
/// index file under the key its own header names (so the fuzzer gets past the key check), then
/// the grading section decoded. Damage must be refused, never crash, and a table that is read
/// must survive being written and read again unchanged.
@_spi(Fuzzing) public enum IndexFuzzing {
  public static func read(_ bytes: [UInt8]) {
    var key = IndexKey(low: 0, high: 0)
    if bytes.count >= 32 {
      bytes.withUnsafeBytes { raw in
        key.low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        key.high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
      }
    }
    guard let index = try? MappedIndex(bytes: bytes, key: key),
      let decoded = index.withSection(GradingIndex.tag, { try? GradingIndex.decode($0) }),
      let table = decoded
    else { return }
    let again = GradingIndex.encode(table).bytes.withUnsafeBytes { try? GradingIndex.decode($0) }
    guard let again, again.extra == table.extra, again.titleWords == table.titleWords else {
      fatalError("a grading table read from an index does not read back the same")
    }
  }
}
