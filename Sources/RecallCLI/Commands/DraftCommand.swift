import ArgumentParser
import Foundation
import LineEditing
import RecallKit

/// `recall draft`: proposes a deck's facts from a plain-text article, for the teacher to review.
public struct DraftCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract: "Draft a deck from a plain-text article: propose facts, review them, write YAML.",
    discussion: """
      Reads a UTF-8 article (Markdown headings and lists are fine) and proposes facts of every \
      kind: dated events, people with their roles and other names, units and organisations, \
      places, figures, and statements for cloze questions. Each cites its line (`source: line \
      N`) and has a confidence.

      With --output and a terminal, each proposal is shown with its sentence and the questions \
      it would make, to accept, edit, merge or drop; the review is saved as you go (in \
      DECK.yaml.draft.json) and resumes where you stopped. With --output and no terminal (or \
      --no-review), every proposal above --threshold is written, the less certain ones \
      commented out. Without --output the deck is printed. An existing deck is replaced only \
      with --force.

      Examples:
        recall draft article.txt --output Decks/siege.yaml
        recall draft article.txt --id siege-of-lamitan --title "The Siege of Lamitan" > siege.yaml
        recall draft article.txt --output siege.yaml --no-review --threshold 0.7
      """)

  @Argument(help: ArgumentHelp("The article, a UTF-8 text file.", valueName: "article"))
  public var article: String

  @Option(
    name: [.short, .long], help: ArgumentHelp("Where to write the deck.", valueName: "deck.yaml"))
  public var output: String?

  @Option(help: ArgumentHelp("The deck's id (default: from the title)."))
  public var id: String?

  @Option(help: ArgumentHelp("The deck's title (default: the article's first heading)."))
  public var title: String?

  @Option(help: ArgumentHelp("The deck's subject."))
  public var subject: String = "History"

  @Option(help: ArgumentHelp("Write proposals at least this confident as facts (0–1)."))
  public var threshold: Double = 0.6

  @Flag(help: "Replace an existing deck.")
  public var force = false

  @Flag(inversion: .prefixedNo, help: "Review each proposal (default: when input is a terminal).")
  public var review: Bool?

  public init() {}

  /// Drafts the deck, reviewing the proposals at a terminal (or with `--review`).
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let reviewing =
      review
      ?? (output != nil && LineReaders.currentKind(environment: context.environment) != .plain)
    try draft(
      console: context.console, reader: reviewing ? context.lineReader(nil) : nil,
      diagnostics: diagnostics)
  }

  /// `execute(in:)` with the review's reader given, for tests.
  public func execute(console: Console, reader: LineReader?) -> ExitStatus {
    Diagnostics.collecting(on: console) { diagnostics in
      try draft(console: console, reader: reader, diagnostics: diagnostics)
    }
  }

  private func draft(console: Console, reader: LineReader?, diagnostics: Diagnostics) throws {
    guard (0...1).contains(threshold) else {
      throw CommandError.usage("--threshold must be between 0 and 1, found \(threshold)")
    }
    if let id, !Deck.isValidID(id) {
      throw CommandError.usage(
        "'\(TextSanitizer.visible(id))' is not a deck id: use 1 to 64 lowercase "
          + "letters, digits, '-', '_' or '.', starting with a letter or digit")
    }
    if reader != nil && output == nil {
      throw CommandError.usage("reviewing needs --output, the deck to write")
    }
    let destination = OutputDestination(path: output, force: force)
    let resuming =
      output.map { DraftSession.statePath(for: $0) }.map {
        FileManager.default.fileExists(atPath: $0)
      } ?? false
    if !(reader != nil && resuming) { try destination.checkWritable() }
    let parsed = try DraftInput.read(article)
    let proposals = DraftExtractor().propose(parsed)
    let writer = DraftDeckWriter(writeThreshold: threshold, commentThreshold: min(threshold, 0.4))
    guard proposals.contains(where: { writer.isWritten($0) }) else {
      throw DraftError.nothingFound(path: article)
    }
    let header = makeHeader(parsed)
    if let reader, let output {
      let session = DraftSession(
        proposals: proposals, articlePath: article,
        articleText: parsed.sentences.map(\.text).joined(separator: "\n"),
        output: output, header: header, writer: writer, console: console, reader: reader,
        force: force || resuming)
      try session.run()
      return
    }
    let rendered = writer.render(proposals, header: header)
    // Every proposal may have been commented out by the deck check: a deck of no facts would
    // not load, so it is refused like an article with nothing in it.
    guard rendered.written > 0 else { throw DraftError.nothingFound(path: article) }
    try destination.write(rendered.text, console: console)
    if let output {
      console.errorLine(
        "Wrote \(output): \(rendered.written) facts, \(rendered.commented) more commented out. "
          + "Check it with: recall check \(output)")
    }
  }

  func makeHeader(_ parsed: Article) -> DraftDeckWriter.Header {
    let deckTitle = title ?? parsed.title ?? (article as NSString).lastPathComponent
    var deckID = id ?? DraftExtractor.deckID(from: deckTitle)
    if !Deck.isValidID(deckID) { deckID = "drafted-deck" }
    return DraftDeckWriter.Header(
      id: deckID, title: deckTitle, subject: subject,
      sourceTitle: (parsed.title ?? deckTitle) + " (article)", url: parsed.url,
      articlePath: (article as NSString).lastPathComponent)
  }
}
