import Foundation

/// What Recall reads from an Anki collection database: note types, deck names, notes, cards
/// and the review log. Both schemas are read: 11 (legacy packages; note types and decks are
/// JSON in the `col` row) and 18 (current ones; `notetypes`, `fields` and `decks` tables).
struct AnkiCollection {
  struct NoteType {
    var id: Int64
    var name: String
    /// Anki's kind: cloze note types make one card per deletion number.
    var isCloze: Bool
    var fieldNames: [String]
  }

  struct Note {
    var id: Int64
    var guid: String
    var noteTypeID: Int64
    var tags: [String]
    var fields: [String]
  }

  struct Card {
    var id: Int64
    var noteID: Int64
    /// The deck it belongs to (its home deck while it sits in a filtered deck).
    var deckID: Int64
    /// The template (or cloze number − 1) it was made from.
    var ordinal: Int
    /// 0 new, 1 learning, 2 review, 3 relearning.
    var type: Int
    /// As `type`, or −1 suspended, −2/−3 buried.
    var queue: Int
    /// A day number (review, day learning) or epoch seconds (learning), as `queue` says.
    var due: Int64
    var interval: Int64
    /// Learning steps left (`left % 1000`).
    var stepsLeft: Int
    /// When the card last changed (seconds since 1970): for a buried card, when it was buried.
    var modified: Int64 = 0
    /// The FSRS memory state Anki keeps when FSRS is on (`data` JSON `s`, `d`).
    var stability: Double?
    var difficulty: Double?
  }

  struct Review {
    /// Milliseconds since 1970; also the row's id.
    var time: Int64
    var cardID: Int64
    /// 1 again … 4 easy; 0 for rows that are not answers (rescheduling).
    var ease: Int
    /// 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled.
    var type: Int
    var milliseconds: Int64
  }

  var noteTypes: [Int64: NoteType] = [:]
  /// Full deck names, with `::` between levels.
  var decks: [Int64: String] = [:]
  var notes: [Note] = []
  var cards: [Card] = []
  /// Oldest first.
  var reviews: [Review] = []
  /// The collection's creation, in seconds since 1970: day 0 of `due` numbers starts then.
  var created: Int64 = 0

  /// Reads a collection from a database's bytes.
  init(bytes: [UInt8]) throws(AnkiPackageError) {
    do {
      let database = try SQLiteDatabase(bytes: bytes)
      try read(database)
    } catch let error as SQLiteError {
      throw .damagedCollection(error.message)
    } catch let error as AnkiPackageError {
      throw error
    } catch {
      throw .damagedCollection("\(error)")
    }
  }

  private mutating func read(_ database: SQLiteDatabase) throws {
    for table in ["col", "notes", "cards", "revlog"] where try !database.hasTable(table) {
      throw AnkiPackageError.damagedCollection("it has no '\(table)' table")
    }
    created = try database.rows("SELECT crt FROM col LIMIT 1") { $0.int(0) }.first ?? 0
    if try database.hasTable("notetypes") {
      try readSchema18(database)
    } else {
      try readSchema11(database)
    }
    notes = try database.rows("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id") {
      Note(
        id: $0.int(0), guid: $0.text(1), noteTypeID: $0.int(2),
        tags: $0.text(3).split(separator: " ").map(String.init),
        fields: $0.text(4).split(separator: "\u{1F}", omittingEmptySubsequences: false).map(
          String.init))
    }
    cards = try database.rows(
      "SELECT id, nid, did, ord, type, queue, due, ivl, left, odid, odue, data, mod FROM cards "
        + "ORDER BY nid, ord"
    ) { row in
      let originalDeck = row.int(9)
      var card = Card(
        id: row.int(0), noteID: row.int(1), deckID: originalDeck != 0 ? originalDeck : row.int(2),
        ordinal: Int(clamping: row.int(3)), type: Int(clamping: row.int(4)),
        queue: Int(clamping: row.int(5)), due: originalDeck != 0 ? row.int(10) : row.int(6),
        interval: row.int(7), stepsLeft: Int(clamping: row.int(8) % 1000), modified: row.int(12))
      let data = row.blob(11)
      if data.count > 2,
        let object = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
        let stability = (object["s"] as? NSNumber)?.doubleValue,
        let difficulty = (object["d"] as? NSNumber)?.doubleValue,
        stability.isFinite, stability > 0, stability < 1e6, difficulty.isFinite
      {
        card.stability = stability
        card.difficulty = difficulty
      }
      return card
    }
    reviews = try database.rows("SELECT id, cid, ease, type, time FROM revlog ORDER BY id") {
      Review(
        time: $0.int(0), cardID: $0.int(1), ease: Int(clamping: $0.int(2)),
        type: Int(clamping: $0.int(3)), milliseconds: $0.int(4))
    }
  }

  /// Schema 18: note types, their fields and decks in tables; names with `\u{1F}` between
  /// deck levels.
  private mutating func readSchema18(_ database: SQLiteDatabase) throws {
    var fields: [Int64: [(Int64, String)]] = [:]
    let fieldRows = try database.rows("SELECT ntid, ord, name FROM fields") {
      ($0.int(0), $0.int(1), $0.text(2))
    }
    for (type, ordinal, name) in fieldRows {
      fields[type, default: []].append((ordinal, name))
    }
    let typeRows = try database.rows("SELECT id, name, config FROM notetypes") {
      ($0.int(0), $0.text(1), $0.blob(2))
    }
    for (id, name, config) in typeRows {
      let kind = (try? ProtobufFields(config[...]).firstVarint(1)) ?? 0
      noteTypes[id] = NoteType(
        id: id, name: name, isCloze: kind == 1,
        fieldNames: (fields[id] ?? []).sorted { $0.0 < $1.0 }.map(\.1))
    }
    let deckRows = try database.rows("SELECT id, name FROM decks") { ($0.int(0), $0.text(1)) }
    for (id, name) in deckRows {
      decks[id] = name.replacingOccurrences(of: "\u{1F}", with: "::")
    }
  }

  /// Schema 11: `col.models` and `col.decks` are JSON objects keyed by id.
  private mutating func readSchema11(_ database: SQLiteDatabase) throws {
    let row = try database.rows("SELECT models, decks FROM col LIMIT 1") {
      ($0.blob(0), $0.blob(1))
    }
    guard let (modelsJSON, decksJSON) = row.first,
      let models = try? JSONSerialization.jsonObject(with: Data(modelsJSON)) as? [String: Any],
      let deckObjects = try? JSONSerialization.jsonObject(with: Data(decksJSON)) as? [String: Any]
    else { throw AnkiPackageError.damagedCollection("its note types or decks are not JSON") }
    for (key, value) in models {
      guard let model = value as? [String: Any], let id = Int64(key) else { continue }
      let fieldList = (model["flds"] as? [[String: Any]]) ?? []
      let names = fieldList.sorted {
        (($0["ord"] as? NSNumber)?.intValue ?? 0) < (($1["ord"] as? NSNumber)?.intValue ?? 0)
      }.compactMap { $0["name"] as? String }
      noteTypes[id] = NoteType(
        id: id, name: (model["name"] as? String) ?? "",
        isCloze: (model["type"] as? NSNumber)?.intValue == 1,
        fieldNames: names)
    }
    for (key, value) in deckObjects {
      guard let deck = value as? [String: Any], let id = Int64(key) else { continue }
      decks[id] = (deck["name"] as? String) ?? ""
    }
  }
}
