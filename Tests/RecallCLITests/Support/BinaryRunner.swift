import Foundation
import Testing

/// Runs the built `recall` executable as a user would, for end-to-end tests.
struct BinaryRunner {
  /// What one run produced.
  struct Result {
    var standardOutput: String
    var standardError: String
    var exitCode: Int32
  }

  enum Failure: Error, CustomStringConvertible {
    case executableMissing([String])
    case timedOut(arguments: [String], seconds: Double)

    var description: String {
      switch self {
      case .executableMissing(let searched):
        "the recall executable is not built (looked in \(searched.joined(separator: ", "))); "
          + "run `swift build` first"
      case .timedOut(let arguments, let seconds):
        "recall \(arguments.joined(separator: " ")) did not finish within \(seconds) s"
      }
    }
  }

  /// The `recall` next to the test bundle (both are products of one build), else
  /// `.build/debug/recall` of this package. RECALL_BINARY overrides both.
  static func executable() throws -> URL {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["RECALL_BINARY"], !override.isEmpty {
      candidates.append(URL(fileURLWithPath: override))
    }
    // The bundle is .build/<triple>/debug/RecallPackageTests.xctest (a file on Linux, a
    // folder on macOS); walk up until a folder holds `recall`.
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      folder = folder.deletingLastPathComponent()
      candidates.append(folder.appendingPathComponent("recall"))
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/recall"))
    for candidate in candidates
    where FileManager.default.isExecutableFile(atPath: candidate.path) {
      return candidate
    }
    throw Failure.executableMissing(candidates.map(\.path))
  }

  var environment: [String: String] = ProcessInfo.processInfo.environment

  /// Runs `recall arguments…` with `input` on stdin; stdout and stderr go to files, so
  /// neither can fill a pipe and stall the process.
  func run(_ arguments: [String], input: String = "", timeout: Double = 10) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputFile = folder.appendingPathComponent("stdin")
    let outputFile = folder.appendingPathComponent("stdout")
    let errorFile = folder.appendingPathComponent("stderr")
    try Data(input.utf8).write(to: inputFile)
    try Data().write(to: outputFile)
    try Data().write(to: errorFile)

    let process = Process()
    process.executableURL = try Self.executable()
    process.arguments = arguments
    process.environment = environment
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      // SIGKILL, not SIGTERM: the child may inherit SIGTERM blocked from the test runner, and
      // one stuck in open(2) on a FIFO then never ends: the test would hang, not fail.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw Failure.timedOut(arguments: arguments, seconds: timeout)
    }
    process.waitUntilExit()
    return Result(
      standardOutput: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self),
      exitCode: process.terminationStatus)
  }
}
