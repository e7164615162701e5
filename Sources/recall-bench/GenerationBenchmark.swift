import Foundation
import RecallKit

/// Times generating every question of a synthetic 10,000-fact deck (target: under 0.5 s in a
/// release build) and returns a printable row. The deck is built outside the timing; the
/// generator's own index is built inside it, since every caller pays for it.
func benchmarkGeneration(factCount: Int = 10_000, repetitions: Int = 5) -> String {
  let deck = SyntheticDeck.make(factCount: factCount, seed: 1)
  let clock = ContinuousClock()
  var best = Duration.seconds(Int64.max)
  var questions = 0
  for _ in 0..<repetitions {
    let start = clock.now
    questions = QuestionGenerator(deck: deck, seed: 1).questions().count
    best = min(best, clock.now - start)
  }
  let milliseconds =
    Double(best.components.seconds) * 1_000 + Double(best.components.attoseconds) / 1e15
  let name = "generate \(factCount) facts".padding(toLength: 36, withPad: " ", startingAt: 0)
  let figure = (milliseconds * 10).rounded() / 10
  return "\(name) \(figure) ms  (\(questions) questions, best of \(repetitions))"
}
