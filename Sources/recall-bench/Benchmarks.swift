import Foundation
import RecallKit

/// The rows `recall-bench` prints. Later features add theirs here.
enum Benchmarks {
  static let now = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00 UTC

  static var all: [Benchmark] {
    [
      schedulingThroughput, replayThroughput, dueQueue, ankiImport, forecast, simulation,
      retentionComparison, optimize10k, optimize100k,
    ]
  }

  /// FSRS reviews of 10,000 cards, 100 each at random ratings and times, fuzz on.
  static let schedulingThroughput = Benchmark(
    name: "schedule: FSRS reviews (fuzz on)", report: .throughput(count: 1_000_000, unit: "reviews")
  ) {
    let scheduler = makeScheduler(SchedulerOptions())
    return {
      var generator = SplitMix64(seed: 1)
      var checksum = 0
      for _ in 0..<10_000 {
        var card = CardState.new(at: now)
        for _ in 0..<100 {
          let rating = Rating(rawValue: Int(generator.next() % 4) + 1) ?? .good
          let lateness = Double(generator.next() % 172_800) - 43_200
          let at = max(card.due + lateness, card.lastReview ?? now)
          card = scheduler.review(card, rating: rating, at: at, using: &generator)
        }
        checksum &+= Int(card.due.timeIntervalSince1970)
      }
      return checksum
    }
  }

  /// `recall schedule replay` without the process: JSON Lines in, JSON Lines out.
  static let replayThroughput = Benchmark(
    name: "replay: review log lines", report: .throughput(count: 200_000, unit: "lines")
  ) {
    var generator = SplitMix64(seed: 2)
    var log = ""
    var times = [Date](repeating: now, count: 2_000)
    let names = ["again", "hard", "good", "easy"]
    for _ in 0..<200_000 {
      let card = Int(generator.next() % 2_000)
      times[card] += Double(generator.next() % 864_000)
      let rating = names[Int(generator.next() % 4)]
      log +=
        #"{"card": "deck/fact-\#(card)/date", "time": "\#(UTCTimestamp.format(times[card]))", "#
        + #""rating": "\#(rating)"}"# + "\n"
    }
    let data = Data(log.utf8)
    return {
      guard var replay = try? ReviewReplay(options: SchedulerOptions()) else { return 0 }
      var bytes = 0
      _ = replay.run(data, file: "-", output: { bytes &+= $0.utf8.count }, diagnostic: { _ in })
      return bytes
    }
  }

  /// The study queue over 100,000 cards: new, learning, due and not-yet-due reviews.
  static let dueQueue = Benchmark(
    name: "queue: build over 100,000 cards", report: .duration
  ) {
    let scheduler = makeScheduler(SchedulerOptions())
    var generator = SplitMix64(seed: 3)
    func uniform(_ range: ClosedRange<Double>) -> Double {
      Double.random(in: range, using: &generator)
    }
    let cards: [CardState?] = (0..<100_000).map { index in
      switch index % 20 {
      case 0, 1: return nil
      case 2:
        return CardState(
          phase: .learning, step: 1, stability: 2.3, difficulty: 5, due: now + uniform(-600...600),
          lastReview: now - 600)
      default:
        let stability = uniform(1...400)
        let due = now + uniform(-30...400) * 86_400
        return CardState(
          phase: .review, step: nil, stability: stability, difficulty: uniform(1...10), due: due,
          lastReview: due - stability * 86_400)
      }
    }
    let day = StudyDay(containing: now, timeZone: TimeZone(identifier: "UTC") ?? .current)
    return {
      let queue = StudyQueue.build(
        cards: cards, now: now, day: day, limits: StudyLimits(newPerDay: 20, reviewsPerDay: 200),
        scheduler: scheduler)
      return queue.entries.count &+ queue.reviewsOverLimit
    }
  }

  static func makeScheduler(_ options: SchedulerOptions) -> FSRSScheduler {
    do {
      return try FSRSScheduler(options: options)
    } catch {
      fatalError("recall-bench: \(error)")
    }
  }
}
