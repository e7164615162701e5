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

  /// Typesets `html` and returns the PDF. WeasyPrint writes it into a private folder made for
  /// this run (never beside the output: that may be a device, or a folder the learner keeps
  /// tidy); the caller writes the bytes where they go, through `OutputDestination`. `path` is
  /// the output, for messages.
  func pdf(html: String, for path: String) throws(Failure) -> Data {
    var template = Array((NSTemporaryDirectory() + "/recall-pdf-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw .failed(path: path, reason: "cannot make a temporary folder: \(Self.reason(errno))")
    }
    let folder = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let temporary = folder + "/worksheet.pdf"
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
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      collected.set(errors.fileHandleForReading.readDataToEndOfFile())
      done.signal()
    }
    try? input.fileHandleForWriting.write(contentsOf: Data(html.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    done.wait()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: collected.data, as: UTF8.self)
        .split(whereSeparator: \.isNewline).last.map(String.init)
      throw .failed(path: path, reason: message ?? "exit status \(process.terminationStatus)")
    }
    guard let data = FileManager.default.contents(atPath: temporary) else {
      throw .failed(path: path, reason: "it wrote no file")
    }
    return data
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}

/// Bytes handed from a reading thread to the waiting one.
private final class CollectedData: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Data?

  func set(_ data: Data) { lock.withLock { value = data } }
  var data: Data { lock.withLock { value ?? Data() } }
}
