import Foundation

/// What importing an Anki package produced: the deck (as `DeckImporter` gives it), the Anki
/// collection it came from and which Recall card each Anki card became, for `--with-history`.
public struct AnkiPackageImport: Sendable {
  public var result: ImportResult
  /// Recall card id by Anki card id, for the cards that were imported.
  var cardIDs: [Int64: String] = [:]
  /// The collection read, kept for the history; nil when the package did not read.
  var collection: AnkiCollection?
}

extension AnkiCollection: @unchecked Sendable {}

/// Turns the notes of an Anki package into a Recall deck of hand-written cards.
///
/// Notes of the stock note types (see `AnkiNoteKind`) become one card per Anki card: Basic
/// and typed-answer notes a short card asking the front, reversed notes also one asking the
/// back, cloze notes one cloze card per deletion number; notes of Recall's own export a
/// short card asking the prompt, keeping the explanation and the GUID as id. Field HTML becomes plain text as in
/// the text importer. Card ids come from the note's GUID (`<guid>`, `<guid>-reverse`,
/// `<guid>-cN` when a cloze note has several numbers), so importing the package again gives
/// the same ids. Notes of other note types are skipped and counted by type name; media
/// references are listed in one warning. A note that cannot become a card (an empty front)
/// is skipped with a warning, not the whole package.
///
/// Diagnostics point at `<package>:<n>:1`, where n is the note's position in the collection
/// (notes ordered by creation).
public struct AnkiPackageImporter: Sendable {
  public var options: ImportOptions

  public init(options: ImportOptions) {
    self.options = options
  }

  /// Whether the file is named as an Anki package or starts like a ZIP archive.
  public static func looksLikePackage(path: String) -> Bool {
    if ["apkg", "colpkg"].contains((path as NSString).pathExtension.lowercased()) { return true }
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
  }

  public func importPackage(path: String) -> AnkiPackageImport {
    let start = SourceLocation(file: path, line: 1, column: 1)
    func failure(_ error: AnkiPackageError) -> AnkiPackageImport {
      AnkiPackageImport(
        result: ImportResult(
          deck: nil, yaml: nil, diagnostics: [.error(error.description, at: start)]))
    }
    let collection: AnkiCollection
    let archive: AnkiPackageArchive
    do {
      archive = try AnkiPackageArchive(path: path)
      collection = try AnkiCollection(bytes: archive.collection)
    } catch {
      return failure(error)
    }
    var items = ImportedItems(path: path)
    let cardIDs = read(collection, into: &items)
    if !archive.mediaNames.isEmpty || !items.mediaReferences.isEmpty {
      var seen: Set<String> = []
      let names = (items.mediaReferences.isEmpty ? archive.mediaNames : items.mediaReferences)
        .filter { seen.insert($0).inserted }
      let shown = names.prefix(5).map { "'\(TextSanitizer.visible($0))'" }.joined(separator: ", ")
      items.diagnostics.append(
        .warning(
          "the cards refer to \(names.count) media file\(names.count == 1 ? "" : "s") (\(shown)"
            + (names.count > 5 ? ", …" : "")
            + "); Recall shows no images or sound, so the cards keep only their text",
          at: start))
    }
    var result = DeckImporter(options: options).finish(items, path: path)
    if result.deck == nil {
      return AnkiPackageImport(result: result)
    }
    result.diagnostics = result.diagnostics.sortedByLocation()
    return AnkiPackageImport(result: result, cardIDs: cardIDs, collection: collection)
  }

  /// Adds a card per Anki card of a known note type; returns Recall's id for each Anki card.
  private func read(_ collection: AnkiCollection, into items: inout ImportedItems)
    -> [Int64: String]
  {
    var cardsByNote: [Int64: [AnkiCollection.Card]] = [:]
    for card in collection.cards { cardsByNote[card.noteID, default: []].append(card) }
    var skippedTypes: [String: Int] = [:]
    var deckCounts: [String: Int] = [:]
    var plans: [(position: Int, note: AnkiCollection.Note, kind: AnkiNoteKind)] = []
    for (offset, note) in collection.notes.enumerated() {
      guard let type = collection.noteTypes[note.noteTypeID], let kind = AnkiNoteKind(type)
      else {
        let name = collection.noteTypes[note.noteTypeID]?.name ?? "note type \(note.noteTypeID)"
        skippedTypes[name, default: 0] += 1
        continue
      }
      plans.append((offset + 1, note, kind))
      for card in cardsByNote[note.id] ?? [] {
        deckCounts[collection.decks[card.deckID] ?? "Default", default: 0] += 1
      }
    }
    for (name, count) in skippedTypes.sorted(by: { $0.key < $1.key }) {
      items.diagnostics.append(
        .warning(
          "\(count) note\(count == 1 ? "" : "s") of the note type '\(TextSanitizer.visible(name))' "
            + "skipped: Recall reads Basic, Basic (and reversed card), Basic (optional reversed "
            + "card), Basic (type in the answer) and Cloze notes",
          at: items.location(1, 1)))
    }
    // The deck most cards are in names the Recall deck; with several, each card is tagged
    // with its Anki deck.
    if let top = deckCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key {
      items.suggestedTitle = AnkiTextHeader.lastComponent(ofDeck: top)
    }
    let tagDecks = deckCounts.count > 1
    var cardIDs: [Int64: String] = [:]
    for plan in plans {
      let cards = cardsByNote[plan.note.id] ?? []
      var tags = plan.note.tags
      if tagDecks, let deck = cards.first.flatMap({ collection.decks[$0.deckID] }) {
        tags.append(deck)
      }
      let before = items.diagnostics.count
      for (card, id) in add(
        plan.note, kind: plan.kind, cards: cards, tags: tags,
        at: items.location(plan.position, 1), into: &items)
      {
        cardIDs[card] = id
      }
      // A note that cannot become a card is left out; the rest of the package still imports.
      for index in before..<items.diagnostics.count
      where items.diagnostics[index].severity == .error {
        let diagnostic = items.diagnostics[index]
        items.diagnostics[index] = .warning(
          "\(diagnostic.message); note \(plan.note.id) is skipped", at: diagnostic.location)
      }
    }
    return cardIDs
  }

