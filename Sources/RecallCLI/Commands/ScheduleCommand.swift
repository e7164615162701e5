import ArgumentParser

/// `recall schedule`: tools for the FSRS scheduler.
public struct ScheduleCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Work with FSRS schedules outside a study session.",
    subcommands: [
      ScheduleReplayCommand.self, ScheduleOptimizeCommand.self, ScheduleEvaluateCommand.self,
    ])

  public init() {}
}
