import Foundation

/// One answered question, as the review log keeps it.
///
/// It carries the card's state after the review so that loading progress never has to replay
/// the scheduler.
public struct ReviewRecord: Hashable, Sendable {
  /// The stable card id (a question id such as `battle-of-mazhiq/date-short`).
  public var cardID: String
  /// When the answer was given; kept to the millisecond.
  public var reviewedAt: Date
  public var rating: Rating
  /// What the learner typed (empty when the card was rated without typing).
  public var answer: String
  /// Whether the grader accepted the answer.
  public var accepted: Bool
  /// How long the learner took to answer, in milliseconds.
  public var responseMilliseconds: Int
  /// The card's state after this review.
  public var state: CardState

  public init(
    cardID: String, reviewedAt: Date, rating: Rating, answer: String, accepted: Bool,
    responseMilliseconds: Int, state: CardState
  ) {
    self.cardID = cardID
    self.reviewedAt = reviewedAt
    self.rating = rating
    self.answer = answer
    self.accepted = accepted
    self.responseMilliseconds = responseMilliseconds
    self.state = state
  }
}
