import Foundation

/// One study session over a deck: picks the next card, grades answers, schedules them with
/// FSRS and makes each answer durable before the caller shows the next question.
///
/// It knows nothing of terminals: the REPL in RecallCLI drives it and renders what it returns.
public final class StudySession {
  /// Settings for one session.
  public struct Options: Sendable {
    public var limits: StudyLimits
    /// Most cards this session shows (nil: no cap beyond the daily limits).
    public var sessionLimit: Int?
    /// `.studyAhead` reviews cards that are not due without touching their schedule.
    public var mode: StudyQueue.Mode
    public var seed: UInt64
    public var timeZone: TimeZone
    /// Learning cards due within this window are shown rather than ending the session.
    public var learnAhead: TimeInterval
    /// Whether fuzzed intervals prefer the days of their range with fewer reviews due.
    public var balancesLoad: Bool
    /// Weekdays that take about half a normal day's reviews; any turns balancing on.
    public var easyDays: Set<Weekday>
    /// The learner's exam for this deck: until its day, reviews are kept before it when
    /// waiting past it would leave recall on the day below the desired retention.
    public var exam: ExamDate?

    public init(
      limits: StudyLimits = StudyLimits(), sessionLimit: Int? = nil,
      mode: StudyQueue.Mode = .due, seed: UInt64 = 0, timeZone: TimeZone = .current,
      learnAhead: TimeInterval = 20 * 60, balancesLoad: Bool = false,
      easyDays: Set<Weekday> = [], exam: ExamDate? = nil
    ) {
      self.limits = limits
      self.sessionLimit = sessionLimit
      self.mode = mode
      self.seed = seed
      self.timeZone = timeZone
      self.learnAhead = learnAhead
      self.balancesLoad = balancesLoad
      self.easyDays = easyDays
      self.exam = exam
    }
  }

  /// What answering produced.
  public enum Outcome: Hashable, Sendable {
    /// The input was not an answer (a letter that names no option…): ask again.
    case invalid(String)
    case answered(Feedback)
  }

  /// What the learner sees after an answer.
  public struct Feedback: Hashable, Sendable {
    public var question: Question
    public var grade: Grade
    public var rating: Rating
    /// The card's state after the answer; nil in study-ahead mode, which schedules nothing.
    public var state: CardState?
  }

  public let deck: Deck
  public let questions: [Question]
  public let options: Options
  private let store: ProgressStore
  private let scheduler: FSRSScheduler
  private let grader: AnswerGrader
  private let clock: () -> Date
  private var random: SeededGenerator
  private var doneToday: StudyQueue.DoneToday
  private var shownInSession = 0
  private var skipped: Set<String> = []
  private var seenAhead: Set<String> = []
  /// Each question's saved state, in question order, kept in step with the store, so that
  /// building the queue after every answer does not look up every card by id again.
  private var states: [CardState?]
  /// The marks of the cards that have any, by position in `questions`, kept like `states`.
  private var marks: [Int: CardMarks] = [:]
  /// Where in `questions` each question `next()` returned is.
  private var positions: [String: Int] = [:]
  /// The last answer, so its rating can be changed or the answer undone.
  private var last: (feedback: Feedback, previous: CardState?, input: String, milliseconds: Int)?
  /// What the last answer added to `doneToday`, so undoing or re-rating it takes that back.
  private var lastCounted: StudyQueue.DoneToday?
  public private(set) var summary = SessionSummary()

  /// `accepted` is the deck's grading table when the caller already has it (from the index).
  public init(
    deck: Deck, questions: [Question], store: ProgressStore, scheduler: FSRSScheduler,
    options: Options, clock: @escaping () -> Date, accepted: AcceptedAnswers? = nil
  ) throws(ProgressError) {
    self.deck = deck
    self.questions = questions
    self.options = options
    self.store = store
    self.scheduler = scheduler
    self.clock = clock
    self.random = SeededGenerator(seed: options.seed, salt: "session")
    self.grader = AnswerGrader(deck: deck, questions: questions, accepted: accepted)
    self.states = questions.map { store.state(for: $0.id) }
    if !store.marks.isEmpty {
      for (position, question) in questions.enumerated() {
        if let marks = store.marks[question.id] { self.marks[position] = marks }
      }
    }
    self.doneToday = try Self.doneToday(in: store, at: clock(), timeZone: options.timeZone)
  }

