import Foundation
import RecallKit

// Prints one line per benchmark; arguments, if any, keep only the rows whose name contains one.
// `scale`, `collection`, `progress` and `check` name the whole-process, progress-store and check groups.
// `make-collection --cards N --reviews M --out DIR` writes a synthetic collection instead;
// `load-deck FILE...` only loads decks, as `recall check` does first (for hyperfine).
// `make-review-log --reviews N --out FILE` a synthetic review log for the optimizer.
// Build in release: swift build -c release && .build/release/recall-bench
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "make-collection" {
  exit(MakeCollection.run(Array(arguments.dropFirst())))
}
if arguments.first == "load-deck" {
  exit(LoadDeck.run(Array(arguments.dropFirst())))
}
if arguments.first == "make-review-log" {
  exit(MakeReviewLog.run(Array(arguments.dropFirst())))
}
let filters = arguments.map { $0.lowercased() }
func wanted(_ name: String) -> Bool {
  filters.isEmpty || filters.contains { name.lowercased().contains($0) }
}
#if DEBUG
  print("recall-bench: this is a debug build; use `swift run -c release recall-bench`")
#endif
for benchmark in Benchmarks.all where wanted(benchmark.name) {
  let (best, checksum) = benchmark.measure(repetitions: 5)
  let name = benchmark.name.padding(toLength: 36, withPad: " ", startingAt: 0)
  print("\(name) \(benchmark.describe(best))  (best of 5; checksum \(checksum % 1000))")
}
// Rows that time themselves (wall and processor time, percentiles, or whole processes).
if wanted("generate") { print(benchmarkGeneration()) }
if wanted("progress") { print(benchmarkProgress()) }
if wanted("class") { print(benchmarkClassReport()) }
if wanted("draft") { print(benchmarkDraft()) }
if wanted("check") { benchmarkCheck().forEach { print($0) } }
if wanted("simulate") || wanted("forecast") {
  benchmarkSimulationProcesses().forEach { print($0) }
}
if wanted("scale") { ScaleBenchmark.run(runs: 11) { print($0) } }
if wanted("collection") { CollectionBenchmark.run(runs: 11) { print($0) } }
