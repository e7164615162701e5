import RecallKit

/// Loads one deck named on the command line, reporting its diagnostics; nil when the deck
/// cannot be used (the reason is reported, with its exit status).
struct DeckLoading {
  var library: DeckLibrary
  var diagnostics: Diagnostics
  var loader = DeckLoader()

  /// The deck, or nil. Warnings are reported only when `printWarnings`.
  func load(_ name: String, printWarnings: Bool = true) -> Deck? {
    let result: DeckLoadResult
    do {
      result = try loader.load(path: try library.resolve(name))
    } catch {
      diagnostics.report(error)
      return nil
    }
    diagnostics.emit(result.diagnostics, warnings: printWarnings)
    if result.deck == nil { diagnostics.fail(.dataError) }
    return result.deck
  }
}
