import Foundation

/// What a class has learned of one deck, built from each student's progress.
///
/// Item statistics follow Moodle's quiz statistics, adapted to review data (a card is an item,
/// a student's first answer to it is the attempt): the facility index is the share of students
/// whose first answer was accepted, and the discrimination index is the correlation, over the
/// students who studied the card, between that first-try score and the student's first-try
/// score on every other card they studied (Moodle's "rest of the test"). Predicted recall is
/// FSRS retrievability: for a card, the mean over the class (a student who never studied it
/// counts 0); for a student, the mean over the deck's cards.
public struct ClassReport: Sendable {
  /// Statistics of one card, or of one fact's cards taken together.
  public struct Item: Hashable, Sendable {
    /// The card id, or the fact id for a fact row.
    public var id: String
    public var fact: String
    /// The card's question (for a fact, its first card's explanation).
    public var text: String
    /// Students who reviewed it at least once.
    public var studied: Int
    public var firstTryAccuracy: Double?
    public var latestAccuracy: Double?
    public var lapses: Int
    /// Moodle's facility index, 0–100.
    public var facility: Double?
    /// Moodle's discrimination index, −100–100; nil with fewer than three students who studied
    /// it or when every student scored the same.
    public var discrimination: Double?
    /// Predicted share of the class that recalls it now.
    public var recallNow: Double
    /// The same on `ClassReport.onDate`.
    public var recallOnDate: Double?
    /// The wrong answers given most often, most frequent first.
    public var wrongAnswers: [WrongAnswer]
  }

  /// A wrong answer and how many times it was given.
  public struct WrongAnswer: Hashable, Sendable {
    public var answer: String
    public var count: Int
  }

  /// One student's line.
  public struct Student: Hashable, Sendable {
    public var name: String
    public var cardsStudied: Int
    public var reviews: Int
    public var accuracy: Double?
    public var knownNow: Double
    public var knownOnDate: Double?
    public var daysActive: Int
    /// Cards whose latest answer was wrong.
    public var missedNow: Int
    /// Cards of this deck the student flagged as wrong.
    public var flagged: Int
  }

  /// A card a student flagged as wrong, with the student's note: a question to check first.
  public struct Flag: Hashable, Sendable {
    public var cardID: String
    public var fact: String
    /// The card's question.
    public var text: String
    public var student: String
    public var note: String?
    public var at: Date
  }

  /// A fact the class finds hard, with the cards that failed most.
  public struct HardFact: Hashable, Sendable {
    public var fact: Item
    public var cards: [Item]
  }

  /// A student folder that could not be read, and why.
  public struct Skipped: Error, Hashable, Sendable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
      self.name = name
      self.reason = reason
    }
  }

  /// One point of the class's predicted retention curve.
  public struct RetentionPoint: Hashable, Sendable {
    public var date: Date
    public var known: Double
  }

  public var deckID: String
  public var deckTitle: String
  public var now: Date
  public var onDate: Date?
  public var cardCount: Int
  public var students: [Student]
  public var skipped: [Skipped]
  public var facts: [Item]
  public var cards: [Item]
  public var hardest: [HardFact]
  /// Flagged cards in deck order, each card's flags in student order. Flags on cards the deck
  /// no longer has are left out (the card is gone, so there is nothing to fix).
  public var flags: [Flag]
  /// Predicted share of the deck the class knows, from now to `onDate` (or 30 days ahead).
  public var retention: [RetentionPoint]

  /// Share of the deck the class is predicted to know now (mean over students).
  public var knownNow: Double? {
    students.isEmpty ? nil : students.reduce(0) { $0 + $1.knownNow } / Double(students.count)
  }

  /// The same on `onDate`.
  public var knownOnDate: Double? {
    guard onDate != nil, !students.isEmpty else { return nil }
    return students.reduce(0) { $0 + ($1.knownOnDate ?? 0) } / Double(students.count)
  }
}

extension ClassReport {
  /// How many hard facts, cards per hard fact and wrong answers per item the report keeps.
  public struct Limits: Hashable, Sendable {
    public var hardFacts = 10
    public var cardsPerHardFact = 3
    public var wrongAnswers = 3
    public init() {}
  }

