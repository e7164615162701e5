import RecallCLI
import Testing

@Suite struct TerminalStyleTests {
  @Test func colourOnlyOnATerminal() {
    #expect(TerminalStyle.detect(environment: [:], stdoutIsTerminal: true).isEnabled)
    #expect(!TerminalStyle.detect(environment: [:], stdoutIsTerminal: false).isEnabled)
  }

  @Test(arguments: ["1", "0", "false", " "])
  func anyNonEmptyNoColorTurnsColourOff(value: String) {
    let style = TerminalStyle.detect(environment: ["NO_COLOR": value], stdoutIsTerminal: true)
    #expect(!style.isEnabled)
  }

  @Test func anEmptyNoColorIsIgnored() {
    #expect(TerminalStyle.detect(environment: ["NO_COLOR": ""], stdoutIsTerminal: true).isEnabled)
  }

  @Test func aDumbTerminalGetsNoColour() {
    #expect(
      !TerminalStyle.detect(environment: ["TERM": "dumb"], stdoutIsTerminal: true).isEnabled)
  }

  @Test func helpersAreIdentityWhenOff() {
    let style = TerminalStyle.plain
    #expect(style.bold("Barë") == "Barë")
    #expect(style.green("ok") == "ok")
    #expect(style.red("no") == "no")
    #expect(style.dim("hint") == "hint")
    #expect(style.yellow("due") == "due")
  }

  @Test func stylesNestWithTheirOwnResets() {
    let style = TerminalStyle(isEnabled: true)
    #expect(style.bold(style.green("ok")) == "\u{1B}[1m\u{1B}[32mok\u{1B}[39m\u{1B}[22m")
    #expect(style.red("no") == "\u{1B}[31mno\u{1B}[39m")
    #expect(style.dim("") == "")
  }
}
