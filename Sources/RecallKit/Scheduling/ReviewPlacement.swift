/// What a study session knows of the days ahead, beyond the card itself, that decides which
/// day a review interval lands on. Empty, the scheduler fuzzes as py-fsrs does (or not at
/// all, with fuzz off); replays and parity checks always pass it empty.
public struct ReviewPlacement: Hashable, Sendable {
  /// The reviews already due ahead: fuzz then prefers the lighter days of its range.
  public var load: LoadBalancer?
  /// The interval, in days from the review, that lands on the exam day (see `ExamDate`).
  public var examDays: Int?

  public init(load: LoadBalancer? = nil, examDays: Int? = nil) {
    self.load = load
    self.examDays = examDays
  }

  public static let none = ReviewPlacement()
}
