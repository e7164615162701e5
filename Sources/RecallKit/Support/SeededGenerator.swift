/// The one seeded random source (SplitMix64): questions, study order, hints and worksheets all
/// draw from it.
///
/// A seed must give the same output on every machine and Swift version, so nothing here leans
/// on the standard library's unspecified shuffling or sampling.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var core: SplitMix64

  public init(seed: UInt64) {
    core = SplitMix64(seed: seed)
  }

  /// A generator for one item (a question, say), independent of every other item's stream:
  /// adding a fact elsewhere in a deck leaves this item's draws unchanged.
  public init(seed: UInt64, salt: String) {
    core = SplitMix64(seed: seed ^ SeededGenerator.stableHash(salt))
  }

  public mutating func next() -> UInt64 { core.next() }

  /// A value in `0..<bound` (bound > 0), without modulo bias worth noticing at these sizes.
  public mutating func next(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int((next() >> 11) % UInt64(bound))
  }

  public mutating func nextBool() -> Bool { next() >> 63 == 1 }

  /// Fisher–Yates with this generator, so the result is fixed by the seed alone.
  public mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for index in stride(from: items.count - 1, to: 0, by: -1) {
      let other = next(below: index + 1)
      if other != index { items.swapAt(index, other) }
    }
  }

  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var copy = items
    shuffle(&copy)
    return copy
  }

  /// A random arrangement of `0..<count`: `result[newPosition] == oldPosition`.
  public mutating func permutation(of count: Int) -> [Int] {
    shuffled(Array(0..<count))
  }

  /// FNV-1a over UTF-8: a hash that, unlike `Hasher`, is the same in every process.
  public static func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }
}
