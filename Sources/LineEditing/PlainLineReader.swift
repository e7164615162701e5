import Foundation

/// Reads lines from a non-terminal input with no prompt decoration or escape codes, so a
/// session can be scripted.
public final class PlainLineReader: LineReader {
  private let handle: FileHandle
  private let promptWriter: ((String) -> Void)?
  private var buffer = Data()
  private var finished = false

  /// - Parameter promptWriter: where prompts go; nil (the default) shows none, which is right
  ///   for a pipe. A terminal that cannot edit (TERM=dumb) still wants to see them.
  public init(handle: FileHandle = .standardInput, promptWriter: ((String) -> Void)? = nil) {
    self.handle = handle
    self.promptWriter = promptWriter
  }

  public func readLine(prompt: String) -> LineInput {
    if let promptWriter, !prompt.isEmpty { promptWriter(prompt) }
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        var lineData = buffer[buffer.startIndex..<newline]
        buffer.removeSubrange(buffer.startIndex...newline)
        if lineData.last == 0x0D { lineData = lineData.dropLast() }
        return .line(String(decoding: lineData, as: UTF8.self))
      }
      if finished {
        guard !buffer.isEmpty else { return .endOfInput }
        let rest = buffer
        buffer.removeAll()
        return .line(String(decoding: rest, as: UTF8.self))
      }
      let chunk = handle.availableData
      if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
    }
  }

  public func addHistory(_ line: String) {}
}
