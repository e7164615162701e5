import ArgumentParser
import LineEditing
import RecallKit

/// A hidden developer command: echoes each line read by the REPL's line reader, so its keys
/// can be tried (and tested in tmux) without a deck.
public struct LineEchoCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "line-echo",
    abstract: "Echo lines read with the REPL's line editor (for testing the terminal).",
    shouldDisplay: false)

  /// The commands Tab completes, the same words the study REPL will offer.
  public static let commandWords = [":help", ":hint", ":quit", ":skip", ":stats", ":undo"]

  public init() {}

  public func run() throws {
    let reader = LineReaders.make(completions: LineCompletion.words(Self.commandWords))
    Self.echo(reader: reader, console: .standard)
  }

  /// Prints `got: <line>` per line, `interrupted` per Ctrl-C and `bye` at the end of input.
  public static func echo(reader: LineReader, console: Console, prompt: String = "echo> ") {
    while true {
      switch reader.readLine(prompt: prompt) {
      case .line(let line):
        reader.addHistory(line)
        console.line("got: " + TextSanitizer.visible(line))
      case .interrupted:
        console.line("interrupted")
      case .endOfInput:
        console.line("bye")
        return
      }
    }
  }
}
