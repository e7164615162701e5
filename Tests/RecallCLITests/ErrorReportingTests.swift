import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// Every command, run as a user runs it, on an input it cannot use: one line on standard
/// error in the one format (`recall: error: …` or `file[:line:column]: error: …`) and the
/// sysexits status of its cause.
@Suite struct ErrorReportingTests {
  let folder: String
  let decks: String
  let progress: String

  init() throws {
    folder = NSTemporaryDirectory() + "recall-errors-\(UUID().uuidString)"
    decks = folder + "/Decks"
    progress = folder + "/Progress"
    for path in [decks, progress] {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    let good = try String(
      contentsOf: Repository.deck("bajgora-offensive"),
      encoding: .utf8)
    try good.write(toFile: decks + "/bajgora-offensive.yaml", atomically: true, encoding: .utf8)
    try Self.broken.text.write(
      toFile: decks + "/broken.yaml", atomically: true, encoding: .utf8)
    try "{\"card\": \"a/b\", \"time\": \"2024-03-05T09:30:00Z\", \"rating\": \"great\"}\n"
      .write(toFile: folder + "/bad.jsonl", atomically: true, encoding: .utf8)
    try "[]\n".write(
      toFile: progress + "/bajgora-offensive.json", atomically: true, encoding: .utf8)
  }

  /// A deck with one problem: a key no fact has, at marker 1.
  static let broken = MarkedText(
    "id: broken\ntitle: Broken\nsubject: S\nsource: B\nfacts:\n  - id: a\n"
      + "    kind: event\n    what: a thing happened\n    date: 1998\n    ⟪1⟫colour: red\n")

  /// A command line, the status it must exit with, and what its one error line starts with
  /// (`$D` is the deck folder, `$P` the progress folder, `$F` the test folder, `marker 1` the
  /// place of the broken deck's problem).
  static let cases: [([String], Int32, String)] = [
    (["study", "missing"], 66, "recall: error: no deck 'missing'"),
    (["decks", "--decks-dir", "$F/none"], 66, "recall: error: no decks in $F/none"),
    (["report", "missing", "$F"], 66, "recall: error: no deck 'missing'"),
    (["study", "broken"], 65, "$D/broken.yaml:marker 1: error: unknown key"),
    (["stats", "bajgora-offensive"], 65, "$P/bajgora-offensive.json:1:1: error: "),
    (["check", "broken"], 65, "$D/broken.yaml:marker 1: error: unknown key"),
    (["check", "$F/nothing.yaml"], 66, "$F/nothing.yaml: error: no such deck file"),
    (["prune", "missing"], 66, "recall: error: no deck 'missing'"),
    (["suspended", "missing"], 66, "recall: error: no deck 'missing'"),
    (
      ["preview", "bajgora-offensive", "--type", "essay"], 64,
      "recall: error: unknown question type 'essay'"
    ),
    (
      ["print", "bajgora-offensive", "--versions", "30"], 64,
      "recall: error: the number of versions"
    ),
    (
      ["print", "bajgora-offensive", "--format", "pdf"], 64,
      "recall: error: a PDF goes to a file"
    ),
    (["optimize", "bajgora-offensive"], 65, "$P/bajgora-offensive.json:1:1: error: "),
    (["optimize", "missing"], 66, "recall: error: no deck 'missing'"),
    (["draft", "$F/none.txt"], 66, "recall: error: $F/none.txt does not exist"),
    (["grade", "missing", "a/short", "x"], 66, "recall: error: no deck 'missing'"),
    (
      ["grade", "broken", "a/date-short", "1998"], 65, "$D/broken.yaml:marker 1: error: unknown key"
    ),
    (
      ["grade", "bajgora-offensive", "brigade-141/name-shrot", "x"], 64,
      "recall: error: deck 'bajgora-offensive' has no card 'brigade-141/name-shrot'; did you mean"
    ),
    (["new", "Bad ID"], 64, "recall: error: 'Bad ID' is not a deck id"),
    (["new", "bajgora-offensive"], 73, "recall: error: $D/bajgora-offensive.yaml already exists"),
    (["import", "$F/none.csv"], 66, "recall: error: $F/none.csv: no such file"),
    (
      ["export", "bajgora-offensive", "--format", "csv", "--type", "essay"], 64,
      "recall: error: unknown"
    ),
    (["schedule", "replay", "$F/bad.jsonl"], 65, "$F/bad.jsonl:1:"),
    (["schedule", "replay", "$F/none.jsonl"], 66, "recall: error: cannot read '$F/none.jsonl'"),
  ]

  @Test(arguments: cases)
  func oneLineAndTheStatusOfItsCause(arguments: [String], status: Int32, start: String) throws {
    func expand(_ text: String) -> String {
      Self.broken.located(text).replacingOccurrences(of: "$D", with: decks)
        .replacingOccurrences(of: "$F", with: folder).replacingOccurrences(of: "$P", with: progress)
    }
    let command = arguments.map(expand) + folderOptions(arguments)
    let result = try BinaryRunner().run(command, input: ":quit\n")
    #expect(result.exitCode == status, "\(command): \(result.standardError)")
    let lines = result.standardError.split(separator: "\n").map(String.init)
    let errors = lines.filter { $0.contains("error:") }
    #expect(errors.count == 1, "\(command): \(result.standardError)")
    let line = try #require(errors.first)
    #expect(line.hasPrefix(expand(start)), "\(command): \(line)")
    #expect(Self.isOneLineError(line), "\(line)")
  }

  /// Another session holds the deck: try again later (75), not an I/O failure.
  @Test func aLockHeldByAnotherSessionIsATemporaryFailure() throws {
    try FileManager.default.removeItem(atPath: progress + "/bajgora-offensive.json")
    let store = try ProgressStore.open(deckID: "bajgora-offensive", directory: progress)
    defer { try? store.close() }
    let result = try BinaryRunner().run(
      ["study", "bajgora-offensive", "--decks-dir", decks, "--progress-dir", progress],
      input: ":quit\n")
    #expect(result.exitCode == 75, "\(result.standardError)")
    #expect(
      result.standardError.hasPrefix(
        "recall: error: another recall session is studying 'bajgora-offensive'"))
    #expect(Self.isOneLineError(result.standardError.trimmingCharacters(in: .newlines)))
  }

  private func folderOptions(_ arguments: [String]) -> [String] {
    (["import", "draft"].contains(arguments[0]) || arguments.contains("--decks-dir")
      ? [] : ["--decks-dir", decks])
      + (["study", "stats", "prune", "optimize", "suspended"].contains(arguments[0])
        ? ["--progress-dir", progress] : [])
  }

  /// One prefix, said once: `recall: error: …` or a location then `error: …`.
  static func isOneLineError(_ line: String) -> Bool {
    guard !line.contains("\n"), line.components(separatedBy: "error:").count == 2 else {
      return false
    }
    if line.hasPrefix("recall: error: ") { return true }
    guard let range = line.range(of: ": error: ") else { return false }
    let location = line[..<range.lowerBound].split(separator: ":")
    return !location.isEmpty && location.dropFirst().allSatisfy { Int($0) != nil }
  }
}
