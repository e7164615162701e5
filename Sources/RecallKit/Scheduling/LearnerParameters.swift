import Foundation

/// FSRS weights fitted to one learner's reviews of a deck (`recall optimize`), kept beside
/// the learner's progress as `<deck>.parameters.json`, never in the deck, which is the
/// teacher's and shared by the class.
public struct LearnerParameters: Hashable, Sendable {
  public static let schema = 1

  public var deck: String
  public var parameters: [Double]
  /// The reviews and the predictions (reviews on a later day) the weights were fitted to.
  public var reviews: Int
  public var items: Int
  /// The fit's log loss on those predictions, which a later fit must beat to replace it.
  public var logLoss: Double
  public var fittedAt: Date

  public init(
    deck: String, parameters: [Double], reviews: Int, items: Int, logLoss: Double,
    fittedAt: Date
  ) {
    self.deck = deck
    self.parameters = parameters
    self.reviews = reviews
    self.items = items
    self.logLoss = logLoss
    self.fittedAt = fittedAt
  }

  /// The file for a deck's learner parameters; ids that could leave the folder are refused.
  public static func path(deckID: String, directory: String) throws(ProgressError) -> String {
    try LearnerFile.path(kind: "parameters", deckID: deckID, directory: directory)
  }

  /// The stored parameters, or nil when the learner never optimized this deck.
  public static func load(deckID: String, directory: String) throws(ProgressError)
    -> LearnerParameters?
  {
    guard
      let file = try LearnerFile.read(
        kind: "parameters", deckID: deckID, directory: directory, schema: schema,
        otherDeck: "these parameters belong to another deck")
    else { return nil }
    let object = file.object
    guard let weights = object["parameters"] as? [Double] else {
      throw file.malformed("'parameters' must be a list of 21 numbers")
    }
    var options = SchedulerOptions()
    options.parameters = weights
    do {
      try options.validate()
    } catch {
      throw file.malformed("'parameters': \(error)")
    }
    guard let reviews = object["reviews"] as? Int, let items = object["items"] as? Int,
      let logLoss = object["log_loss"] as? Double, let stamp = object["fitted_at"] as? String,
      let fittedAt = try? UTCTimestamp.parse(stamp).get()
    else {
      throw file.malformed("'reviews', 'items', 'log_loss' and 'fitted_at' are required")
    }
    return LearnerParameters(
      deck: deckID, parameters: weights, reviews: reviews, items: items, logLoss: logLoss,
      fittedAt: fittedAt)
  }

  /// Writes the file atomically: a crash leaves the old parameters or the new ones.
  public func save(directory: String) throws(ProgressError) {
    let path = try Self.path(deckID: deck, directory: directory)
    try ProgressFileSystem.createDirectory(directory)
    let weights = parameters.map { String($0) }.joined(separator: ", ")
    let text = """
      {"schema": \(Self.schema), "deck": \(JSONText.quoted(deck)), "parameters": [\(weights)], \
      "reviews": \(reviews), "items": \(items), "log_loss": \(logLoss), \
      "fitted_at": "\(UTCTimestamp.format(fittedAt))"}

      """
    try ProgressFileSystem.replace(path, with: Array(text.utf8))
  }

  /// The deck's scheduler options with the learner's weights, when there are any.
  public static func options(
    over base: SchedulerOptions, deckID: String, directory: String
  ) throws(ProgressError) -> SchedulerOptions {
    var options = base
    if let stored = try load(deckID: deckID, directory: directory) {
      options.parameters = stored.parameters
    }
    return options
  }
}
