import Foundation

/// The deck index: what a study session would otherwise work out from a deck file every time —
/// the checked deck with its diagnostics (section `DECK`, one file per deck file) and, for a
/// seed that can come back, the questions generated and linted for it (section `QUES`, one file
/// per deck file and seed). Both are keyed by the file's path and bytes and by Recall's build,
/// so any edit of the deck, or another Recall, misses them. A file that is missing, damaged or under another key is worked out again
/// from the YAML; nothing in it is used unless the whole file passes `IndexFile`'s checks.
///
/// A random seed (no `--seed`) never comes back, so its questions are generated and not kept;
/// the deck itself is kept either way.
public enum StudyIndex {
  static let deckTag: UInt32 = 0x4B43_4544  // "DECK"
  static let questionsTag: UInt32 = 0x5345_5551  // "QUES"

  /// The key of a deck file's index: the build, the path (every location names it), the bytes,
  /// and the year, which decides the loader's "date in the future" warning.
  public static func key(build: IndexBuild, source: DeckSource) -> IndexKey {
    var key = IndexKey.Builder()
    key.add("section", text: "deck")
    build.add(to: &key)
    key.add("path", text: source.path)
    source.add(to: &key)
    key.add("year", number: UInt64(bitPattern: Int64(DeckBuilder.thisYear)))
    return key.key
  }

  /// Where the index of the deck file at `path` is kept.
  static func file(for path: String, in cache: IndexCache) -> String {
    let name = (path as NSString).lastPathComponent
    let label = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    return cache.path(label: label, slot: "deck\u{1F}" + path)
  }

  /// The deck at `path` and the hash of the bytes it is made from: from the index when it holds
  /// the deck for exactly these bytes, else read by `loader` (and then kept, when the deck loads
  /// and the file did not change while it was read). Without a cache, or with other limits than
  /// the standard ones, the file is always read.
  public static func load(
    path: String, loader: DeckLoader, cache: IndexCache?, build: IndexBuild = .current
  ) throws(DeckFileError) -> (DeckLoadResult, DeckSource?) {
    let before = DeckSource.hash(ofFileAt: path)
    guard let cache, loader.limits == .standard, let before else {
      // As `DeckSource.reading`: the source only when the file did not change while read.
      let result = try loader.load(path: path)
      guard let before, before == DeckSource.hash(ofFileAt: path) else { return (result, nil) }
      return (result, DeckSource(path: path, contentHash: before))
    }
    let source = DeckSource(path: path, contentHash: before)
    let key = key(build: build, source: source)
    let file = file(for: path, in: cache)
    if let index = cache.index(at: file, key: key),
      let decoded = index.withSection(deckTag, { try? decodeDeck($0) }), let result = decoded,
      result.deck?.path == path
    {
      return (result, source)
    }
    let result = try loader.load(path: path)
    guard before == DeckSource.hash(ofFileAt: path) else { return (result, nil) }
    if let section = encodeDeck(result) {
      cache.store(file, key: key, sections: [section])
    }
    return (result, source)
  }

  /// The deck's questions for `seed`, as `QuestionGenerator(deck:seed:).questions()` makes them:
  /// from the index when it holds them for this deck file and seed, else generated, and kept
  /// when `keep` (a seed given on the command line, or `recall decks`' fixed one, which may come
  /// back). Each seed has its own file, keyed like the deck's file and by the seed.
  public static func questions(
    deck: Deck, seed: UInt64, source: DeckSource?, cache: IndexCache?, keep: Bool,
    build: IndexBuild = .current
  ) -> [Question] {
    guard let cache, let source, source.path == deck.path else {
      return QuestionGenerator(deck: deck, seed: seed).questions()
    }
    let deckKey = key(build: build, source: source)
    var builder = IndexKey.Builder()
    builder.add("section", text: "questions")
    builder.add("deck", number: deckKey.low)
    builder.add("deck-high", number: deckKey.high)
    builder.add("seed", number: seed)
    let questionsKey = builder.key
    let name = (source.path as NSString).lastPathComponent
    let file = cache.path(
      label: (name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name) + ".questions",
      slot: "questions\u{1F}\(seed)\u{1F}" + source.path)
    if let index = cache.index(at: file, key: questionsKey),
      let decoded = index.withSection(questionsTag, { try? decodeQuestions($0) }),
      let stored = decoded, stored.seed == seed
    {
      return stored.questions
    }
    let questions = QuestionGenerator(deck: deck, seed: seed).questions()
    if keep, let section = encodeQuestions(questions, seed: seed) {
      cache.store(file, key: questionsKey, sections: [section])
    }
    return questions
  }

  // MARK: Sections

  /// The deck section for a loaded deck, or nil when it has no deck or does not read back
  /// equal to itself (then it is never kept).
  static func encodeDeck(_ result: DeckLoadResult) -> IndexFile.Section? {
    guard let deck = result.deck else { return nil }
    var writer = IndexByteWriter()
    DeckCoding.write(result, deck: deck, to: &writer)
    let again = writer.bytes.withUnsafeBytes { try? decodeDeck($0) }
    guard let again, again.deck == deck, again.diagnostics == result.diagnostics else {
      return nil
    }
    return IndexFile.Section(tag: deckTag, bytes: writer.bytes)
  }

  /// The deck read back from a section; throws unless its bytes hold exactly one deck.
  static func decodeDeck(_ bytes: UnsafeRawBufferPointer) throws -> DeckLoadResult {
    var reader = IndexByteReader(bytes)
    let result = try DeckCoding.read(&reader)
    guard reader.isAtEnd else { throw IndexByteReader.OutOfBounds() }
    return result
  }

  /// The questions section: the seed, then the questions; nil when they do not read back equal.
  static func encodeQuestions(_ questions: [Question], seed: UInt64) -> IndexFile.Section? {
    var writer = IndexByteWriter()
    writer.append(seed)
    QuestionCoding.write(questions, to: &writer)
    let again = writer.bytes.withUnsafeBytes { try? decodeQuestions($0) }
    guard let again, again.seed == seed, again.questions == questions else { return nil }
    return IndexFile.Section(tag: questionsTag, bytes: writer.bytes)
  }

  static func decodeQuestions(_ bytes: UnsafeRawBufferPointer) throws -> (
    seed: UInt64, questions: [Question]
  ) {
    var reader = IndexByteReader(bytes)
    let seed = try reader.uint64()
    let questions = try QuestionCoding.read(&reader)
    guard reader.isAtEnd else { throw IndexByteReader.OutOfBounds() }
    return (seed, questions)
  }
}