  /// Every name in the deck, so a typo that is as close to another name is not accepted.
  static func names(in deck: Deck) -> [String] {
    deck.facts.flatMap { fact -> [String] in
      switch fact.content {
      case .person(let person): [person.name] + person.aliases
      case .place(let place): [place.name] + place.aliases
      case .group(let group): [group.name] + group.aliases + (group.nickname.map { [$0] } ?? [])
      default: []
      }
    }
  }

  /// New cards introduced and reviews done earlier in the current study day.
  static func doneToday(in store: ProgressStore, at now: Date, timeZone: TimeZone)
    throws(ProgressError) -> StudyQueue.DoneToday
  {
    let day = StudyDay(containing: now, timeZone: timeZone)
    // The first session of a day (the usual case) need not read the whole log to learn that.
    if try !store.hasEntries(since: day.start) { return StudyQueue.DoneToday() }
    if let today = try store.entries(since: day.start) {
      return doneToday(from: today, in: day, store: store)
    }
    return try doneToday(fromWholeLogOf: store, in: day)
  }

  /// The day's counts from the whole history: the rule `doneToday(from:in:store:)` follows.
  static func doneToday(fromWholeLogOf store: ProgressStore, in day: StudyDay)
    throws(ProgressError) -> StudyQueue.DoneToday
  {
    var seenBefore: Set<String> = []
    var done = StudyQueue.DoneToday()
    try store.forEachReview { review in
      let first = seenBefore.insert(review.cardID).inserted
      guard day.contains(review.reviewedAt) else { return }
      if first { done.newCards += 1 } else { done.reviews += 1 }
    }
    return done
  }

  /// The day's counts from the day's own entries: a card's first review ever was on this day
  /// when its review count (`reps`, undone answers left out) equals its reviews on this day.
  static func doneToday(from entries: [ProgressLogEntry], in day: StudyDay, store: ProgressStore)
    -> StudyQueue.DoneToday
  {
    let undone = Set(entries.compactMap(\.takesBack))
    var reviewsToday: [String: Int] = [:]
    for case (let sequence, let record)? in entries.lazy.map(\.review)
    where !undone.contains(sequence) && day.contains(record.reviewedAt) {
      reviewsToday[record.cardID, default: 0] += 1
    }
    var done = StudyQueue.DoneToday()
    for (card, count) in reviewsToday {
      if store.counts(for: card).reps == count {
        done.newCards += 1
        done.reviews += count - 1
      } else {
        done.reviews += count
      }
    }
    return done
  }

  /// The queue as it stands now; `learnAhead` also takes learning cards due that soon.
  public func queue(learnAhead: TimeInterval = 0) -> StudyQueue {
    let now = clock()
    return StudyQueue.build(
      cards: states, marks: marks, now: now,
      day: StudyDay(containing: now, timeZone: options.timeZone), limits: options.limits,
      doneToday: doneToday, scheduler: scheduler, mode: options.mode, learnAhead: learnAhead)
  }

  /// The next question to ask and why it is due, or nil when the session is over. Learning
  /// cards due within `learnAhead` come back early only when nothing else is left, so a
  /// 10-minute step does not jump ahead of the cards that are due now.
  public func next() -> (question: Question, kind: StudyQueue.Kind)? {
    if let cap = options.sessionLimit, shownInSession >= cap { return nil }
    for window in [0, options.learnAhead] {
      for entry in queue(learnAhead: window).entries {
        let question = questions[entry.index]
        if skipped.contains(question.id) { continue }
        if entry.kind == .ahead && seenAhead.contains(question.id) { continue }
        positions[question.id] = entry.index
        return (question, entry.kind)
      }
    }
    return nil
  }

  /// A card this session could ask now, as `next()` would consider it.
  public struct Candidate: Hashable, Sendable {
    public var question: Question
    public var kind: StudyQueue.Kind
    /// When it fell due; nil for a new card.
    public var due: Date?
    /// Its place in `questions`.
    var position: Int
  }

  /// The cards `next()` would choose from with learning cards due within `learnAhead`, in
  /// its order, skipped cards and cards already studied ahead left out: what a session over
  /// several decks merges.
  public func candidates(learnAhead: TimeInterval = 0) -> [Candidate] {
    queue(learnAhead: learnAhead).entries.compactMap { entry in
      let question = questions[entry.index]
      if skipped.contains(question.id) { return nil }
      if entry.kind == .ahead && seenAhead.contains(question.id) { return nil }
      return Candidate(
        question: question, kind: entry.kind, due: states[entry.index]?.due,
        position: entry.index)
    }
  }

  /// Remembers where the chosen candidate is, as `next()` does for the card it returns.
  public func choose(_ candidate: Candidate) {
    positions[candidate.question.id] = candidate.position
  }

