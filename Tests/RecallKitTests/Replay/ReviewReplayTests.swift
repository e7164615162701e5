import Foundation
import RecallKit
import RecallTestSupport
import Testing

@Suite struct ReviewReplayTests {
  /// The expected output py-fsrs computed for the fixture log.
  struct Expected: Decodable, Equatable {
    var card: String
    var time: String
    var rating: String
    var state: String
    var step: Int?
    var stability: Double
    var difficulty: Double
    var due: String
    var retrievability: Double?
  }

  private func replay(_ text: String, options: SchedulerOptions = SchedulerOptions())
    throws -> (ok: Bool, lines: [String], diagnostics: [String])
  {
    var replay = try ReviewReplay(options: options)
    var lines: [String] = []
    var diagnostics: [String] = []
    let ok = replay.run(
      Data(text.utf8), file: "log.jsonl", output: { lines.append($0) },
      diagnostic: { diagnostics.append($0.description) })
    return (ok, lines, diagnostics)
  }

  @Test func aLogProducedByPyFSRSReplaysToTheSameSchedule() throws {
    let result = try replay(Repository.fixtureText("fsrs/replay-log.jsonl"))
    let decoder = JSONDecoder()
    let expected = try Repository.fixtureText("fsrs/replay-expected.jsonl").split(separator: "\n")
      .map {
        try decoder.decode(Expected.self, from: Data($0.utf8))
      }
    #expect(result.ok && result.diagnostics.isEmpty)
    #expect(result.lines.count == expected.count)
    #expect(Set(expected.map(\.card)).count > 5)
    for (line, reference) in zip(result.lines, expected) {
      let actual = try decoder.decode(Expected.self, from: Data(line.utf8))
      #expect(actual.card == reference.card && actual.time == reference.time)
      #expect(actual.rating == reference.rating)
      #expect(actual.state == reference.state && actual.step == reference.step)
      #expect(actual.due == reference.due, "\(reference.card) at \(reference.time)")
      #expect(abs(actual.stability - reference.stability) <= 1e-6)
      #expect(abs(actual.difficulty - reference.difficulty) <= 1e-6)
      #expect((actual.retrievability == nil) == (reference.retrievability == nil))
      #expect(abs((actual.retrievability ?? 0) - (reference.retrievability ?? 0)) <= 1e-6)
    }
  }

