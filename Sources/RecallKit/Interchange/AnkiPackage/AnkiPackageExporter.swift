import Foundation
import ZIPFoundation

/// A learner's progress to carry into an Anki package: every review (oldest first), each
/// card's current state and counts, and the marks of the cards set aside.
public struct AnkiExportHistory: Sendable {
  public var reviews: [ReviewRecord]
  public var states: [String: CardState]
  public var counts: [String: CardCounts]
  /// Suspended cards become suspended in Anki; cards buried at the export, buried.
  public var marks: [String: CardMarks]

  public init(
    reviews: [ReviewRecord], states: [String: CardState], counts: [String: CardCounts],
    marks: [String: CardMarks] = [:]
  ) {
    self.reviews = reviews
    self.states = states
    self.counts = counts
    self.marks = marks
  }
}

/// Writes a deck's questions as an Anki package (`.apkg`) that Anki imports as a deck of notes.
///
/// The package is a legacy one (`collection.anki2`, schema 11, a JSON media map), which every
/// Anki since 2.1 imports. Each question kind has its own note type, "Recall short", "Recall
/// choice"…, with the fields Prompt, Answer, Explanation and Source and one card template;
/// note type and deck ids are derived from their names, so every export uses the same ones.
/// A note's GUID is Recall's question id, so importing a newer export updates the notes of the
/// earlier one instead of adding copies. With a history, cards carry their phase, due date,
/// interval, counts and FSRS memory state (`data`: `s`, `d`, `dr`, `lrt`), and the review log
/// becomes Anki's `revlog`, so Anki schedules them from where Recall left off; suspended and
/// buried cards are so in Anki too.
public struct AnkiPackageExporter: Sendable {
  public init() {}

  /// The package's bytes. `now` dates the notes and fixes Anki's day 0 (the start of the
  /// study day it falls in, in `timeZone`).
  public func package(
    _ questions: [Question], deck: Deck, history: AnkiExportHistory? = nil, now: Date = Date(),
    timeZone: TimeZone = .current
  ) throws -> Data {
    let database = try SQLiteDatabase()
    let day = StudyDay(containing: now, timeZone: timeZone)
    let created = Int64(day.start.timeIntervalSince1970)
    let seconds = Int64(now.timeIntervalSince1970)
    let deckID = Self.stableID(deck.id, base: 1_500_000_000_000)
    try database.execute(Self.schema)
    try database.execute("BEGIN")
    try database.prepare(
      "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')"
    ).run([
      .integer(created), .integer(seconds * 1000), .integer(seconds * 1000),
      .text(Self.configJSON(deckID: deckID)),
      .text(Self.noteTypesJSON(deckID: deckID, now: seconds)),
      .text(Self.decksJSON(deckID: deckID, name: deck.title, now: seconds)),
      .text(Self.deckConfigJSON(now: seconds)),
    ])
    let insertNote = try database.prepare(
      "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')")
    let insertCard = try database.prepare(
      "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)")
    var facts: [String: Fact] = [:]
    for fact in deck.facts { facts[fact.id] = fact }
    var cardIDs: [String: Int64] = [:]
    let base = Int64(now.timeIntervalSince1970 * 1000)
    for (index, question) in questions.enumerated() {
      let noteID = base + Int64(index)
      let fields = Self.fields(question, deck: deck, fact: facts[question.fact])
      let tags = deck.tags(forItem: question.fact).map(AnkiTextExporter.tag).filter { !$0.isEmpty }
      try insertNote.run([
        .integer(noteID), .text(question.id), .integer(Self.noteTypeID(question.kind)),
        .integer(seconds), .text(tags.isEmpty ? "" : " " + tags.joined(separator: " ") + " "),
        .text(fields.joined(separator: "\u{1F}")), .text(fields[0]),
      ])
      var card = Self.card(
        history?.states[question.id], counts: history?.counts[question.id] ?? .zero,
        created: created, position: index + 1, now: now)
      if let marks = history?.marks[question.id] {
        card.setAside(marks, at: now)
      }
      cardIDs[question.id] = noteID
      try insertCard.run([
        .integer(noteID), .integer(noteID), .integer(deckID), .integer(seconds),
        .integer(card.type), .integer(card.queue), .integer(card.due), .integer(card.interval),
        .integer(card.factor), .integer(card.reps), .integer(card.lapses), .integer(card.left),
        .text(card.data),
      ])
    }
    if let history {
      try writeReviews(history.reviews, cardIDs: cardIDs, into: database)
    }
    try database.execute("COMMIT")
    let collection = try database.serialized()
    return try Self.zip([
      ("collection.anki2", Data(collection)), ("media", Data("{}".utf8)),
    ])
  }

