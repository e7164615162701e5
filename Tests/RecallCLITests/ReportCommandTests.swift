import Foundation
import RecallKit
import Testing

/// `recall report` on a class whose progress folders were made by real `recall study`
/// sessions, with a damaged folder, one of another deck and one missing among them.
@Suite struct ReportCommandTests {
  let root: String
  let deck: String

  init() throws {
    root =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-report-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    deck = root + "/words.yaml"
    try Self.deckYAML(id: "words").write(toFile: deck, atomically: true, encoding: .utf8)
  }

  static func deckYAML(id: String) -> String {
    var yaml =
      "id: \(id)\ntitle: Four words\nsubject: Test\nsource: Made up for a test\n"
      + "facts: []\ncards:\n"
    for word in ["alpha", "beta", "gamma", "delta"] {
      yaml += "  - id: \(word)\n    type: short\n    prompt: Type \(word)\n    answer: [\(word)]\n"
    }
    return yaml
  }

  /// Studies every new card once in a real session, answering the words in `knows` right and
  /// the others with `wrong`.
  func study(
    student: String, knows: Set<String>, wrong: String = "no idea", deckPath: String? = nil
  )
    throws
  {
    let session = try StreamingSession(arguments: [
      "study", deckPath ?? deck, "--progress-dir", root + "/" + student, "--seed", "1",
      "--now", "2026-11-20T10:00:00Z", "--new", "4",
    ])
    defer { session.kill() }
    var answered = 0
    for _ in 0..<4 {
      let seen = session.wait(timeout: 10) { text in
        Self.questions(in: text).count > answered
      }
      guard seen, let word = Self.questions(in: session.text).dropFirst(answered).first else {
        break
      }
      answered += 1
      session.send(knows.contains(word) ? word : wrong)
      _ = session.wait(timeout: 10) {
        $0.contains("rated") && $0.components(separatedBy: "rated ").count > answered
      }
      session.send("")
    }
    session.send(":quit")
    _ = session.wait(timeout: 10) { $0.contains("Session over") }
    #expect(answered == 4, "\(session.text)")
  }

