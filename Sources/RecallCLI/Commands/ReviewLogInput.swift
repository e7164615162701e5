import Foundation
import RecallKit

/// Reads the review log a `recall schedule` command was given (a file, or standard input
/// for `-` or none) into a history, printing every bad line located in it.
struct ReviewLogInput {
  /// Logs larger than this are refused before they are read: 256 MiB is about three million
  /// reviews, more than a lifetime of study, and reading more would only exhaust memory.
  static let maximumBytes = 256 << 20

  var file: String?
  var console: Console
  var standardInput: () throws -> Data

  /// The history, or the exit status to stop with.
  func read() -> Result<(history: ReviewHistory, name: String), ExitStatusError> {
    let name = file ?? "-"
    let input: Data
    do {
      if name == "-" {
        input = try standardInput()
      } else {
        let attributes = try FileManager.default.attributesOfItem(atPath: name)
        if attributes[.type] as? FileAttributeType == .typeDirectory {
          console.errorLine("recall: error: '\(name)' is a folder, not a review log")
          return .failure(ExitStatusError(status: .noInput))
        }
        if let size = attributes[.size] as? Int, size > Self.maximumBytes {
          console.errorLine(
            "recall: error: '\(name)' is \(size >> 20) MiB; review logs over "
              + "\(Self.maximumBytes >> 20) MiB are refused")
          return .failure(ExitStatusError(status: .dataError))
        }
        input = try Data(contentsOf: URL(fileURLWithPath: name))
      }
    } catch {
      if name == "-" {
        console.errorLine(
          "recall: error: cannot read standard input: \(error.localizedDescription)")
        return .failure(ExitStatusError(status: .ioError))
      }
      let missing = !FileManager.default.fileExists(atPath: name)
      console.errorLine(
        "recall: error: cannot read '\(name)': \(missing ? "no such file" : error.localizedDescription)"
      )
      return .failure(ExitStatusError(status: missing ? .noInput : .ioError))
    }
    if input.count > Self.maximumBytes {
      console.errorLine(
        "recall: error: the review log is over \(Self.maximumBytes >> 20) MiB; it is refused")
      return .failure(ExitStatusError(status: .dataError))
    }
    let (history, clean) = ReviewHistory.read(
      input, file: name, diagnostic: { console.errorLine($0.description) })
    guard clean else {
      console.errorLine("recall: error: '\(name)' has bad lines; nothing was fitted or scored")
      return .failure(ExitStatusError(status: .dataError))
    }
    return .success((history, name))
  }
}

/// Numbers as the scheduling reports print them.
enum MetricText {
  static func fixed(_ value: Double, _ digits: Int = 4) -> String {
    String(format: "%.\(digits)f", value)
  }

  /// A JSON number, or null when missing or not finite.
  static func json(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "null" }
    return String(value)
  }
}