  /// New cards introduced and reviews done in this deck today, this session's included (an
  /// undone answer no longer counts).
  public var doneTodayCounts: StudyQueue.DoneToday { doneToday }

  /// Leaves a card for a later session.
  public func skip(_ question: Question) {
    skipped.insert(question.id)
  }

  /// Grades `input`, schedules the card and records the answer durably.
  public func answer(
    _ input: String, to question: Question, kind: StudyQueue.Kind, milliseconds: Int,
    hintUsed: Bool
  ) throws(ProgressError) -> Outcome {
    let grade: Grade
    switch grader.grade(input, for: question, hintUsed: hintUsed) {
    case .invalid(let reason): return .invalid("\(reason)")
    case .graded(let graded): grade = graded
    }
    shownInSession += 1
    let feedback = try schedule(
      question, kind: kind, grade: grade, rating: grade.suggestedRating, input: input,
      milliseconds: milliseconds, previous: store.state(for: question.id))
    summary.add(feedback, milliseconds: milliseconds)
    return .answered(feedback)
  }

  /// Records that the learner gave no answer: a miss, scheduled and saved like a wrong one.
  public func answerNothing(
    to question: Question, kind: StudyQueue.Kind, milliseconds: Int
  ) throws(ProgressError) -> Feedback {
    let grade = Grade.unanswered(question)
    shownInSession += 1
    let feedback = try schedule(
      question, kind: kind, grade: grade, rating: grade.suggestedRating, input: "",
      milliseconds: milliseconds, previous: store.state(for: question.id))
    summary.add(feedback, milliseconds: milliseconds)
    return feedback
  }

  /// Replaces the rating of the last answer (the learner overrides the automatic one).
  ///
  /// On disk this is one journal line that replaces the saved review, so a crash or a failed
  /// write leaves the old rating standing until the new one is durable.
  public func changeLastRating(to rating: Rating) throws(ProgressError) -> Feedback? {
    guard let last, last.feedback.rating != rating else { return last?.feedback }
    let question = last.feedback.question
    guard last.feedback.state != nil else {
      // Study ahead saves nothing, so there is nothing on disk to replace.
      let feedback = Feedback(
        question: question, grade: last.feedback.grade, rating: rating, state: nil)
      self.last = (feedback, last.previous, last.input, last.milliseconds)
      summary.replaceLastRating(with: rating)
      return feedback
    }
    let now = clock()
    let state = scheduler.review(
      last.previous ?? .new(at: now), rating: rating, at: now, using: &random,
      placement: placement(for: question.id, at: now))
    let saved = try store.rerateLast(
      ReviewRecord(
        cardID: question.id, reviewedAt: now, rating: rating, answer: last.input,
        accepted: last.feedback.grade.isAccepted, responseMilliseconds: last.milliseconds,
        state: state))
    refreshState(of: question.id)
    let feedback = Feedback(
      question: question, grade: last.feedback.grade, rating: rating, state: saved.state)
    self.last = (feedback, last.previous, last.input, last.milliseconds)
    summary.replaceLastRating(with: rating)
    return feedback
  }

  /// Takes back the last answer, in memory and on disk; returns its question to ask again.
  public func undo() throws(ProgressError) -> Question? {
    guard let last else { return nil }
    if last.feedback.state != nil {
      _ = try store.undoLast(at: clock())
      refreshState(of: last.feedback.question.id)
      uncountLast()
    }
    seenAhead.remove(last.feedback.question.id)
    self.last = nil
    shownInSession -= 1
    summary.removeLast()
    return last.feedback.question
  }

  public var canUndo: Bool { last != nil }

  /// Suspends the card: no session shows it again until `recall unsuspend`. Saved at once.
  public func suspend(_ question: Question) throws(ProgressError) {
    try store.suspend(question.id, at: clock())
    refreshMarks(of: question.id)
  }

  /// Buries the card until the study day ends; returns that moment. Saved at once.
  @discardableResult
  public func bury(_ question: Question) throws(ProgressError) -> Date {
    let now = clock()
    let until = StudyDay(containing: now, timeZone: options.timeZone).end
    try store.bury(question.id, until: until, at: now)
    refreshMarks(of: question.id)
    return until
  }

  /// Flags the card as wrong, with what the learner said about it; it is still shown.
  public func flag(_ question: Question, note: String?) throws(ProgressError) {
    try store.flag(question.id, note: note, at: clock())
    refreshMarks(of: question.id)
  }

