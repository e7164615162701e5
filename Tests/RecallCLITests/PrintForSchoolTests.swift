import Foundation
import RecallTestSupport
import Testing

/// `recall print` as a school uses it: a PDF in two versions read back with pdftotext, the
/// message when WeasyPrint is missing, and sections.
@Suite struct PrintForSchoolTests {
  let folder: String
  let decks = Repository.decks.path

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-print-school-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  static func installed(_ name: String) -> Bool {
    ["/usr/bin", "/usr/local/bin"].contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
  }

  /// The text of each page of a PDF, as pdftotext reads it (pages end with a form feed).
  func pages(of pdf: String) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = ["-layout", pdf, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\u{0C}").map(String.init)
      .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
  }

  @Test(
    .enabled(
      if: installed("weasyprint") && installed("pdftotext"),
      "WeasyPrint or pdftotext is not installed"))
  func aPDFInTwoVersionsSaysOnEveryPageWhichVersionAndPageItIs() throws {
    let output = folder + "/test.pdf"
    let result = try BinaryRunner().run(
      [
        "print", "bajgora-offensive", "--decks-dir", decks, "--count", "30", "--seed", "4",
        "--versions", "2", "-o", output,
      ], timeout: 120)
    #expect(result.exitCode == 0, "\(result.standardError)")
    for letter in ["A", "B"] {
      let pdf = folder + "/test-\(letter).pdf"
      let texts = try pages(of: pdf)
      #expect(texts.count >= 3, "\(texts.count) pages")
      for (index, page) in texts.enumerated() {
        #expect(page.contains("Version \(letter)"), "page \(index + 1) of \(pdf)")
        #expect(page.contains("Page \(index + 1) of \(texts.count)"), "page \(index + 1)")
      }
      let keyPages = texts.filter { $0.contains("Answer key ·") }
      #expect(!keyPages.isEmpty)
      #expect(keyPages.allSatisfy { $0.contains("Version \(letter)") })
      #expect(keyPages.joined().contains("point"))
    }
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func withoutWeasyPrintThePDFIsRefusedWithTheInstallCommand() throws {
    var runner = BinaryRunner()
    runner.environment["RECALL_WEASYPRINT"] = folder + "/no-such-weasyprint"
    let result = try runner.run([
      "print", "bajgora-offensive", "--decks-dir", decks, "--seed", "1", "-o", folder + "/x.pdf",
    ])
    #expect(result.exitCode == 69)
    #expect(result.standardError.contains("sudo apt-get install weasyprint"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/x.pdf"))
    let toStandardOutput = try runner.run([
      "print", "bajgora-offensive", "--decks-dir", decks, "--format", "pdf",
    ])
    #expect(toStandardOutput.exitCode == 64)
  }

  @Test func sectionsSetTheSheetAndRefuseCountAndTypes() throws {
    let result = try BinaryRunner().run([
      "print", "bajgora-offensive", "--decks-dir", decks, "--seed", "2", "--section", "choice:3",
      "--section", "truefalse:2", "--answer-key", "none",
    ])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Part 1 · Multiple choice (3 questions)"))
    #expect(result.standardOutput.contains("Part 2 · True or false (2 questions)"))
    let both = try BinaryRunner().run([
      "print", "bajgora-offensive", "--decks-dir", decks, "--section", "choice:3", "--count", "4",
    ])
    #expect(both.exitCode == 64)
    #expect(both.standardError.contains("leave out --count"))
  }
}
