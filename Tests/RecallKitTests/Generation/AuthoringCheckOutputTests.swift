import RecallSynthetic
import RecallTestSupport
import Testing

@testable import RecallKit

/// `recall check`'s warnings and left-out questions for a seeded deck, kept as a snapshot: the
/// speed-ups of #19 must leave them as they were, byte for byte and in the same order.
@Suite struct AuthoringCheckOutputTests {
  @Test func theDiagnosticsOfASeededDeckAreUnchanged() {
    var check = DeckAuthoringCheck(deck: SyntheticDeck.make(factCount: 600, seed: 19))
    check.includesLeftOutQuestions = true
    let text = check.diagnostics().map { "\($0)\n" }.joined()
    expectSnapshot(text, named: "check/synthetic-600-facts.txt")
  }
}