  private func refreshMarks(of id: String) {
    if let position = positions[id] ?? questions.firstIndex(where: { $0.id == id }) {
      marks[position] = store.marks[id]
    }
  }

  private func schedule(
    _ question: Question, kind: StudyQueue.Kind, grade: Grade, rating: Rating, input: String,
    milliseconds: Int, previous: CardState?
  ) throws(ProgressError) -> Feedback {
    let now = clock()
    guard kind != .ahead else {
      seenAhead.insert(question.id)
      let feedback = Feedback(question: question, grade: grade, rating: rating, state: nil)
      last = (feedback, previous, input, milliseconds)
      return feedback
    }
    let state = scheduler.review(
      previous ?? .new(at: now), rating: rating, at: now, using: &random,
      placement: placement(for: question.id, at: now))
    let saved = try store.record(
      ReviewRecord(
        cardID: question.id, reviewedAt: now, rating: rating, answer: input,
        accepted: grade.isAccepted, responseMilliseconds: milliseconds, state: state))
    refreshState(of: question.id)
    let counted =
      previous == nil || previous?.phase == .new
      ? StudyQueue.DoneToday(newCards: 1) : StudyQueue.DoneToday(reviews: 1)
    doneToday.newCards += counted.newCards
    doneToday.reviews += counted.reviews
    lastCounted = counted
    let feedback = Feedback(question: question, grade: grade, rating: rating, state: saved.state)
    last = (feedback, previous, input, milliseconds)
    return feedback
  }

  /// The days ahead as the scheduler should see them for a review of the card `id` now: the
  /// reviews due on each (this card's own and suspended ones left out) when the session
  /// balances load or prepares for an exam, and the days until the exam.
  private func placement(for id: String, at now: Date) -> ReviewPlacement {
    let examDays = options.exam?.daysAhead(of: now, timeZone: options.timeZone)
    guard options.balancesLoad || !options.easyDays.isEmpty || examDays != nil else {
      return .none
    }
    let position = positions[id] ?? questions.firstIndex(where: { $0.id == id })
    let load = LoadBalancer(
      cards: states,
      isLeftOut: { index in index == position || self.marks[index]?.suspended == true },
      now: now, day: StudyDay(containing: now, timeZone: options.timeZone),
      timeZone: options.timeZone, easyDays: options.easyDays)
    return ReviewPlacement(load: load, examDays: examDays)
  }

  /// Gives back the new-card or review slot the last answer used.
  private func uncountLast() {
    guard let counted = lastCounted else { return }
    doneToday.newCards -= counted.newCards
    doneToday.reviews -= counted.reviews
    lastCounted = nil
  }

  /// Cards that fall due after now and before the study day ends, suspended and buried ones
  /// left out: the learning steps still to come today.
  public func dueLaterToday() -> Int {
    let now = clock()
    let end = StudyDay(containing: now, timeZone: options.timeZone).end
    var count = 0
    for (position, state) in states.enumerated() {
      guard let state, state.phase != .new, state.due > now, state.due < end else { continue }
      if let marks = marks[position], marks.hidesCard(at: now) { continue }
      count += 1
    }
    return count
  }

  /// The saved phase of the card, so a relearning card is not called learning.
  public func phase(of question: Question) -> CardState.Phase? {
    store.state(for: question.id)?.phase
  }

  /// When the card falls due, if that is still to come: a learning card the session shows
  /// early (nothing else is left) says so rather than pass for a due one.
  public func dueLater(_ question: Question) -> Date? {
    guard let due = store.state(for: question.id)?.due, due > clock() else { return nil }
    return due
  }

  private func refreshState(of id: String) {
    // Questions handed out by `next()` are remembered; others (a caller's own) are searched.
    if let position = positions[id] ?? questions.firstIndex(where: { $0.id == id }) {
      states[position] = store.state(for: id)
    }
  }

  /// How many cards fall due in each of the next `days` study days after today.
  public func dueAhead(days: Int) -> [Int] {
    let now = clock()
    let today = StudyDay(containing: now, timeZone: options.timeZone)
    var counts = [Int](repeating: 0, count: days)
    for question in questions where store.marks[question.id]?.suspended != true {
      guard let state = store.state(for: question.id), state.phase != .new,
        let offset = today.daysAfter(state.due), offset < days
      else { continue }
      counts[offset] += 1
    }
    return counts
  }

  /// What opening the deck's progress migrated, for the caller to tell the learner.
  public var migration: ProgressMigration? { store.migration }

  /// Ends the session: folds the journal into the snapshot and releases the lock.
  public func close() throws(ProgressError) {
    try store.close()
  }
}
