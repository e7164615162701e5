import Foundation
import RecallKit
import Testing

@Suite struct SchedulerOptionsTests {
  @Test func defaultsArePyFSRSs() {
    let options = SchedulerOptions()
    #expect(options.parameters == FSRSParameters.defaults)
    #expect(options.parameters.count == 21 && options.parameters[20] == 0.1542)
    #expect(options.desiredRetention == 0.9)
    #expect(options.learningSteps == [60, 600])
    #expect(options.relearningSteps == [600])
    #expect(options.maximumInterval == 36500)
    #expect(options.isFuzzEnabled)
  }

  @Test func deckSettingsReplaceOnlyWhatTheyGive() {
    let settings = DeckSettings(
      desiredRetention: 0.85, learningSteps: [30, 300, 3600], relearningSteps: [],
      newPerDay: 5)
    let options = SchedulerOptions(settings: settings)
    #expect(options.desiredRetention == 0.85)
    #expect(options.learningSteps == [30, 300, 3600])
    #expect(options.relearningSteps.isEmpty)
    #expect(options.maximumInterval == 36500)
    #expect(options.parameters == FSRSParameters.defaults)
  }

  @Test func textOptionsParse() throws {
    #expect(try SchedulerOptions.parseSteps("1m,10m", kind: .learning) == [60, 600])
    #expect(
      try SchedulerOptions.parseSteps(" 30s , 1h, 1d ", kind: .learning) == [30, 3600, 86400])
    #expect(try SchedulerOptions.parseSteps("", kind: .relearning) == [])
    #expect(try SchedulerOptions.parseSteps("none", kind: .relearning) == [])
    let text = FSRSParameters.defaults.map { String($0) }.joined(separator: ", ")
    #expect(try SchedulerOptions.parseParameters(text) == FSRSParameters.defaults)
    #expect(try SchedulerOptions.parseParameters("[\(text)]") == FSRSParameters.defaults)
  }

  @Test(arguments: [
    (
      SchedulerOptions(desiredRetention: 1.0),
      "desired retention must be between 0.5 and 0.99, found 1"
    ),
    (
      SchedulerOptions(maximumInterval: 0),
      "maximum interval must be between 1 and 36500 days, found 0"
    ),
    (
      SchedulerOptions(learningSteps: [60, -5]),
      "learning steps must be between 1 microsecond and 36,500 days, found -5 seconds"
    ),
    (
      SchedulerOptions(relearningSteps: [.nan]),
      "relearning steps must be between 1 microsecond and 36,500 days, found nan seconds"
    ),
    (
      SchedulerOptions(parameters: Array(FSRSParameters.defaults.prefix(19))),
      "FSRS-6 needs 21 parameters, found 19"
    ),
    (
      SchedulerOptions(
        parameters: FSRSParameters.defaults.enumerated().map { $0.offset == 20 ? 0.05 : $0.element }
      ),
      "parameter w20 is 0.05, outside its allowed range 0.1 to 0.8"
    ),
  ])
  func invalidOptionsGetAClearError(options: SchedulerOptions, message: String) {
    #expect {
      try FSRSScheduler(options: options)
    } throws: { error in
      (error as? SchedulerOptionsError)?.description == message
    }
  }

  @Test(arguments: [
    ("1m,ten", SchedulerOptionsError.unreadableStep(kind: .learning, text: "ten")),
    ("1m,,10m", .unreadableStep(kind: .learning, text: "")),
    ("0m", .unreadableStep(kind: .learning, text: "0m")),
  ])
  func unreadableStepsAreReported(text: String, error: SchedulerOptionsError) {
    #expect(throws: error) { try SchedulerOptions.parseSteps(text, kind: .learning) }
  }

  @Test func unreadableParametersAreReported() {
    #expect(throws: SchedulerOptionsError.unreadableParameter(position: 1, text: "x")) {
      try SchedulerOptions.parseParameters("1,x,3")
    }
    #expect(throws: SchedulerOptionsError.parameterCount(found: 3)) {
      try SchedulerOptions.parseParameters("1,2,3")
    }
    #expect(
      SchedulerOptionsError.unreadableStep(kind: .relearning, text: "5 min").description
        == "relearning step '5 min' is not a duration such as '30s', '10m', '1h' or '1d'")
  }

  @Test func trainedDecayChangesTheForgettingCurve() throws {
    var parameters = FSRSParameters.defaults
    parameters[20] = 0.5
    let steep = try FSRSScheduler(options: SchedulerOptions(parameters: parameters))
    let standard = try FSRSScheduler()
    // Both curves pass 90% where elapsed time equals stability; a larger w20 makes the
    // curve fall faster afterwards (and slower before).
    #expect(abs(steep.model.retrievability(elapsedDays: 10, stability: 10) - 0.9) < 1e-12)
    #expect(abs(standard.model.retrievability(elapsedDays: 10, stability: 10) - 0.9) < 1e-12)
    #expect(abs(steep.model.retrievability(elapsedDays: 100, stability: 10) - 0.5467110653) < 1e-9)
    #expect(
      abs(standard.model.retrievability(elapsedDays: 100, stability: 10) - 0.6928266346) < 1e-9)
    #expect(
      steep.model.retrievability(elapsedDays: 1, stability: 10)
        > standard.model.retrievability(elapsedDays: 1, stability: 10))
  }
}
