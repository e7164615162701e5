import RecallKit

/// Loads one deck named on the command line, reporting its diagnostics; nil when the deck
/// cannot be used (the reason is reported, with its exit status).
struct DeckLoading {
  var library: DeckLibrary
  var diagnostics: Diagnostics
  var loader = DeckLoader()
  /// The index the deck is read through (see `StudyIndex`); nil reads the YAML every time, as
  /// `recall check` always does.
  var cache: IndexCache?

  /// The deck, or nil. Warnings are reported only when `printWarnings`.
  func load(_ name: String, printWarnings: Bool = true) -> Deck? {
    loadWithSource(name, printWarnings: printWarnings)?.deck
  }

  /// The deck and the hash of the bytes it was read from (nil when the file changed while it
  /// was read), which keys the index; or nil, as `load`.
  func loadWithSource(_ name: String, printWarnings: Bool = true) -> (
    deck: Deck, source: DeckSource?
  )? {
    let result: DeckLoadResult
    let source: DeckSource?
    do {
      let path = try library.resolve(name)
      (result, source) = try StudyIndex.load(path: path, loader: loader, cache: cache)
    } catch {
      diagnostics.report(error)
      return nil
    }
    diagnostics.emit(result.diagnostics, warnings: printWarnings)
    guard let deck = result.deck else {
      diagnostics.fail(.dataError)
      return nil
    }
    return (deck, source)
  }
}
