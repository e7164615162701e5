import Foundation

/// Turns an HTML page into a PDF with WeasyPrint, an established HTML/CSS typesetter that
/// supports the paged-media CSS the worksheets use (`@page` margin boxes, page counters,
/// running strings).
///
/// WeasyPrint is a separate program (Debian's `weasyprint` package), found on `PATH` or named
/// by `RECALL_WEASYPRINT`.
struct PDFTypesetter {
  /// The command that installs it, for the message when it is missing.
  static let installCommand = "sudo apt-get install weasyprint"

  var executable: String

  enum Failure: Error, CustomStringConvertible {
    case failed(path: String, reason: String)

    var description: String {
      switch self {
      case .failed(let path, let reason): "cannot write \(path): WeasyPrint failed: \(reason)"
      }
    }
  }

  /// WeasyPrint from `RECALL_WEASYPRINT` or `PATH`; nil when it is not installed.
  static func locate(environment: [String: String]) -> PDFTypesetter? {
    if let named = environment["RECALL_WEASYPRINT"], !named.isEmpty {
      return FileManager.default.isExecutableFile(atPath: named)
        ? PDFTypesetter(executable: named) : nil
    }
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for folder in folders {
      let candidate = "\(folder)/weasyprint"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return PDFTypesetter(executable: candidate)
      }
    }
    return nil
  }

  /// Typesets `html` into `path`: written to a temporary file beside it and renamed into
  /// place, so a failed run leaves no half-written PDF and an existing file whole.
  func write(html: String, to path: String) throws(Failure) {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (folder.isEmpty ? "" : folder + "/")
      + ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp.pdf"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["--quiet", "-", temporary]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw .failed(path: path, reason: "cannot start \(executable): \(error.localizedDescription)")
    }
    // Read its errors on another thread while feeding the page, so neither pipe can fill up.
    let collected = CollectedData()
    let reader = Thread {
      collected.set(errors.fileHandleForReading.readDataToEndOfFile())
    }
    reader.start()
    try? input.fileHandleForWriting.write(contentsOf: Data(html.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    while !collected.isSet { Thread.sleep(forTimeInterval: 0.005) }
    guard process.terminationStatus == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      let message = String(decoding: collected.data, as: UTF8.self)
        .split(whereSeparator: \.isNewline).last.map(String.init)
      throw .failed(path: path, reason: message ?? "exit status \(process.terminationStatus)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw .failed(path: path, reason: reason)
    }
  }
}

/// Bytes handed from a reading thread to the waiting one.
private final class CollectedData: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Data?

  func set(_ data: Data) { lock.withLock { value = data } }
  var isSet: Bool { lock.withLock { value != nil } }
  var data: Data { lock.withLock { value ?? Data() } }
}
