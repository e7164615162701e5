import ArgumentParser
import Foundation
import RecallKit

/// `recall stats`: where a learner stands on a deck.
public struct StatsCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Show cards by state, what is due, and reviews and accuracy so far.",
    discussion: """
      Text is for people; --format json is for scripts:
        {"deck", "cards": {"new", "learning", "review", "relearning"}, "due_now",
         "due_next_7_days", "reviews", "accuracy", "time_studied_seconds"}
      """)

  /// Output forms.
  public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
  }

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Argument(help: ArgumentHelp("Deck id or path to a deck file.", valueName: "deck"))
  public var deck: String

  @Option(help: "text or json.")
  public var format: Format = .text

  @Option(help: ArgumentHelp("Pretend the time is this ISO 8601 instant.", valueName: "time"))
  public var now: String?

  @Option(help: "Seed the questions are generated with (ids do not depend on it).")
  public var seed: UInt64 = 0

  public init() {}

  public func validate() throws {
    if let now, case .failure(let error) = UTCTimestamp.parse(now) {
      throw ValidationError("--now: \(error)")
    }
  }

  public func run() throws {
    let status = run(console: .standard, environment: ProcessInfo.processInfo.environment)
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// The command with its output injected.
  public func run(console: Console, environment: [String: String]) -> ExitStatus {
    let loading = DeckLoading(library: libraryOptions.library(), console: console)
    let deck: Deck
    switch loading.load(self.deck, printWarnings: false) {
    case .failure(let failure): return failure.status
    case .success(let loaded): deck = loaded
    }
    let fixed = now.flatMap { try? UTCTimestamp.parse($0).get() }
    let moment = fixed ?? Date()
    let zone = fixed == nil ? TimeZone.current : TimeZone(identifier: "UTC") ?? .current
    let statistics: DeckStatistics
    do {
      let store = try progressOptions.library().openReadOnly(deckID: deck.id)
      let ids = QuestionGenerator(deck: deck, seed: seed).questions().map(\.id)
      statistics = try DeckStatistics(cardIDs: ids, store: store, now: moment, timeZone: zone)
    } catch {
      console.errorLine("recall: error: \(error)")
      return error.exitStatus
    }
    switch format {
    case .json: console.line(Self.json(statistics, deck: deck.id))
    case .text:
      text(
        statistics, deck: deck, style: TerminalStyle.current(environment: environment),
        console: console)
    }
    return .ok
  }

  static func json(_ statistics: DeckStatistics, deck: String) -> String {
    func number(_ value: Double?) -> String {
      guard let value else { return "null" }
      return String(format: "%.4f", value)
    }
    let cards = CardState.Phase.allCases.map { "\"\($0.rawValue)\": \(statistics.cards[$0] ?? 0)" }
    let escapedDeck = deck.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    return "{\"deck\": \"\(escapedDeck)\", \"cards\": {\(cards.joined(separator: ", "))}, "
      + "\"due_now\": \(statistics.dueNow), "
      + "\"due_next_7_days\": [\(statistics.dueByDay.map(String.init).joined(separator: ", "))], "
      + "\"reviews\": \(statistics.reviews), \"accuracy\": \(number(statistics.accuracy)), "
      + "\"time_studied_seconds\": \(statistics.milliseconds / 1000)}"
  }

  private func text(
    _ statistics: DeckStatistics, deck: Deck, style: TerminalStyle, console: Console
  ) {
    console.line(style.bold(TextSanitizer.visible(deck.title)))
    let cards = CardState.Phase.allCases.map { "\(statistics.cards[$0] ?? 0) \($0.rawValue)" }
    console.line("cards: " + cards.joined(separator: " · "))
    console.line("due now: \(statistics.dueNow)")
    let accuracy = statistics.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    console.line("reviews: \(statistics.reviews) · accuracy \(accuracy)")
    console.line("due in the next 7 days:")
    for line in Self.bars(statistics.dueByDay) { console.line(line) }
  }

  /// One bar a day, scaled to 40 characters at the busiest day.
  static func bars(_ counts: [Int]) -> [String] {
    let peak = max(1, counts.max() ?? 1)
    return counts.enumerated().map { day, count in
      let label = day == 0 ? "tomorrow" : "in \(day + 1) days"
      let width = count == 0 ? 0 : max(1, count * 40 / peak)
      return label.padding(toLength: 10, withPad: " ", startingAt: 0)
        + String(repeating: "█", count: width) + " \(count)"
    }
  }
}
