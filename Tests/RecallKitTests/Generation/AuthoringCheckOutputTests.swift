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

  /// The rules that read one question alone find the same, in the same order, whether the
  /// questions are screened on one thread or in two halves at once.
  @Test func screeningInTwoHalvesGivesTheOneThreadResult() throws {
    let deck = try GenerationFixtures.bajgora()
    let questions = QuestionGenerator(deck: deck).rawQuestions()
    let linter = QuestionLinter(deck: deck)
    let whole = linter.screen(questions, splittingFrom: .max)
    #expect(whole.contains { $0.finding != nil })
    #expect(linter.screen(questions, splittingFrom: 2) == whole)
  }

  /// The two duplicate checks give the same warnings, in the same order, one after the other
  /// or at once.
  @Test(arguments: [AuthoringCheckScaleTests.schools(40), AuthoringCheckScaleTests.shellings(40)])
  func theDuplicateChecksAtOnceGiveTheOneThreadResult(text: String) throws {
    var check = DeckAuthoringCheck(deck: try AuthoringCheckScaleTests.deck(text))
    check.minimumSplitCount = .max
    let one = check.diagnostics()
    #expect(one.contains { $0.severity == .warning })
    check.minimumSplitCount = 2
    #expect(check.diagnostics() == one)
  }
}
