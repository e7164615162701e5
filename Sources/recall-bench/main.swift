import Foundation

// Prints one line per benchmark; arguments, if any, keep only the rows whose name contains one.
// Build in release: swift run -c release recall-bench
let filters = CommandLine.arguments.dropFirst().map { $0.lowercased() }
let selected = Benchmarks.all.filter { benchmark in
  filters.isEmpty || filters.contains { benchmark.name.lowercased().contains($0) }
}
#if DEBUG
  print("recall-bench: this is a debug build; use `swift run -c release recall-bench`")
#endif
for benchmark in selected {
  let (best, checksum) = benchmark.measure(repetitions: 5)
  let name = benchmark.name.padding(toLength: 36, withPad: " ", startingAt: 0)
  print("\(name) \(benchmark.describe(best))  (best of 5; checksum \(checksum % 1000))")
}
