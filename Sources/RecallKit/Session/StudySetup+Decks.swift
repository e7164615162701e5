import Foundation

extension StudySetup {
  /// A deck ready to be opened for a session: loaded, with its scheduler.
  public struct OpeningDeck: Sendable {
    public var deck: Deck
    public var source: DeckSource?
    public var scheduler: FSRSScheduler

    public init(deck: Deck, source: DeckSource?, scheduler: FSRSScheduler) {
      self.deck = deck
      self.source = source
      self.scheduler = scheduler
    }
  }

  /// Opens each deck for the session, one per core: its progress locked, its questions
  /// generated (only the tagged ones with `tag`), its grading table read from the index or
  /// worked out. A deck whose progress cannot be opened (another session holds its lock, a
  /// damaged file) gives its error and the others are opened all the same.
  public func sessions(
    for decks: [OpeningDeck], in library: ProgressLibrary,
    clock: @escaping @Sendable () -> Date, cache: IndexCache?
  ) -> [Result<StudySession, ProgressError>] {
    let slots = ResultSlots<OpenedSession>(count: decks.count)
    DispatchQueue.concurrentPerform(iterations: decks.count) { index in
      let opening = decks[index]
      let result: Result<StudySession, ProgressError>
      do throws(ProgressError) {
        let store = try library.open(deckID: opening.deck.id)
        do throws(ProgressError) {
          result = .success(
            try session(
              deck: opening.deck, store: store, scheduler: opening.scheduler, clock: clock,
              source: opening.source, cache: cache))
        } catch {
          store.release()
          throw error
        }
      } catch {
        result = .failure(error)
      }
      slots.set(index, OpenedSession(result: result))
    }
    return slots.values.map(\.result)
  }
}

/// A session opened on another thread, handed back once; the store it holds is used by one
/// thread at a time (the opener, then the caller).
private struct OpenedSession: @unchecked Sendable {
  var result: Result<StudySession, ProgressError>
}
