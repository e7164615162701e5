import RecallCLI
import Testing

@Suite struct TextWrapperTests {
  @Test func wrapsBetweenWords() {
    let text = "Yugoslav forces shelled Mazhiq in July 1998"
    #expect(
      TextWrapper(width: 20).wrap(text) == """
        Yugoslav forces
        shelled Mazhiq in
        July 1998
        """)
  }

  @Test func countsCharactersNotBytesOrScalars() {
    // "Thaçi" is 6 bytes and, decomposed, 6 scalars; it is 5 columns.
    let decomposed = "Thac\u{327}i"
    #expect(TextWrapper(width: 10).wrap("Barë Thaçi Barë") == "Barë Thaçi\nBarë")
    #expect(TextWrapper(width: 12).wrap("Barë \(decomposed) x") == "Barë \(decomposed) x")
    #expect(TextWrapper(width: 11).wrap("Barë \(decomposed) x") == "Barë \(decomposed)\nx")
  }

  @Test func splitsOnlyWordsLongerThanTheLine() {
    #expect(TextWrapper(width: 4).wrap("ab abcdefghij c") == "ab\nabcd\nefgh\nij c")
  }

  @Test func hangingIndentFollowsTheLabel() {
    #expect(
      TextWrapper(width: 16).wrap("the Bajgora region held out", initialIndent: "1. ")
        == "1. the Bajgora\n   region held\n   out")
    #expect(
      TextWrapper(width: 12).wrap("one two three", initialIndent: "- ", subsequentIndent: "")
        == "- one two\nthree")
  }

  @Test func keepsLineBreaksAndEachLinesIndentation() {
    let text = "Facts:\n  a long indented line here\n\nend"
    #expect(
      TextWrapper(width: 12).wrap(text) == """
        Facts:
          a long
          indented
          line here

        end
        """)
  }

  @Test func carriageReturnsBreakLinesInsteadOfOverwriting() {
    #expect(TextWrapper(width: 40).wrap("right\rwrong\r\nnext") == "right\nwrong\nnext")
  }

  @Test func collapsesRunsOfSpacesAndLeavesNoTrailingSpace() {
    #expect(TextWrapper(width: 40).wrap("a  b\t c   ") == "a b c")
    #expect(TextWrapper(width: 40).wrap("   ", initialIndent: "> ") == ">")
  }

  @Test func aTinyWidthStillMakesProgress() {
    #expect(TextWrapper(width: 0).wrap("ab") == "a\nb")
    #expect(TextWrapper(width: 2).wrap("abc", initialIndent: "--") == "--a\n  b\n  c")
  }
}
