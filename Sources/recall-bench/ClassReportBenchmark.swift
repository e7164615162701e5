import Foundation
import RecallKit
import RecallSynthetic

/// Times `recall report`'s work on a class of 30 students, each with 1,000 cards and 20,000
/// reviews (the target: under 2 s): reading every folder and building the report in
/// process, and the whole `recall report` process when the release binary is beside this one.
func benchmarkClassReport() -> String {
  let studentCount = 30
  let folder =
    FileManager.default.currentDirectoryPath
    + "/.recall-bench-class-\(ProcessInfo.processInfo.processIdentifier)"
  defer { try? FileManager.default.removeItem(atPath: folder) }
  do {
    var folders: [String] = []
    for student in 0..<studentCount {
      let collection = SyntheticCollection(
        deckID: "class", facts: 1_000, reviews: 20_000, seed: UInt64(student + 1))
      let root = folder + "/student-\(student + 1)"
      try collection.write(to: root)
      folders.append(root + "/Progress")
    }
    let deckPath = folder + "/student-1/Decks/class.yaml"
    let clock = ContinuousClock()
    let start = clock.now
    guard let deck = try DeckLoader().load(path: deckPath).deck else {
      return "class report: the synthetic deck did not load"
    }
    let now = Date(timeIntervalSince1970: 1_735_689_600)
    let roster = ClassRoster.read(
      folders: folders, deckID: deck.id,
      calendar: ClassCalendar(timeZone: TimeZone(identifier: "UTC") ?? .current, at: now))
    let readTime = clock.now - start
    let report = ClassReport(
      deckID: deck.id, deckTitle: deck.title, questions: QuestionGenerator(deck: deck).questions(),
      students: roster.students, skipped: roster.skipped, now: now,
      onDate: now.addingTimeInterval(90 * 86_400))
    let html = report.html()
    let inProcess = clock.now - start
    var line =
      "class report: 30 students × 1,000 cards × 20,000 reviews, in process   "
      + "\(milliseconds(inProcess)) ms (reading \(milliseconds(readTime)) ms; \(roster.students.count) read, "
      + "\(html.utf8.count / 1024) KiB of HTML)"
    let binary =
      ((CommandLine.arguments.first ?? "") as NSString).deletingLastPathComponent + "/recall"
    if FileManager.default.isExecutableFile(atPath: binary) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments =
        ["report", deckPath] + folders + ["--now", "2025-01-01T00:00:00Z", "--format", "html"]
      _ = FileManager.default.createFile(atPath: folder + "/report.html", contents: nil)
      process.standardOutput = FileHandle(forWritingAtPath: folder + "/report.html")
      let processStart = clock.now
      try process.run()
      process.waitUntilExit()
      line +=
        "\nclass report: the same, whole `recall report` process   "
        + "\(milliseconds(clock.now - processStart)) ms (exit \(process.terminationStatus))"
    }
    return line
  } catch {
    return "class report: \(error)"
  }
}

private func milliseconds(_ duration: Duration) -> String {
  let (seconds, attoseconds) = duration.components
  return String(format: "%.0f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}