  /// Builds the report for the questions of one deck.
  ///
  /// - Parameters:
  ///   - questions: the deck's questions (their ids are the card ids progress is saved under).
  ///   - students: the students that could be read, in the order to show them.
  ///   - memory: the model that turns a stability into a retrievability.
  public init(
    deckID: String, deckTitle: String, questions: [Question], students records: [StudentRecord],
    skipped: [Skipped], now: Date, onDate: Date?,
    memory: MemoryModel = MemoryModel(weights: FSRSParameters.defaults),
    limits: Limits = Limits()
  ) {
    self.deckID = deckID
    self.deckTitle = deckTitle
    self.now = now
    self.onDate = onDate
    self.skipped = skipped
    cardCount = questions.count
    let recall = RecallEstimate(memory: memory)
    let cardIDs = questions.map(\.id)

    // Each student's first-try scores, for the discrimination index's "rest of the test".
    let firstTries: [(sum: Double, count: Int)] = records.map { record in
      cardIDs.reduce((0.0, 0)) { total, id in
        guard let card = record.cards[id] else { return total }
        return (total.0 + (card.firstAccepted ? 1 : 0), total.1 + 1)
      }
    }

    func item(
      id: String, fact: String, text: String, cardIDs ids: [String]
    ) -> Item {
      var studied = 0
      var first = (accepted: 0, total: 0)
      var latest = (accepted: 0, total: 0)
      var lapses = 0
      var wrong: [String: Int] = [:]
      var pairs: [(item: Double, rest: Double)] = []
      var recallNow = 0.0
      var recallOn = 0.0
      for (index, record) in records.enumerated() {
        var itemScore = (sum: 0.0, count: 0)
        for cardID in ids {
          guard let card = record.cards[cardID] else { continue }
          if let state = card.state {
            recallNow += recall.retrievability(state, at: now)
            if let onDate { recallOn += recall.retrievability(state, at: onDate) }
          }
          guard card.reviews > 0 else { continue }
          first.total += 1
          latest.total += 1
          if card.firstAccepted { first.accepted += 1 }
          if card.latestAccepted { latest.accepted += 1 }
          lapses += card.lapses
          for (answer, count) in card.wrongAnswers { wrong[answer, default: 0] += count }
          itemScore.sum += card.firstAccepted ? 1 : 0
          itemScore.count += 1
        }
        guard itemScore.count > 0 else { continue }
        studied += 1
        let rest = (
          sum: firstTries[index].sum - itemScore.sum,
          count: firstTries[index].count - itemScore.count
        )
        if rest.count > 0 {
          pairs.append((itemScore.sum / Double(itemScore.count), rest.sum / Double(rest.count)))
        }
      }
      let slots = Double(max(1, records.count * ids.count))
      let firstShare = first.total == 0 ? nil : Double(first.accepted) / Double(first.total)
      return Item(
        id: id, fact: fact, text: text, studied: studied, firstTryAccuracy: firstShare,
        latestAccuracy: latest.total == 0 ? nil : Double(latest.accepted) / Double(latest.total),
        lapses: lapses, facility: firstShare.map { $0 * 100 },
        discrimination: Self.correlation(pairs).map { $0 * 100 },
        recallNow: records.isEmpty ? 0 : recallNow / slots,
        recallOnDate: onDate == nil ? nil : (records.isEmpty ? 0 : recallOn / slots),
        wrongAnswers: Self.mostFrequent(wrong, limit: limits.wrongAnswers))
    }

    cards = questions.map {
      item(id: $0.id, fact: $0.fact, text: $0.prompt, cardIDs: [$0.id])
    }
    var factOrder: [String] = []
    var factCards: [String: [Question]] = [:]
    for question in questions {
      if factCards[question.fact] == nil { factOrder.append(question.fact) }
      factCards[question.fact, default: []].append(question)
    }
    facts = factOrder.map { fact in
      let group = factCards[fact] ?? []
      return item(
        id: fact, fact: fact, text: group.first?.explanation ?? "", cardIDs: group.map(\.id))
    }
    let cardsByFact = Dictionary(grouping: cards, by: \.fact)
    hardest = facts.filter { $0.studied > 0 && ($0.latestAccuracy ?? 1) < 1 }
      .sorted(by: Self.harder)
      .prefix(limits.hardFacts)
      .map { fact in
        HardFact(
          fact: fact,
          cards: (cardsByFact[fact.id] ?? []).filter { $0.studied > 0 }.sorted(by: Self.harder)
            .prefix(limits.cardsPerHardFact).map { $0 })
      }

    students = records.map { record in
      var knownNow = 0.0
      var knownOn = 0.0
      var missed = 0
      var studied = 0
      for id in cardIDs {
        guard let card = record.cards[id] else { continue }
        if card.reviews > 0 {
          studied += 1
          if !card.latestAccepted { missed += 1 }
        }
        guard let state = card.state else { continue }
        knownNow += recall.retrievability(state, at: now)
        if let onDate { knownOn += recall.retrievability(state, at: onDate) }
      }
      let total = Double(max(1, cardIDs.count))
      let known = Set(cardIDs)
      let reviews = record.cards.filter { known.contains($0.key) }.values
      let reviewCount = reviews.reduce(0) { $0 + $1.reviews }
      let acceptedCount = reviews.reduce(0) { $0 + $1.accepted }
      return Student(
        name: record.name, cardsStudied: studied, reviews: reviewCount,
        accuracy: reviewCount == 0 ? nil : Double(acceptedCount) / Double(reviewCount),
        knownNow: knownNow / total, knownOnDate: onDate == nil ? nil : knownOn / total,
        daysActive: record.daysActive, missedNow: missed,
        flagged: cardIDs.reduce(0) { $0 + (record.flags[$1] == nil ? 0 : 1) })
    }
    flags = questions.flatMap { question in
      records.compactMap { record in
        record.flags[question.id].map {
          Flag(
            cardID: question.id, fact: question.fact, text: question.prompt,
            student: record.name, note: $0.note, at: $0.at)
        }
      }
    }

    retention = Self.curve(
      records: records, cardIDs: cardIDs, from: now,
      to: onDate ?? now.addingTimeInterval(30 * 86_400),
      recall: recall)
  }