  /// The cards of one note; returns (Anki card id, Recall card id) for each card added.
  private func add(
    _ note: AnkiCollection.Note, kind: AnkiNoteKind, cards: [AnkiCollection.Card], tags: [String],
    at location: SourceLocation, into items: inout ImportedItems
  ) -> [(Int64, String)] {
    items.mediaReferences.append(contentsOf: note.fields.flatMap(AnkiMedia.references))
    let fields = note.fields.map { HTMLText.toText(AnkiMedia.removingSounds($0)) }
    func field(_ index: Int) -> String { fields.indices.contains(index) ? fields[index] : "" }
    var added: [(Int64, String)] = []
    func addedCard(_ ankiCard: AnkiCollection.Card, _ count: Int) {
      if items.cards.count > count, let last = items.cards.last {
        added.append((ankiCard.id, last.id))
      }
    }
    switch kind {
    case .basic, .typed, .reversed, .optionalReversed:
      for card in cards where card.ordinal <= 1 {
        if card.ordinal == 1 && kind != .reversed && kind != .optionalReversed { continue }
        let count = items.cards.count
        let (prompt, back) = card.ordinal == 0 ? (field(0), field(1)) : (field(1), field(0))
        // As in the text import: lines below the answer are a note.
        let (answer, aside) = HTMLText.answerAndNote(back)
        items.addShort(
          prompt: prompt, answers: [answer],
          id: card.ordinal == 0 ? note.guid : note.guid + "-reverse", tags: tags,
          explanation: aside, at: location)
        addedCard(card, count)
      }
    case .recall:
      for card in cards where card.ordinal == 0 {
        let count = items.cards.count
        // The answer field lists other accepted answers as "(also accepted: a, b)".
        var answers = field(1).components(separatedBy: "\n")
        if let last = answers.last, last.hasPrefix("(also accepted: "), last.hasSuffix(")") {
          answers.removeLast()
          answers += last.dropFirst("(also accepted: ".count).dropLast()
            .components(separatedBy: ", ")
        }
        let explanation = field(2).trimmingCharacters(in: .whitespacesAndNewlines)
        items.addShort(
          prompt: field(0), answers: answers, id: note.guid, tags: tags,
          explanation: explanation.isEmpty ? nil : explanation, at: location)
        addedCard(card, count)
      }
    case .cloze:
      let text = field(0)
      let deletions = AnkiCloze.deletions(in: text)
      let numbers = Set(deletions.map(\.number))
      let extra = field(1).trimmingCharacters(in: .whitespacesAndNewlines)
      for card in cards {
        let number = card.ordinal + 1
        let mine = deletions.filter { $0.number == number }
        guard mine.count == 1, let target = mine.first else {
          items.diagnostics.append(
            .warning(
              mine.isEmpty
                ? "cloze c\(number) has no deletion in the text; the card is skipped"
                : "cloze c\(number) appears \(mine.count) times; a Recall cloze card has one "
                  + "blank, so it is skipped", at: location))
          continue
        }
        func filled(_ part: Substring) -> String {
          var result = String(part)
          for other in AnkiCloze.deletions(in: result).reversed() {
            result.replaceSubrange(other.range, with: other.answer)
          }
          return result
        }
        let count = items.cards.count
        items.addCloze(
          before: filled(text[..<target.range.lowerBound]), key: target.answer,
          after: filled(text[target.range.upperBound...]), alternatives: [],
          id: numbers.count == 1 ? note.guid : "\(note.guid)-c\(number)", tags: tags,
          explanation: extra.isEmpty ? nil : extra, at: location)
        addedCard(card, count)
      }
    }
    return added
  }
}
