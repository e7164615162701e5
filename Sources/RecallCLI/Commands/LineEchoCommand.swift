import ArgumentParser
import LineEditing
import RecallKit

/// A hidden developer command: echoes each line read by the REPL's line reader, so its keys
/// can be tried (and tested in tmux) without a deck.
public struct LineEchoCommand: RecallSubcommand {
  public static let configuration = CommandConfiguration(
    commandName: "line-echo",
    abstract: "Echo lines read with the REPL's line editor (for testing the terminal).",
    shouldDisplay: false)

  /// The commands Tab completes, the same words the study REPL will offer.
  public static let commandWords = [":help", ":hint", ":quit", ":skip", ":stats", ":undo"]

  public init() {}

  /// Prints `got: <line>` per line, `interrupted` per Ctrl-C and `bye` at the end of input.
  public func perform(in context: CommandContext, diagnostics: Diagnostics) {
    let reader = context.lineReader(LineCompletion.words(Self.commandWords))
    defer { (reader as? EditLineReader)?.close() }
    let console = context.console
    let prompt = "echo> "
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
