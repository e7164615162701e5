import RecallCLI
import Testing

@Suite struct TerminalWidthTests {
  @Test func theTerminalWins() {
    #expect(TerminalWidth.resolve(terminalColumns: 120, columnsVariable: "60") == 120)
  }

  @Test func columnsIsTheFallback() {
    #expect(TerminalWidth.resolve(terminalColumns: nil, columnsVariable: "60") == 60)
    #expect(TerminalWidth.resolve(terminalColumns: 0, columnsVariable: " 72 ") == 72)
  }

  @Test(arguments: [nil, "", "wide", "0", "-5"] as [String?])
  func otherwiseEighty(columns: String?) {
    #expect(TerminalWidth.resolve(terminalColumns: nil, columnsVariable: columns) == 80)
  }

  @Test func aPipeHasNoTerminalWidth() {
    // Tests run with stdout on a pipe or file, so $COLUMNS decides.
    #expect(TerminalWidth.current(environment: ["COLUMNS": "33"]) == 33)
  }
}