  /// Lower latest accuracy first, then more lapses, then lower first-try accuracy, then id.
  static func harder(_ left: Item, _ right: Item) -> Bool {
    let (a, b) = (left.latestAccuracy ?? 1, right.latestAccuracy ?? 1)
    if a != b { return a < b }
    if left.lapses != right.lapses { return left.lapses > right.lapses }
    let (c, d) = (left.firstTryAccuracy ?? 1, right.firstTryAccuracy ?? 1)
    if c != d { return c < d }
    return left.id < right.id
  }

  static func mostFrequent(_ counts: [String: Int], limit: Int) -> [WrongAnswer] {
    counts.map { WrongAnswer(answer: $0.key, count: $0.value) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.answer < $1.answer }
      .prefix(limit).map { $0 }
  }

  /// Pearson's correlation; nil for fewer than three pairs or a constant column.
  static func correlation(_ pairs: [(item: Double, rest: Double)]) -> Double? {
    guard pairs.count >= 3 else { return nil }
    let count = Double(pairs.count)
    let meanItem = pairs.reduce(0) { $0 + $1.item } / count
    let meanRest = pairs.reduce(0) { $0 + $1.rest } / count
    var covariance = 0.0
    var varianceItem = 0.0
    var varianceRest = 0.0
    for pair in pairs {
      let (x, y) = (pair.item - meanItem, pair.rest - meanRest)
      covariance += x * y
      varianceItem += x * x
      varianceRest += y * y
    }
    guard varianceItem > 1e-12, varianceRest > 1e-12 else { return nil }
    return covariance / (varianceItem * varianceRest).squareRoot()
  }

  /// At most 61 evenly spaced points from `start` to `end`, each the class's mean share known.
  static func curve(
    records: [StudentRecord], cardIDs: [String], from start: Date, to end: Date,
    recall: RecallEstimate
  ) -> [RetentionPoint] {
    let days = max(1, Int((end.timeIntervalSince(start) / 86_400).rounded(.up)))
    let steps = min(days, 60)
    let states = records.map { record in cardIDs.compactMap { record.cards[$0]?.state } }
    let total = Double(max(1, records.count * cardIDs.count))
    return (0...steps).map { step in
      let date =
        step == steps
        ? max(end, start) : start.addingTimeInterval(Double(days * step / steps) * 86_400)
      let sum = states.reduce(0.0) { partial, cards in
        cards.reduce(partial) { $0 + recall.retrievability($1, at: date) }
      }
      return RetentionPoint(date: date, known: records.isEmpty ? 0 : sum / total)
    }
  }
}
