import Foundation
import RecallTestSupport
import Testing

/// Every command that takes `-o`, pointed at special files (#19, defects 12, 13 and 15).
///
/// The device is a node made with mknod in a temporary folder (major 1, minor 3: the null driver, so
/// writes go nowhere), never /dev/null itself: a failure here must not break the machine.
///
/// Serialized, with a long limit per command: PDF worksheets run a typesetter, and several at
/// once on a loaded two-core machine took longer than the runner's usual 10 s.
@Suite(.serialized) struct OutputSafetyTests {
  static let limit = 180.0

  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-output-\(UUID().uuidString)").path
  let decks = Repository.decks.path
  static let deck = "bajgora-offensive"

  init() throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  /// The arguments of each command that writes with `-o`, writing to `path`.
  func commands(writingTo path: String, force: Bool) throws -> [[String]] {
    let source = folder + "/cards.csv"
    try Data("question,answer\nWhen?,1998\n".utf8).write(to: URL(fileURLWithPath: source))
    let extra = force ? ["--force"] : []
    return [
      ["print", Self.deck, "--decks-dir", decks, "--seed", "1", "-o", path] + extra,
      ["print", Self.deck, "--decks-dir", decks, "--seed", "1", "--format", "text", "-o", path]
        + extra,
      ["export", Self.deck, "--decks-dir", decks, "--format", "csv", "-o", path] + extra,
      ["export", Self.deck, "--decks-dir", decks, "--format", "gift", "-o", path] + extra,
      ["import", source, "--id", "cards", "-o", path] + extra,
    ] + (try moreCommands(writingTo: path, extra: extra))
  }

