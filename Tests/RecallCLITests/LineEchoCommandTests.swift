import Foundation
import LineEditing
import RecallCLI
import Testing

@Suite struct LineEchoCommandTests {
  @Test func echoesLinesThenSaysBye() throws {
    let pipe = Pipe()
    try pipe.fileHandleForWriting.write(contentsOf: Data("Barë\n\u{1B}[2J\n".utf8))
    try pipe.fileHandleForWriting.close()
    let captured = CapturedConsole()
    LineEchoCommand().execute(
      in: CommandContext(
        console: captured.console,
        lineReader: { _ in PlainLineReader(handle: pipe.fileHandleForReading) }))
    #expect(captured.standardOutput == "got: Barë\ngot: \\u{1B}[2J\nbye\n")
  }

  @Test func pipedInputGivesPlainOutput() throws {
    let result = try BinaryRunner().run(["line-echo"], input: "a\nb\n")
    #expect(result.exitCode == 0)
    #expect(result.standardOutput == "got: a\ngot: b\nbye\n")
    #expect(!result.standardOutput.unicodeScalars.contains("\u{1B}"))
    #expect(result.standardError.isEmpty)
  }

  @Test func isHiddenFromHelp() throws {
    let result = try BinaryRunner().run(["--help"])
    #expect(result.exitCode == 0)
    #expect(!result.standardOutput.contains("line-echo"))
  }
}
