/// The index reader's entry for the fuzz target (`scripts/fuzz index`): any bytes, read as an
/// index file under the key its own header names (so the fuzzer gets past the key check), then
/// every section it knows decoded — the grading table, the deck and the questions. Damage must
/// be refused, never crash, and what is read must survive being written and read again
/// unchanged.
@_spi(Fuzzing) public enum IndexFuzzing {
  public static func read(_ bytes: [UInt8]) {
    var key = IndexKey(low: 0, high: 0)
    if bytes.count >= 32 {
      bytes.withUnsafeBytes { raw in
        key.low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        key.high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
      }
    }
    guard let index = try? MappedIndex(bytes: bytes, key: key) else { return }
    if let decoded = index.withSection(GradingIndex.tag, { try? GradingIndex.decode($0) }),
      let table = decoded
    {
      let again = GradingIndex.encode(table).bytes.withUnsafeBytes {
        try? GradingIndex.decode($0)
      }
      guard let again, again.extra == table.extra, again.titleWords == table.titleWords else {
        fatalError("a grading table read from an index does not read back the same")
      }
    }
    if let decoded = index.withSection(StudyIndex.deckTag, { try? StudyIndex.decodeDeck($0) }),
      let result = decoded, let deck = result.deck
    {
      var writer = IndexByteWriter()
      DeckCoding.write(result, deck: deck, to: &writer)
      let again = writer.bytes.withUnsafeBytes { try? StudyIndex.decodeDeck($0) }
      guard let again, again.deck == deck || deck != deck,
        again.diagnostics == result.diagnostics
      else {
        fatalError("a deck read from an index does not read back the same")
      }
    }
    if let decoded = index.withSection(
      StudyIndex.questionsTag, { try? StudyIndex.decodeQuestions($0) }),
      let stored = decoded
    {
      let (seed, questions) = (stored.seed, stored.questions)
      var writer = IndexByteWriter()
      writer.append(seed)
      QuestionCoding.write(questions, to: &writer)
      let again = writer.bytes.withUnsafeBytes { try? StudyIndex.decodeQuestions($0) }
      // A NaN read from the bytes is never equal to itself; only such values may differ.
      guard let again, again.seed == seed, again.questions == questions || questions != questions
      else {
        fatalError("questions read from an index do not read back the same")
      }
    }
  }
}
