import RecallSynthetic
import Testing

@testable import RecallKit

@Suite struct ParallelGenerationTests {
  /// A deck large enough to be generated on two threads gives exactly the questions, in the
  /// same order, that generating its facts one after another gives.
  @Test func twoThreadsGiveTheSerialResult() {
    let deck = SyntheticDeck.make(factCount: QuestionGenerator.parallelThreshold + 1_001)
    let generator = QuestionGenerator(deck: deck, seed: 5)
    let serial = deck.facts.flatMap { generator.questions(for: $0) }
    let whole = generator.rawQuestions()
    #expect(whole.count >= serial.count)
    #expect(Array(whole.prefix(serial.count)) == serial)
  }
}
