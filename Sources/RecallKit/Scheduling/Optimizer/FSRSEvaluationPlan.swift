/// Items arranged for scoring any number of weight sets: the items of a card that are
/// prefixes of its longest item (as the items a history makes are) read their predictions
/// off one replay of it, and each item's RMSE bin is worked out once.
///
/// A replay computes the same states in the same order as replaying each item alone, so
/// the predictions are bit for bit those of `FSRSRecurrence.predict`.
struct EvaluationPlan {
  /// The replays: each card's longest item, and any item that is not a prefix of it.
  private var replays: [[FSRSReview]] = []
  /// Where each replay's reviews start in the flat numbering of all replays' reviews.
  private var starts: [Int] = []
  /// Each item's last review in that numbering; -1 for an item without reviews.
  private var positions: [Int] = []
  /// The reviews some item predicts.
  private var needed: [Bool] = []
  /// 1 where the predicted review was a recall.
  private(set) var labels: [Float] = []
  /// Each item's RMSE bin, numbered from 0 as bins first appear in `cellOfBin`.
  private(set) var cells: [Int] = []

  /// `cellOfBin` numbers the bins; pass the same one to plans whose scores are pooled.
  init(_ items: some RandomAccessCollection<FSRSItem>, cellOfBin: inout [RMSEBin: Int]) {
    let list = Array(items)
    var longest: [Int: Int] = [:]
    for (offset, item) in list.enumerated() {
      if let known = longest[item.card], list[known].reviews.count >= item.reviews.count {
        continue
      }
      longest[item.card] = offset
    }
    var replayOfCard: [Int: Int] = [:]
    var cellOfKey: [BinKey: Int] = [:]
    positions.reserveCapacity(list.count)
    labels.reserveCapacity(list.count)
    cells.reserveCapacity(list.count)
    for item in list {
      let reviews = item.reviews
      var replay: Int
      if let known = replayOfCard[item.card] {
        replay = known
      } else {
        replay = addReplay(list[longest[item.card] ?? 0].reviews)
        replayOfCard[item.card] = replay
      }
      if !Self.isPrefix(reviews, of: replays[replay]) { replay = addReplay(reviews) }
      positions.append(reviews.isEmpty ? -1 : starts[replay] + reviews.count - 1)
      if !reviews.isEmpty { needed[starts[replay] + reviews.count - 1] = true }
      labels.append((reviews.last?.rating ?? 0) > 1 ? 1 : 0)
      let key = BinKey(reviews)
      if let cell = cellOfKey[key] {
        cells.append(cell)
      } else {
        let bin = RMSEBin(
          delta: key.delta, longTermReviews: key.longTermReviews, lapses: key.lapses)
        let cell = cellOfBin[bin] ?? cellOfBin.count
        cellOfBin[bin] = cell
        cellOfKey[key] = cell
        cells.append(cell)
      }
    }
  }

  private mutating func addReplay(_ reviews: [FSRSReview]) -> Int {
    replays.append(reviews)
    starts.append(needed.count)
    needed += repeatElement(false, count: reviews.count)
    return replays.count - 1
  }

  private static func isPrefix(_ prefix: [FSRSReview], of whole: [FSRSReview]) -> Bool {
    guard prefix.count <= whole.count else { return false }
    for index in prefix.indices where prefix[index] != whole[index] { return false }
    return true
  }

  /// The counts an RMSE bin is computed from, so each distinct one is binned once.
  private struct BinKey: Hashable {
    var delta = 0
    var longTermReviews = 0
    var lapses = 0

    init(_ reviews: [FSRSReview]) {
      for (index, review) in reviews.enumerated() where review.deltaDays > 0 {
        longTermReviews += 1
        if review.rating == 1 && index < reviews.count - 1 { lapses += 1 }
      }
      delta = reviews.last?.deltaDays ?? 0
    }
  }

  /// Each item's predicted recall (0 for an item of one review, as `predict` gives).
  func predictions<Real: FSRSReal>(_ model: FSRSRecurrence<Real>) -> [Real] {
    var byReview = [Real](repeating: 0, count: needed.count)
    for (replay, reviews) in replays.enumerated() where reviews.count >= 2 {
      let start = starts[replay]
      var state = model.firstState(rating: reviews[0].rating).0
      for length in 2...reviews.count {
        let review = reviews[length - 1]
        if needed[start + length - 1] {
          byReview[start + length - 1] = model.retrievability(
            days: Real(review.deltaDays), stability: state.stability)
        }
        if length < reviews.count {
          state = model.next(state, deltaDays: Real(review.deltaDays), rating: review.rating).0
        }
      }
    }
    return positions.map { $0 < 0 ? 0 : byReview[$0] }
  }
}
