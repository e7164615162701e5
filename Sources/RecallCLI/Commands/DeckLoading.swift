import RecallKit

/// Loads one deck named on the command line, printing diagnostics; nil with an exit status when
/// the deck cannot be used.
struct DeckLoading {
  var library: DeckLibrary
  var console: Console
  var loader = DeckLoader()

  /// The deck, or the exit status to stop with. Warnings are printed either way.
  func load(_ name: String, printWarnings: Bool = true) -> Result<Deck, ExitStatusError> {
    let path: String
    do {
      path = try library.resolve(name)
    } catch {
      console.errorLine("recall: error: \(error)")
      return .failure(ExitStatusError(status: error.isNotFound ? .noInput : .usage))
    }
    let result: DeckLoadResult
    do {
      result = try loader.load(path: path)
    } catch {
      console.errorLine("\(error)")
      if case .notFound = error { return .failure(ExitStatusError(status: .noInput)) }
      return .failure(ExitStatusError(status: .ioError))
    }
    for diagnostic in result.diagnostics where printWarnings || diagnostic.severity == .error {
      console.errorLine(diagnostic.description)
    }
    guard let deck = result.deck else { return .failure(ExitStatusError(status: .dataError)) }
    return .success(deck)
  }
}

/// Carries an exit status through `Result`.
struct ExitStatusError: Error {
  var status: ExitStatus
}

extension DeckLookupError {
  var isNotFound: Bool {
    if case .notFound = self { return true }
    return false
  }
}
