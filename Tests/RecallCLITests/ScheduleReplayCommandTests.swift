import Foundation
import RecallCLI
import RecallKit
import Testing

@Suite struct ScheduleReplayCommandTests {
  static let log = """
    {"card": "bajgora/mazhiq/date", "time": "2024-03-05T09:30:00Z", "rating": "good"}
    {"card": "bajgora/convoy/size", "time": "2024-03-05T09:31:00Z", "rating": "again"}
    {"card": "bajgora/mazhiq/date", "time": "2024-03-05T09:40:00Z", "rating": "good"}
    {"card": "bajgora/convoy/size", "time": "2024-03-05T09:32:30Z", "rating": "hard"}
    {"card": "bajgora/mazhiq/date", "time": "2024-03-07T18:00:00Z", "rating": 4}

    """

  private func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-replay-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  private func write(_ text: String, name: String = "log.jsonl") throws -> String {
    let file = try folder().appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  private func run(
    _ arguments: [String], file: String? = nil, deck: String? = nil,
    library: DeckLibrary = DeckLibrary(directory: "/nonexistent"), standardInput: String = ""
  ) throws -> (RecallCLI.ExitStatus, CapturedConsole) {
    let captured = CapturedConsole()
    let command = try ScheduleReplayCommand.parse(
      arguments + ["--decks-dir", library.directory] + (deck.map { ["--deck", $0] } ?? [])
        + (file.map { [$0] } ?? []))
    let status = command.execute(
      in: CommandContext(
        console: captured.console, standardInput: { Data(standardInput.utf8) }))
    return (status, captured)
  }

  /// The expected lines were checked against py-fsrs 6.3.2 (same states, due times and values).
  @Test func replaysAFileWithDefaultOptions() throws {
    let (status, captured) = try run([], file: try write(Self.log))
    #expect(status == .ok)
    #expect(captured.standardError.isEmpty)
    #expect(
      captured.standardOutput == """
        {"card":"bajgora/mazhiq/date","time":"2024-03-05T09:30:00Z","rating":"good","state":"learning","step":1,"stability":2.3065,"difficulty":2.118103970459016,"due":"2024-03-05T09:40:00Z","retrievability":null}
        {"card":"bajgora/convoy/size","time":"2024-03-05T09:31:00Z","rating":"again","state":"learning","step":0,"stability":0.212,"difficulty":6.4133,"due":"2024-03-05T09:32:00Z","retrievability":null}
        {"card":"bajgora/mazhiq/date","time":"2024-03-05T09:40:00Z","rating":"good","state":"review","step":null,"stability":2.3065,"difficulty":2.111214235785395,"due":"2024-03-07T09:40:00Z","retrievability":1.0}
        {"card":"bajgora/convoy/size","time":"2024-03-05T09:32:30Z","rating":"hard","state":"learning","step":0,"stability":0.212,"difficulty":7.604209769076838,"due":"2024-03-05T09:38:00Z","retrievability":1.0}
        {"card":"bajgora/mazhiq/date","time":"2024-03-07T18:00:00Z","rating":"easy","state":"review","step":null,"stability":18.534332441919037,"difficulty":1.0,"due":"2024-03-26T18:00:00Z","retrievability":0.9094932559773545}

        """)
  }

