import ArgumentParser
import Foundation
import RecallKit

/// The options `recall forecast` and `recall simulate` share: the new cards a simulated day
/// takes, the seed of the runs and a pretended time; and the check of their `--days`, whose
/// default each command sets.
public struct SimulationOptions: ParsableArguments, Sendable {
  @Option(
    name: .customLong("new-per-day"),
    help: ArgumentHelp(
      "New cards learnt a day, 0 to 100000 (default: the deck's, else 20).", valueName: "n"))
  public var newPerDay: Int?

  @Option(help: "Seed of the first run; run k uses seed + k.")
  public var seed: UInt64 = 0

  @Option(
    help: ArgumentHelp(
      "Pretend the time is this ISO 8601 instant; days are then counted in UTC.",
      valueName: "time"))
  public var now: String?

  static let dayRange = 1...3650

  public init() {}

  public func validate() throws {
    if let newPerDay, !(0...100_000).contains(newPerDay) {
      throw ValidationError("--new-per-day must be between 0 and 100000, found \(newPerDay)")
    }
    if let now, case .failure(let error) = UTCTimestamp.parse(now) {
      throw ValidationError("--now: \(error)")
    }
  }

  /// Refuses a `--days` outside 1 to 3650.
  static func validate(days: Int) throws {
    guard dayRange.contains(days) else {
      throw ValidationError("--days must be between 1 and 3650, found \(days)")
    }
  }

  /// The moment the simulation starts from and the time zone its days are counted in: now
  /// and the local zone, or `--now` and UTC.
  var moment: (now: Date, zone: TimeZone) {
    let fixed = now.flatMap { try? UTCTimestamp.parse($0).get() }
    return (
      fixed ?? Date(), fixed == nil ? TimeZone.current : TimeZone(identifier: "UTC") ?? .current
    )
  }
}
