import Foundation

/// A whole-process row measured three ways, in one run: without the index (`RECALL_INDEX=off`),
/// cold (an empty cache folder each time, so the index is written), and warm (the index the
/// cold runs left). The cache is a folder of the benchmark's own, never the user's.
struct IndexRuns {
  var folder: String

  var warm: [String: String] { ["RECALL_CACHE_DIR": folder] }

  struct Figures {
    var off: [ScaleBenchmark.Spawned]
    var cold: [ScaleBenchmark.Spawned]
    var warm: [ScaleBenchmark.Spawned]

    /// "off 569.0 ms, cold 600.0 ms, warm 40.0 ms (11 runs each), 140/60 MB" — medians, and
    /// the peak memory of the runs without the index and of the warm ones.
    func figures(milliseconds: ([Duration]) -> String) -> String {
      func peak(_ runs: [ScaleBenchmark.Spawned]) -> Int {
        (runs.map(\.maxResidentKilobytes).max() ?? 0) / 1024
      }
      var parts: [String] = []
      if !off.isEmpty { parts.append("off \(milliseconds(off.map(\.time))) ms") }
      if !cold.isEmpty { parts.append("cold \(milliseconds(cold.map(\.time))) ms") }
      parts.append("warm \(milliseconds(warm.map(\.time))) ms")
      return parts.joined(separator: ", ") + " (median of \(warm.count)), "
        + (off.isEmpty ? "" : "\(peak(off)) MB off, ") + "\(peak(warm)) MB warm"
    }
  }

  /// `runs` runs each way (the cold ones only when `cold`), interleaved so that the machine's
  /// load falls on all three alike.
  func measure(
    runs: Int, cold: Bool = true,
    _ run: ([String: String]) throws -> ScaleBenchmark.Spawned
  ) throws -> Figures {
    var figures = Figures(off: [], cold: [], warm: [])
    for _ in 0..<runs {
      figures.off.append(try run(["RECALL_INDEX": "off"]))
      if cold {
        try? FileManager.default.removeItem(atPath: folder)
        figures.cold.append(try run(warm))
      } else if !FileManager.default.fileExists(atPath: folder) {
        _ = try run(warm)
      }
      figures.warm.append(try run(warm))
    }
    return figures
  }
}
