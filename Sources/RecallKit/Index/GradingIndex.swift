import Foundation

/// The index section that holds a deck's grading table (`AcceptedAnswers`): the extra forms
/// each typed-answer question accepts. Working it out normalizes every answer of every
/// question, which on a 100,000-card deck is most of the time a session takes to start; it
/// depends only on the deck and its questions, so it is kept once worked out.
public enum GradingIndex {
  static let tag: UInt32 = 0x4441_5247  // "GRAD"

  /// The section's bytes: the title words, sorted, then each question's extra forms by id.
  public static func encode(_ accepted: AcceptedAnswers) -> IndexFile.Section {
    var writer = IndexByteWriter()
    writer.append(accepted.titleWords.sorted())
    let ids = accepted.extra.keys.sorted()
    writer.append(UInt32(ids.count))
    for id in ids {
      writer.append(id)
      writer.append(accepted.extra[id] ?? [])
    }
    return IndexFile.Section(tag: tag, bytes: writer.bytes)
  }

  /// The table read back from a section; throws when its bytes do not hold exactly one table.
  public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> AcceptedAnswers {
    var reader = IndexByteReader(bytes)
    var accepted = AcceptedAnswers()
    accepted.titleWords = Set(try reader.strings())
    let count = try reader.count(minimumSize: 8)
    accepted.extra.reserveCapacity(count)
    for _ in 0..<count {
      let id = try reader.string()
      let forms = try reader.strings()
      guard accepted.extra.updateValue(forms, forKey: id) == nil else {
        throw IndexByteReader.OutOfBounds()
      }
    }
    guard reader.isAtEnd else { throw IndexByteReader.OutOfBounds() }
    return accepted
  }

  /// The key of a deck's grading table: Recall's build, the deck file's bytes, and every
  /// question's id, fact, kind and typed answers (the seed can change which questions a deck
  /// makes and what they ask, so the questions are part of the key, not just the deck).
  public static func key(build: IndexBuild, deckSource: DeckSource, questions: [Question])
    -> IndexKey
  {
    var key = IndexKey.Builder()
    key.add("section", text: "grading")
    build.add(to: &key)
    deckSource.add(to: &key)
    var material = IndexByteWriter()
    material.append(UInt32(questions.count))
    for question in questions {
      material.append(question.id)
      material.append(question.fact)
      material.append(question.kind.rawValue)
      if case .text(let answers) = question.expected {
        material.append(answers)
      } else {
        material.append(UInt32.max)
      }
    }
    key.add("questions", bytes: material.bytes)
    return key.key
  }

  /// The deck's grading table, from the index when it holds the table for exactly these
  /// sources, else worked out from the deck (and then kept in the index, when it can be
  /// written). Without a cache or a source fingerprint it is always worked out.
  public static func acceptedAnswers(
    deck: Deck, questions: [Question], source: DeckSource?, cache: IndexCache?,
    build: IndexBuild = .current
  ) -> AcceptedAnswers {
    guard let cache, let source else { return AcceptedAnswers(deck: deck, questions: questions) }
    let key = key(build: build, deckSource: source, questions: questions)
    let path = cache.path(label: deck.id, slot: "grading\u{1F}" + source.path)
    if let index = cache.index(at: path, key: key),
      let decoded = index.withSection(tag, { try? decode($0) }), let accepted = decoded
    {
      return accepted
    }
    let accepted = AcceptedAnswers(deck: deck, questions: questions)
    cache.store(path, key: key, sections: [encode(accepted)])
    return accepted
  }
}
