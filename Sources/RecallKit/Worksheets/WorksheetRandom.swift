/// A small seeded random source (SplitMix64) with its own shuffle, so a seed gives the same
/// worksheet on every platform and toolchain: the standard library's `shuffle(using:)` is free to
/// change how it consumes random numbers.
public struct WorksheetRandom: Sendable {
  private var core: SplitMix64

  public init(seed: UInt64) { core = SplitMix64(seed: seed) }

  /// A random source for one purpose (a version, a question), independent of the others.
  public init(seed: UInt64, stream: UInt64) {
    var mixer = WorksheetRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    core = SplitMix64(seed: mixer.next())
  }

  public mutating func next() -> UInt64 { core.next() }

  /// A uniform integer in `0..<bound`, without modulo bias.
  public mutating func next(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let limit = UInt64(bound)
    let threshold = (0 &- limit) % limit
    while true {
      let value = next()
      let (high, low) = value.multipliedFullWidth(by: limit)
      if low >= threshold { return Int(high) }
    }
  }

  /// Fisher–Yates, drawing exactly one number per step.
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for index in stride(from: elements.count - 1, to: 0, by: -1) {
      let other = next(below: index + 1)
      if other != index { elements.swapAt(index, other) }
    }
  }

  public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
    var copy = elements
    shuffle(&copy)
    return copy
  }

  /// A random arrangement of `0..<count`: `result[newPosition] == oldPosition`.
  public mutating func permutation(of count: Int) -> [Int] {
    shuffled(Array(0..<count))
  }
}
