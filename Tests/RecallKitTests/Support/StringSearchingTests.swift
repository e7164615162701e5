import Foundation
import Testing

@testable import RecallKit

@Suite struct StringSearchingTests {
  @Test(arguments: [
    ("10 to 11 July 1998", " to ", 2), ("abc", "abc", 0), ("a–b", "–", 1), ("Barë to X", " to ", 4),
  ])
  func findsTheFirstOccurrence(text: String, pattern: String, offset: Int) throws {
    let range = try #require(text.firstLiteralRange(of: pattern))
    #expect(text.distance(from: text.startIndex, to: range.lowerBound) == offset)
    #expect(String(text[range]) == pattern)
  }

  @Test func missingOrEmptyPatternsGiveNil() {
    #expect("July 1998".firstLiteralRange(of: " to ") == nil)
    #expect("July 1998".firstLiteralRange(of: "") == nil)
    #expect("to".firstLiteralRange(of: " to ") == nil)
  }

  @Test func substringRangesAreValidInTheBaseString() throws {
    let text = "[[a]] and ]] later"
    let open = try #require(text.firstLiteralRange(of: "[["))
    let close = try #require(text[open.upperBound...].firstLiteralRange(of: "]]"))
    #expect(text[open.upperBound..<close.lowerBound] == "a")
  }

  @Test(arguments: [
    ("  mid-May 1998\t", "mid-May 1998"), ("\u{2009}100\u{00A0}", "100"), ("   ", ""),
    ("a\n", "a\n"),
  ])
  func trimsBlanksButNotLineBreaks(text: String, expected: String) {
    #expect(text.trimmingBlanks() == expected)
  }

  @Test(arguments: [
    ("zq4x", false, true), ("x4", true, true), ("10th July 1998", true, false),
    ("10th July 1998", false, true), ("2ND of May", true, false), ("1998a", true, true),
    ("10–11 July 1998", true, false), ("3\u{2009}000", false, false), ("Barë 12", false, false),
  ])
  func findsWordsMixingLettersAndDigits(text: String, ordinals: Bool, expected: Bool) {
    #expect(text.hasWordMixingLettersAndDigits(allowingOrdinals: ordinals) == expected)
  }

  /// The shortcut in front of the date and number parsers must never reject what they accept.
  @Test(arguments: [
    "1998", "1998-07-10", "10 July 1998", "July 10, 1998", "10.7.1998", "10/07/1998",
    "mid-May 1998", "early 1999", "summer 1998", "10–11 July 1998", "August to October 1998",
    "1st May 1999", "the 22nd of May 1999", "31ST DECEMBER 1998", "July 1998 – January 1999",
  ])
  func theDateShortcutKeepsEveryDate(text: String) throws {
    #expect(HistoricalDate(parsing: text) == (try HistoricalDate.parse(text)))
    #expect(HistoricalDate(parsing: text) != nil)
  }

  @Test(arguments: [
    "100", "3,000", "3\u{2009}000", "over 100", "about 1,200", "between 3,000 and 5,000",
    "3000 to 5000", "c. 40", "~12", "2.5",
  ])
  func theNumberShortcutKeepsEveryFigure(text: String) {
    #expect(NumberValue.parse(text) != nil)
  }

  @Test(arguments: ["zq47583x", "Synthetic 4x", "x1998", "May1998"])
  func mixedWordsAreNeitherDatesNorFigures(text: String) {
    #expect(HistoricalDate(parsing: text) == nil)
    #expect(NumberValue.parse(text) == nil)
  }

  /// The shortcut in the deck reader must agree with Foundation's set on every scalar that
  /// can start or end a text.
  @Test func whitespaceMatchesFoundationsSet() {
    let set = CharacterSet.whitespacesAndNewlines
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(NodeReader.isWhitespaceOrNewline(scalar) == set.contains(scalar), "U+\(value)")
    }
    #expect(NodeReader.trimmed(" \u{3000}Barë\n") == "Barë")
    #expect(NodeReader.trimmed("Barë") == "Barë")
  }
}
