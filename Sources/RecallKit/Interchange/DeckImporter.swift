import Foundation

/// What importing a file produced: the deck and its YAML when nothing was wrong, and every
/// diagnostic (errors point into the imported file).
public struct ImportResult: Sendable {
  public var deck: Deck?
  /// The deck as a file that `recall check` accepts.
  public var yaml: String?
  public var diagnostics: [Diagnostic]
}

/// Turns a CSV, TSV, Anki, Quizlet or GIFT file into a Recall deck of hand-written cards (and
/// quantity facts for "How many…?" numeric questions).
public struct DeckImporter: Sendable {
  public var options: ImportOptions

  public init(options: ImportOptions) {
    self.options = options
  }

  /// Imports `text`, read from `path` (used in diagnostics and the deck's `source:`).
  public func importDeck(text: String, path: String) -> ImportResult {
    // Spreadsheets often start UTF-8 files with a byte order mark; Anki's headers must not.
    let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    var items = ImportedItems(path: path)
    switch options.format {
    case .gift: GIFTImporter().read(text, into: &items)
    default: TableImporter(options: options).read(text, into: &items)
    }
    return finish(items, path: path)
  }

  /// The deck of the items read from `path`, written and checked, or the reasons there is none.
  func finish(_ items: ImportedItems, path: String) -> ImportResult {
    var diagnostics = items.diagnostics.sortedByLocation()
    let limit = DeckLimits.standard.maximumDiagnostics
    if diagnostics.count > limit {
      let last = diagnostics[limit - 1].location
      diagnostics = Array(diagnostics.prefix(limit))
      diagnostics.append(.error("too many problems; stopping after \(limit)", at: last))
    }
    if items.cards.isEmpty && items.facts.isEmpty && !diagnostics.hasErrors {
      diagnostics.append(
        .error(
          "found no questions to import (is it a \(options.format.displayName) file?)",
          at: SourceLocation(file: path, line: 1, column: 1)))
    }
    let count = items.cards.count + items.facts.count
    let maximum = DeckLimits.standard.maximumItems
    if count > maximum {
      diagnostics.append(
        .error(
          "the file holds \(count.formatted()) questions; a deck holds at most "
            + "\(maximum.formatted()) cards and facts (split the file and import each part "
            + "with its own --id)", at: SourceLocation(file: path, line: 1, column: 1)))
    }
    guard !diagnostics.hasErrors else {
      return ImportResult(deck: nil, yaml: nil, diagnostics: diagnostics)
    }
    let fileName = (path as NSString).lastPathComponent
    let title = options.title ?? items.suggestedTitle ?? ImportOptions.title(fromPath: path)
    let deck = Deck(
      id: options.deckID, title: title, subject: options.subject ?? title, language: "en",
      source: Deck.Source(
        title: fileName,
        note: "Imported from \(options.format.displayName) with recall import."),
      facts: items.facts, cards: items.cards, path: path)
    let yaml = DeckWriter().render(
      deck,
      header: [
        "Imported from \(fileName) (\(options.format.displayName)): "
          + "\(items.cards.count) card\(items.cards.count == 1 ? "" : "s")"
          + (items.facts.isEmpty
            ? "" : " and \(items.facts.count) fact\(items.facts.count == 1 ? "" : "s")")
          + ".",
        "Check it with `recall check`, then study it with `recall study \(deck.id)`.",
      ])
    // The writer's output must load as written; anything else is a bug worth reporting clearly.
    // Warnings (a choice card with two distractors…) are the author's to weigh, however many.
    let check = DeckLoader(limits: DeckLimits(maximumDiagnostics: .max))
      .load(text: yaml, path: "\(deck.id).yaml")
    if check.diagnostics.hasErrors {
      return ImportResult(
        deck: nil, yaml: nil,
        diagnostics: diagnostics
          + check.diagnostics.filter { $0.severity == .error }.map {
            .error(
              "the written deck does not load (a bug in recall import): \($0)", at: $0.location)
          })
    }
    return ImportResult(deck: deck, yaml: yaml, diagnostics: diagnostics)
  }
}

extension DeckImporter {
  /// The largest file `recall import` reads, as for decks.
  public static let maximumFileSize = DeckLimits.standard.maximumFileSize

  /// Imports raw bytes, after checking they are UTF-8 text of a sane size.
  public func importDeck(data: Data, path: String) -> ImportResult {
    let start = SourceLocation(file: path, line: 1, column: 1)
    func failure(_ message: String) -> ImportResult {
      ImportResult(deck: nil, yaml: nil, diagnostics: [.error(message, at: start)])
    }
    if data.count > Self.maximumFileSize {
      return failure("the file is larger than \(Self.maximumFileSize >> 20) MiB")
    }
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      return failure("the file is UTF-16 text; save it as UTF-8 and import it again")
    }
    if let problem = DeckInputScan.firstEncodingProblem(in: data, path: path) {
      return ImportResult(
        deck: nil, yaml: nil,
        diagnostics: [
          .error(
            problem.message.replacingOccurrences(of: "decks are", with: "imports must be")
              + (problem.message.contains("UTF-8 (") ? "; save the file as UTF-8" : ""),
            at: problem.location)
        ])
    }
    return importDeck(text: String(decoding: data, as: UTF8.self), path: path)
  }
}
