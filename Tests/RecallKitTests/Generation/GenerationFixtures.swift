import Foundation
import RecallKit
import RecallSynthetic
import RecallTestSupport
import Testing

/// Decks the generator tests share: the small fixture, the shipped Bajgora deck and a synthetic
/// deck, each loaded once.
enum GenerationFixtures {
  static func load(_ path: String) throws -> Deck {
    let result = try DeckLoader().load(path: path)
    return try #require(result.deck, "\(path) does not load: \(result.diagnostics)")
  }

  /// Tests/RecallKitTests/Fixtures/generation/small.yaml.
  static func small() throws -> Deck {
    try load(Repository.fixture("generation/small.yaml").path)
  }

  /// Decks/bajgora-offensive.yaml, the deck the app ships.
  static func bajgora() throws -> Deck {
    try load(Repository.deck("bajgora-offensive").path)
  }

  /// The decks property tests run over.
  enum Named: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case small, bajgora, synthetic

    var testDescription: String { rawValue }

    func deck() throws -> Deck {
      switch self {
      case .small: try GenerationFixtures.small()
      case .bajgora: try GenerationFixtures.bajgora()
      case .synthetic: SyntheticDeck.make(factCount: 400, seed: 3)
      }
    }
  }
}
