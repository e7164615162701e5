import Foundation

/// Several deck files read at once, one per core: a session over the whole deck folder, or
/// `recall decks`, waits for the slowest deck rather than for their sum.
public enum DeckFolderLoad {
  /// What reading one file gave: the loaded result and the hash it was read from (see
  /// `DeckSource`), or why the file could not be read at all.
  public struct File: Sendable {
    public var path: String
    public var result: Result<DeckLoadResult, DeckFileError>
    public var source: DeckSource?
  }

  /// Each of `paths` read with `loader`, in the order given.
  public static func load(_ paths: [String], loader: DeckLoader = DeckLoader()) -> [File] {
    let slots = ResultSlots<File>(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      let path = paths[index]
      do {
        let (result, source) = try DeckSource.reading(path) { () throws(DeckFileError) in
          try loader.load(path: path)
        }
        slots.set(index, File(path: path, result: .success(result), source: source))
      } catch let error as DeckFileError {
        slots.set(index, File(path: path, result: .failure(error), source: nil))
      } catch {
        slots.set(
          index,
          File(
            path: path, result: .failure(.unreadable(path, reason: "\(error)")), source: nil))
      }
    }
    return slots.values
  }
}

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
