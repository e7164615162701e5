import Foundation
import RecallKit
import RecallTestSupport

/// The py-fsrs vectors written by scripts/fsrs-vectors.py.
///
/// Decoded with `JSONDecoder`, which reads doubles exactly; `JSONSerialization` on Linux can
/// be one unit in the last place off, which would hide or fake a mismatch.
struct FSRSVectors {
  /// One review and py-fsrs's card after it, from a row
  /// `[time, rating, state, step, stability, difficulty, due, retrievability before]`.
  struct Review: Decodable {
    var time: Int64
    var rating: Rating
    var phase: CardState.Phase
    var step: Int?
    var stability: Double
    var difficulty: Double
    var due: Int64
    var retrievabilityBefore: Double?

    init(from decoder: any Decoder) throws {
      var row = try decoder.unkeyedContainer()
      time = try row.decode(Int64.self)
      rating = try row.decode(Rating.self)
      let state = try row.decode(Int.self)
      let phases: [Int: CardState.Phase] = [1: .learning, 2: .review, 3: .relearning]
      guard let phase = phases[state] else {
        throw DecodingError.dataCorruptedError(in: row, debugDescription: "state \(state)")
      }
      self.phase = phase
      step = try row.decodeNil() ? nil : row.decode(Int.self)
      stability = try row.decode(Double.self)
      difficulty = try row.decode(Double.self)
      due = try row.decode(Int64.self)
      retrievabilityBefore = try row.decodeNil() ? nil : row.decode(Double.self)
    }
  }

  struct History: Decodable {
    var config: String
    var reviews: [Review]
  }

  /// A scheduler configuration as the script gave it to py-fsrs (steps in seconds).
  struct Config: Decodable {
    var parameters: [Double]?
    var desiredRetention: Double?
    var learningSteps: [Double]?
    var relearningSteps: [Double]?
    var maximumInterval: Int?

    enum CodingKeys: String, CodingKey {
      case parameters
      case desiredRetention = "desired_retention"
      case learningSteps = "learning_steps"
      case relearningSteps = "relearning_steps"
      case maximumInterval = "maximum_interval"
    }

    /// The same settings with fuzz off, as the vectors were made.
    var options: SchedulerOptions {
      var options = SchedulerOptions(isFuzzEnabled: false)
      if let parameters { options.parameters = parameters }
      if let desiredRetention { options.desiredRetention = desiredRetention }
      if let learningSteps { options.learningSteps = learningSteps }
      if let relearningSteps { options.relearningSteps = relearningSteps }
      if let maximumInterval { options.maximumInterval = maximumInterval }
      return options
    }
  }

  struct Header: Decodable {
    var generator: String
    var configs: [String: Config]
  }

  var generator: String
  var options: [String: SchedulerOptions]
  var histories: [History]

  static func load() throws -> FSRSVectors {
    let decoder = JSONDecoder()
    let header = try decoder.decode(Header.self, from: Repository.fixtureData("fsrs/configs.json"))
    let histories = try Repository.fixtureText("fsrs/vectors.jsonl").split(separator: "\n").map {
      try decoder.decode(History.self, from: Data($0.utf8))
    }
    return FSRSVectors(
      generator: header.generator, options: header.configs.mapValues(\.options),
      histories: histories)
  }
}