  @Test func optionsOverrideTheDefaultsAndStandardInputIsRead() throws {
    let (status, captured) = try run(
      ["--learning-steps", "none", "--desired-retention", "0.8", "--maximum-interval", "10"],
      standardInput: Self.log)
    #expect(status == .ok)
    let lines = captured.standardOutput.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[0].contains(#""state":"review","step":null"#))
    #expect(lines[4].contains(#""due":"2024-03-17T18:00:00Z""#))
  }

  @Test func aDecksSettingsAreTheStartingPoint() throws {
    let decks = try folder()
    try Data(
      """
      id: tiny
      title: Tiny
      subject: History
      source: A book
      settings:
        learning_steps: [5m]
        desired_retention: 0.95
      facts:
        - id: school
          kind: event
          what: the KLA opened a school
          date: June 1998

      """.utf8
    ).write(to: decks.appendingPathComponent("tiny.yaml"))
    let library = DeckLibrary(directory: decks.path)
    let line = #"{"card": "tiny/school/date", "time": "2024-03-05T09:30:00Z", "rating": "good"}"#
    let (status, captured) = try run([], deck: "tiny", library: library, standardInput: line)
    #expect(status == .ok, "\(captured.standardError)")
    // One 5-minute step: Good graduates at once.
    #expect(captured.standardOutput.contains(#""state":"review""#))
    let (_, overridden) = try run(
      ["--learning-steps", "1m,10m"], deck: "tiny", library: library, standardInput: line)
    #expect(overridden.standardOutput.contains(#""state":"learning","step":1"#))
  }

  /// Columns count characters, not bytes: "ç" and "ë" are one column each.
  @Test func aDeckWithUnusableSettingsExits65() throws {
    let decks = try folder()
    let weights = FSRSParameters.defaults.enumerated().map { $0.offset == 6 ? 50 : $0.element }
    try Data(
      """
      id: odd
      title: Odd
      subject: History
      source: A book
      settings:
        parameters: [\(weights.map { String($0) }.joined(separator: ", "))]
      facts:
        - id: school
          kind: event
          what: the KLA opened a school
          date: June 1998

      """.utf8
    ).write(to: decks.appendingPathComponent("odd.yaml"))
    let (status, captured) = try run(
      [], deck: "odd", library: DeckLibrary(directory: decks.path), standardInput: "")
    #expect(status == .dataError)
    #expect(
      captured.standardError
        == "recall: error: the settings of deck 'odd' cannot be used: parameter w6 is 50, "
        + "outside its allowed range 0.001 to 4\n")
  }

  @Test func badLinesAreLocatedAndExit65() throws {
    let path = try write(
      """
      {"card": "Thaçi/ë", "time": "2024-03-05T09:30:00Z", "rating": "good"}
      {"card": "Thaçi/ë", "time": "2024-03-05T09:40:00Z", "rating": "perfect"}
      {"card": "Thaçi/ë", "time": "2024-03-06T09:40:00Z", "rating": "good"}
      {"card": "other", "time": "2024-03-06T09:40:00Z", "rating": "good"}

      """)
    let (status, captured) = try run([], file: path)
    #expect(status == .dataError)
    #expect(
      captured.standardError
        == "\(path):2:63: error: 'rating' must be again, hard, good or easy (or 1–4), found "
        + "'perfect'\n")
    let cards = captured.standardOutput.split(separator: "\n").map { $0.split(separator: "\"")[3] }
    #expect(cards == ["Thaçi/ë", "other"])
  }

  @Test func badOptionsExit64AndAMissingFileExits66() throws {
    #expect(throws: (any Error).self) {
      try SchedulingOptions.parse(["--desired-retention", "1.5"])
    }
    #expect(throws: (any Error).self) {
      try SchedulingOptions.parse(["--parameters", "1,2,3"])
    }
    #expect(throws: (any Error).self) {
      try SchedulingOptions.parse(["--learning-steps", "1m,soon"])
    }
    let (status, captured) = try run([], file: "/nonexistent/log.jsonl")
    #expect(status == .noInput)
    #expect(
      captured.standardError
        == "recall: error: cannot read '/nonexistent/log.jsonl': no such file\n")
  }

  @Test func invalidOptionsReportTheirTypedError() throws {
    var options = try SchedulingOptions.parse([])
    options.maximumInterval = 0
    let captured = CapturedConsole()
    var command = try ScheduleReplayCommand.parse(["--decks-dir", "/nonexistent"])
    command.scheduling = options
    let status = command.execute(in: CommandContext(console: captured.console))
    #expect(status == .usage)
    #expect(
      captured.standardError
        == "recall: error: maximum interval must be between 1 and 36500 days, found 0\n")
  }
}
