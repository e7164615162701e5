import Foundation
import RecallKit

/// A large made-up collection for measuring speed: a deck of `facts` one-card statements and
/// the progress files of a learner who answered `reviews` times over three years.
///
/// Each fact is a sentence whose key term has no known kind, so it yields exactly one card
/// (a cloze), and the card count equals the fact count, as in the Anki comparison.
/// The review log is written in the store's own line format, in time order; every card's
/// state comes from the FSRS scheduler, so the snapshot is what replaying the log would give.
public struct SyntheticCollection: Sendable {
  public var deckID: String
  public var facts: Int
  public var reviews: Int
  /// The moment the history ends; reviews fall in the three years before it.
  public var now: Date
  public var seed: UInt64

  public init(
    deckID: String = "synthetic", facts: Int, reviews: Int,
    now: Date = Date(timeIntervalSince1970: 1_735_689_600), seed: UInt64 = 1
  ) {
    self.deckID = deckID
    self.facts = facts
    self.reviews = reviews
    self.now = now
    self.seed = seed
  }

  /// The card id of fact `index`.
  public func cardID(_ index: Int) -> String { "fact-\(index)/cloze" }

  /// The deck file's text.
  public func deckYAML() -> String {
    var text = "# A synthetic deck for benchmarks, written by `recall-bench make-collection`.\n"
    text += "id: \(deckID)\ntitle: Synthetic collection of \(facts) facts\n"
    text += "subject: Benchmarks\nlanguage: en\nsource:\n  title: recall-bench make-collection\n"
    text += "facts:\n"
    text.reserveCapacity(text.utf8.count + facts * 110)
    for index in 0..<facts {
      text += "  - id: fact-\(index)\n    kind: statement\n"
      text += "    text: Synthetic statement \(index) names the term [[zq\(index)x]].\n"
    }
    return text
  }

  /// One review in the simulated history.
  struct Event {
    var card: Int32
    var rating: Rating
    var at: Date
    var state: CardState
  }

  /// The simulated history, in time order. Nine cards in ten have been studied; each was
  /// introduced on a random day in the three years and reviewed at increasing intervals.
  func history() -> [Event] {
    var random = SplitMix64(seed: seed)
    let scheduler: FSRSScheduler
    do { scheduler = try FSRSScheduler() } catch { return [] }
    let studied = reviews == 0 ? 0 : max(1, min(facts, facts - facts / 10))
    var events: [Event] = []
    events.reserveCapacity(reviews)
    let span = 3 * 365 * 86_400.0
    for card in 0..<studied {
      let count = reviews / studied + (card < reviews % studied ? 1 : 0)
      guard count > 0 else { continue }
      let start = now - span + Double(random.next() % UInt64(span - 86_400))
      let length = now.timeIntervalSince(start) - 60
      var state = CardState.new(at: start)
      for step in 0..<count {
        let fraction = Double(step) / Double(count)
        let at = start + length * fraction * fraction
        let roll = random.next() % 20
        let rating: Rating = roll == 0 ? .again : roll == 1 ? .hard : roll == 2 ? .easy : .good
        state = scheduler.review(state, rating: rating, at: max(at, state.lastReview ?? at))
        events.append(
          Event(card: Int32(card), rating: rating, at: state.lastReview ?? at, state: state))
      }
    }
    events.sort { $0.at < $1.at }
    return events
  }

  /// The history as input for `recall schedule replay`: one `card`, `time`, `rating` line per
  /// review, in time order.
  public func replayInput() -> String {
    var text = ""
    text.reserveCapacity(reviews * 80)
    for event in history() {
      text += #"{"card": ""# + cardID(Int(event.card)) + #"", "time": ""#
      text += UTCTimestamp.format(event.at) + #"", "rating": ""# + event.rating.name + "\"}\n"
    }
    return text
  }

  /// Writes `<folder>/Decks/<id>.yaml` and the deck's progress files under
  /// `<folder>/Progress`, replacing what is there. The history goes through
  /// `ProgressStore.importHistory`, the path `recall import --with-history` takes, so the files
  /// are the store's own and every review is checked as a real one would be.
  public func write(to folder: String) throws {
    try FileManager.default.createDirectory(
      atPath: folder + "/Decks", withIntermediateDirectories: true)
    try Data(deckYAML().utf8).write(
      to: URL(fileURLWithPath: folder + "/Decks/\(deckID).yaml"), options: .atomic)

    var states: [String: CardState] = [:]
    states.reserveCapacity(facts)
    let reviews = history().map { event in
      let id = cardID(Int(event.card))
      states[id] = event.state
      return ReviewRecord(
        cardID: id, reviewedAt: event.at, rating: event.rating,
        answer: event.rating == .again ? "" : "zq\(event.card)x", accepted: event.rating != .again,
        responseMilliseconds: 2_000 + Int(event.card % 7) * 500, state: event.state)
    }
    try ProgressStore.importHistory(
      deckID: deckID, directory: folder + "/Progress", reviews: reviews, states: states,
      replacing: true)
  }
}
