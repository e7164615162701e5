import Foundation
import Testing

@testable import RecallKit

/// The YAML mistakes teachers meet most, in Recall's words and at the line to fix (#19).
@Suite struct YAMLErrorWordingTests {
  private static let head = "id: sample\ntitle: Sample\nsubject: History\nsource: A book\nfacts:\n"

  private func firstError(_ body: String) -> Diagnostic? {
    DeckLoader().load(text: Self.head + body, path: "d.yaml").diagnostics.first {
      $0.severity == .error
    }
  }

  @Test func aTabInTheIndentation() {
    let error = firstError("  - id: battle\n\tkind: event\n")
    #expect(error?.message == "tabs are not allowed for indentation; use spaces", "\(error!)")
    #expect(error?.location.line == 7)
  }

  @Test func anUnquotedColon() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: the KLA: a guerrilla army\n    date: 1998\n")
    #expect(
      error?.message.hasPrefix("put this text in quotes: it contains ': '") == true, "\(error!)")
    #expect(error?.location.line == 8)
  }

  @Test func anUnclosedQuoteIsReportedAtItsOpening() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: \"the KLA shelled\n    date: 1998\n"
        + "  - id: other\n    kind: event\n    what: x\n    date: 1999\n")
    #expect(error?.message.hasPrefix("this quoted text is never closed") == true, "\(error!)")
    #expect(error?.location.line == 8)
  }

  @Test func aMissingDash() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: x\n    date: 1998\n  id: other\n")
    #expect(error != nil)
    #expect(error?.message.contains("YAML syntax") == false, "\(error!)")
    #expect(error?.location.line == 10)
  }
}
