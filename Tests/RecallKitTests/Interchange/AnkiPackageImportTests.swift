import Foundation
import RecallTestSupport
import Testing
import ZIPFoundation

@testable import RecallKit

/// Imports the packages scripts/anki-fixtures.py built in Anki's own backend, and packages
/// damaged on purpose.
@Suite struct AnkiPackageImportTests {
  struct ExpectedCard: Decodable {
    var guid: String
    var notetype: String
    var ord: Int
    var type: Int
    var queue: Int
    var due: Int64
    var mod: Int64
    var reviews: Int
  }

  struct Expected: Decodable {
    var created: Int64
    var cards: [ExpectedCard]
  }

  static func expected() throws -> Expected {
    try JSONDecoder().decode(Expected.self, from: Repository.fixtureData("anki/expected.json"))
  }

  static func importFixture(_ name: String) throws -> AnkiPackageImport {
    let path = try Repository.fixture("anki/\(name)").path
    return AnkiPackageImporter(options: ImportOptions(format: .apkg, deckID: "kosovo"))
      .importPackage(path: path)
  }

  @Test(arguments: ["current.apkg", "legacy.apkg"])
  func notesOfEveryStandardTypeBecomeCards(_ name: String) throws {
    let imported = try Self.importFixture(name)
    let deck = try #require(imported.result.deck, "\(imported.result.diagnostics)")
    #expect(deck.title == "Kosovo War")
    let prompts = deck.cards.map { card in
      card.cloze.map { $0.before + "[[" + $0.key + "]]" + $0.after } ?? card.prompt
    }
    #expect(
      prompts == [
        "Who led Brigade 141?", "Mazhiq", "a village in Bajgora",
        "In which year was the offensive?", "KLA", "Kosovo Liberation Army",
        "The KLA appeared in [[Zaberegje]] in 1998.", "The KLA appeared in Zaberegje in [[1998]].",
        "Which map is this?",
      ])
    #expect(deck.cards[0].answers == ["Rexhep Selimi & others"])
    #expect(deck.cards[0].tags == ["bajgora", "people"])
    #expect(deck.cards[2].answers == ["Mazhiq"])
    #expect(deck.cards[6].explanation == "Its first public appearance.")
    #expect(deck.cards[8].answers == ["Bajgora"])
    // Ids come from the GUIDs: the same in both package versions and on every import.
    let expected = try Self.expected()
    let basicGUID = try #require(expected.cards.first { $0.notetype == "Basic" }?.guid)
    #expect(deck.cards[0].id == ItemIdentifiers().claimed(basicGUID))
    #expect(deck.cards[2].id.hasSuffix("-reverse") || deck.cards[2].id.contains("reverse"))
    let messages = imported.result.diagnostics.map(\.message)
    #expect(
      messages.contains {
        $0.contains("1 note of the note type 'Vocabulary (Recall test)' skipped")
      })
    #expect(
      messages.contains {
        $0.contains("2 media files ('bajgora-map.png', 'bajgora.mp3')")
      })
    #expect(!imported.result.diagnostics.hasErrors)
  }

  @Test func bothVersionsGiveTheSameDeck() throws {
    let current = try #require(try Self.importFixture("current.apkg").result.deck)
    let legacy = try #require(try Self.importFixture("legacy.apkg").result.deck)
    #expect(current.cards.map(\.id) == legacy.cards.map(\.id))
    #expect(current.cards.map(\.answers) == legacy.cards.map(\.answers))
  }

  @Test(arguments: ["current.apkg", "legacy.apkg"])
  func historyKeepsAnkisDueDatesAndReviews(_ name: String) throws {
    let imported = try Self.importFixture(name)
    let history = AnkiHistoryImport(imported)
    let expected = try Self.expected()
    let collection = try #require(imported.collection)
    var reviewed = 0
    for card in collection.cards {
      guard let id = imported.cardIDs[card.id] else { continue }
      let anki = try #require(
        expected.cards.first {
          $0.guid == collection.notes.first { $0.id == card.noteID }?.guid && $0.ord == card.ordinal
        })
      if anki.type == 0 {
        #expect(history.states[id] == nil)
        continue
      }
      reviewed += anki.reviews
      let state = try #require(history.states[id])
      // Learning cards count in seconds, also when buried or suspended; the rest in days.
      let due =
        anki.queue == 1 || (anki.type != 2 && anki.due > 1_000_000_000)
        ? Date(timeIntervalSince1970: Double(anki.due))
        : Date(timeIntervalSince1970: Double(expected.created + anki.due * 86_400))
      #expect(state.due == due, "\(id)")
      #expect(state.phase == (anki.type == 2 ? .review : .learning))
      #expect(state.stability != nil && state.difficulty != nil)
    }
    #expect(reviewed > 0)
    #expect(history.reviews.count == reviewed)
    #expect(history.reviews.map(\.reviewedAt) == history.reviews.map(\.reviewedAt).sorted())
  }

  /// The Recall id of each fixture card with this Anki queue.
  static func ids(queue: Int, in imported: AnkiPackageImport, expected: Expected) throws
    -> [(id: String, card: ExpectedCard)]
  {
    let collection = try #require(imported.collection)
    return collection.cards.compactMap { card in
      guard let id = imported.cardIDs[card.id],
        let guid = collection.notes.first(where: { $0.id == card.noteID })?.guid,
        let anki = expected.cards.first(where: { $0.guid == guid && $0.ord == card.ordinal }),
        anki.queue == queue
      else { return nil }
      return (id, anki)
    }
  }

  @Test(arguments: ["current.apkg", "legacy.apkg"])
  func suspendedAndBuriedCardsStaySo(_ name: String) throws {
    let imported = try Self.importFixture(name)
    let expected = try Self.expected()
    let suspended = try Self.ids(queue: -1, in: imported, expected: expected)
    let buried = try Self.ids(queue: -3, in: imported, expected: expected)
    // The fixture suspends a new card and a review card, and buries a learning card.
    #expect(suspended.map(\.card.type).sorted() == [0, 2])
    #expect(buried.map(\.card.type) == [1])
    let utc = try #require(TimeZone(identifier: "UTC"))
    let buriedAt = Date(timeIntervalSince1970: Double(buried[0].card.mod))
    let history = AnkiHistoryImport(imported, now: buriedAt + 60, timeZone: utc)
    #expect(history.suspended == Set(suspended.map(\.id)))
    let endOfDay = StudyDay(containing: buriedAt, timeZone: utc).end
    #expect(history.buried == [buried[0].id: endOfDay])
    // The new suspended card stays new; the others keep their states.
    let newID = try #require(suspended.first { $0.card.type == 0 }?.id)
    #expect(history.states[newID] == nil)
    #expect(history.states[buried[0].id]?.phase == .learning)

    // Anki unburies at its next day rollover: a day later the bury is over.
    let later = AnkiHistoryImport(imported, now: endOfDay + 1, timeZone: utc)
    #expect(later.buried.isEmpty)
    #expect(later.suspended == history.suspended)
  }

  @Test func theMarksAreWrittenWithTheHistory() throws {
    let imported = try Self.importFixture("current.apkg")
    let expected = try Self.expected()
    let buried = try Self.ids(queue: -3, in: imported, expected: expected)
    let utc = try #require(TimeZone(identifier: "UTC"))
    let now = Date(timeIntervalSince1970: Double(buried[0].card.mod) + 60)
    let history = AnkiHistoryImport(imported, now: now, timeZone: utc)
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let library = ProgressLibrary(directory: folder.path)
    try history.write(deckID: "kosovo", to: library, replacing: false)

    let store = try library.openReadOnly(deckID: "kosovo")
    #expect(Set(store.suspendedCards) == history.suspended)
    for id in history.suspended {
      #expect(store.marks(for: id).hidesCard(at: now))
    }
    let buriedMarks = store.marks(for: buried[0].id)
    #expect(buriedMarks.buriedUntil == StudyDay(containing: now, timeZone: utc).end)
    #expect(!buriedMarks.suspended)
    #expect(store.states.count == history.states.count)
    // Folded into the snapshot: the journal is empty again.
    let snapshot = try String(
      contentsOf: folder.appendingPathComponent("kosovo.json"), encoding: .utf8)
    #expect(snapshot.contains("\"buriedUntil\": \"") && snapshot.contains("\"suspended\": true"))
  }

  @Test func damagedNumbersInACardStayInRange() throws {
    for due in [Int64.max, Int64.min, 9_000_000_000_000] {
      for queue in [2, 1, -1] {
        let card = AnkiCollection.Card(
          id: 1, noteID: 1, deckID: 1, ordinal: 0, type: queue == 1 ? 1 : 2, queue: queue,
          due: due, interval: .max, stepsLeft: 0)
        let state = AnkiHistoryImport.currentState(card, replayed: nil, created: .max)
        #expect(try ProgressFormat.validated(state).get() == state)
      }
    }
  }

  // MARK: Archives that are not good packages

  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-anki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func failure(_ path: String, limit: Int = AnkiPackageArchive.maximumUnpackedSize)
    -> AnkiPackageError?
  {
    do {
      let archive = try AnkiPackageArchive(path: path, limit: limit)
      _ = try AnkiCollection(bytes: archive.collection)
      return nil
    } catch {
      return error
    }
  }

  static func zip(_ entries: [(String, [UInt8])], at url: URL) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for (name, bytes) in entries {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(bytes.count),
        compressionMethod: .deflate
      ) { position, size in
        Data(bytes[Int(position)..<Int(position) + size])
      }
    }
  }

  @Test func aFileThatIsNotZipIsRefused() throws {
    let url = try Self.scratch().appendingPathComponent("notes.apkg")
    try Data("Front\tBack\n".utf8).write(to: url)
    #expect(Self.failure(url.path) == .notZip)
  }

  @Test func aTruncatedPackageIsDamaged() throws {
    let bytes = try Repository.fixtureData("anki/current.apkg")
    let url = try Self.scratch().appendingPathComponent("cut.apkg")
    try bytes.prefix(bytes.count / 2).write(to: url)
    guard case .damagedArchive = Self.failure(url.path) else {
      Issue.record("expected a damaged archive, got \(String(describing: Self.failure(url.path)))")
      return
    }
  }

  @Test func aPasswordProtectedArchiveIsNamedSo() throws {
    var bytes = try Repository.fixtureData("anki/legacy.apkg")
    bytes[bytes.startIndex + 6] |= 1
    let url = try Self.scratch().appendingPathComponent("locked.apkg")
    try bytes.write(to: url)
    #expect(Self.failure(url.path) == .encrypted)
  }

  @Test func aZipWithoutACollectionIsNotAnki() throws {
    let url = try Self.scratch().appendingPathComponent("photos.apkg")
    try Self.zip([("readme.txt", Array("hello".utf8))], at: url)
    #expect(Self.failure(url.path) == .notAnki(entries: ["readme.txt"]))
  }

  @Test func aCollectionThatIsNotSQLiteIsDamaged() throws {
    let url = try Self.scratch().appendingPathComponent("junk.apkg")
    try Self.zip([("collection.anki2", Array(repeating: 7, count: 4096))], at: url)
    guard case .damagedCollection = Self.failure(url.path) else {
      Issue.record("expected a damaged collection")
      return
    }
  }

  @Test func unpackingStopsAtTheLimit() throws {
    let folder = try Self.scratch()
    let zipBomb = folder.appendingPathComponent("bomb.apkg")
    try Self.zip([("collection.anki2", Array(repeating: 0, count: 1 << 20))], at: zipBomb)
    #expect(
      Self.failure(zipBomb.path, limit: 64 << 10)
        == .tooLarge(entry: "collection.anki2", limit: 64 << 10))
    // The same inside zstd: a small frame that unpacks past the limit.
    let zstdBomb = folder.appendingPathComponent("bomb21b.apkg")
    try Self.zip(
      [("collection.anki21b", Zstd.compress(Array(repeating: 0, count: 1 << 20)))], at: zstdBomb)
    #expect(
      Self.failure(zstdBomb.path, limit: 64 << 10)
        == .tooLarge(entry: "collection.anki21b", limit: 64 << 10))
  }

  @Test func zstdRoundTripsAndRefusesDamage() throws {
    let text = Array(String(repeating: "Bajgora 1998 ", count: 1000).utf8)
    let packed = Zstd.compress(text)
    #expect(packed.count < text.count / 10)
    #expect(try Zstd.decompress(packed, limit: 1 << 20) == text)
    #expect(throws: Zstd.Failure.self) {
      try Zstd.decompress(Array(packed.prefix(packed.count - 4)), limit: 1 << 20)
    }
    #expect(throws: Zstd.Failure.self) {
      try Zstd.decompress([0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3], limit: 1 << 20)
    }
  }

  @Test func mediaEntriesReadFromTheWireFormat() throws {
    var first = ProtobufWriter()
    first.bytes(1, Array("map.png".utf8))
    first.varint(2, 1234)
    var second = ProtobufWriter()
    second.bytes(1, Array("song.mp3".utf8))
    second.bytes(3, [UInt8](repeating: 9, count: 20))
    var entries = ProtobufWriter()
    entries.bytes(1, first.bytes)
    entries.bytes(1, second.bytes)
    #expect(try ProtobufFields.mediaNames(entries.bytes) == ["map.png", "song.mp3"])
    #expect(throws: ProtobufFields.Malformed.self) {
      try ProtobufFields.mediaNames(Array(entries.bytes.dropLast()))
    }
  }

  @Test func stockNoteTypeNamesWithAnkisSuffixMatch() {
    #expect(AnkiNoteKind.matches("Basic", stockName: "Basic"))
    #expect(AnkiNoteKind.matches("Basic-a1b2c", stockName: "Basic"))
    #expect(!AnkiNoteKind.matches("Basic vocabulary", stockName: "Basic"))
    #expect(!AnkiNoteKind.matches("Basic (and reversed card)", stockName: "Basic"))
  }

  @Test func mediaReferencesAreFound() {
    #expect(
      AnkiMedia.references(in: #"<img src="a b.png"> and <IMG class=x src='c.jpg'> [sound:d.mp3]"#)
        .sorted() == ["a b.png", "c.jpg", "d.mp3"])
    #expect(AnkiMedia.removingSounds("Bajgora [sound:x.mp3] village") == "Bajgora  village")
  }
}

extension ItemIdentifiers {
  /// The id a fresh importer gives a GUID.
  func claimed(_ guid: String) -> String {
    var copy = self
    return copy.claim(preferred: guid, fallback: "")
  }
}
