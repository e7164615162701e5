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
    // Grouped by what a user is doing, so `recall --help` reads as a menu; the groups are the
    // same in the man page and Documentation/index.md.
    groupedSubcommands: [
      CommandGroup(
        name: "Study",
        subcommands: [
          StudyCommand.self, StatsCommand.self, SuspendedCommand.self, UnsuspendCommand.self,
          OptimizeCommand.self, ForecastCommand.self, SimulateCommand.self,
        ]),
      CommandGroup(
        name: "Deck",
        subcommands: [
          DecksCommand.self, NewCommand.self, CheckCommand.self, GradeCommand.self,
          PreviewCommand.self, DraftCommand.self,
        ]),
      CommandGroup(
        name: "Share",
        subcommands: [
          PrintCommand.self, ExportCommand.self, ImportCommand.self, ReportCommand.self,
        ]),
      CommandGroup(
        name: "Maintenance",
        subcommands: [PruneCommand.self, ScheduleCommand.self, LineEchoCommand.self]),
    ])

  public init() {}
}
