import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// Snapshots of worksheets on the real Bajgora deck, fixed seed, two versions, every format,
/// with and without the key: once from the deck's hand-written cards (these follow only the
/// deck and the renderers), once from the generator, as `recall print` does.
@Suite struct BajgoraWorksheetSnapshotTests {
  static let deckPath = Repository.deck("bajgora-offensive").path

  static func deck() throws -> Deck {
    let result = try DeckLoader().load(path: deckPath)
    return try #require(result.deck, "the Bajgora deck does not load: \(result.diagnostics)")
  }

  static func worksheet(seed: UInt64 = 2026, generated: Bool = false) throws -> Worksheet {
    let deck = try deck()
    let questions =
      generated
      ? QuestionGenerator(deck: deck, seed: seed).questions()
      : WorksheetCardQuestions.questions(deck: deck, seed: seed)
    let selection = try WorksheetSelector(deck: deck).select(
      from: questions, request: WorksheetRequest(count: 10, seed: seed))
    return try Worksheet(
      title: "Bajgora offensive — quiz", deck: deck, selection: selection, versionCount: 2,
      seed: seed, points: WorksheetPoints([.short: 2]))
  }

  @Test(arguments: WorksheetFormat.allCases, [true, false])
  func snapshot(format: WorksheetFormat, withKey: Bool) throws {
    let sheet = try Self.worksheet()
    let parts: [WorksheetPart] = [.sheet(0), .sheet(1)] + (withKey ? [.key(0), .key(1)] : [])
    let name =
      "bajgora-cards-two-versions-\(withKey ? "with-key" : "no-key")."
      + WorksheetRenderingTests.fileExtension(format)
    expectSnapshot(format.renderer.render(sheet, parts: parts), named: "worksheets/\(name)")
  }

  /// What `recall print` prints: a balanced mix of every generated question type.
  @Test(arguments: WorksheetFormat.allCases, [true, false])
  func generatedSnapshot(format: WorksheetFormat, withKey: Bool) throws {
    let sheet = try Self.worksheet(generated: true)
    #expect(Set(sheet.versions[0].items.map(\.question.kind)).count >= 5)
    let parts: [WorksheetPart] = [.sheet(0), .sheet(1)] + (withKey ? [.key(0), .key(1)] : [])
    let name =
      "bajgora-generated-two-versions-\(withKey ? "with-key" : "no-key")."
      + WorksheetRenderingTests.fileExtension(format)
    expectSnapshot(format.renderer.render(sheet, parts: parts), named: "worksheets/\(name)")
  }

  @Test func everyVersionsKeyMatchesItsSheet() throws {
    let sheet = try Self.worksheet()
    #expect(sheet.versions[0].items.count == 10)
    let selector = WorksheetSelector(deck: try Self.deck())
    let subjects = sheet.versions[0].items.map { selector.subject(of: $0.question) }
    #expect(Set(subjects).count == subjects.count, "one question per fact")
    for version in sheet.versions {
      for (item, entry) in zip(version.items, version.key) {
        #expect(entry.answerTexts == item.question.answerTexts)
      }
    }
  }
}
