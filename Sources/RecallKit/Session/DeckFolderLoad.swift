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

  /// Each of `paths` read with `loader`, in the order given; through the index in `cache` when
  /// there is one (see `StudyIndex`).
  public static func load(
    _ paths: [String], loader: DeckLoader = DeckLoader(), cache: IndexCache? = nil
  ) -> [File] {
    load(paths, loader: loader, cache: cache) { $0 }
  }

  /// Each of `paths` read with `loader` and handed to `then` on the same thread, in the order
  /// given: what a command works out per deck (its questions, its progress) is spread over the
  /// cores too, rather than done one deck after another once all are read.
  public static func load<Value: Sendable>(
    _ paths: [String], loader: DeckLoader = DeckLoader(), cache: IndexCache? = nil,
    then: @Sendable (File) -> Value
  ) -> [Value] {
    let slots = ResultSlots<Value>(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      slots.set(index, then(read(paths[index], loader: loader, cache: cache)))
    }
    return slots.values
  }

  private static func read(_ path: String, loader: DeckLoader, cache: IndexCache?) -> File {
    do {
      let (result, source) = try StudyIndex.load(path: path, loader: loader, cache: cache)
      return File(path: path, result: .success(result), source: source)
    } catch let error as DeckFileError {
      return File(path: path, result: .failure(error), source: nil)
    } catch {
      return File(
        path: path, result: .failure(.unreadable(path, reason: "\(error)")), source: nil)
    }
  }
}
