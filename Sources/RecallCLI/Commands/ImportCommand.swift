import ArgumentParser
import Foundation
import RecallKit

extension ImportFormat: ExpressibleByArgument {}

/// `recall import`: turns a CSV, TSV, Anki, Quizlet or GIFT file into a Recall deck file.
public struct ImportCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Turn an Anki, Quizlet, CSV/TSV or Moodle GIFT file into a Recall deck.",
    discussion: """
      Prints the deck (YAML that `recall check` accepts) to standard output, or writes it to \
      -o FILE (never replacing a file unless --force is given). Questions become hand-written \
      cards: short answer, multiple choice, true/false and fill-in-the-blank (cloze); a numeric \
      question that reads "How many …?" becomes a quantity fact. Problems in the input are \
      reported as file:line:column: error: … and exit 65.

      Formats (--format; else guessed from Anki's #headers, then the extension):
        anki     Anki "Notes in Plain Text": #separator, #html, #columns,
                 #tags, #guid column, #notetype, #deck headers; cloze notes
                 become cloze cards
        quizlet  term TAB definition, one pair a line; see --term-separator
                 and --row-separator
        csv      question,answer rows; a header row may name the columns
                 question, answer, tags, explanation, id
        tsv      the same, with tabs
        gift     Moodle GIFT; a matching question becomes a card per pair
        apkg     an Anki package (.apkg, .colpkg; legacy and current):
                 Basic, reversed, typed-answer and Cloze notes become
                 cards whose ids come from the note GUIDs; --with-history
                 also turns the review log into the deck's progress

      Examples:
        recall import history.txt --id cold-war -o Decks/cold-war.yaml
        recall import quizlet.txt --format quizlet --title "Kosovo War terms"
        recall import quiz.gift --id ww1-quiz > ww1-quiz.yaml
        recall import Kosovo.apkg --with-history -o Decks/kosovo.yaml
      """)

  @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
  public var file: String

  @Option(
    help: ArgumentHelp("Input format: anki, quizlet, csv, tsv, gift or apkg.", valueName: "format"))
  public var format: ImportFormat?

  @Option(help: ArgumentHelp("The new deck's id (default: from the file name).", valueName: "id"))
  public var id: String?

  @Option(help: ArgumentHelp("The deck's title (default: Anki's #deck, else the file name)."))
  public var title: String?

  @Option(help: ArgumentHelp("The deck's subject (default: the title)."))
  public var subject: String?

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write the deck to this file ('-' for standard output)."))
  public var output: String?

  @Flag(help: "Replace the -o file if it exists.")
  public var force = false

  @Option(
    help: ArgumentHelp(
      "Quizlet: what separates a term from its definition: tab (default), comma, or any text.",
      valueName: "sep"))
  public var termSeparator: String?

  @Option(
    help: ArgumentHelp(
      "Quizlet: what separates one pair from the next: newline (default), semicolon, or any text.",
      valueName: "sep"))
  public var rowSeparator: String?

  @Flag(help: "Ask with the second column (answer, definition) and answer with the first.")
  public var swap = false

  @Flag(
    help: ArgumentHelp(
      "Anki packages: also import the review history as the deck's progress (refused when "
        + "the deck has progress, unless --force is given)."))
  public var withHistory = false

  @OptionGroup public var progressOptions: ProgressOptions

  public init() {}

  /// Reads the file and writes the deck to standard output or `-o`.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) throws {
    let console = context.console
    let deckID = id ?? ImportOptions.deckID(fromPath: file)
    guard Deck.isValidID(deckID) else {
      throw CommandError.usage(
        "'\(TextSanitizer.visible(deckID))' is not a deck id: use 1 to 64 "
          + "lowercase letters, digits, '-', '_' or '.', starting with a letter or digit")
    }
    let destination = OutputDestination(path: output, force: force)
    try destination.checkWritable()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else {
      throw CommandError.noInput("\(file): no such file")
    }
    if let kind = DeckLoader.irregularKind(file) {
      throw CommandError.noInput("\(file): it is \(kind), not a regular file")
    }
    if format == .apkg || (format == nil && AnkiPackageImporter.looksLikePackage(path: file)) {
      try importAnkiPackage(
        deckID: deckID, destination: destination, console: console, diagnostics: diagnostics)
      return
    }
    if withHistory {
      throw CommandError.usage("--with-history is for Anki packages (.apkg, .colpkg)")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: file)
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > DeckImporter.maximumFileSize {
      throw CommandError(
        .dataError,
        "the file is \(size >> 20) MiB; imports are limited to "
          + "\(DeckImporter.maximumFileSize >> 20) MiB",
        at: SourceLocation(file: file, line: 1, column: 1))
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CommandError.io("\(file): cannot read the file")
    }
    let text = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
    guard let format = format ?? ImportFormat.guess(path: file, text: text) else {
      throw CommandError.usage(
        "cannot tell the format of \(file); add --format anki, quizlet, csv, tsv or gift")
    }
    let options = ImportOptions(
      format: format, deckID: deckID, title: title, subject: subject,
      termSeparator: Self.separator(termSeparator) ?? "\t",
      rowSeparator: Self.separator(rowSeparator) ?? "\n", swapColumns: swap)
    let result = DeckImporter(options: options).importDeck(data: data, path: file)
    diagnostics.emit(result.diagnostics)
    guard let yaml = result.yaml, let deck = result.deck else {
      diagnostics.fail(.dataError)
      return
    }
    try destination.write(yaml, console: console)
    if let output = destination.path {
      let counts =
        "\(deck.cards.count) card\(deck.cards.count == 1 ? "" : "s")"
        + (deck.facts.isEmpty
          ? "" : " and \(deck.facts.count) fact\(deck.facts.count == 1 ? "" : "s")")
      console.errorLine("recall: wrote deck '\(deck.id)' (\(counts)) to \(output)")
    }
  }

  /// Separator names as a shell makes them easy to type: tab, comma, semicolon, newline, `\t`,
  /// `\n`; anything else is taken literally.
  public static func separator(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    switch value.lowercased() {
    case "tab", "\\t": return "\t"
    case "comma": return ","
    case "semicolon": return ";"
    case "newline", "\\n", "line": return "\n"
    case "space": return " "
    case "dash": return "-"
    default: return value
    }
  }
}