  /// The other writers of `-o`: packages, the class report, drafts and PDF worksheets (when
  /// WeasyPrint and the seed article are there).
  private func moreCommands(writingTo path: String, extra: [String]) throws -> [[String]] {
    let student = folder + "/student"
    if !FileManager.default.fileExists(atPath: student) {
      // One answer saved by a real session, so the class report has a student to show.
      _ = try BinaryRunner().run(
        ["study", Self.deck, "--decks-dir", decks, "--progress-dir", student, "--seed", "1"],
        input: "March and April 1999\n3\n:quit\n", timeout: Self.limit)
    }
    var commands = [
      ["export", Self.deck, "--decks-dir", decks, "--format", "apkg", "-o", path] + extra,
      ["export", Self.deck, "--decks-dir", decks, "--format", "anki", "-o", path] + extra,
      ["report", Self.deck, student, "--decks-dir", decks, "-o", path] + extra,
    ]
    let article = "/work/shared/seed/bajgora-offensive.txt"
    if FileManager.default.fileExists(atPath: article) {
      commands.append(["draft", article, "--no-review", "-o", path] + extra)
    }
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint") {
      commands.append(
        ["print", Self.deck, "--decks-dir", decks, "--seed", "1", "--format", "pdf", "-o", path]
          + extra)
    }
    return commands
  }

  private func isCharacterDevice(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR
  }

  @Test(.enabled(if: getuid() == 0, "mknod needs root"), arguments: [false, true])
  func aDeviceIsWrittenNeverReplaced(force: Bool) throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let device = folder + "/null"
    #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
    for arguments in try commands(writingTo: device, force: force) {
      let result = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
      #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
      #expect(isCharacterDevice(device), "\(arguments) replaced the device")
    }
    #expect(isCharacterDevice(device))
  }

  @Test func aFIFOIsWrittenInPlace() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/pipe"
    #expect(mkfifo(fifo, 0o644) == 0)
    for arguments in try commands(writingTo: fifo, force: false) {
      // A reader on the other end, as a shell's `cat pipe` would be.
      // Its output goes to a file: an unread pipe would fill and stall both processes.
      let copy = folder + "/copy"
      #expect(FileManager.default.createFile(atPath: copy, contents: nil))
      let reader = Process()
      reader.executableURL = URL(fileURLWithPath: "/bin/cat")
      reader.arguments = [fifo]
      reader.standardOutput = FileHandle(forWritingAtPath: copy)
      // Not the test's own error stream: a reader left behind would hold it open and keep
      // the test runner waiting for its end.
      reader.standardError = FileHandle.nullDevice
      reader.standardInput = FileHandle.nullDevice
      try reader.run()
      let result: BinaryRunner.Result
      do {
        result = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
      } catch {
        // The writer never opened the pipe, so the reader would wait for it for ever.
        kill(reader.processIdentifier, SIGKILL)
        reader.waitUntilExit()
        throw error
      }
      reader.waitUntilExit()
      #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
      #expect((try? Data(contentsOf: URL(fileURLWithPath: copy)))?.isEmpty == false)
      var status = stat()
      #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }
  }

  @Test func anExistingFileIsReplacedOnlyWithForce() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/out.txt"
    for arguments in try commands(writingTo: path, force: false) {
      try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: path))
      let refused = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
      #expect(refused.exitCode == 73, "\(arguments)")
      #expect(
        refused.standardError.contains("\(path) already exists; use --force to replace it"),
        "\(refused.standardError)")
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
      let forced = try BinaryRunner().run(arguments + ["--force"], input: "", timeout: Self.limit)
      #expect(forced.exitCode == 0, "\(arguments): \(forced.standardError)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != Data("keep me\n".utf8))
    }
  }

  /// `print -o` on the deck itself used to replace it with the worksheet.
  @Test func printNeverOverwritesTheDeck() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let deckFile = folder + "/mine.yaml"
    let original = try Data(contentsOf: URL(fileURLWithPath: decks + "/\(Self.deck).yaml"))
    try original.write(to: URL(fileURLWithPath: deckFile))
    let result = try BinaryRunner().run(
      ["print", deckFile, "--seed", "1", "-o", deckFile], input: "", timeout: Self.limit)
    #expect(result.exitCode == 73)
    #expect(try Data(contentsOf: URL(fileURLWithPath: deckFile)) == original)
  }

  @Test func worksheetsAreNotWrittenIntoTheDecksFolderWithoutForce() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let library = folder + "/Decks"
    try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: decks + "/\(Self.deck).yaml", toPath: library + "/\(Self.deck).yaml")
    let arguments = [
      "print", Self.deck, "--decks-dir", library, "--seed", "1", "--versions", "2", "-o",
      library + "/quiz.yaml",
    ]
    let refused = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
    #expect(refused.exitCode == 73)
    #expect(refused.standardError.contains("is in the decks folder"), "\(refused.standardError)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: library) == ["\(Self.deck).yaml"])
    let forced = try BinaryRunner().run(arguments + ["--force"], input: "", timeout: Self.limit)
    #expect(forced.exitCode == 0, "\(forced.standardError)")
    #expect(FileManager.default.fileExists(atPath: library + "/quiz-A.yaml"))
  }

  @Test func aFolderOrAMissingFolderIsAPlainMessage() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for arguments in try commands(writingTo: folder, force: true) {
      let result = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
      #expect(result.exitCode == 73, "\(arguments)")
      #expect(
        result.standardError.contains("cannot write \(folder): it is a folder"),
        "\(result.standardError)")
      #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    }
    let missing = folder + "/nowhere/out.txt"
    for arguments in try commands(writingTo: missing, force: false) {
      let result = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
      #expect(result.exitCode == 73, "\(arguments)")
      #expect(result.standardError.contains("the folder \(folder)/nowhere does not exist"))
    }
  }

  @Test func aLinkIsFollowedToItsFileAndADanglingOneRefused() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/real.txt"
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
    let link = folder + "/link.txt"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let arguments = try commands(writingTo: link, force: true)[2]
    let result = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("id,type,prompt"))
    let dangling = folder + "/dangling.txt"
    try FileManager.default.createSymbolicLink(
      atPath: dangling, withDestinationPath: folder + "/missing.txt")
    let refused = try BinaryRunner().run(
      try commands(writingTo: dangling, force: true)[2], input: "", timeout: Self.limit)
    #expect(refused.exitCode == 73)
    #expect(refused.standardError.contains("which does not exist"), "\(refused.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/missing.txt"))
  }

  @Test func dashIsStandardOutput() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for arguments in try commands(writingTo: "-", force: false) {
      let result = try BinaryRunner().run(arguments, input: "", timeout: Self.limit)
      #expect(!FileManager.default.fileExists(atPath: "-"))
      if arguments.contains("apkg") || arguments.contains("pdf") {
        // Binary files go to a named file only.
        #expect(result.exitCode == 64, "\(arguments): \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        continue
      }
      #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
      #expect(!result.standardOutput.isEmpty)
    }
  }
}

/// Empty folder paths and out-of-range times (#19, defect 13).
@Suite struct EmptyPathTests {
  let decks = Repository.decks.path

  @Test func anEmptyProgressFolderIsRefusedNotReplacedByTheDefault() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-empty-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var runner = BinaryRunner()
    runner.environment["XDG_DATA_HOME"] = folder
    runner.environment["RECALL_PROGRESS"] = nil
    let flag = try runner.run(
      ["study", "bajgora-offensive", "--decks-dir", decks, "--progress-dir", ""], input: ":quit\n")
    runner.environment["RECALL_PROGRESS"] = ""
    let variable = try runner.run(
      ["study", "bajgora-offensive", "--decks-dir", decks], input: ":quit\n")
    for result in [flag, variable] {
      #expect(result.exitCode == 64, "\(result.standardError)")
      #expect(result.standardError.contains("the progress folder is an empty path"))
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/recall/progress"))
  }

  @Test(arguments: ["study", "stats"])
  func anOutOfRangeNowIsAPlainMessage(command: String) throws {
    let result = try BinaryRunner().run(
      [command, "bajgora-offensive", "--decks-dir", decks, "--now", "9999-12-31T00:00:00Z"],
      input: ":quit\n")
    #expect(result.exitCode == 64, "\(result.standardError)")
    #expect(result.standardError.contains("sessions can run from"), "\(result.standardError)")
    #expect(!result.standardError.contains("unavailable"))
  }
}
