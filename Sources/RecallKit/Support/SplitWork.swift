import Dispatch

/// Work on a long array done in two halves at once, one on each core, and joined in order:
/// whenever each element's result depends on that element alone, the result is the one a
/// single thread gives, so output stays the same and deterministic.
enum SplitWork {
  /// `transform` applied to the first and the second half of `items` on two threads, the
  /// results joined in that order; below `minimumCount` items, to all of them on this thread
  /// (starting a second thread costs more than it saves).
  static func map<Element: Sendable, Value: Sendable>(
    _ items: [Element], minimumCount: Int,
    _ transform: @Sendable (ArraySlice<Element>) -> [Value]
  ) -> [Value] {
    guard items.count >= minimumCount, items.count >= 2 else { return transform(items[...]) }
    let middle = items.count / 2
    let halves = ResultSlots<[Value]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      halves.set(half, transform(half == 0 ? items[..<middle] : items[middle...]))
    }
    return halves.values.flatMap { $0 }
  }
}
