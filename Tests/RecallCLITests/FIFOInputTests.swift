import Foundation
import Testing

/// A FIFO where Recall expects a file it reads (#19, defect 3): opening one for reading waits
/// for a writer that never comes, so each command must refuse it, with its path, before it
/// opens it. The real `recall` runs under a timeout, so a hang fails the test instead of
/// stalling the suite.
@Suite struct FIFOInputTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-fifo-\(UUID().uuidString)").path
  let bajgora = repositoryRootForCLI.appendingPathComponent("Decks/bajgora-offensive.yaml").path
  /// Far longer than any of these commands takes, far shorter than a hung CI job.
  static let timeout = 20.0

  init() throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  private func makeFIFO(_ name: String) -> String {
    let path = folder + "/" + name
    #expect(mkfifo(path, 0o644) == 0, "mkfifo \(path)")
    return path
  }

  private func run(_ arguments: [String]) throws -> BinaryRunner.Result {
    try BinaryRunner().run(arguments, input: "", timeout: Self.timeout)
  }

  @Test func checkRefusesAFIFODeckWithItsPath() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = makeFIFO("pipe.yaml")
    let result = try run(["check", fifo])
    #expect(result.exitCode == 74, "\(result.standardError)")
    #expect(
      result.standardError.contains("\(fifo): error: cannot read the deck: it is a FIFO"),
      "\(result.standardError)")
  }

  @Test func studyRefusesAFIFODeckByPathAndById() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = makeFIFO("pipe.yaml")
    let progress = folder + "/progress"
    for name in [fifo, "pipe"] {
      let result = try run(
        ["study", name, "--decks-dir", folder, "--progress-dir", progress, "--seed", "1"])
      #expect(result.exitCode == 74, "\(name): \(result.standardError)")
      #expect(result.standardError.contains("\(fifo): error: "), "\(result.standardError)")
      #expect(result.standardError.contains("it is a FIFO"), "\(result.standardError)")
    }
    // Refused before the session starts: no progress folder, no lock.
    #expect(!FileManager.default.fileExists(atPath: progress))
  }

  /// `recall decks` skips the FIFO with a warning naming it and lists the other decks.
  @Test func decksSkipsAFIFOInTheDeckFolderWithAWarning() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: bajgora, toPath: folder + "/bajgora-offensive.yaml")
    let fifo = makeFIFO("pipe.yaml")
    let result = try run(["decks", "--decks-dir", folder])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains("\(fifo): warning: cannot read the deck: it is a FIFO"),
      "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("bajgora-offensive ") }, "\(result.standardOutput)")
    #expect(lines.contains { $0.hasPrefix("pipe ") && $0.contains("has errors") })
  }

  @Test(arguments: ["cards.csv", "cards.gift", "cards.txt", "cards.apkg"])
  func importRefusesAFIFOWithItsPath(name: String) throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = makeFIFO(name)
    let output = folder + "/out.yaml"
    let result = try run(["import", fifo, "--id", "cards", "-o", output])
    #expect(result.exitCode == 66, "\(result.standardError)")
    #expect(
      result.standardError.contains("\(fifo): it is a FIFO, not a regular file"),
      "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
