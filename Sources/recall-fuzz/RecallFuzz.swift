import Foundation
@_spi(Fuzzing) import RecallKit

/// libFuzzer targets over the code that reads untrusted bytes. Built only by `scripts/fuzz`
/// (which defines RECALL_FUZZ and links libFuzzer); a normal build gets a stub that says so.
/// RECALL_FUZZ_TARGET picks the target: deck, grader, progress, importer, index or draft.
enum FuzzTarget: String, CaseIterable {
  case deck, grader, progress, importer, index, draft

  static let current: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["RECALL_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      FileHandle.standardError.write(
        Data(
          "set RECALL_FUZZ_TARGET to one of deck, grader, progress, importer, index, draft\n".utf8))
      exit(64)
    }
    return target
  }()

  /// The shipped deck's questions, generated once.
  static let bajgora: (questions: [Question], grader: AnswerGrader) = {
    let decks = ProcessInfo.processInfo.environment["RECALL_FUZZ_DECKS"] ?? "Decks"
    let path = decks + "/bajgora-offensive.yaml"
    guard let result = try? DeckLoader().load(path: path), let deck = result.deck else {
      FileHandle.standardError.write(Data("cannot load \(path)\n".utf8))
      exit(66)
    }
    let questions = QuestionGenerator(deck: deck, seed: 1).questions()
    let names = deck.facts.compactMap { fact -> String? in
      if case .place(let place) = fact.content { return place.name }
      return nil
    }
    return (questions, AnswerGrader(otherNames: names))
  }()

  static let scratch: String = {
    let folder = NSTemporaryDirectory() + "recall-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }()

  func run(_ data: Data) {
    switch self {
    case .deck:
      _ = DeckLoader().load(data: data, path: "fuzz.yaml")
      // The fast reader must build the library's tree whenever it reads a text at all.
      if !FuzzingHooks.fastReaderAgrees(with: String(decoding: data, as: UTF8.self)) {
        fatalError("the block YAML reader and the YAML library disagree")
      }
    case .grader:
      // The first byte picks the question; the rest is what the learner typed.
      guard let first = data.first else { return }
      let questions = Self.bajgora.questions
      let question = questions[Int(first) % questions.count]
      let input = String(decoding: data.dropFirst(), as: UTF8.self)
      _ = Self.bajgora.grader.grade(input, for: question, hintUsed: first & 0x80 != 0)
    case .importer:
      // The first byte picks the format (a for Anki text, c CSV, t TSV, q Quizlet, g GIFT,
      // anything else by its value); the rest is the file. Whatever it holds, the import ends
      // with a deck that loads or with located errors.
      guard let first = data.first else { return }
      let formats: [ImportFormat] = [.anki, .csv, .tsv, .quizlet, .gift]
      let format: ImportFormat =
        switch first {
        case UInt8(ascii: "a"): .anki
        case UInt8(ascii: "c"): .csv
        case UInt8(ascii: "t"): .tsv
        case UInt8(ascii: "q"): .quizlet
        case UInt8(ascii: "g"): .gift
        default: formats[Int(first) % formats.count]
        }
      let result = DeckImporter(options: ImportOptions(format: format, deckID: "fuzz"))
        .importDeck(data: Data(data.dropFirst()), path: "fuzz.txt")
      if result.deck == nil, !result.diagnostics.hasErrors {
        fatalError("an import failed without saying why")
      }
    case .index:
      IndexFuzzing.read([UInt8](data))
    case .draft:
      // Any bytes as an article: it is refused with a reason, or drafted into a deck that loads
      // with no error (the promise `recall draft` makes: the written deck checks clean).
      guard let article = try? Article.read(data: data, path: "fuzz.txt") else { return }
      let proposals = DraftExtractor().propose(article)
      let header = DraftDeckWriter.Header(
        id: "fuzz", title: article.title ?? "Fuzz", subject: "History",
        sourceTitle: "Fuzz (article)", url: article.url, articlePath: "fuzz.txt")
      let text = DraftDeckWriter().render(proposals, header: header).text
      let loaded = DeckLoader().load(text: text, path: "fuzz.yaml")
      if loaded.deck == nil || loaded.diagnostics.hasErrors {
        fatalError("a drafted deck does not load: \(loaded.diagnostics.first?.message ?? "")")
      }
    case .progress:
      // Up to three files, split at form feeds: snapshot, journal, review log.
      let parts = data.split(separator: 0x0C, maxSplits: 2, omittingEmptySubsequences: false)
      let names = ["fuzz.json", "fuzz.journal.jsonl", "fuzz.reviews.jsonl"]
      for (index, name) in names.enumerated() {
        let path = Self.scratch + "/" + name
        if index < parts.count {
          _ = FileManager.default.createFile(atPath: path, contents: Data(parts[index]))
        } else {
          try? FileManager.default.removeItem(atPath: path)
        }
      }
      if let store = try? ProgressStore.openReadOnly(deckID: "fuzz", directory: Self.scratch) {
        if let last = try? store.reviews().last?.reviewedAt {
          // A second session's reading of the log's end, on the same files.
          _ = FuzzingHooks.dayCounts(in: store, at: last)
        }
      }
    }
  }
}

#if RECALL_FUZZ
  /// libFuzzer's driver; SwiftPM gives an executable its own entry point, so the target
  /// starts libFuzzer itself instead of relying on libFuzzer's `main`.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzTarget.current.run(Data(bytes: bytes, count: count))
    return 0
  }

  @main struct RecallFuzz {
    static func main() {
      _ = FuzzTarget.current
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
  }
#else
  @main struct RecallFuzz {
    static func main() {
      FileHandle.standardError.write(
        Data("recall-fuzz is a libFuzzer target; run scripts/fuzz TARGET SECONDS\n".utf8))
      exit(64)
    }
  }
#endif
