import Foundation
import RecallKit
import RecallSynthetic

/// `recall check` against loading: the synthetic 100,000-fact deck, and a deck of 16,000 facts
/// worded alike (one prompt, many dates), the case whose duplicate check was quadratic (over
/// 120 s before #19). In process, the load and the authoring check are timed apart; then the
/// whole `recall check` process is timed on the same file. Checking should cost about what
/// loading does.
func benchmarkCheck() -> [String] {
  let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
  let recall = binaries + "/recall"
  let folder =
    FileManager.default.currentDirectoryPath
    + "/.recall-bench-check-\(ProcessInfo.processInfo.processIdentifier)"
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  var rows: [String] = []
  let decks = [
    ("100,000-fact deck", SyntheticCollection(facts: 100_000, reviews: 0).deckYAML()),
    ("16,000 facts worded alike", alikeDeck(16_000)),
  ]
  for (index, (label, yaml)) in decks.enumerated() {
    let clock = ContinuousClock()
    var start = clock.now
    let loaded = DeckLoader().load(text: yaml, path: "bench.yaml")
    let load = clock.now - start
    guard let deck = loaded.deck else {
      rows.append("check: \(label) did not load: \(loaded.diagnostics.first.map { "\($0)" } ?? "")")
      continue
    }
    start = clock.now
    let warnings = DeckAuthoringCheck(deck: deck).diagnostics().count
    let check = clock.now - start
    var row =
      "check: \(label)".padding(toLength: 36, withPad: " ", startingAt: 0)
      + " load \(ScaleBenchmark.milliseconds(load)) ms, authoring check "
      + "\(ScaleBenchmark.milliseconds(check)) ms (\(warnings) warnings)"
    let path = folder + "/deck-\(index).yaml"
    if FileManager.default.isExecutableFile(atPath: recall),
      (try? Data(yaml.utf8).write(to: URL(fileURLWithPath: path))) != nil,
      let process = timeProcess(recall, ["check", path])
    {
      row += "; `recall check` \(ScaleBenchmark.milliseconds(process)) ms"
    }
    rows.append(row)
  }
  return rows
}

/// The wall time of a process run to its end, its output discarded.
private func timeProcess(_ executable: String, _ arguments: [String]) -> Duration? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  let clock = ContinuousClock()
  let start = clock.now
  guard (try? process.run()) != nil else { return nil }
  process.waitUntilExit()
  return clock.now - start
}

/// Events that share their wording and differ in date.
private func alikeDeck(_ count: Int) -> String {
  var text = "id: alike\ntitle: Alike\nsubject: History\nsource: A book\nfacts:\n"
  for index in 0..<count {
    let date = String(
      format: "%04d-%02d-%02d", 1000 + index / 336, index / 28 % 12 + 1, index % 28 + 1)
    text += """
        - id: shelling-\(index)
          kind: event
          what: Yugoslav forces shelled Mazhiq
          date: \(date)

      """
  }
  return text
}
