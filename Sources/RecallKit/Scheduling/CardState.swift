import Foundation

/// How a learner rated a review, as FSRS numbers them.
public enum Rating: Int, Hashable, Sendable, Codable, CaseIterable {
  case again = 1
  case hard = 2
  case good = 3
  case easy = 4

  /// The lowercase name used in logs and commands.
  public var name: String {
    switch self {
    case .again: "again"
    case .hard: "hard"
    case .good: "good"
    case .easy: "easy"
    }
  }

  /// Reads `again`/`hard`/`good`/`easy` or `1`–`4`.
  public init?(name: String) {
    switch name.lowercased() {
    case "again", "1": self = .again
    case "hard", "2": self = .hard
    case "good", "3": self = .good
    case "easy", "4": self = .easy
    default: return nil
    }
  }
}

/// A card's memory and schedule: what FSRS needs to decide the next review.
public struct CardState: Hashable, Sendable, Codable {
  /// Where the card is in its life; `new` cards have never been reviewed.
  public enum Phase: String, Hashable, Sendable, Codable, CaseIterable {
    case new, learning, review, relearning
  }

  public var phase: Phase
  /// The learning or relearning step the card is on, or nil in review.
  public var step: Int?
  public var stability: Double?
  public var difficulty: Double?
  public var due: Date
  public var lastReview: Date?

  public init(
    phase: Phase = .new, step: Int? = 0, stability: Double? = nil, difficulty: Double? = nil,
    due: Date, lastReview: Date? = nil
  ) {
    self.phase = phase
    self.step = step
    self.stability = stability
    self.difficulty = difficulty
    self.due = due
    self.lastReview = lastReview
  }

  /// A card never reviewed, due at `now`.
  public static func new(at now: Date) -> CardState {
    CardState(phase: .new, step: 0, due: now)
  }
}
