import Foundation

/// A running `recall` child whose stdin is fed line by line and whose stdout is read as it
/// comes, so that a test can act between answers (for example kill the process).
final class StreamingSession: @unchecked Sendable {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let lock = NSLock()
  private var buffer = Data()
  private var closed = false

  init(arguments: [String]) throws {
    // A write after the child has died must fail with EPIPE, not kill the test runner.
    signal(SIGPIPE, SIG_IGN)
    process.executableURL = try BinaryRunner.executable()
    process.arguments = arguments
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let reading = output.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let chunk = reading.availableData
        lock.lock()
        if chunk.isEmpty { closed = true } else { buffer.append(chunk) }
        lock.unlock()
        if chunk.isEmpty { return }
      }
    }
  }

  /// Everything the child has written so far.
  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: buffer, as: UTF8.self)
  }

  private var isClosed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return closed
  }

  /// Sends one line; false when the child no longer reads.
  @discardableResult
  func send(_ line: String) -> Bool {
    do {
      try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
      return true
    } catch {
      return false
    }
  }

  /// Waits until `condition` holds for the output, the output ends, or `timeout` passes.
  func wait(timeout: Double, until condition: (String) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(text) { return true }
      if isClosed { return condition(text) }
      Thread.sleep(forTimeInterval: 0.002)
    }
    return condition(text)
  }

  /// Kills the child with SIGKILL (a test runner may hand down blocked or ignored signals,
  /// but not this one) and reaps it.
  func kill() {
    if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try? input.fileHandleForWriting.close()
  }
}