  /// The words of the "Type X" questions shown so far, in order.
  static func questions(in text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      line.hasPrefix("Type ") ? String(line.dropFirst(5)) : nil
    }
  }

  func report(_ arguments: [String]) throws -> BinaryRunner.Result {
    try BinaryRunner().run(
      ["report", deck] + arguments + ["--now", "2026-11-21T10:00:00Z"], timeout: 30)
  }

  func makeClass() throws {
    try study(student: "ana", knows: ["alpha", "beta", "gamma", "delta"])
    try study(student: "ben", knows: ["alpha", "beta", "gamma"])
    try study(student: "cleo", knows: ["alpha", "beta"], wrong: "epsilon")
    try study(student: "dan", knows: ["alpha"], wrong: "epsilon")
    // Damaged: a snapshot that is not JSON.
    try FileManager.default.createDirectory(
      atPath: root + "/eve", withIntermediateDirectories: true)
    try "{ not json".write(toFile: root + "/eve/words.json", atomically: true, encoding: .utf8)
    // Another deck's progress.
    let other = root + "/other.yaml"
    try Self.deckYAML(id: "other").write(toFile: other, atomically: true, encoding: .utf8)
    try study(student: "finn", knows: ["alpha"], deckPath: other)
  }

  var folders: [String] {
    ["ana", "ben", "cleo", "dan", "eve", "finn", "gus"].map { root + "/" + $0 }
  }

  @Test func theReportSkipsBrokenFoldersByNameAndReportsTheRest() throws {
    try makeClass()
    let result = try report(folders)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let text = result.standardOutput
    #expect(text.contains("class report · 4 students · 4 cards"))
    #expect(result.standardError.contains("skipped eve: damaged"))
    #expect(result.standardError.contains("skipped finn: no progress for 'words'"))
    #expect(result.standardError.contains("(it holds progress of 'other')"))
    #expect(result.standardError.contains("skipped gus: no folder"))
    // ana knew all four, dan one: accuracy 100% and 25%.
    let ana = text.split(separator: "\n").first { $0.hasPrefix("  ana ") } ?? ""
    let dan = text.split(separator: "\n").first { $0.hasPrefix("  dan ") } ?? ""
    #expect(ana.contains("100%"), "\(ana)")
    #expect(dan.contains("25%"), "\(dan)")
    // delta was missed by three of four: the hardest fact, with its wrong answers.
    let hardest = text.components(separatedBy: "Hardest facts\n").last ?? ""
    #expect(hardest.hasPrefix("1. delta — latest 25%, first try 25%"), "\(hardest)")
    #expect(hardest.contains("\"epsilon\" ×2"), "\(hardest)")
  }

  @Test func jsonAndCSVCarryTheItemStatistics() throws {
    try makeClass()
    let json = try report(folders + ["--format", "json", "--on", "2027-06-10"])
    #expect(json.exitCode == 0, "\(json.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let items = try #require(object["card_items"] as? [[String: Any]])
    let gamma = try #require(items.first { $0["id"] as? String == "gamma" })
    // ana and ben right, cleo and dan wrong: facility 50. On the other three cards they
    // scored 3, 2, 2 and 1: Pearson's r of (1, 1, 0, 0) with (1, ⅔, ⅔, ⅓) is 1/√2.
    #expect(gamma["facility"] as? Double == 50)
    let discrimination = try #require(gamma["discrimination"] as? Double)
    #expect(abs(discrimination - 70.7107) < 0.001, "\(discrimination)")
    #expect((gamma["recall_on_date"] as? Double ?? 1) < (gamma["recall_now"] as? Double ?? 0))
    #expect(object["on_date"] as? String == "2027-06-10")
    #expect((object["skipped"] as? [Any])?.count == 3)

    let csv = try report(folders + ["--format", "csv", "--table", "students"])
    let lines = csv.standardOutput.split(separator: "\n")
    #expect(
      lines.first
        == "student,cards_studied,reviews,accuracy,known_now,missed_now,days_active,flagged")
    #expect(lines.count == 5)
    #expect(lines.contains { $0.hasPrefix("dan,4,4,0.2500,") })
  }

  @Test func flaggedCardsAreListedWithTheirNotes() throws {
    try makeClass()
    let at = try #require(ISO8601DateFormatter().date(from: "2026-11-20T11:00:00Z"))
    do {
      let cleo = try ProgressStore.open(deckID: "words", directory: root + "/cleo")
      try cleo.flag("delta", note: "the answer is spelled two ways", at: at)
      let dan = try ProgressStore.open(deckID: "words", directory: root + "/dan")
      try dan.flag("delta", note: nil, at: at)
      try dan.flag("gone-card", note: "a card the deck no longer has", at: at)
    }
    let text = try report(folders)
    #expect(text.exitCode == 0, "\(text.standardError)")
    let flagged = text.standardOutput.components(separatedBy: "Flagged by students")
    #expect(flagged.count == 2, "\(text.standardOutput)")
    let section = flagged.last?.components(separatedBy: "Hardest facts").first ?? ""
    #expect(section.contains("Type delta (delta)"), "\(section)")
    #expect(section.contains("· cleo on 2026-11-20: \"the answer is spelled two ways\""))
    #expect(section.contains("· dan on 2026-11-20 (no note)"))
    #expect(!section.contains("gone-card"))
    let dan = text.standardOutput.split(separator: "\n").first { $0.hasPrefix("  dan ") } ?? ""
    #expect(dan.hasSuffix(" 1"), "\(dan)")

    let csv = try report(folders + ["--format", "csv", "--table", "flags"])
    #expect(csv.exitCode == 0, "\(csv.standardError)")
    let rows = csv.standardOutput.split(separator: "\n")
    #expect(rows.first == "card,fact,text,student,flagged_at,note")
    #expect(rows.count == 3)
    #expect(rows.contains { $0.hasPrefix("delta,delta,Type delta,cleo,2026-11-20T11:00:00") })

    let json = try report(folders + ["--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let flags = try #require(object["flags"] as? [[String: Any]])
    #expect(flags.map { $0["student"] as? String } == ["cleo", "dan"])
    #expect(flags.last?["note"] is NSNull)
    let students = try #require(object["students"] as? [[String: Any]])
    #expect(students.map { $0["flagged"] as? Int } == [0, 0, 1, 1])

    let html = try report(folders + ["--format", "html"])
    #expect(html.standardOutput.contains("<h2>Flagged by students</h2>"))
    #expect(html.standardOutput.contains("cleo on 2026-11-20: “the answer is spelled two ways”"))
  }

  @Test func nobodyFlaggingMeansNoFlagSection() throws {
    try makeClass()
    let text = try report(folders)
    #expect(!text.standardOutput.contains("Flagged by students"))
  }

  @Test func namesComeFromTheNameFile() throws {
    try makeClass()
    try "folder,name\nana,Ana Krasniqi\n\"ben\",\"Ben, the younger\"\n".write(
      toFile: root + "/names.csv", atomically: true, encoding: .utf8)
    let result = try report(
      [
        root + "/ana", root + "/ben", "--name", root + "/names.csv", "--format", "csv", "--table",
        "students",
      ])
    #expect(result.standardOutput.contains("Ana Krasniqi,4,4,1.0000"))
    #expect(result.standardOutput.contains("\"Ben, the younger\",4,4,0.7500"))
  }

  @Test func noReadableStudentIsAnError() throws {
    let result = try report([root + "/nobody"])
    #expect(result.exitCode == 65)
    #expect(result.standardError.contains("no student's progress could be read"))
  }

  @Test func theOutputFileIsNotReplacedWithoutForce() throws {
    try makeClass()
    let output = root + "/report.html"
    try "keep me".write(toFile: output, atomically: true, encoding: .utf8)
    let refused = try report([root + "/ana", "--format", "html", "-o", output])
    #expect(refused.exitCode == 73)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")
    let forced = try report([root + "/ana", "--format", "html", "-o", output, "--force"])
    #expect(forced.exitCode == 0, "\(forced.standardError)")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<svg class=\"retention\""))
  }

  @Test func badArgumentsAreUsageErrors() throws {
    #expect(try report([root + "/ana", "--on", "2027-02-30"]).exitCode == 64)
    #expect(try report([root + "/ana", "--table", "pupils"]).exitCode == 64)
    #expect(try BinaryRunner().run(["report", deck]).exitCode == 64)
  }
}

/// The HTML report as a browser reads it: headless Chromium parses the page and its SVG.
@Suite struct ReportInBrowserTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: chromium != nil, "headless Chromium is not installed"))
  func chromiumReadsTheChartsAndTables() throws {
    let suite = try ReportCommandTests()
    try suite.makeClass()
    let output = suite.root + "/report.html"
    let made = try suite.report(
      ["ana", "ben", "cleo", "dan"].map { suite.root + "/" + $0 }
        + ["--format", "html", "--on", "2027-06-10", "-o", output])
    #expect(made.exitCode == 0, "\(made.standardError)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + output,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let dom = String(decoding: data, as: UTF8.self)
    // The DOM Chromium built: two charts with their marks, and a row per student.
    #expect(dom.contains("<svg class=\"retention\""))
    #expect(dom.contains("<polyline"))
    #expect(dom.contains("<svg class=\"facts\""))
    #expect(dom.components(separatedBy: "<rect").count > 4)
    #expect(dom.contains("<td class=\"name\">dan</td>"))
    #expect(dom.contains("known on 2027-06-10"))
  }
}
