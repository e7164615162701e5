import Foundation

/// Wrong options that teach: the same kind of thing as the answer, taken from the deck first,
/// never an accepted answer and never one another. When three good ones cannot be found the
/// functions return nil and the caller makes no multiple-choice question.
extension QuestionGenerator {
  static let distractorCount = 3
  /// Beyond this many candidates a pool is sampled instead of scanned.
  private static let scanLimit = 64
  private static let settlementTypes: Set<String> = [
    "village", "town", "city", "hamlet", "settlement",
  ]

  // MARK: Dates

  /// Three dates of the same precision and shape near `date`, none overlapping it or each other.
  func dateDistractors(for date: HistoricalDate, using random: inout SeededGenerator)
    -> [HistoricalDate]?
  {
    var chosen: [HistoricalDate] = []
    func consider(_ candidate: HistoricalDate) {
      guard chosen.count < Self.distractorCount, candidate.isDisjoint(from: date),
        candidate.formatted != date.formatted,
        chosen.allSatisfy({ $0.isDisjoint(from: candidate) })
      else { return }
      chosen.append(candidate)
    }
    let (window, reach) = Self.dateReach(date.precision)
    let fromDeck = index.nearestDates(
      shape: date.shape, to: date.coveredDays.lowerBound, within: window, limit: 8)
    for candidate in random.shuffled(fromDeck) { consider(candidate) }
    // A range moves by whole multiples of its length (plus a little), so that the made-up
    // ranges overlap neither the answer nor each other.
    let span = date.spanInUnits
    let steps =
      span == 0
      ? Array(1...reach)
      : (1...2).flatMap { multiple in (0...reach / 2).map { multiple * (span + 1) + $0 } }
    var offsets = steps.flatMap { [$0, -$0] }
    random.shuffle(&offsets)
    for offset in offsets {
      if let candidate = date.shifted(by: offset) { consider(candidate) }
    }
    return chosen.count == Self.distractorCount ? chosen : nil
  }

  /// How far (in days) deck dates may lie from the answer, and how many steps of its own
  /// precision a made-up date may move: days move by up to two weeks, months by up to four.
  private static func dateReach(_ precision: HistoricalDate.Precision) -> (Int, Int) {
    switch precision {
    case .day: (120, 14)
    case .partOfMonth: (365, 5)
    case .month: (365, 4)
    case .season: (3 * 365, 3)
    case .partOfYear: (3 * 365, 3)
    case .year: (6 * 365, 4)
    }
  }

  // MARK: Numbers

  /// Three figures of the same magnitude and qualifier, none whose accepted range meets the
  /// answer's or another distractor's.
  func numberDistractors(for value: NumberValue, using random: inout SeededGenerator)
    -> [NumberValue]?
  {
    var chosen: [NumberValue] = []
    func consider(_ candidate: NumberValue) {
      guard chosen.count < Self.distractorCount, candidate.low >= 0,
        candidate.description != value.description,
        Self.disjoint(candidate.acceptedRange, value.acceptedRange),
        chosen.allSatisfy({ Self.disjoint($0.acceptedRange, candidate.acceptedRange) })
      else { return }
      chosen.append(candidate)
    }
    let small = !value.isRange && value.low <= 12 && value.low.rounded() == value.low
    if !value.isRange {
      let (low, high) = small ? (value.low - 6, value.low + 6) : (value.low * 0.4, value.low * 2.5)
      let fromDeck = index.nearestNumbers(around: value.low, from: low, to: high, limit: 8)
        .filter { !$0.isRange && $0.low.rounded() == $0.low }
        .map { NumberValue($0.low, qualifier: value.qualifier) }
      for candidate in random.shuffled(fromDeck) { consider(candidate) }
    }
    var made: [NumberValue] = []
    if small {
      let first = Swift.max(0, Int(value.low) - 5)
      made = (first...Int(value.low) + 5).map {
        NumberValue(Double($0), qualifier: value.qualifier)
      }
    } else {
      // A range needs room: its neighbours must not touch it or each other.
      let factors =
        value.isRange
        ? [0.1, 0.2, 0.25, 0.4, 2, 2.5, 3, 4, 5, 6]
        : [0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.3, 1.5, 1.75, 2, 2.5, 3]
      for factor in factors {
        let low = Self.round(value.low * factor, like: value.low)
        let high = Self.round(value.high * factor, like: value.high)
        guard low > 0 else { continue }
        if value.isRange {
          if low < high {
            made.append(NumberValue(from: low, to: high, qualifier: value.qualifier))
          }
        } else {
          made.append(NumberValue(low, qualifier: value.qualifier))
        }
      }
    }
    for candidate in random.shuffled(made) { consider(candidate) }
    return chosen.count == Self.distractorCount ? chosen : nil
  }