  @Test func outputLinesHaveEveryFieldInOrder() throws {
    let result = try replay(
      """
      {"card": "q1", "time": "2024-03-05T09:30:00Z", "rating": "good"}
      {"card": "q1", "time": "2024-03-05T09:40:00Z", "rating": 3}

      """)
    #expect(
      result.lines == [
        #"{"card":"q1","time":"2024-03-05T09:30:00Z","rating":"good","state":"learning","step":1,"stability":2.3065,"difficulty":2.118103970459016,"due":"2024-03-05T09:40:00Z","retrievability":null}"#,
        #"{"card":"q1","time":"2024-03-05T09:40:00Z","rating":"good","state":"review","step":null,"stability":2.3065,"difficulty":2.111214235785395,"due":"2024-03-07T09:40:00Z","retrievability":1.0}"#,
      ])
  }

  @Test func aBadLineStopsItsCardButNotTheOthers() throws {
    let input = MarkedText(
      """
      {"card": "a", "time": "2024-03-05T09:30:00Z", "rating": "good"}
      {"card": "a", "time": "2024-03-05T09:40:00Z", "rating": ⟪1⟫"meh"}
      {"card": "b", "time": "2024-03-05T09:41:00Z", "rating": "easy"}
      {"card": "a", "time": "2024-03-06T09:30:00Z", "rating": "good"}
      {"card": "b", "time": ⟪2⟫"2024-03-05T09:42:00", "rating": "good"}
      {"card": "b", "time": "2024-03-09T09:42:00Z", "rating": "good"}
      {"card": "c", "rating": "good"⟪3⟫
      {"card": "d", "time": "2024-03-09T09:42:00Z", "rating": "hard"}
      {"card": "d", "time": ⟪4⟫"2024-03-08T09:42:00Z", "rating": "good"}
      {"card": "d", "time": "2024-03-10T09:42:00Z", "rating": "good"}
      ⟪5⟫["not", "an", "object"]
      {"card": "e", "time": "2024-03-09T09:42:00Z", "rating": ⟪6⟫5}
      {"card": ⟪7⟫"", "time": "2024-03-09T09:42:00Z", "rating": 1}
      ⟪8⟫{"card": "f", "time": "2024-03-09T09:42:00Z"}

      {"card": "g", "time": ⟪9⟫"2024-03-09T09:42:00.1234567Z", "rating": "again"}
      {"card": "h", "time": ⟪10⟫"2024-02-30T09:42:00Z", "rating": "again"}
      {"card": "i", "time": "2024-03-09T09:42:00+01:00", "rating": "again", "ms": 5300}
      """)
    let result = try replay(input.text)
    #expect(!result.ok)
    #expect(
      result.diagnostics
        == input.located([
          "log.jsonl:marker 1: error: 'rating' must be again, hard, good or easy (or 1–4), found 'meh'",
          "log.jsonl:marker 2: error: '2024-03-05T09:42:00' has no time zone; end it with Z for UTC",
          "log.jsonl:marker 3: error: the object is not closed with '}'",
          "log.jsonl:marker 4: error: this review of 'd' at 2024-03-08T09:42:00Z is earlier than its "
            + "previous one at 2024-03-09T09:42:00Z; list each card's reviews in time order",
          "log.jsonl:marker 5: error: expected a JSON object",
          "log.jsonl:marker 6: error: 'rating' must be again, hard, good or easy (or 1–4), found 5",
          "log.jsonl:marker 7: error: 'card' must be a non-empty string",
          "log.jsonl:marker 8: error: missing key 'rating'",
          "log.jsonl:marker 9: error: '2024-03-09T09:42:00.1234567Z' has more than 6 decimals of "
            + "seconds; Recall keeps microseconds",
          "log.jsonl:marker 10: error: '2024-02-30T09:42:00Z' is not a real date and time",
        ]))
    // a: first review only; b: first review only; d: first only; i: converted to UTC.
    let cards = result.lines.map { $0.split(separator: "\"")[3] }
    #expect(cards == ["a", "b", "d", "i"])
    #expect(result.lines[3].contains(#""time":"2024-03-09T08:42:00Z""#))
  }

  @Test func replaysNeverFuzz() throws {
    let log = (0..<8).map { day in
      #"{"card": "q", "time": "2024-0\#(day / 4 + 3)-\#(10 + day)T08:00:00Z", "rating": "good"}"#
    }.joined(separator: "\n")
    let first = try replay(log)
    let second = try replay(log)
    #expect(first.lines == second.lines)
    var options = SchedulerOptions()
    options.isFuzzEnabled = false
    let plain = try replay(log, options: options)
    #expect(first.lines == plain.lines)
  }

  @Test func statesAreKeptPerCard() throws {
    var replay = try ReviewReplay(options: SchedulerOptions(learningSteps: []))
    _ = replay.consume(
      Array(#"{"card": "x", "time": "2024-03-05T09:30:00Z", "rating": "easy"}"#.utf8))
    let state = try #require(replay.states["x"])
    #expect(state.phase == .review)
    #expect(try state.lastReview == UTCTimestamp.parse("2024-03-05T09:30:00Z").get())
  }
}

@Suite struct UTCTimestampTests {
  @Test(arguments: [
    ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00Z"),
    ("2024-03-05t09:30:00z", "2024-03-05T09:30:00Z"),
    ("2024-03-05T09:30:00.5Z", "2024-03-05T09:30:00.500Z"),
    ("2024-03-05T09:30:00.000001Z", "2024-03-05T09:30:00.000001Z"),
    ("2024-03-05T09:30:00+00:00", "2024-03-05T09:30:00Z"),
    ("2024-03-05T01:30:00-08:00", "2024-03-05T09:30:00Z"),
    ("2024-03-05T10:30:00+0100", "2024-03-05T09:30:00Z"),
    ("2024-02-29T23:59:59.999999Z", "2024-02-29T23:59:59.999999Z"),
    ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500Z"),
    ("2100-03-01T00:00:00Z", "2100-03-01T00:00:00Z"),
  ])
  func parsesAndFormats(text: String, formatted: String) throws {
    let date = try UTCTimestamp.parse(text).get()
    #expect(UTCTimestamp.format(date) == formatted)
  }

  @Test func agreesWithFoundation() throws {
    let date = try UTCTimestamp.parse("2024-03-05T09:30:00Z").get()
    #expect(date == Date(timeIntervalSince1970: 1_709_631_000))
  }

  @Test(arguments: [
    "2024-3-05T09:30:00Z", "2024-03-05", "2024-03-05T09:30Z", "2024-03-05T09:30:00.Z",
    "2024-03-05T09:30:00+1", "2024-03-05T09:30:00Zjunk", "yesterday",
  ])
  func rejectsWhatIsNotATime(text: String) {
    #expect(throws: UTCTimestampError.notATime(text)) { try UTCTimestamp.parse(text).get() }
  }

  @Test(arguments: ["2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z"])
  func rejectsImpossibleTimes(text: String) {
    #expect(throws: UTCTimestampError.impossible(text)) { try UTCTimestamp.parse(text).get() }
  }
}
