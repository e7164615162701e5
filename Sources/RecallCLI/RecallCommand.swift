import ArgumentParser

/// The `recall` command: study decks of structured facts in a terminal.
public struct RecallCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "recall",
    abstract: "Study history from decks of structured facts, with spaced repetition.",
    discussion: """
      Start with `recall decks` to see what is installed and `recall check DECK` to validate \
      a deck you wrote. See Documentation/deck-format.md for the deck format.
      """,
    version: "0.1.0",
    subcommands: [
      StudyCommand.self,
      StatsCommand.self,
      CheckCommand.self,
      PruneCommand.self,
      DecksCommand.self,
      ScheduleCommand.self,
      OptimizeCommand.self,
      PreviewCommand.self,
      PrintCommand.self,
      NewCommand.self,
      ImportCommand.self,
      ExportCommand.self,
      DraftCommand.self,
      ReportCommand.self,
      LineEchoCommand.self,
    ])

  public init() {}
}
