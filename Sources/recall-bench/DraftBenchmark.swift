import Foundation

/// `recall draft` on a 10,000-character article, as a teacher runs it: the whole process, from
/// spawn to exit, writing the deck to a pipe (target: under a second in a release build).
func benchmarkDraft(runs: Int = 11) -> String {
  let name = "draft: 10,000-character article".padding(toLength: 36, withPad: " ", startingAt: 0)
  let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("recall").path
  guard FileManager.default.isExecutableFile(atPath: executable) else {
    return "\(name) skipped: \(executable) is missing; build it first"
  }
  let candidates = [
    FileManager.default.currentDirectoryPath + "/../shared/articles/battle-of-tapiobicske.txt",
    "/work/shared/articles/battle-of-tapiobicske.txt",
  ]
  guard let article = candidates.first(where: { FileManager.default.fileExists(atPath: $0) })
  else { return "\(name) skipped: the shared article battle-of-tapiobicske.txt is missing" }
  var times: [Duration] = []
  var bytes = 0
  let clock = ContinuousClock()
  for _ in 0..<runs {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["draft", article, "--no-review"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.standardError
    let start = clock.now
    do { try process.run() } catch { return "\(name) failed: \(error)" }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    times.append(clock.now - start)
    bytes = output.count
    guard process.terminationStatus == 0 else {
      return "\(name) failed: recall draft exited with \(process.terminationStatus)"
    }
  }
  let median = times.sorted()[times.count / 2]
  let milliseconds =
    Double(median.components.seconds) * 1_000 + Double(median.components.attoseconds) / 1e15
  return
    "\(name) \((milliseconds * 10).rounded() / 10) ms  (median of \(runs); \(bytes) bytes of YAML)"
}
