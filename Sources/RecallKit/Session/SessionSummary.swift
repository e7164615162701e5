/// What a session did, for the end-of-session summary.
public struct SessionSummary: Hashable, Sendable {
  public private(set) var reviewed = 0
  public private(set) var accepted = 0
  public private(set) var milliseconds = 0
  public private(set) var ratings: [Rating] = []
  private var acceptedFlags: [Bool] = []
  private var times: [Int] = []

  public init() {}

  /// Share of answers accepted, 0 to 1; nil before any answer.
  public var accuracy: Double? {
    reviewed == 0 ? nil : Double(accepted) / Double(reviewed)
  }

  mutating func add(_ feedback: StudySession.Feedback, milliseconds time: Int) {
    reviewed += 1
    if feedback.grade.isAccepted { accepted += 1 }
    milliseconds += time
    ratings.append(feedback.rating)
    acceptedFlags.append(feedback.grade.isAccepted)
    times.append(time)
  }

  mutating func replaceLastRating(with rating: Rating) {
    guard !ratings.isEmpty else { return }
    ratings[ratings.count - 1] = rating
  }

  mutating func removeLast() {
    guard let flag = acceptedFlags.popLast(), let time = times.popLast() else { return }
    ratings.removeLast()
    reviewed -= 1
    if flag { accepted -= 1 }
    milliseconds -= time
  }

  /// Two sessions' figures together (the decks of one session over several).
  public static func + (left: SessionSummary, right: SessionSummary) -> SessionSummary {
    var sum = left
    sum.reviewed += right.reviewed
    sum.accepted += right.accepted
    sum.milliseconds += right.milliseconds
    sum.ratings += right.ratings
    sum.acceptedFlags += right.acceptedFlags
    sum.times += right.times
    return sum
  }
}