  private static func disjoint(_ lhs: ClosedRange<Double>, _ rhs: ClosedRange<Double>) -> Bool {
    lhs.upperBound < rhs.lowerBound || rhs.upperBound < lhs.lowerBound
  }

  /// `value` rounded to as many significant figures as `original` shows, so that distractors
  /// for "3,000" are round thousands and those for "14" are whole numbers.
  static func round(_ value: Double, like original: Double) -> Double {
    guard original > 0, value > 0 else { return value.rounded() }
    var digits = 0
    var scaled = original
    while scaled.rounded() == scaled, scaled >= 10, scaled.truncatingRemainder(dividingBy: 10) == 0
    {
      scaled /= 10
    }
    if scaled.rounded() == scaled {
      digits = String(Int(scaled)).count
    } else {
      digits = 3
    }
    let magnitude = floor(log10(value)) + 1
    let unit = pow(10, magnitude - Double(Swift.max(1, digits)))
    let rounded = (value / unit).rounded() * unit
    return rounded >= 1 ? rounded.rounded() : rounded
  }

  // MARK: Names

  /// Draws facts from the pools in order (the best kind first) until three are accepted.
  func pickFacts(
    from pools: [[Int]], answerNames: [String], using random: inout SeededGenerator,
    accept: (Fact) -> Bool
  ) -> [Fact]? {
    let taken = Set(answerNames.map(English.folded))
    var chosen: [Fact] = []
    var chosenNames: Set<String> = []
    func consider(_ position: Int) {
      let fact = deck.facts[position]
      guard let name = fact.displayName else { return }
      let folded = fact.names.map(English.folded)
      guard !folded.contains(where: taken.contains), !chosenNames.contains(English.folded(name)),
        accept(fact)
      else { return }
      chosen.append(fact)
      chosenNames.formUnion(folded)
    }
    for pool in pools {
      if pool.count <= Self.scanLimit {
        for position in random.shuffled(pool) where chosen.count < Self.distractorCount {
          consider(position)
        }
      } else {
        for _ in 0..<Self.scanLimit where chosen.count < Self.distractorCount {
          consider(pool[random.next(below: pool.count)])
        }
      }
      if chosen.count == Self.distractorCount { return chosen }
    }
    return nil
  }

  /// Places that could fill `sentence`'s blank but do not: same type first, then the same
  /// family (settlements, or areas); never one named in the sentence, one that shares an event
  /// with the answer, or one of which the sentence is also true.
  ///
  /// Only villages, towns and cities are swapped: regions and zones nest inside one another
  /// ("Bajgora", "the Bajgora region", "Shala e Bajgorës"), so another area may well be right.
  func placeDistractors(
    for answer: Fact, type: String, sentence: String, alsoTrueOf: Set<String> = [],
    using random: inout SeededGenerator
  ) -> [Fact]? {
    let type = English.folded(type)
    guard Self.settlementTypes.contains(type) else { return nil }
    let related = index.coPlaces[answer.id] ?? []
    let others = index.placesByType.keys.sorted().filter {
      $0 != type && Self.settlementTypes.contains($0)
    }
    let pools = [index.placesByType[type] ?? []] + others.map { index.placesByType[$0] ?? [] }
    let words = DeckIndex.contentWords(sentence)
    return pickFacts(from: pools, answerNames: answer.names, using: &random) { candidate in
      candidate.id != answer.id && !related.contains(candidate.id)
        && !alsoTrueOf.contains(candidate.id)
        && !candidate.names.contains { English.mentions($0, in: sentence) }
        && !index.hasSentence(similarTo: words, place: candidate.id)
    }
  }

  /// The places of which a sentence with its place blanked is also true, word for word or
  /// nearly so ("a village held by the KLA filled up with civilians…" and "a KLA-held village
  /// became overcrowded with civilians…" say the same thing).
  func owners(ofBlanked sentence: String) -> Set<String> {
    var result = Set(index.blankedSentenceOwners[English.folded(sentence)] ?? [])
    result.formUnion(index.places(withSentenceSimilarTo: DeckIndex.contentWords(sentence)))
    return result
  }
}
