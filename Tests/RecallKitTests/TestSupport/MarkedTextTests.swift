import RecallTestSupport
import Testing

/// Markers come out of the text and name the line and column of the character after them.
@Suite struct MarkedTextTests {
  @Test func markersAreRemovedAndLocated() {
    let input = MarkedText("⟪a⟫id: x\n  ⟪1⟫dtae: 1998\n⟪end⟫")
    #expect(input.text == "id: x\n  dtae: 1998\n")
    #expect(input.markers["a"] == MarkedText.Position(line: 1, column: 1))
    #expect(input.markers["1"] == MarkedText.Position(line: 2, column: 3))
    #expect(input.markers["end"] == MarkedText.Position(line: 3, column: 1))
  }

  @Test func columnsCountUnicodeScalars() {
    let input = MarkedText("title: Barë ⟪1⟫x\r\n⟪2⟫é")
    #expect(input.position("1").description == "1:13")
    #expect(input.position("2").description == "2:1")
  }

  @Test func expectationsNameMarkers() {
    let input = MarkedText("a\n b ⟪1⟫c\n⟪2⟫d")
    #expect(
      input.located(["deck.yaml:marker 1: error: c", "marker 2: warning: d"])
        == ["deck.yaml:2:4: error: c", "3:1: warning: d"])
    // Only `marker NAME:` is replaced; the word alone stays.
    #expect(input.located("a marker is fine; marker 1 too") == "a marker is fine; marker 1 too")
  }

  @Test func textThatIsNotAMarkerStays() {
    let input = MarkedText("⟪not a name⟫ and ⟪ alone")
    #expect(input.text == "⟪not a name⟫ and ⟪ alone")
    #expect(input.markers.isEmpty)
  }

  @Test func mistakesInTheTestAreIssues() {
    withKnownIssue { _ = MarkedText("⟪1⟫a⟪1⟫b") }
    withKnownIssue { _ = MarkedText("a").located("marker 9: error: x") }
  }
}
