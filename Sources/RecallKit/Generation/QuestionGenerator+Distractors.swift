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
    let (window, reach) = Self.dateReach(date.precision)
    let fromDeck = index.nearestDates(
      shape: date.shape, to: date.coveredDays.lowerBound, within: window, limit: 8)
    // A range moves by whole multiples of its length (plus a little), so that the made-up
    // ranges overlap neither the answer nor each other.
    let span = date.spanInUnits
    let steps =
      span == 0
      ? Array(1...reach)
      : (1...2).flatMap { multiple in (0...reach / 2).map { multiple * (span + 1) + $0 } }
    let offsets = steps.flatMap { [$0, -$0] }
    return balanced(
      fromDeck, offsets.compactMap { date.shifted(by: $0) },
      isBelow: { $0.sortKey < date.sortKey }, using: &random,
      accept: { candidate, chosen in
        candidate.isDisjoint(from: date) && candidate.formatted != date.formatted
          && chosen.allSatisfy { $0.isDisjoint(from: candidate) }
      })
  }

  /// Three candidates, the deck's own first, with one or two of them below the answer and the
  /// rest above: otherwise the right date or figure would sit at one end (the deck's own often
  /// lie on one side), where it stands out. Only when one side has no candidate at all (nothing
  /// below a count of one) do all three lie on the other.
  ///
  /// Whether three can be found at all is settled first, in the candidates' given order, so
  /// that it never depends on the seed: a question's existence, and so its id, must not.
  private func balanced<T>(
    _ fromDeck: [T], _ made: [T], drawn: [T] = [], isBelow: (T) -> Bool,
    using random: inout SeededGenerator, accept: (T, [T]) -> Bool
  ) -> [T]? {
    guard let settled = Self.greedy(fromDeck + made, accept: accept) else { return nil }
    // Drawn candidates (chosen by the seed) come before the fixed ones, which only settle
    // whether three exist.
    let candidates = random.shuffled(fromDeck) + random.shuffled(drawn) + random.shuffled(made)
    // One or two below, never none or all: three options on one side of the answer let a learner
    // pick the odd one out ("early May" against three later dates) without knowing anything.
    let wantedBelow = 1 + random.next(below: Self.distractorCount - 1)
    var chosen: [T] = []
    var below = 0
    for candidate in candidates where chosen.count < Self.distractorCount {
      let isLow = isBelow(candidate)
      if isLow ? below >= wantedBelow : chosen.count - below >= Self.distractorCount - wantedBelow {
        continue
      }
      if accept(candidate, chosen) {
        chosen.append(candidate)
        if isLow { below += 1 }
      }
    }
    for candidate in candidates where chosen.count < Self.distractorCount {
      if accept(candidate, chosen) { chosen.append(candidate) }
    }
    return chosen.count == Self.distractorCount ? chosen : settled
  }

  /// The first three candidates that fit together, in order, or nil.
  private static func greedy<T>(_ candidates: [T], accept: (T, [T]) -> Bool) -> [T]? {
    var chosen: [T] = []
    for candidate in candidates where chosen.count < distractorCount {
      if accept(candidate, chosen) { chosen.append(candidate) }
    }
    return chosen.count == distractorCount ? chosen : nil
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
    case .decade: (60 * 365, 3)
    case .century: (400 * 365, 2)
    }
  }

  // MARK: Numbers

  /// Three figures of the same magnitude and qualifier, none whose accepted range meets the
  /// answer's or another distractor's.
  func numberDistractors(for value: NumberValue, using random: inout SeededGenerator)
    -> [NumberValue]?
  {
    // A bound is true of every figure on its side: "over 100" makes "over 50" true and "150"
    // possible, so no set of options is fair.
    guard value.qualifier == .exact || value.qualifier == .about else { return nil }
    let small = !value.isRange && value.low <= 12 && value.low.rounded() == value.low
    var fromDeck: [NumberValue] = []
    if !value.isRange {
      let (low, high) = small ? (value.low - 6, value.low + 6) : (value.low * 0.4, value.low * 2.5)
      let deckFigures = index.nearestNumbers(around: value.low, from: low, to: high, limit: 8)
        .filter { !$0.isRange && $0.low.rounded() == $0.low }
        .map { NumberValue($0.low, qualifier: value.qualifier) }
      fromDeck = deckFigures
    }
    var made: [NumberValue] = []
    var drawnValues: [NumberValue] = []
    if small {
      // "About 0 weeks" and "about 1 weeks" are no figures anyone would give: an approximate
      // figure's options start at 2, and reach further up, since they must not overlap.
      let exact = value.qualifier == .exact
      let first = Swift.max(exact ? 0 : 2, Int(value.low) - 5)
      made = (first...Int(value.low) + (exact ? 5 : 10)).map {
        NumberValue(Double($0), qualifier: value.qualifier)
      }
    } else {
      // A range needs room: its neighbours must not touch it or each other.
      // Fixed factors settle whether three options exist (never by the seed); the options
      // shown use factors drawn at random on the same spread, so no pattern (×2, ×3, halves)
      // gives the right one away.
      let fixed =
        value.isRange
        ? [0.15, 0.3, 0.45, 2.2, 2.9, 3.7, 4.6, 5.5]
        : [0.35, 0.45, 0.55, 0.65, 0.75, 1.35, 1.6, 1.85, 2.2, 2.6]
      let drawn = (0..<12).map { step -> Double in
        let below = step % 2 == 0
        let unit = Double(random.next(below: 1_000)) / 1_000
        if value.isRange { return below ? 0.12 + unit * 0.33 : 2.1 + unit * 3.4 }
        return below ? 0.35 + unit * 0.43 : 1.3 + unit * 1.4
      }
      func scaled(_ factor: Double) -> NumberValue? {
        let low = Self.round(value.low * factor, like: value.low)
        let high = Self.round(value.high * factor, like: value.high)
        guard low > 0 else { return nil }
        if value.isRange {
          return low < high ? NumberValue(from: low, to: high, qualifier: value.qualifier) : nil
        }
        return NumberValue(low, qualifier: value.qualifier)
      }
      made = fixed.compactMap(scaled)
      drawnValues = drawn.compactMap(scaled)
    }
    return balanced(
      fromDeck, made, drawn: drawnValues, isBelow: { $0.low < value.low }, using: &random,
      accept: { candidate, chosen in
        candidate.low >= 0 && candidate.description != value.description
          && !Self.isPatterned(candidate, against: [value] + chosen)
          && Self.disjoint(candidate.acceptedRange, value.acceptedRange)
          && chosen.allSatisfy { Self.disjoint($0.acceptedRange, candidate.acceptedRange) }
      })
  }

  /// Whether a figure stands in a simple ratio (½, ⅓, ×2, ×3, ×4, ×10) to one already shown:
  /// 111 / 222 / 333 let a learner pick the odd one out without knowing anything.
  static func isPatterned(_ candidate: NumberValue, against shown: [NumberValue]) -> Bool {
    guard candidate.low > 12, !candidate.isRange else { return false }
    let ratios: [Double] = [2, 3, 4, 5, 10]
    return shown.contains { other in
      guard other.low > 0 else { return false }
      let ratio = Swift.max(candidate.low, other.low) / Swift.min(candidate.low, other.low)
      return ratios.contains { abs(ratio - $0) < 0.02 }
    }
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
    // A round figure ("100", "3,000") gets round options, in halves as well as whole steps
    // ("150", "2,500"), so that there is room for three that do not overlap.
    let unit = pow(10, magnitude - Double(Swift.max(1, digits))) / (digits <= 1 ? 2 : 1)
    let rounded = (value / unit).rounded() * unit
    return rounded >= 1 ? rounded.rounded() : rounded
  }

  // MARK: Names

  /// Draws facts from the pools in order (the best kind first) until three are accepted.
  func pickFacts(
    from pools: [[Int]], answerNames: [String], using random: inout SeededGenerator,
    distinctBy key: ((Int) -> String)? = nil, accept: (Fact) -> Bool
  ) -> [Fact]? {
    let taken = Set(answerNames.map(English.folded))
    var chosen: [Fact] = []
    var chosenKeys: Set<String> = []
    var tried: Set<Int> = []
    func consider(_ position: Int) {
      guard chosen.count < Self.distractorCount, tried.insert(position).inserted else { return }
      let fact = deck.facts[position]
      let folded = index.foldedNames[position]
      guard let name = folded.first, !folded.contains(where: taken.contains) else { return }
      let distinct = key?(position) ?? name
      guard !chosenKeys.contains(distinct), !chosenKeys.contains(name), accept(fact) else {
        return
      }
      chosen.append(fact)
      chosenKeys.formUnion(folded)
      chosenKeys.insert(distinct)
    }
    for pool in pools where chosen.count < Self.distractorCount {
      if pool.count <= Self.scanLimit {
        for position in random.shuffled(pool) { consider(position) }
      } else {
        for _ in 0..<Self.scanLimit { consider(pool[random.next(below: pool.count)]) }
      }
    }
    // Sampling a large pool can miss; a full scan then decides, so that whether three exist
    // never depends on the seed.
    for pool in pools where chosen.count < Self.distractorCount {
      for position in pool { consider(position) }
    }
    return chosen.count == Self.distractorCount ? chosen : nil
  }

  /// Places that could fill `sentence`'s blank but do not: same type first, then the same
  /// family (settlements, or areas); never one named in the sentence, one that shares an event
  /// with the answer, or one of which the sentence is also true.
  ///
  /// Only villages, towns and cities are swapped: regions and zones nest inside one another
  /// ("Bajgora", "the Bajgora region", "Shala e Bajgorës"), so another area may well be right.
  func placeDistractors(
    for answer: Fact, type: String, sentence: String, alsoTrueOf: Set<Int> = [],
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
    let probe = TextProbe(sentence)
    // "…died at _____ in Normandy": only places in Normandy are believable.
    var region: String?
    if case .place(let place) = answer.content, let own = place.region, probe.mentions(own) {
      region = English.folded(own)
    }
    return pickFacts(from: pools, answerNames: answer.names, using: &random) { candidate in
      let position = index.factPosition[candidate.id] ?? -1
      if let region {
        guard case .place(let other) = candidate.content,
          English.folded(other.region ?? "") == region
        else { return false }
      }
      return candidate.id != answer.id && !related.contains(candidate.id)
        && !alsoTrueOf.contains(position)
        && !index.hasSentence(similarTo: words, place: position)
        && !probe.mentionsAny(candidate.names)
    }
  }

  /// The places (by position) of which a sentence with its place blanked is also true, word for word or
  /// nearly so ("a village held by the KLA filled up with civilians…" and "a KLA-held village
  /// became overcrowded with civilians…" say the same thing).
  func owners(ofBlanked sentence: String) -> Set<Int> {
    index.blankedSentenceOwners[English.folded(sentence)]
      ?? index.places(withSentenceSimilarTo: DeckIndex.contentWords(sentence))
  }
}
