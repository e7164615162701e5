import RecallKit
import Testing

/// Dates a history teacher writes: eras, hedges, decades, centuries, inferred years.
@Suite struct HistoricalDateEraTests {
  @Test(arguments: [
    ("15 March 44 BC", "15 March 44 BC", HistoricalDate.Precision.day),
    ("44 BC", "44 BC", .year),
    ("44 BCE", "44 BCE", .year),
    ("BC 44", "44 BC", .year),
    ("44 B.C.", "44 BC", .year),
    ("AD 43", "AD 43", .year),
    ("43 CE", "43 CE", .year),
    ("A.D. 410", "AD 410", .year),
    ("c. AD 122", "c. AD 122", .year),
    ("circa 1500", "c. 1500", .year),
    ("around 2500 BC", "c. 2500 BC", .year),
    ("about 1200", "c. 1200", .year),
    ("1580s", "1580s", .decade),
    ("the 1580s", "1580s", .decade),
    ("AD 140s", "AD 140s", .decade),
    ("340s BC", "340s BC", .decade),
    ("the 1400s", "the 1400s", .century),
    ("early 5th century", "early 5th century AD", .century),
    ("mid-5th century", "mid-5th century AD", .century),
    ("3rd century AD", "3rd century AD", .century),
    ("3rd century BC", "3rd century BC", .century),
    ("fifteenth century", "15th century", .century),
    ("late 18th century", "late 18th century", .century),
    ("27 BC to AD 14", "27 BC to AD 14", .year),
    ("264 to 241 BC", "264 to 241 BC", .year),
    ("5th to 4th century BC", "5th to 4th century BC", .century),
    ("15–16 March 44 BC", "15–16 March 44 BC", .day),
    ("1580s to 1590s", "1580s to 1590s", .decade),
    ("8 January [1999]", "8 January 1999", .day),
  ])
  func parsesAndFormats(input: String, formatted: String, precision: HistoricalDate.Precision)
    throws
  {
    let date = try HistoricalDate.parse(input)
    #expect(date.formatted == formatted)
    #expect(date.precision == precision)
    // What is printed reads back as the same date.
    let again = try HistoricalDate.parse(date.deckText)
    #expect(again == date)
  }

  @Test func yearsAreAstronomicalInside() throws {
    #expect(try HistoricalDate.parse("44 BC").year == -43)
    #expect(try HistoricalDate.parse("1 BC").year == 0)
    #expect(try HistoricalDate.parse("AD 1").year == 1)
    let augustus = try HistoricalDate.parse("27 BC to AD 14")
    #expect(augustus.start == .year(-26))
    #expect(augustus.end == .year(14))
    #expect(try HistoricalDate.parse("340s BC").start.years == -348 ... -339)
    #expect(try HistoricalDate.parse("3rd century BC").start.years == -299 ... -200)
    #expect(try HistoricalDate.parse("5th century").start.years == 401...500)
    #expect(try HistoricalDate.parse("early 5th century").start.years == 401...433)
    #expect(try HistoricalDate.parse("the 1400s").start.years == 1400...1499)
  }

  @Test func bcDatesSortBeforeAD() throws {
    let caesar = try HistoricalDate.parse("15 March 44 BC")
    let claudius = try HistoricalDate.parse("AD 43")
    #expect(caesar.sortKey < claudius.sortKey)
  }

  @Test func inferredYearIsMarkedAndExplained() throws {
    let date = try HistoricalDate.parse("8 January [1999]")
    #expect(date.isYearInferred)
    #expect(date.deckText == "8 January [1999]")
    #expect(date.inferredYearNote == "the source gives no year; 1999 is inferred")
    #expect(try HistoricalDate.parse("8 January 1999").inferredYearNote == nil)
  }

  @Test(arguments: [
    ("0 BC", DateParseError.yearZero),
    ("0", .yearZero),
    ("43", .needsEra(43)),
    ("July 98", .needsEra(98)),
    ("[8 January] 1999", .misplacedInference("[8 January] 1999")),
    ("8 January [1999", .misplacedInference("8 January [1999")),
    ("101st century", .invalidCentury(101)),
  ])
  func refuses(input: String, error: DateParseError) {
    #expect(throws: error) { try HistoricalDate.parse(input) }
  }

  @Test func withPrepositionReadsInASentence() throws {
    #expect(try HistoricalDate.parse("1580s").withPreposition == "in the 1580s")
    #expect(try HistoricalDate.parse("3rd century AD").withPreposition == "in the 3rd century AD")
    #expect(try HistoricalDate.parse("the 1400s").withPreposition == "in the 1400s")
    #expect(try HistoricalDate.parse("c. AD 122").withPreposition == "around AD 122")
    #expect(try HistoricalDate.parse("15 March 44 BC").withPreposition == "on 15 March 44 BC")
    #expect(try HistoricalDate.parse("27 BC to AD 14").withPreposition == "from 27 BC to AD 14")
  }

  @Test(arguments: [
    ("6/5/1815", true), ("18/6/1815", false), ("6.5.1815", true), ("5/5/1815", false),
    ("18 June 1815", false), ("1815-06-05", false),
  ])
  func flagsNumericDatesThatReadBothWays(text: String, ambiguous: Bool) {
    #expect(HistoricalDate.isAmbiguousNumeric(text) == ambiguous)
  }
}
