/// Picks a worksheet's questions from everything the generator offers: seeded, balanced across
/// question forms, mixed across fact kinds, and one question per fact unless told otherwise.
public struct WorksheetSelector: Sendable {
  public var deck: Deck

  private let factsByID: [String: Fact]
  private let cardsByID: [String: HandCard]

  public init(deck: Deck) {
    self.deck = deck
    factsByID = Dictionary(deck.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    cardsByID = Dictionary(deck.cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The questions for a sheet, grouped into sections in the request's order.
  public func select(from questions: [Question], request: WorksheetRequest)
    throws(WorksheetError) -> WorksheetSelection
  {
    guard request.count >= 1 else { throw .invalidCount(request.count) }
    let factFilter = try validatedFacts(request.facts)
    try validateTag(request.tag)

    let kinds = request.sectionKinds
    var seenIDs = Set<String>()
    let candidates = questions.filter { question in
      guard kinds.contains(question.kind), seenIDs.insert(question.id).inserted else {
        return false
      }
      if let factFilter, !factFilter.contains(question.fact),
        !factFilter.contains(subject(of: question))
      {
        return false
      }
      if let tag = request.tag, !tags(of: question).contains(tag) { return false }
      return true
    }

    var queues: [Question.Kind: [Question]] = [:]
    for kind in kinds {
      var random = SeededGenerator(seed: request.seed, salt: "worksheet/pick/\(kind.rawValue)")
      let ofKind = random.shuffled(candidates.filter { $0.kind == kind })
      queues[kind] = interleavedByFactKind(ofKind)
    }
    var orderRandom = SeededGenerator(seed: request.seed, salt: "worksheet/turns")
    let turnOrder = orderRandom.shuffled(kinds.filter { !(queues[$0] ?? []).isEmpty })

    var picked: [Question] = []
    var pickedIDs = Set<String>()
    var usedSubjects = Set<String>()
    var limitedBySameFact = false
    let passes = request.allowSameFact ? [false, true] : [false]
    for allowRepeat in passes {
      // Within a pass a question passed over stays ineligible (used facts only grow), so each
      // queue is read once per pass.
      var cursors: [Question.Kind: Int] = [:]
      var progress = true
      while picked.count < request.count, progress {
        progress = false
        for kind in turnOrder where picked.count < request.count {
          let queue = queues[kind] ?? []
          var cursor = cursors[kind] ?? 0
          while cursor < queue.count {
            let question = queue[cursor]
            cursor += 1
            if pickedIDs.contains(question.id) { continue }
            if !allowRepeat, usedSubjects.contains(subject(of: question)) { continue }
            picked.append(question)
            pickedIDs.insert(question.id)
            usedSubjects.insert(subject(of: question))
            progress = true
            break
          }
          cursors[kind] = cursor
        }
      }
    }
    if picked.count < request.count, !request.allowSameFact {
      limitedBySameFact = candidates.contains { !pickedIDs.contains($0.id) }
    }

    let ordered = kinds.flatMap { kind in picked.filter { $0.kind == kind } }
    var selection = WorksheetSelection(
      questions: ordered, requested: request.count, candidates: candidates.count,
      limitedBySameFact: limitedBySameFact)
    // A type the teacher named that did not make it onto the sheet is said, not left out
    // silently: the deck may give none, or only on facts other questions already took.
    if request.kinds != nil {
      for kind in kinds where !picked.contains(where: { $0.kind == kind }) {
        let offered = candidates.contains { $0.kind == kind }
        selection.missingKinds.append(
          WorksheetSelection.MissingKind(
            kind: kind, reason: offered ? .factsAlreadyUsed : .noneOffered))
      }
    }
    return selection
  }

  /// The questions of several sections, each with its own types, tag and count, in order;
  /// one question per fact across the whole sheet unless `allowSameFact`.
  public func select(
    from questions: [Question], sections: [WorksheetSectionRequest], facts: [String]? = nil,
    seed: UInt64, allowSameFact: Bool
  ) throws(WorksheetError) -> [WorksheetSelection] {
    var used = Set<String>()
    var usedIDs = Set<String>()
    var results: [WorksheetSelection] = []
    for (index, section) in sections.enumerated() {
      let pool = questions.filter { question in
        !usedIDs.contains(question.id) && (allowSameFact || !used.contains(subject(of: question)))
      }
      let request = WorksheetRequest(
        count: section.count, kinds: section.kinds, facts: facts, tag: section.tag,
        seed: seed &+ UInt64(index) &* 7919, allowSameFact: allowSameFact)
      var selection = try select(from: pool, request: request)
      // A type the deck does offer, but only on facts earlier sections took, is not "none".
      for (position, missing) in selection.missingKinds.enumerated()
      where missing.reason == .noneOffered
        && questions.contains(where: { question in
          question.kind == missing.kind
            && (section.tag.map { tags(of: question).contains($0) } ?? true)
        })
      {
        selection.missingKinds[position].reason = .factsAlreadyUsed
      }
      for question in selection.questions {
        used.insert(subject(of: question))
        usedIDs.insert(question.id)
      }
      results.append(selection)
    }
    return results
  }

  /// The fact a question is about, for the one-question-per-fact rule: a hand-written card
  /// attached to a fact counts as that fact.
  public func subject(of question: Question) -> String {
    if factsByID[question.fact] != nil { return question.fact }
    if let card = cardsByID[question.fact], let fact = card.fact { return fact }
    return question.fact
  }

  /// The fact kind behind a question, used to mix people, places, events… on one sheet.
  public func factKind(of question: Question) -> String {
    if let fact = factsByID[subject(of: question)] { return fact.kind.rawValue }
    if let card = cardsByID[question.fact] { return "card-\(card.kind.rawValue)" }
    return "other"
  }

  /// The tags of the fact or card behind a question (a card also carries its fact's tags).
  public func tags(of question: Question) -> Set<String> {
    var result = Set<String>()
    if let card = cardsByID[question.fact] { result.formUnion(card.tags) }
    if let fact = factsByID[subject(of: question)] { result.formUnion(fact.tags) }
    return result
  }

  /// The note the author attached to the fact behind a question, shown in the answer key.
  public func note(for question: Question) -> String? {
    factsByID[subject(of: question)]?.note
  }

  private func validatedFacts(_ ids: [String]?) throws(WorksheetError) -> Set<String>? {
    guard let ids else { return nil }
    for id in ids where factsByID[id] == nil && cardsByID[id] == nil {
      let known = deck.facts.map(\.id) + deck.cards.map(\.id)
      throw .unknownFact(id, suggestion: closestMatch(to: id, in: known))
    }
    return Set(ids)
  }

  private func validateTag(_ tag: String?) throws(WorksheetError) {
    guard let tag else { return }
    let known = Set(deck.facts.flatMap(\.tags) + deck.cards.flatMap(\.tags))
    if !known.contains(tag) { throw .unknownTag(tag, known: known.sorted()) }
  }

  /// Round-robin over fact kinds, keeping the shuffled order within each kind, so the first
  /// questions taken of a form are not all about people (or all about places).
  private func interleavedByFactKind(_ questions: [Question]) -> [Question] {
    var buckets: [(String, [Question])] = []
    for question in questions {
      let kind = factKind(of: question)
      if let index = buckets.firstIndex(where: { $0.0 == kind }) {
        buckets[index].1.append(question)
      } else {
        buckets.append((kind, [question]))
      }
    }
    var result: [Question] = []
    result.reserveCapacity(questions.count)
    var depth = 0
    while result.count < questions.count {
      for bucket in buckets where depth < bucket.1.count { result.append(bucket.1[depth]) }
      depth += 1
    }
    return result
  }

}

/// The questions chosen for a sheet and how far they fall short of the request.
public struct WorksheetSelection: Hashable, Sendable {
  /// In section order; the order within a section is the seeded pick order.
  public var questions: [Question]
  public var requested: Int
  /// How many questions passed the type, fact and tag filters.
  public var candidates: Int
  /// True when more questions were available but would have repeated a fact.
  public var limitedBySameFact: Bool

  /// Types the request named that no question on the sheet has, and why.
  public var missingKinds: [MissingKind] = []

  /// A requested type that did not make it onto the sheet.
  public struct MissingKind: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
      /// The deck (with the fact and tag filters) gives no question of this type.
      case noneOffered
      /// Every question of this type is on a fact another question on the sheet already asks
      /// about (an order and a match question often share the facts they list).
      case factsAlreadyUsed
    }
    public var kind: Question.Kind
    public var reason: Reason
  }

  public init(questions: [Question], requested: Int, candidates: Int, limitedBySameFact: Bool) {
    self.questions = questions
    self.requested = requested
    self.candidates = candidates
    self.limitedBySameFact = limitedBySameFact
  }

  /// Several sections' selections as one sheet's, in section order.
  public init(combining sections: [WorksheetSelection]) {
    self.init(
      questions: sections.flatMap(\.questions), requested: sections.reduce(0) { $0 + $1.requested },
      candidates: sections.reduce(0) { $0 + $1.candidates },
      limitedBySameFact: sections.contains { $0.limitedBySameFact })
    missingKinds = sections.flatMap(\.missingKinds)
  }

  public var isShort: Bool { questions.count < requested }
}
