import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Planned failures of the calls that change progress files, for the kill and fault sweeps.
///
/// Every create, write, fsync, rename, truncate and unlink of a progress file goes through
/// `ProgressFaults.check`, which counts it and, when a plan says so, fails it. Counting is per
/// folder, so tests running side by side do not disturb each other; `recall` installs a plan
/// for every folder from `RECALL_FAULT_INJECTION` (see Documentation/reliability.md).
public enum ProgressFaults {
  /// The kinds of call counted.
  public enum Call: String, Sendable, CaseIterable {
    case create, write, fsync, rename, truncate, unlink
  }

  /// What happens at the planned call.
  public enum Effect: Hashable, Sendable {
    /// The call fails with this errno (ENOSPC, EIO…); later calls run normally.
    case fail(Int32)
    /// The call and every later one fail with EIO and change nothing, as if the process had
    /// been killed just before it: what is on disk is what a kill there would leave.
    case stop
    /// Like `stop`, but a write first puts half of its bytes in the file (a torn write).
    case tear
    /// The process kills itself with SIGKILL just before the call.
    case kill
  }

  /// A failure planned for the `number`th counted call (from 1) on a path in `folder` (every
  /// path when `folder` is empty).
  public struct Plan: Hashable, Sendable {
    public var folder: String
    public var number: Int
    public var effect: Effect
    /// Reported on standard error when the fault fires (the CLI sweeps read it).
    public var announce: Bool

    public init(folder: String, number: Int, effect: Effect, announce: Bool = false) {
      self.folder = folder
      self.number = number
      self.effect = effect
      self.announce = announce
    }
  }

  /// What `check` tells the caller to do.
  enum Verdict {
    case proceed
    case fail(Int32)
    /// A write puts half its bytes in the file, then fails with this errno.
    case tearThenFail(Int32)
  }

  /// A fixed defect brought back on purpose, so a sweep can be seen to catch it: a sweep
  /// that reports no lost answer is only worth something if it reports them when the code is
  /// wrong. Honoured only where calls are counted (a test, or `RECALL_FAULT_PLANT` together
  /// with `RECALL_FAULT_INJECTION`).
  public enum Plant: String, Hashable, Sendable, CaseIterable {
    /// Defect 1 of #19: a changed rating written as an undo and a new review, two separate
    /// durable appends, so a stop between them leaves the answer undone.
    case splitRerate = "split-rerate"
  }

  private struct Counter {
    var plan: Plan?
    var plant: Plant?
    var calls = 0
    var stopped = false
  }

  nonisolated(unsafe) private static var counters: [String: Counter] = [:]
  private static let lock = NSLock()

  /// Starts counting calls on paths in `folder`, with an optional planned failure and an
  /// optional planted defect.
  public static func install(_ plan: Plan?, folder: String, plant: Plant? = nil) {
    lock.lock()
    defer { lock.unlock() }
    counters[normalized(folder)] = Counter(plan: plan, plant: plant)
  }

  /// Whether `plant` is installed for the folder that holds `path`.
  static func isPlanted(_ plant: Plant, path: String) -> Bool {
    guard isActive else { return false }
    lock.lock()
    defer { lock.unlock() }
    return key(for: path).flatMap { counters[$0]?.plant } == plant
  }

  /// The counted folder `path` belongs to, the innermost when several hold it; call locked.
  private static func key(for path: String) -> String? {
    counters.keys.filter { $0.isEmpty || path.hasPrefix($0 + "/") || path == $0 }
      .max(by: { $0.count < $1.count })
  }

  /// Stops counting for `folder` and returns how many calls were counted.
  @discardableResult
  public static func remove(folder: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return counters.removeValue(forKey: normalized(folder))?.calls ?? 0
  }

  /// How many calls have been counted for `folder` so far.
  public static func count(folder: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return counters[normalized(folder)]?.calls ?? 0
  }

  /// Whether the planned failure for `folder` has happened.
  public static func fired(folder: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard let counter = counters[normalized(folder)], let plan = counter.plan else {
      return false
    }
    return counter.calls >= plan.number
  }

  /// What `RECALL_FAULT_INJECTION` asks for: count the calls, or fail one of them.
  public enum Injection: Hashable, Sendable {
    case count
    case plan(Plan)
  }

  /// Reads the testing hook's value: `kind=count`, or `call=N,kind=K` with K one of `stop`,
  /// `torn`, `enospc`, `eio` and `kill` (fields in any order); nil for anything else.
  public static func injection(parsing text: String) -> Injection? {
    var fields: [String: String] = [:]
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pair = part.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard pair.count == 2, fields.updateValue(pair[1], forKey: pair[0]) == nil else {
        return nil
      }
    }
    guard let kind = fields.removeValue(forKey: "kind") else { return nil }
    if kind == "count" { return fields.isEmpty ? .count : nil }
    guard let call = fields.removeValue(forKey: "call"), let number = Int(call), number > 0,
      fields.isEmpty
    else { return nil }
    let effect: Effect
    switch kind {
    case "enospc": effect = .fail(ENOSPC)
    case "eio": effect = .fail(EIO)
    case "stop": effect = .stop
    case "torn": effect = .tear
    case "kill": effect = .kill
    default: return nil
    }
    return .plan(Plan(folder: "", number: number, effect: effect, announce: true))
  }

  /// Counts (and, for a plan, fails) the calls on every progress path of the process.
  public static func install(_ injection: Injection, plant: Plant? = nil) {
    switch injection {
    case .count: install(nil, folder: "", plant: plant)
    case .plan(let plan): install(plan, folder: "", plant: plant)
    }
  }

  static var isActive: Bool {
    lock.lock()
    defer { lock.unlock() }
    return !counters.isEmpty
  }

  /// Counts a call on `path` and says whether it may go ahead.
  static func check(_ call: Call, path: String) -> Verdict {
    guard isActive else { return .proceed }
    lock.lock()
    guard let key = key(for: path), var counter = counters[key] else {
      lock.unlock()
      return .proceed
    }
    counter.calls += 1
    let number = counter.calls
    var verdict = Verdict.proceed
    var announcement: String?
    if counter.stopped {
      verdict = .fail(EIO)
    } else if let plan = counter.plan, plan.number == number {
      if plan.announce {
        announcement = "recall: fault injected at call \(number): \(call.rawValue) \(path)\n"
      }
      switch plan.effect {
      case .fail(let code): verdict = .fail(code)
      case .stop:
        counter.stopped = true
        verdict = .fail(EIO)
      case .tear:
        counter.stopped = true
        verdict = call == .write ? .tearThenFail(EIO) : .fail(EIO)
      case .kill:
        if let announcement { FileHandle.standardError.write(Data(announcement.utf8)) }
        kill(getpid(), SIGKILL)
      }
    }
    counters[key] = counter
    lock.unlock()
    if let announcement { FileHandle.standardError.write(Data(announcement.utf8)) }
    return verdict
  }

  private static func normalized(_ folder: String) -> String {
    var result = folder
    while result.count > 1, result.hasSuffix("/") { result.removeLast() }
    return result
  }
}
