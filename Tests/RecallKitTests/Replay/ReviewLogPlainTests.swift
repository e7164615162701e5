import Foundation
import Testing

@testable import RecallKit

/// The plain-line reader must agree with the general one on every line it reads, and leave
/// every other line to it.
@Suite struct ReviewLogPlainTests {
  static func plain(_ text: String) -> ReviewLogEntry? {
    Array(text.utf8).withUnsafeBufferPointer { ReviewLogEntry.parsePlain($0) }
  }

  static let readPlainly = [
    #"{"card": "forgetful-0347", "time": "2026-01-05T12:19:55Z", "rating": 2}"#,
    #"{"card":"a","time":"2026-01-05T12:19:55Z","rating":4}"#,
    #"  { "rating" : "good" , "time": "2024-02-29T23:59:59.123456Z", "card": "x y" }  "#,
    #"{"card": "deck/fact-3/date", "time": "2025-03-01T00:00:00+01:30", "rating": "again"}"#,
    #"{"card": "c", "time": "2025-03-01t10:00:00z", "rating": 1, "note": "extra"}"#,
    #"{"note": "", "card": "c", "time": "2025-03-01 10:00:00.5Z", "rating": "easy"}"#,
    "{\"card\": \"c\",\t\"time\": \"2025-03-01T10:00:00Z\", \"rating\": 3\t}",
  ]

  static let leftToTheGeneralReader = [
    #"{"card": "caf\u00e9", "time": "2026-01-05T12:19:55Z", "rating": 2}"#,
    #"{"card": "café", "time": "2026-01-05T12:19:55Z", "rating": 2}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": 3.0}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": 31}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": 5}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": "Good"}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": "3"}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": 3,}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": 3} x"#,
    #"{"card": "c", "card": "d", "time": "2026-01-05T12:19:55Z", "rating": 3}"#,
    #"{"card": "", "time": "2026-01-05T12:19:55Z", "rating": 3}"#,
    #"{"card": "c", "time": "2026-02-30T12:19:55Z", "rating": 3}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55", "rating": 3}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55.1234567Z", "rating": 3}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z"}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": 3, "n": 1}"#,
    #"{"c\u0061rd": "c", "time": "2026-01-05T12:19:55Z", "rating": 3}"#,
    #"{"card": "c" "time": "2026-01-05T12:19:55Z", "rating": 3}"#,
    #"{"card": "c", "time": "2026-01-05T12:19:55Z", "rating": 3"#,
    #"["card"]"#,
    "",
    "   ",
  ]

  @Test(arguments: readPlainly)
  func plainLinesReadAsTheGeneralReaderReadsThem(line: String) throws {
    let general = try ReviewLogEntry.parse(Array(line.utf8)).get()
    #expect(Self.plain(line) == general)
  }

  @Test(arguments: leftToTheGeneralReader)
  func otherLinesAreLeftToTheGeneralReader(line: String) {
    #expect(Self.plain(line) == nil)
  }

  @Test func historyReadsMixedLinesAndLocatesErrors() {
    let log = """
      \u{FEFF}{"card": "a", "time": "2026-01-05T12:00:00Z", "rating": 3}\r
      {"card": "caf\\u00e9", "time": "2026-01-06T12:00:00Z", "rating": "good"}

      {"card": "a", "time": "2026-01-04T12:00:00Z", "rating": 3}
      {"card": "a", "time": "2026-01-08T12:00:00Z", "rating": 9}
      """
    var diagnostics: [Diagnostic] = []
    let (history, clean) = ReviewHistory.read(
      Data(log.utf8), file: "log.jsonl", diagnostic: { diagnostics.append($0) })
    #expect(!clean)
    #expect(history.cardIDs == ["a", "café"])
    #expect(history.reviewCount == 2)
    #expect(diagnostics.map(\.location.line) == [4, 5])
    #expect(diagnostics.map(\.location.column) == [23, 57])
  }
}
