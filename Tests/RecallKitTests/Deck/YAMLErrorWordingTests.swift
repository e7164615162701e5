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
    #expect(
      error?.message == "tabs are not allowed for indentation; use spaces",
      "\(String(describing: error))")
    #expect(error?.location.line == 7)
  }

  @Test func anUnquotedColon() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: the KLA: a guerrilla army\n    date: 1998\n")
    #expect(
      error?.message.hasPrefix("put this text in quotes: it contains ': '") == true,
      "\(String(describing: error))")
    #expect(error?.location.line == 8)
  }

  @Test func anUnclosedQuoteIsReportedAtItsOpening() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: \"the KLA shelled\n    date: 1998\n"
        + "  - id: other\n    kind: event\n    what: x\n    date: 1999\n")
    #expect(
      error?.message.hasPrefix("this quoted text is never closed") == true,
      "\(String(describing: error))")
    #expect(error?.location.line == 8)
  }

  @Test func anUnclosedSingleQuoteIsReportedAtItsOpening() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: 'the KLA shelled\n    date: 1998\n")
    #expect(
      error?.message.hasPrefix("this quoted text is never closed") == true,
      "\(String(describing: error))")
    #expect(error?.location.line == 8)
    #expect(error?.location.column == 11)
  }

  @Test func aMissingDash() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: x\n    date: 1998\n  id: other\n")
    #expect(
      error?.message == "expected a list item here: each item starts with '- ' at the same "
        + "indentation as the one before", "\(String(describing: error))")
    #expect(error?.location.line == 10)
    #expect(error?.location.column == 3)
  }

  private static let badIndentation =
    "this line is not indented like the lines around it: keys of one fact line up, and a "
    + "list item starts with '- '"

  /// A key indented deeper than the one above: YAML reads it as more of that value and then
  /// stops at its colon, which is not a colon that needs quotes.
  @Test func aKeyIndentedTooDeep() {
    let error = firstError("  - id: battle\n    kind: event\n     what: x\n    date: 1998\n")
    #expect(error?.message == Self.badIndentation, "\(String(describing: error))")
    #expect(error?.location.line == 8)
    #expect(error?.location.column == 6)
  }

  /// A key indented less than its fact's other keys but more than the list's dashes.
  @Test func aKeyIndentedTooLittle() {
    let error = firstError("  - id: battle\n    kind: event\n   what: x\n    date: 1998\n")
    #expect(error?.message == Self.badIndentation, "\(String(describing: error))")
    #expect(error?.location.line == 8)
    #expect(error?.location.column == 4)
  }

  /// A list item indented deeper than the one before.
  @Test func anItemIndentedTooDeep() {
    let error = firstError(
      "  - id: battle\n    kind: event\n    what: x\n    date: 1998\n"
        + "    - id: other\n      kind: event\n")
    #expect(error?.message == Self.badIndentation, "\(String(describing: error))")
    #expect(error?.location.line == 10)
    #expect(error?.location.column == 5)
  }
}