  private func writeReviews(
    _ reviews: [ReviewRecord], cardIDs: [String: Int64], into database: SQLiteDatabase
  ) throws {
    let insert = try database.prepare("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
    var previous: [String: CardState] = [:]
    var lastID: Int64 = 0
    for review in reviews {
      guard let cardID = cardIDs[review.cardID] else { continue }
      // Review-log ids are their times in milliseconds and must be unique.
      lastID = max(Int64((review.reviewedAt.timeIntervalSince1970 * 1000).rounded()), lastID + 1)
      let before = previous[review.cardID]
      let type: Int64 =
        switch before?.phase {
        case .review: 1
        case .relearning: 2
        default: 0
        }
      try insert.run([
        .integer(lastID), .integer(cardID), .integer(Int64(review.rating.rawValue)),
        .integer(Self.logInterval(review.state)), .integer(before.map(Self.logInterval) ?? 0),
        .integer(2500), .integer(Int64(min(max(review.responseMilliseconds, 0), 60_000))),
        .integer(type),
      ])
      previous[review.cardID] = review.state
    }
  }

  /// Anki's review-log interval: days for review cards, minus seconds for (re)learning.
  static func logInterval(_ state: CardState) -> Int64 {
    let span = state.due.timeIntervalSince(state.lastReview ?? state.due)
    if state.phase == .review { return max(1, Int64((span / 86_400).rounded())) }
    return -max(1, Int64(span.rounded()))
  }

  struct CardRow {
    var type: Int64 = 0
    var queue: Int64 = 0
    var due: Int64
    var interval: Int64 = 0
    var factor: Int64 = 0
    var reps: Int64 = 0
    var lapses: Int64 = 0
    var left: Int64 = 0
    var data = "{}"

    /// Anki's queue for a card set aside: −1 suspended, −3 buried by the learner (Anki
    /// unburies it at its next day rollover). The type and due stay, as Anki keeps them.
    mutating func setAside(_ marks: CardMarks, at now: Date) {
      if marks.suspended {
        queue = -1
      } else if marks.isBuried(at: now) {
        queue = -3
      }
    }
  }

  /// A card as Anki stores it: new at `position`, or the phase, due and memory of `state`.
  static func card(
    _ state: CardState?, counts: CardCounts, created: Int64, position: Int, now: Date
  ) -> CardRow {
    guard let state, state.phase != .new else { return CardRow(due: Int64(position)) }
    var row = CardRow(due: 0)
    row.reps = Int64(counts.reps)
    row.lapses = Int64(counts.lapses)
    row.factor = 2500
    let dueSeconds = Int64(state.due.timeIntervalSince1970)
    let dueDay = Int64((Double(dueSeconds - created) / 86_400).rounded(.down))
    switch state.phase {
    case .review:
      row.type = 2
      row.queue = 2
      row.due = dueDay
      // Anki's interval counts days from the day of the last review to the due day.
      let lastDay = state.lastReview.map {
        Int64((($0.timeIntervalSince1970 - Double(created)) / 86_400).rounded(.down))
      }
      row.interval = max(1, dueDay - (lastDay ?? dueDay - logInterval(state)))
    case .learning, .relearning:
      row.type = state.phase == .learning ? 1 : 3
      let steps =
        state.phase == .learning
        ? SchedulerOptions.defaultLearningSteps.count
        : SchedulerOptions.defaultRelearningSteps.count
      let remaining = Int64(max(1, steps - (state.step ?? 0)))
      row.left = remaining * 1000 + remaining
      // Due later today: by the second (queue 1); on a later day: by the day (queue 3).
      if dueDay <= 0 {
        row.queue = 1
        row.due = dueSeconds
      } else {
        row.queue = 3
        row.due = dueDay
      }
      row.interval =
        state.phase == .relearning ? max(1, Int64((state.stability ?? 1).rounded())) : 0
    case .new:
      break
    }
    var data: [String] = []
    if let stability = state.stability, let difficulty = state.difficulty {
      data.append("\"s\":\(Self.number(stability))")
      data.append("\"d\":\(Self.number(difficulty))")
      data.append("\"dr\":0.9")
    }
    if let last = state.lastReview {
      data.append("\"lrt\":\(Int64(last.timeIntervalSince1970))")
    }
    row.data = "{" + data.joined(separator: ",") + "}"
    return row
  }

  private static func number(_ value: Double) -> String {
    String(format: "%.4f", value)
  }

  /// Prompt, Answer, Explanation and Source (the deck's source, then the fact's `source` and
  /// `note`), as HTML.
  static func fields(_ question: Question, deck: Deck, fact: Fact?) -> [String] {
    var answerOnly = question
    answerOnly.explanation = ""
    var source = HTMLText.escape(
      [deck.source.title, deck.source.url].compactMap { $0 }.filter { !$0.isEmpty }
        .joined(separator: ", "))
    // The fact's place in the source ("line 12") and its note, when it has them.
    for part in [fact?.source, fact?.note].compactMap({ $0 }) where !part.isEmpty {
      source += (source.isEmpty ? "" : "<br>") + HTMLText.escape(part)
    }
    return [
      AnkiTextExporter.front(question), AnkiTextExporter.back(answerOnly),
      HTMLText.escape(question.explanation), source.isEmpty ? "" : source,
    ]
  }

  // MARK: The collection's fixed parts

  /// An id from a name, the same on every machine: `base` plus 9 digits of its hash.
  static func stableID(_ name: String, base: Int64) -> Int64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0100_0000_01b3
    }
    return base + Int64(hash % 1_000_000_000)
  }

  static func noteTypeName(_ kind: Question.Kind) -> String { "Recall \(kind.rawValue)" }

  static func noteTypeID(_ kind: Question.Kind) -> Int64 {
    stableID(noteTypeName(kind), base: 1_400_000_000_000)
  }

  static let fieldNames = ["Prompt", "Answer", "Explanation", "Source"]

  static func noteTypesJSON(deckID: Int64, now: Int64) -> String {
    var types: [String: Any] = [:]
    for kind in Question.Kind.allCases {
      let id = noteTypeID(kind)
      types[String(id)] = [
        "id": id, "name": noteTypeName(kind), "type": 0, "mod": now, "usn": -1, "sortf": 0,
        "did": deckID, "tags": [String](), "vers": [Int](), "latexsvg": false,
        "css": ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
          + ".explanation, .source { font-size: 16px; color: #555; }",
        "latexPre":
          "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
          + "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
          + "\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "req": [[0, "any", [0]]],
        "flds": fieldNames.enumerated().map { index, name in
          [
            "name": name, "ord": index, "sticky": false, "rtl": false, "font": "Arial",
            "size": 20, "media": [String](),
          ] as [String: Any]
        },
        "tmpls": [
          [
            "name": "Card 1", "ord": 0, "qfmt": "{{Prompt}}",
            "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}\n"
              + "{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}\n"
              + "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
            "bqfmt": "", "bafmt": "", "did": NSNull(), "bfont": "", "bsize": 0,
          ] as [String: Any]
        ],
      ]
    }
    return json(types)
  }

  static func decksJSON(deckID: Int64, name: String, now: Int64) -> String {
    func deck(_ id: Int64, _ name: String) -> [String: Any] {
      [
        "id": id, "name": name, "mod": now, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
        "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false,
        "desc": "", "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
      ]
    }
    let title = name.split(whereSeparator: \.isNewline).joined(separator: " ")
    return json(["1": deck(1, "Default"), String(deckID): deck(deckID, title)])
  }

  static func deckConfigJSON(now: Int64) -> String {
    json([
      "1": [
        "id": 1, "name": "Default", "mod": now, "usn": -1, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": [
          "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0],
          "order": 1, "perDay": 20,
        ] as [String: Any],
        "lapse": [
          "delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0,
        ] as [String: Any],
        "rev": [
          "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
          "hardFactor": 1.2,
        ] as [String: Any],
      ] as [String: Any]
    ])
  }

  static func configJSON(deckID: Int64) -> String {
    json([
      "curDeck": deckID, "activeDecks": [deckID], "nextPos": 1, "sortType": "noteFld",
      "sortBackwards": false, "schedVer": 2,
    ])
  }

  private static func json(_ object: Any) -> String {
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  static let schema = """
    CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
      scm integer not null, ver integer not null, dty integer not null, usn integer not null,
      ls integer not null, conf text not null, models text not null, decks text not null,
      dconf text not null, tags text not null);
    CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
      mod integer not null, usn integer not null, tags text not null, flds text not null,
      sfld integer not null, csum integer not null, flags integer not null, data text not null);
    CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
      ord integer not null, mod integer not null, usn integer not null, type integer not null,
      queue integer not null, due integer not null, ivl integer not null, factor integer not null,
      reps integer not null, lapses integer not null, left integer not null, odue integer not null,
      odid integer not null, flags integer not null, data text not null);
    CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
      ease integer not null, ivl integer not null, lastIvl integer not null,
      factor integer not null, time integer not null, type integer not null);
    CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
    CREATE INDEX ix_notes_usn ON notes (usn);
    CREATE INDEX ix_cards_usn ON cards (usn);
    CREATE INDEX ix_revlog_usn ON revlog (usn);
    CREATE INDEX ix_cards_nid ON cards (nid);
    CREATE INDEX ix_cards_sched ON cards (did, queue, due);
    CREATE INDEX ix_revlog_cid ON revlog (cid);
    CREATE INDEX ix_notes_csum ON notes (csum);
    """

  /// A ZIP archive of these entries, deflated, built in memory.
  static func zip(_ entries: [(String, Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (name, bytes) in entries {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw AnkiPackageError.io("the archive was not built") }
    return data
  }
}
