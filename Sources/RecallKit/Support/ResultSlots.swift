import Foundation

/// A fixed number of results filled in from several threads, each slot once.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    slots = [Value?](repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: Value) {
    lock.withLock { slots[index] = value }
  }

  /// Every slot, in order; call once all are set.
  var values: [Value] {
    lock.withLock { slots.compactMap { $0 } }
  }
}
