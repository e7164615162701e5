import Foundation
import RecallKit
import Testing

/// `recall check` on decks of many near-identical facts (#19, defects 4 and 5): the duplicate
/// checks look answers up instead of comparing every pair, so each question is compared with
/// a bounded number of earlier ones, and nothing is lost that the pairwise check found on a
/// small deck.
@Suite struct AuthoringCheckScaleTests {
  /// `count` statements whose blanks all accept `Shala` besides their own village.
  static func schools(_ count: Int) -> String {
    var text = "id: schools\ntitle: Schools\nsubject: History\nsource: A book\nfacts:\n"
    for index in 0..<count {
      text += """
          - id: school-\(index)
            kind: statement
            text: School number \(index) opened in [[Village\(index)]] in July.
            alternatives: [Shala]

        """
    }
    return text
  }

  /// `count` events with one wording and different dates: one prompt, many answers.
  static func shellings(_ count: Int) -> String {
    var text = "id: shellings\ntitle: Shellings\nsubject: History\nsource: A book\nfacts:\n"
    for index in 0..<count {
      let date = String(
        format: "%04d-%02d-%02d", 1800 + index / 336, index / 28 % 12 + 1, index % 28 + 1)
      text += """
          - id: shelling-\(index)
            kind: event
            what: Yugoslav forces shelled Mazhiq
            date: \(date)

        """
    }
    return text
  }

  static func deck(_ text: String) throws -> Deck {
    let loaded = DeckLoader(limits: DeckLimits(maximumDiagnostics: .max)).load(
      text: text, path: "many.yaml")
    return try #require(loaded.deck, "\(loaded.diagnostics)")
  }

  static func accepting(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.filter { $0.message.contains("which is also accepted for") }
  }

  /// The two ids a warning names, in order.
  static func ids(_ warning: Diagnostic) -> [String] {
    warning.message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
  }

  @Test func aSharedAnswerIsReportedForEveryPairOfASmallDeck() throws {
    let warnings = Self.accepting(
      DeckAuthoringCheck(deck: try Self.deck(Self.schools(3))).diagnostics())
    // As the pairwise check found: the second clashes with the first, the third with both.
    #expect(
      Set(warnings.map(Self.ids)) == [
        ["school-1/cloze", "school-0/cloze"], ["school-2/cloze", "school-0/cloze"],
        ["school-2/cloze", "school-1/cloze"],
      ], "\(warnings.map(\.message))")
  }

  /// 5,000 blanks sharing one accepted answer: the pairwise check made 12.5 million warnings
  /// (and ran for minutes); now every question after the first is reported, naming at most
  /// four earlier questions per accepted answer.
  @Test func manyQuestionsSharingAnAnswerGiveBoundedWarnings() throws {
    let count = 5_000
    let warnings = Self.accepting(
      DeckAuthoringCheck(deck: try Self.deck(Self.schools(count))).diagnostics())
    let reported = Set(warnings.map { Self.ids($0)[0] })
    #expect(reported.count == count - 1)
    #expect(warnings.count <= 4 * reported.count, "\(warnings.count) warnings")
  }

  @Test func oneWordingWithManyDatesWarnsOncePerLaterFact() throws {
    let count = 2_000
    let warnings = DeckAuthoringCheck(deck: try Self.deck(Self.shellings(count))).diagnostics()
      .filter { $0.message.contains("asks the same as") }
    let facts = Set(warnings.map { Self.ids($0)[0].split(separator: "/")[0] })
    #expect(facts.count == count - 1)
  }
}
