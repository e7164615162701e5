/// A card as the simulator sees it: its memory and its days, counted from the simulation's
/// day 0 (today), so a card last reviewed last week has `lastDay` -7.
public struct SimulatedCard: Hashable, Sendable {
  public var stability: Double
  public var difficulty: Double
  public var lastDay: Int
  public var dueDay: Int
  public var lapses: Int

  public init(stability: Double, difficulty: Double, lastDay: Int, dueDay: Int, lapses: Int = 0) {
    self.stability = stability
    self.difficulty = difficulty
    self.lastDay = lastDay
    self.dueDay = dueDay
    self.lapses = lapses
  }
}
