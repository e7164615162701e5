import ArgumentParser
import Foundation
import RecallKit

/// `recall decks`: lists the decks in the deck folder, with what each has to study today.
public struct DecksCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "decks",
    abstract: "List the decks in the deck folder: cards, what is due now and today, title.",
    discussion: """
      One line a deck: its id; FACTS; CARDS, every question the deck generates (hand-written \
      cards included); DUE, cards due now; LATER, learning steps due later in the study day; \
      NEW, the new cards a session would still introduce today (the deck's daily limit less \
      those already started); and the title. Suspended and buried cards are not counted as \
      due or new. `recall study` with no deck studies them all.

      The deck folder is $RECALL_DECKS when set, else ./Decks when it exists, else \
      $XDG_DATA_HOME/recall/decks; --decks-dir overrides all of them. A deck with errors is \
      listed with a note to run `recall check` on it.
      """)

  @OptionGroup public var libraryOptions: LibraryOptions
  @OptionGroup public var progressOptions: ProgressOptions

  @Option(help: ArgumentHelp("Pretend the time is this ISO 8601 instant.", valueName: "time"))
  public var now: String?

  public init() {}

  public func validate() throws {
    if let now, case .failure(let error) = UTCTimestamp.parse(now) {
      throw ValidationError("--now: \(error)")
    }
  }

  /// Prints the table of decks.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let library = libraryOptions.library()
    let files = library.deckFiles()
    guard !files.isEmpty else { throw CommandError.noInput("no decks in \(library.directory)") }
    let fixed = now.flatMap { try? UTCTimestamp.parse($0).get() }
    let moment = fixed ?? Date()
    let zone = fixed == nil ? TimeZone.current : TimeZone(identifier: "UTC") ?? .current
    // The decks, their questions and their progress snapshots are read through the index.
    let cache = IndexCache.locate(environment: context.environment)
    var progressLibrary = progressOptions.library()
    progressLibrary.cache = cache
    let progress = progressLibrary
    var rows: [[String]] = [["ID", "FACTS", "CARDS", "DUE", "LATER", "NEW", "TITLE"]]
    // Each deck's questions and progress are worked out on the thread that read it.
    let lines = DeckFolderLoad.load(files, cache: cache) { file in
      Self.line(file, progress: progress, cache: cache, now: moment, timeZone: zone)
    }
    for line in lines {
      switch line {
      case .unreadable(let path, let error):
        // A FIFO or a folder named like a deck: say which, and go on with the others.
        diagnostics.emit(.warning(error.message, at: error.location ?? .file(path)))
        rows.append(Self.brokenRow(path))
      case .broken(let path):
        rows.append(Self.brokenRow(path))
      case .deck(let row, let progressError):
        // Damaged progress: the deck is still listed, and the error says where.
        if let progressError { diagnostics.report(progressError) }
        rows.append(row)
      }
    }
    for line in Self.table(rows) { context.console.line(TextSanitizer.visible(line)) }
  }

  /// One deck file's line, worked out off the main thread; problems are reported by the caller.
  private enum Line: Sendable {
    case unreadable(String, DeckFileError)
    case broken(String)
    /// The row, with `-` for the progress figures when its progress could not be read.
    case deck([String], ProgressError?)
  }

  private static func line(
    _ file: DeckFolderLoad.File, progress: ProgressLibrary, cache: IndexCache?, now: Date,
    timeZone: TimeZone
  ) -> Line {
    let result: DeckLoadResult
    switch file.result {
    case .success(let loaded): result = loaded
    case .failure(let error): return .unreadable(file.path, error)
    }
    guard let deck = result.deck else { return .broken(file.path) }
    // The seed the cards are counted with is always 0, so its questions are kept.
    let questions = StudyIndex.questions(
      deck: deck, seed: 0, source: file.source, cache: cache, keep: true)
    var figures = ["-", "-", "-"]
    var failure: ProgressError?
    do throws(ProgressError) {
      let store = try progress.openReadOnly(deckID: deck.id)
      let overview = try DeckOverview(
        deck: deck, questions: questions, store: store,
        limits: StudyLimits(settings: deck.settings), now: now, timeZone: timeZone)
      figures = [overview.dueNow, overview.dueLaterToday, overview.newToday].map(String.init)
    } catch {
      failure = error
    }
    return .deck(
      [deck.id, String(deck.facts.count), String(questions.count)] + figures + [deck.title],
      failure)
  }

  static func brokenRow(_ path: String) -> [String] {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return [name, "-", "-", "-", "-", "-", "(has errors: run 'recall check \(path)')"]
  }

  /// The id left-aligned, the figures right-aligned under their headings, the title last.
  static func table(_ rows: [[String]]) -> [String] {
    let widths = (0..<(rows.first?.count ?? 0)).map { column in
      rows.map { $0[column].count }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { column, value in
        if column == row.count - 1 { return value }
        let pad = String(repeating: " ", count: widths[column] - value.count)
        return column == 0 ? value + pad : pad + value
      }.joined(separator: "  ")
    }
  }
}
