import Foundation

/// One study session over one deck or several: the REPL drives this, and each deck's own
/// `StudySession` grades, schedules and saves its cards in its own progress files.
///
/// With one deck the cards come in that deck's order. With several, the order is: learning
/// and relearning cards of every deck, earliest due first; then reviews, then new cards (then,
/// with `--ahead`, cards studied ahead), each taken from the decks in turn, so that no deck
/// waits for another to be finished. Every deck keeps its own daily limits; `newCards` and
/// `reviews` cap the decks' sum as well (counting what was done in them earlier today).
public final class StudyCollection {
  /// A card to ask, and the deck (its place in `sessions`) it belongs to.
  public struct Card: Hashable, Sendable {
    public var deck: Int
    public var question: Question
    public var kind: StudyQueue.Kind

    public init(deck: Int, question: Question, kind: StudyQueue.Kind) {
      self.deck = deck
      self.question = question
      self.kind = kind
    }
  }

  /// What ends a session besides an empty queue, and the caps over all its decks.
  public struct Options: Sendable {
    /// Most cards this session shows.
    public var sessionLimit: Int?
    /// No new card is offered once this long has passed since the session began.
    public var timeLimit: TimeInterval?
    /// New cards a day over all the decks together (nil: only each deck's own limit).
    public var newCards: Int?
    /// Reviews a day over all the decks together.
    public var reviews: Int?
    /// Learning cards due within this window are shown rather than ending the session.
    public var learnAhead: TimeInterval

    public init(
      sessionLimit: Int? = nil, timeLimit: TimeInterval? = nil, newCards: Int? = nil,
      reviews: Int? = nil, learnAhead: TimeInterval = 20 * 60
    ) {
      self.sessionLimit = sessionLimit
      self.timeLimit = timeLimit
      self.newCards = newCards
      self.reviews = reviews
      self.learnAhead = learnAhead
    }
  }

  /// A card answered wrong in this session, with the answer to learn.
  public struct Miss: Hashable, Sendable {
    public var deck: Int
    public var question: Question
    /// The grade of its first wrong answer: what the learner typed is not kept, the answer to
    /// learn is (`shown`).
    public var grade: Grade
  }

  /// Why `next()` returned nil.
  public enum Ending: Hashable, Sendable {
    case queueEmpty
    case sessionLimit(Int)
    case timeLimit(TimeInterval)
  }

  public let sessions: [StudySession]
  public let options: Options
  /// The session's clock, shared by its decks.
  public let clock: () -> Date
  private let started: Date
  /// The deck the next review and the next new card are looked for first.
  private var reviewTurn = 0
  private var newTurn = 0
  private var aheadTurn = 0
  private var shown = 0
  /// Every answer of the session in order, with whether it was accepted, for the misses.
  private var answers: [(deck: Int, question: Question, grade: Grade)] = []
  /// The card answered last, to undo or re-rate it in its own deck.
  private var last: Card?
  public private(set) var ending: Ending = .queueEmpty

  /// Whether this is a session over several decks (or the whole folder), even when only one
  /// of them could be opened: the cards then say which deck they are from.
  public let isSeveralDecks: Bool

  /// `severalDecks` defaults to whether there is more than one session.
  public init(
    sessions: [StudySession], options: Options = Options(), severalDecks: Bool? = nil,
    clock: @escaping () -> Date
  ) {
    self.sessions = sessions
    self.options = options
    self.isSeveralDecks = severalDecks ?? (sessions.count > 1)
    self.clock = clock
    self.started = clock()
  }

  /// The session's seed, for hints (every deck's session has the same one).
  public var seed: UInt64 { sessions.first?.options.seed ?? 0 }

  /// The next card, or nil when the session is over (`ending` says why).
  public func next() -> Card? {
    if let cap = options.sessionLimit, shown >= cap {
      ending = .sessionLimit(cap)
      return nil
    }
    if let limit = options.timeLimit, clock().timeIntervalSince(started) >= limit {
      ending = .timeLimit(limit)
      return nil
    }
    ending = .queueEmpty
    if !isSeveralDecks, sessions.count == 1 {
      guard let (question, kind) = sessions[0].next() else { return nil }
      return Card(deck: 0, question: question, kind: kind)
    }
    for window in [0, options.learnAhead] {
      if let card = pick(from: sessions.map { $0.candidates(learnAhead: window) }) {
        sessions[card.deck].choose(card.candidate)
        return Card(deck: card.deck, question: card.candidate.question, kind: card.candidate.kind)
      }
    }
    return nil
  }

  /// Room left under the caps over all the decks.
  private var room: (newCards: Int, reviews: Int) {
    let done = sessions.map(\.doneTodayCounts)
    return (
      options.newCards.map { $0 - done.map(\.newCards).reduce(0, +) } ?? Int.max,
      options.reviews.map { $0 - done.map(\.reviews).reduce(0, +) } ?? Int.max
    )
  }

  private func pick(from lists: [[StudySession.Candidate]]) -> (
    deck: Int, candidate: StudySession.Candidate
  )? {
    var learning: (deck: Int, candidate: StudySession.Candidate)?
    for (deck, list) in lists.enumerated() {
      guard let first = list.first(where: { $0.kind == .learning }) else { continue }
      if let best = learning, (best.candidate.due ?? .distantPast) <= (first.due ?? .distantPast) {
        continue
      }
      learning = (deck, first)
    }
    if let learning { return learning }
    let room = self.room
    if room.reviews > 0, let review = inTurn(lists, kind: .review, turn: &reviewTurn) {
      return review
    }
    if room.newCards > 0, let new = inTurn(lists, kind: .new, turn: &newTurn) { return new }
    return inTurn(lists, kind: .ahead, turn: &aheadTurn)
  }

