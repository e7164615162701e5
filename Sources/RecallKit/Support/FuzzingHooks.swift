import Foundation
import Yams

/// Checks the fuzz target runs on internal code: two ways of computing the same thing must
/// agree on any input, and a disagreement is a bug worth a crash report.
@_spi(Fuzzing) public enum FuzzingHooks {
  /// Whether the fast block-YAML reader, when it reads `text` at all, builds the tree the YAML
  /// library builds.
  public static func fastReaderAgrees(with text: String) -> Bool {
    guard let fast = BlockYAMLReader.read(text) else { return true }
    guard let composed = try? Yams.compose(yaml: text, .basic) else { return false }
    var budget = Int.max
    guard let library = try? DeckNode(composed, budget: &budget) else { return false }
    return fast == library
  }

  /// The day's new cards and reviews as a second session counts them, from the end of the
  /// log: the fuzz target runs it for crashes and hangs. (On hand-made files it may differ
  /// from a count over the whole history, since it trusts the log's time order and the
  /// snapshot's `reps`, which Recall itself always keeps.)
  public static func dayCounts(in store: ProgressStore, at now: Date) -> (new: Int, reviews: Int)? {
    let day = StudyDay(containing: now, timeZone: TimeZone(identifier: "UTC") ?? .current)
    guard let entries = try? store.entries(since: day.start) else { return nil }
    let done = StudySession.doneToday(from: entries, in: day, store: store)
    return (done.newCards, done.reviews)
  }
}
