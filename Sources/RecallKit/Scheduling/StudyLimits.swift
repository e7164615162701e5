/// How many new cards and reviews a learner takes on per study day.
public struct StudyLimits: Hashable, Sendable {
  public static let defaultNewPerDay = 20
  public static let defaultReviewsPerDay = 200

  public var newPerDay: Int
  /// Reviews of cards in the review phase; (re)learning steps are never held back.
  public var reviewsPerDay: Int

  public init(
    newPerDay: Int = Self.defaultNewPerDay, reviewsPerDay: Int = Self.defaultReviewsPerDay
  ) {
    self.newPerDay = newPerDay
    self.reviewsPerDay = reviewsPerDay
  }

  /// The defaults, with the limits the deck's settings give.
  public init(settings: DeckSettings) {
    self.init(
      newPerDay: settings.newPerDay ?? Self.defaultNewPerDay,
      reviewsPerDay: settings.reviewsPerDay ?? Self.defaultReviewsPerDay)
  }
}
