import Foundation

/// One review as the optimizer sees it: its rating and the whole days since the card's
/// previous review (0 for the first review and for a review on the same day).
public struct FSRSReview: Hashable, Sendable {
  /// 1 (again) to 4 (easy).
  public var rating: Int
  public var deltaDays: Int

  public init(rating: Int, deltaDays: Int) {
    self.rating = rating
    self.deltaDays = deltaDays
  }
}

/// A card's reviews up to one on a later day than the review before it: the history the
/// model replays, and the last review, whose outcome it predicts (fsrs-rs's `FSRSItem`).
public struct FSRSItem: Hashable, Sendable {
  public var reviews: [FSRSReview]
  /// Which card the item comes from (an index into the cards it was built from); items of
  /// one card share a single pass through its history during training.
  public var card: Int

  public init(reviews: [FSRSReview], card: Int = 0) {
    self.reviews = reviews
    self.card = card
  }

  /// The review whose recall is predicted.
  public var current: FSRSReview { reviews[reviews.count - 1] }

  /// How many reviews came on a later day than the one before.
  public var longTermReviewCount: Int {
    reviews.reduce(0) { $0 + ($1.deltaDays > 0 ? 1 : 0) }
  }

  /// The first review on a later day; items always have one (their last review).
  var firstLongTermReview: FSRSReview {
    reviews.first { $0.deltaDays > 0 } ?? current
  }

  /// Whether the predicted review was a recall (anything but again).
  var label: Double { current.rating > 1 ? 1 : 0 }

  /// Every item of one card: for each review on a later day than the one before, the reviews
  /// up to it. `days` are the study-day numbers of the card's reviews, in time order.
  public static func items(days: [Int], ratings: [Rating], card: Int) -> [FSRSItem] {
    precondition(days.count == ratings.count, "one day per rating")
    var reviews: [FSRSReview] = []
    reviews.reserveCapacity(days.count)
    var items: [FSRSItem] = []
    for index in days.indices {
      let delta = index == 0 ? 0 : max(0, days[index] - days[index - 1])
      reviews.append(FSRSReview(rating: ratings[index].rawValue, deltaDays: delta))
      if index > 0 && delta > 0 { items.append(FSRSItem(reviews: reviews, card: card)) }
    }
    return items
  }
}

/// A cell of srs-benchmark's RMSE(bins): interval, number of long-term reviews and lapses,
/// each on a logarithmic scale.
struct RMSEBin: Hashable {
  var delta: Int
  var length: Int
  var lapses: Int

  /// The bin of a prediction `delta` days after the previous review, of an item with
  /// `longTermReviews` reviews on a later day than the one before and `lapses` of them
  /// forgotten before the predicted one.
  init(delta days: Int, longTermReviews: Int, lapses lapseCount: Int) {
    let delta = Double(days)
    self.delta = Int((2.48 * pow(3.62, (log(delta) / log(3.62)).rounded(.down)) * 100).rounded())
    let length = Double(longTermReviews) + 1
    self.length = Int((1.99 * pow(1.89, (log(length) / log(1.89)).rounded(.down))).rounded())
    guard lapseCount > 0 else {
      lapses = 0
      return
    }
    lapses = Int(
      (1.65 * pow(1.73, (log(Double(lapseCount)) / log(1.73)).rounded(.down))).rounded())
  }
}
