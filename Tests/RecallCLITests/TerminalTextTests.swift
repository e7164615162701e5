import RecallCLI
import Testing

@Suite struct TerminalTextTests {
  @Test func sanitisesBeforeWrapping() {
    let text = TerminalText(width: 30, style: .plain)
    let rendered = text.render("clear \u{1B}[2J screen and \u{202E}reverse")
    #expect(!rendered.unicodeScalars.contains("\u{1B}"))
    #expect(!rendered.unicodeScalars.contains("\u{202E}"))
    #expect(rendered == "clear \\u{1B}[2J screen and\n\\u{202E}reverse")
  }

  @Test func labelsAreSanitisedToo() {
    let text = TerminalText(width: 40, style: .plain)
    #expect(text.render("Mazhiq", initialIndent: "\u{7}a) ") == "\\u{7}a) Mazhiq")
  }

  @Test func wrapsWithAHangingIndent() {
    let text = TerminalText(width: 20, style: .plain)
    #expect(
      text.render("Nusret Ibishi trained the unit", initialIndent: "b) ")
        == "b) Nusret Ibishi\n   trained the unit")
  }
}
