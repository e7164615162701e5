import ArgumentParser
import Foundation
import RecallCLI
import Testing

/// `recall --help` reads as a menu of groups, and the shell completions generated from the
/// commands complete what the commands accept.
@Suite struct HelpAndCompletionTests {
  @Test func everyCommandIsInOneGroupAndHelpShowsTheGroupsInOrder() throws {
    let configuration = RecallCommand.configuration
    #expect(configuration.ungroupedSubcommands.isEmpty)
    let names = configuration.groupedSubcommands.flatMap(\.subcommands).map {
      $0._commandName
    }
    #expect(Set(names).count == names.count, "a command is in two groups: \(names)")

    let help = RecallCommand.helpMessage(columns: 100)
    let headers = ["STUDY", "DECK", "SHARE", "MAINTENANCE"].map { "\($0) SUBCOMMANDS:" }
    let positions = try headers.map { header in
      try #require(help.range(of: header), "\(header) missing from:\n\(help)").lowerBound
    }
    #expect(positions == positions.sorted())
    // Each group lists its own commands: print sits with export, study with stats.
    let share = help[positions[2]..<positions[3]]
    for command in ["print", "export", "import", "report"] {
      #expect(share.contains("\n  \(command) "), "\(command) is not under SHARE")
    }
    #expect(help[positions[0]..<positions[1]].contains("\n  stats "))
    // The hidden developer command stays out of the menu.
    #expect(!help.contains("line-echo"))
  }

  @Test func printSaysItMakesAWorksheetFile() {
    let abstract = PrintCommand.configuration.abstract
    #expect(abstract.contains("worksheet"))
    #expect(PrintCommand.configuration.discussion.contains("does not send anything to a printer"))
  }

  /// Completes `words` (the last one being typed) with the bash script `recall` generates,
  /// calling its function as bash does on Tab: command, current word, previous word.
  private func bashCompletions(_ words: [String]) throws -> [String] {
    let script = try BinaryRunner().run(["--generate-completion-script", "bash"])
    #expect(script.exitCode == 0, "\(script.standardError)")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-completion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scriptPath = folder.appendingPathComponent("recall.bash").path
    try script.standardOutput.write(toFile: scriptPath, atomically: true, encoding: .utf8)
    let line = words.joined(separator: " ")
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let driver = """
      shopt -s extglob
      source '\(scriptPath)'
      COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
      COMP_LINE='\(line)'; COMP_POINT=\(line.utf8.count)
      _recall recall "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["--norc", "--noprofile", "-c", driver]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test func bashCompletesSubcommandsAndOptionValues() throws {
    #expect(try bashCompletions(["recall", "st"]).sorted() == ["stats", "study"])
    #expect(try bashCompletions(["recall", "pr"]).sorted() == ["preview", "print", "prune"])
    #expect(
      try bashCompletions(["recall", "print", "deck", "--format", ""]).sorted()
        == ["html", "markdown", "pdf", "text"])
    #expect(try bashCompletions(["recall", "schedule", "re"]) == ["replay"])
  }

  @Test func zshAndFishScriptsNameEveryCommand() throws {
    for shell in ["zsh", "fish"] {
      let script = try BinaryRunner().run(["--generate-completion-script", shell])
      #expect(script.exitCode == 0, "\(shell): \(script.standardError)")
      for command in ["study", "stats", "print", "export", "report", "schedule", "optimize"] {
        #expect(script.standardOutput.contains(command), "\(shell) misses \(command)")
      }
    }
  }
}