  /// The first card of `kind` of the first deck that has one, starting at `turn`, which then
  /// moves past that deck.
  private func inTurn(
    _ lists: [[StudySession.Candidate]], kind: StudyQueue.Kind, turn: inout Int
  ) -> (deck: Int, candidate: StudySession.Candidate)? {
    for step in 0..<lists.count {
      let deck = (turn + step) % lists.count
      if let candidate = lists[deck].first(where: { $0.kind == kind }) {
        turn = (deck + 1) % lists.count
        return (deck, candidate)
      }
    }
    return nil
  }

  /// Whether a card next due at `due` will be shown before then in this session: it falls
  /// within the learn-ahead window and no other card is due now, so the session shows it
  /// early rather than end (the message after an answer says so instead of "in 10 minutes").
  public func showsEarly(dueAt due: Date) -> Bool {
    let now = clock()
    guard due > now, due <= now + options.learnAhead else { return false }
    if let cap = options.sessionLimit, shown >= cap { return false }
    if let limit = options.timeLimit, now.timeIntervalSince(started) >= limit { return false }
    let room = self.room
    return !sessions.contains { session in
      session.candidates().contains { candidate in
        switch candidate.kind {
        case .learning, .ahead: true
        case .review: room.reviews > 0
        case .new: room.newCards > 0
        }
      }
    }
  }

  /// How many cards of each kind the session has to offer now, the caps over all the decks
  /// applied: what the header counts.
  public func counts() -> [StudyQueue.Kind: Int] {
    var counts: [StudyQueue.Kind: Int] = [:]
    for session in sessions {
      for entry in session.queue().entries { counts[entry.kind, default: 0] += 1 }
    }
    let room = self.room
    counts[.review] = counts[.review].map { min($0, max(0, room.reviews)) }
    counts[.new] = counts[.new].map { min($0, max(0, room.newCards)) }
    return counts
  }

  /// Cards left out of today's queue because they are suspended, and buried.
  public func setAside() -> (suspended: Int, buried: Int) {
    sessions.map { $0.queue() }.reduce((0, 0)) { ($0.0 + $1.suspended, $0.1 + $1.buried) }
  }

  /// Cards left in the queue now.
  public func remaining() -> Int {
    counts().values.reduce(0, +)
  }

  public func skip(_ card: Card) {
    sessions[card.deck].skip(card.question)
  }

  /// Grades and saves an answer in the card's deck.
  public func answer(_ input: String, to card: Card, milliseconds: Int, hintUsed: Bool)
    throws(ProgressError) -> StudySession.Outcome
  {
    let outcome = try sessions[card.deck].answer(
      input, to: card.question, kind: card.kind, milliseconds: milliseconds, hintUsed: hintUsed)
    if case .answered(let feedback) = outcome {
      shown += 1
      last = card
      answers.append((card.deck, card.question, feedback.grade))
    }
    return outcome
  }

  /// Saves a miss for a card the learner gave no answer to.
  public func answerNothing(to card: Card, milliseconds: Int) throws(ProgressError)
    -> StudySession.Feedback
  {
    let feedback = try sessions[card.deck].answerNothing(
      to: card.question, kind: card.kind, milliseconds: milliseconds)
    shown += 1
    last = card
    answers.append((card.deck, card.question, feedback.grade))
    return feedback
  }

  public func changeLastRating(to rating: Rating) throws(ProgressError) -> StudySession.Feedback? {
    guard let last else { return nil }
    return try sessions[last.deck].changeLastRating(to: rating)
  }

  /// Takes back the last answer; returns its card, to be asked again as what it was.
  public func undo() throws(ProgressError) -> Card? {
    guard let card = last, let question = try sessions[card.deck].undo() else { return nil }
    last = nil
    shown -= 1
    answers.removeLast()
    return Card(deck: card.deck, question: question, kind: card.kind)
  }

  public func suspend(_ card: Card) throws(ProgressError) {
    try sessions[card.deck].suspend(card.question)
  }

  public func bury(_ card: Card) throws(ProgressError) {
    try sessions[card.deck].bury(card.question)
  }

  public func flag(_ card: Card, note: String?) throws(ProgressError) {
    try sessions[card.deck].flag(card.question, note: note)
  }

  /// The cards answered wrong in this session, once each, in the order of their first miss,
  /// with the answer to learn.
  public var misses: [Miss] {
    var seen: Set<String> = []
    return answers.compactMap { answer in
      guard !answer.grade.isAccepted, seen.insert("\(answer.deck) \(answer.question.id)").inserted
      else { return nil }
      return Miss(deck: answer.deck, question: answer.question, grade: answer.grade)
    }
  }

  /// Every deck's session summary added up.
  public var summary: SessionSummary {
    sessions.map(\.summary).reduce(SessionSummary(), +)
  }

  public func dueLaterToday() -> Int {
    sessions.map { $0.dueLaterToday() }.reduce(0, +)
  }

  public func dueAhead(days: Int) -> [Int] {
    sessions.map { $0.dueAhead(days: days) }.reduce([Int](repeating: 0, count: days)) {
      zip($0, $1).map(+)
    }
  }

  /// Closes every deck, each folding its journal and releasing its lock; the first failure is
  /// thrown after the others have been closed.
  public func close() throws(ProgressError) {
    var failure: ProgressError?
    for session in sessions {
      do throws(ProgressError) {
        try session.close()
      } catch {
        failure = failure ?? error
      }
    }
    if let failure { throw failure }
  }
}
