import Foundation
import Testing

@testable import RecallKit

@Suite struct ProgressTimestampTests {
  @Test(arguments: [
    (Int64(0), "1970-01-01T00:00:00.000Z"),
    (1_740_822_600_123, "2025-03-01T09:50:00.123Z"),
    (951_782_400_000, "2000-02-29T00:00:00.000Z"),
    (-1, "1969-12-31T23:59:59.999Z"),
    (-62_135_596_800_000, "0001-01-01T00:00:00.000Z"),
    (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
  ])
  func formatsAndParsesExactly(milliseconds: Int64, text: String) throws {
    #expect(ProgressTimestamp.format(milliseconds: milliseconds) == text)
    let date = try #require(ProgressTimestamp.parse(text))
    #expect(date == ProgressTimestamp.date(milliseconds: milliseconds))
    #expect(ProgressTimestamp.milliseconds(date) == milliseconds)
  }

  @Test func agreesWithFoundationOnEveryDayOfFourHundredYears() throws {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    var milliseconds: Int64 = -2_208_988_800_000  // 1900-01-01
    while milliseconds < 10_413_792_000_000 {  // 2300-01-01
      let text = ProgressTimestamp.format(milliseconds: milliseconds + 45_296_789)
      #expect(
        formatter.string(from: ProgressTimestamp.date(milliseconds: milliseconds + 45_296_789))
          == text)
      milliseconds += 86_400_000 * 7
    }
  }

  @Test(arguments: [
    "2025-02-29T00:00:00.000Z", "2025-03-01 09:50:00.000Z", "2025-03-01T09:50:00.000",
    "2025-03-01T24:00:00.000Z", "2025-03-01T09:50:00.Z", "2025-13-01T00:00:00Z",
    "0000-12-31T00:00:00Z", "2025-03-01T09:50:00+01:00", "2025-03-01T09:50:60Z",
  ])
  func rejectsWhatItDoesNotWrite(text: String) {
    #expect(ProgressTimestamp.parse(text) == nil)
  }

  @Test func roundsFractionsToTheMillisecond() throws {
    #expect(
      ProgressTimestamp.parse("2025-03-01T09:50:00.1236Z")
        == ProgressTimestamp.date(milliseconds: 1_740_822_600_124))
    #expect(
      ProgressTimestamp.parse("2025-03-01T09:50:00Z")
        == ProgressTimestamp.date(milliseconds: 1_740_822_600_000))
  }
}
