import Foundation
import RecallKit
import Testing

@Suite struct StudyDayForecastTests {
  @Test func daysAfterBucketsByLaterStudyDay() {
    let start = Date(timeIntervalSince1970: 1_764_000_000)
    let day = StudyDay(start: start, end: start + 86_400)
    #expect(day.daysAfter(start + 3_600) == nil)
    #expect(day.daysAfter(start - 1) == nil)
    #expect(day.daysAfter(start + 86_400) == 0)
    #expect(day.daysAfter(start + 2 * 86_400 - 1) == 0)
    #expect(day.daysAfter(start + 2 * 86_400) == 1)
    #expect(day.daysAfter(start + 8 * 86_400 + 5) == 7)
  }
}
