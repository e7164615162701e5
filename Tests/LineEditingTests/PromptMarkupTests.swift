import Testing

@testable import LineEditing

@Suite struct PromptMarkupTests {
  @Test func plainPromptsAreUnchanged() {
    #expect(PromptMarkup.fenced("Barë> ") == "Barë> ")
  }

  @Test func colourSequencesAreFenced() {
    #expect(
      PromptMarkup.fenced("\u{1B}[1m\u{1B}[32m3/20\u{1B}[39m\u{1B}[22m> ")
        == "\u{1}\u{1B}[1m\u{1}\u{1}\u{1B}[32m\u{1}3/20\u{1}\u{1B}[39m\u{1}\u{1}\u{1B}[22m\u{1}> ")
  }

  @Test func strayMarkersAndShortEscapesAreHandled() {
    #expect(PromptMarkup.fenced("a\u{1}b") == "ab")
    #expect(PromptMarkup.fenced("\u{1B}7x") == "\u{1}\u{1B}7\u{1}x")
    #expect(PromptMarkup.fenced("x\u{1B}") == "x\u{1}\u{1B}\u{1}")
  }
}
