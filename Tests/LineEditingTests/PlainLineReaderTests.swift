import Foundation
import LineEditing
import Testing

@Suite struct PlainLineReaderTests {
  /// Writes `text` into a pipe and returns a reader over its read end.
  private func reader(for text: String) throws -> PlainLineReader {
    let pipe = Pipe()
    try pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try pipe.fileHandleForWriting.close()
    return PlainLineReader(handle: pipe.fileHandleForReading)
  }

  @Test func readsLinesThenEndOfInput() throws {
    let lines = try reader(for: "Barë\r\nThaçi\nlast")
    #expect(lines.readLine(prompt: "> ") == .line("Barë"))
    #expect(lines.readLine(prompt: "> ") == .line("Thaçi"))
    #expect(lines.readLine(prompt: "> ") == .line("last"))
    #expect(lines.readLine(prompt: "> ") == .endOfInput)
    #expect(lines.readLine(prompt: "> ") == .endOfInput)
  }

  @Test func emptyLinesAreLines() throws {
    let lines = try reader(for: "\n\n")
    #expect(lines.readLine(prompt: "") == .line(""))
    #expect(lines.readLine(prompt: "") == .line(""))
    #expect(lines.readLine(prompt: "") == .endOfInput)
  }
}
