import Foundation
import RecallKit

/// Reads the review log a `recall schedule` command was given (a file, or standard input
/// for `-` or none) into a history, reporting every bad line located in it.
struct ReviewLogInput {
  /// Logs larger than this are refused before they are read: 256 MiB is about three million
  /// reviews, more than a lifetime of study, and reading more would only exhaust memory.
  static let maximumBytes = 256 << 20

  var file: String?
  var diagnostics: Diagnostics
  var standardInput: () throws -> Data

  /// The history; throws the reason it cannot be used.
  func read() throws -> (history: ReviewHistory, name: String) {
    let name = file ?? "-"
    let input: Data
    do {
      if name == "-" {
        input = try standardInput()
      } else {
        let attributes = try FileManager.default.attributesOfItem(atPath: name)
        if attributes[.type] as? FileAttributeType == .typeDirectory {
          throw CommandError.noInput("'\(name)' is a folder, not a review log")
        }
        if let size = attributes[.size] as? Int, size > Self.maximumBytes {
          throw CommandError.data(
            "'\(name)' is \(size >> 20) MiB; review logs over "
              + "\(Self.maximumBytes >> 20) MiB are refused")
        }
        input = try Data(contentsOf: URL(fileURLWithPath: name))
      }
    } catch let error as CommandError {
      throw error
    } catch {
      if name == "-" {
        throw CommandError.io("cannot read standard input: \(error.localizedDescription)")
      }
      let missing = !FileManager.default.fileExists(atPath: name)
      throw CommandError(
        missing ? .noInput : .ioError,
        "cannot read '\(name)': \(missing ? "no such file" : error.localizedDescription)")
    }
    if input.count > Self.maximumBytes {
      throw CommandError.data(
        "the review log is over \(Self.maximumBytes >> 20) MiB; it is refused")
    }
    let (history, clean) = ReviewHistory.read(
      input, file: name, diagnostic: { diagnostics.emit($0) })
    guard clean else {
      throw CommandError.data("'\(name)' has bad lines; nothing was fitted or scored")
    }
    return (history, name)
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
