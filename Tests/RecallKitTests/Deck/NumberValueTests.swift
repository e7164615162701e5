import RecallKit
import Testing

@Suite struct NumberValueTests {
  @Test(arguments: [
    ("100", "100", 100.0...100.0),
    ("3,000", "3,000", 3000...3000),
    ("over 100", "over 100", 100...120),
    ("more than 100", "over 100", 100...120),
    ("about 100", "about 100", 90...110),
    ("approximately 100", "about 100", 90...110),
    ("at least 8", "at least 8", 8...10),
    ("fewer than 10", "under 10", 8...10),
    ("3,000 to 5,000", "between 3,000 and 5,000", 3000...5000),
    ("3000–5000", "between 3,000 and 5,000", 3000...5000),
    ("between 3,000 and 5,000", "between 3,000 and 5,000", 3000...5000),
    ("2.5", "2.5", 2.5...2.5),
  ])
  func parsesFiguresAsSourcesStateThem(
    text: String, described: String, accepted: ClosedRange<Double>
  ) throws {
    let value = try #require(NumberValue.parse(text))
    #expect(value.description == described)
    #expect(value.acceptedRange == accepted)
  }

  @Test(arguments: ["", "lots", "5,000 to 3,000", "1e400", "over", "12abc"])
  func rejectsWhatIsNotAFigure(text: String) {
    #expect(NumberValue.parse(text) == nil)
  }
}
