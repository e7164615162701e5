import Foundation
import RecallKit

extension Benchmarks {
  /// `recall import --with-history` without the process: a 10,000-note package with 100,000
  /// reviews (Recall's own export of a synthetic deck) read, turned into a deck, replayed
  /// through FSRS and written as progress.
  static let ankiImport = Benchmark(
    name: "anki: import 10k notes, 100k reviews", report: .duration
  ) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-bench-anki-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let package = folder.appendingPathComponent("synthetic.apkg").path
    let location = SourceLocation(file: "synthetic", line: 1, column: 1)
    let cards = (0..<10_000).map { index in
      HandCard(
        id: "card-\(index)", kind: .short, prompt: "In which year did treaty \(index) take effect?",
        answers: [String(1900 + index % 100)], tags: ["decade-\(index % 10)"], location: location)
    }
    let deck = Deck(
      id: "synthetic", title: "Synthetic", subject: "Synthetic", language: "en",
      source: Deck.Source(title: "recall-bench"), facts: [], cards: cards, path: "synthetic.yaml")
    let questions = QuestionGenerator(deck: deck, seed: 0).questions(types: nil)
    let scheduler = makeScheduler(SchedulerOptions())
    var generator = SplitMix64(seed: 4)
    var reviews: [ReviewRecord] = []
    var states: [String: CardState] = [:]
    for question in questions {
      var state = CardState.new(at: now - 400 * 86_400)
      for _ in 0..<10 {
        let at = max(state.due, state.lastReview ?? state.due) + 60
        let rating = Rating(rawValue: Int(generator.next() % 4) + 1) ?? .good
        state = scheduler.review(state, rating: rating, at: at, using: &generator)
        reviews.append(
          ReviewRecord(
            cardID: question.id, reviewedAt: at, rating: rating, answer: "", accepted: true,
            responseMilliseconds: 4000, state: state))
      }
      states[question.id] = state
    }
    reviews.sort { $0.reviewedAt < $1.reviewedAt }
    let history = AnkiExportHistory(
      reviews: reviews, states: states, counts: CardCounts.tally(reviews))
    if let data = try? AnkiPackageExporter().package(questions, deck: deck, history: history) {
      FileManager.default.createFile(atPath: package, contents: data)
    }
    let progress = ProgressLibrary(directory: folder.appendingPathComponent("progress").path)
    return {
      let imported = AnkiPackageImporter(options: ImportOptions(format: .apkg, deckID: "synthetic"))
        .importPackage(path: package)
      let history = AnkiHistoryImport(imported)
      try? history.write(deckID: "synthetic", to: progress, replacing: true)
      let lastDue = history.reviews.last.map { Int($0.state.due.timeIntervalSince1970) } ?? 0
      return (imported.result.deck?.cards.count ?? 0) &+ history.reviews.count &+ lastDue
    }
  }
}
