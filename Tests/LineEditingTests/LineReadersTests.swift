import Foundation
import LineEditing
import Testing

@Suite struct LineReadersTests {
  @Test func editingNeedsTwoTerminalsAndAKnownTerminalType() {
    #expect(
      LineReaders.kind(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color")
        == .editing)
  }

  @Test(arguments: [
    (false, true), (true, false), (false, false),
  ])
  func pipesReadPlainLines(stdinIsTerminal: Bool, stdoutIsTerminal: Bool) {
    #expect(
      LineReaders.kind(
        stdinIsTerminal: stdinIsTerminal, stdoutIsTerminal: stdoutIsTerminal, term: "xterm")
        == .plain)
  }

  @Test(arguments: ["dumb", "", nil] as [String?])
  func terminalsThatCannotEditStillShowPrompts(term: String?) {
    #expect(
      LineReaders.kind(stdinIsTerminal: true, stdoutIsTerminal: true, term: term)
        == .plainWithPrompts)
  }

  @Test func plainReaderShowsPromptsOnlyWhenAsked() throws {
    let pipe = Pipe()
    try pipe.fileHandleForWriting.write(contentsOf: Data("Thaçi\n".utf8))
    try pipe.fileHandleForWriting.close()
    var shown: [String] = []
    let reader = PlainLineReader(
      handle: pipe.fileHandleForReading, promptWriter: { shown.append($0) })
    #expect(reader.readLine(prompt: "> ") == .line("Thaçi"))
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    #expect(shown == ["> ", "> "])
  }
}
