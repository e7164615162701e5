import Foundation
import RecallSynthetic
import Testing

@testable import RecallKit

/// The small tools the generator stands on: the seeded generator, date arithmetic, English.
@Suite struct GenerationSupportTests {
  @Test func splitMix64MatchesTheReferenceSequence() {
    var random = SeededGenerator(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(random.next() == 0x06C4_5D18_8009_454F)
  }

  @Test func saltedStreamsAreIndependentAndRepeatable() {
    var first = SeededGenerator(seed: 7, salt: "mazhiq/date-choice")
    var again = SeededGenerator(seed: 7, salt: "mazhiq/date-choice")
    var other = SeededGenerator(seed: 7, salt: "mazhiq/truefalse")
    let a = (0..<4).map { _ in first.next() }
    #expect(a == (0..<4).map { _ in again.next() })
    #expect(a != (0..<4).map { _ in other.next() })
  }

  @Test func shuffleIsAPermutationFixedByTheSeed() {
    var random = SeededGenerator(seed: 3)
    let shuffled = random.shuffled(Array(0..<10))
    #expect(shuffled.sorted() == Array(0..<10))
    var again = SeededGenerator(seed: 3)
    #expect(again.shuffled(Array(0..<10)) == shuffled)
  }

  @Test(arguments: [
    ("10 July 1998", 3, "13 July 1998"),
    ("30 December 1998", 3, "2 January 1999"),
    ("March 2000", -4, "November 1999"),
    ("late December 1998", 1, "early January 1999"),
    ("early 1999", -1, "late 1998"),
    ("winter 1999", -1, "autumn 1998"),
    ("10–11 July 1998", 7, "17–18 July 1998"),
    ("August to October 1998", 3, "November 1998 to January 1999"),
  ])
  func datesShiftInStepsOfTheirOwnPrecision(_ text: String, _ steps: Int, _ expected: String)
    throws
  {
    let date = try HistoricalDate.parse(text)
    #expect(date.shifted(by: steps)?.formatted == expected)
  }

  @Test func civilDaysRoundTrip() {
    for day in stride(from: 700_000, to: 740_000, by: 37) {
      let (year, month, dayOfMonth) = HistoricalDate.civil(fromDayNumber: day)
      #expect(HistoricalDate.dayNumber(year: year, month: month, day: dayOfMonth) == day)
    }
  }

  @Test func overlappingDatesCannotBeOrdered() throws {
    let earlyMay = try HistoricalDate.parse("early May 1999")
    #expect(!earlyMay.isDisjoint(from: try HistoricalDate.parse("2 May 1999")))
    #expect(earlyMay.isDisjoint(from: try HistoricalDate.parse("mid-May 1999")))
    #expect(!earlyMay.isDisjoint(from: try HistoricalDate.parse("1999")))
    #expect(earlyMay.isDisjoint(from: try HistoricalDate.parse("July 1998 to January 1999")))
  }

  @Test func englishHelpers() {
    #expect(English.sentence("the KLA took Bukos") == "The KLA took Bukos.")
    #expect(English.sentence("“the end”") == "“The end”.")
    #expect(English.sentence("_____ was a village") == "_____ was a village.")
    // A quotation that closes with its own stop ends the sentence: no second full stop.
    #expect(
      English.sentence("he said: \"the other fellow just _____.\"")
        == "He said: \"the other fellow just _____.\"")
    #expect(English.question("who was there.") == "Who was there?")
    #expect(English.definite("a former MUP commander") == "the former MUP commander")
    #expect(English.indefiniteArticle(before: "unit") == "a")
    #expect(English.indefiniteArticle(before: "organization") == "an")
    #expect(English.words(for: 23) == "twenty-three")
    #expect(English.figure(NumberValue(14)) == "fourteen")
    #expect(English.figure(NumberValue(100, qualifier: .over)) == "over 100")
    #expect(English.mentions("Bare", in: "the village of Bare."))
    #expect(!English.mentions("Bar", in: "the village of Bare."))
    #expect(
      English.replacing(
        ["Bajgora region", "the Bajgora region"], with: "_", in: "In the Bajgora region.")
        == "In _.")
    #expect(English.slug("Civilians & refugees") == "civilians-refugees")
    #expect(English.words(of: "KLA-held, 1998") == ["kla", "held", "1998"])
  }

  @Test func syntheticDecksHaveEveryKindAndAreRepeatable() {
    let deck = SyntheticDeck.make(factCount: 50, seed: 9)
    #expect(deck.facts.count == 50)
    #expect(Set(deck.facts.map(\.kind)) == Set(Fact.Kind.allCases.filter { $0 != .organization }))
    #expect(deck == SyntheticDeck.make(factCount: 50, seed: 9))
    #expect(Set(deck.facts.map(\.id)).count == 50)
  }
}
