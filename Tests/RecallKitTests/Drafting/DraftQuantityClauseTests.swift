import Foundation
import RecallKit
import Testing

/// A figure's question turns its clause round ("the rebels chased 30 soldiers" → "How many
/// soldiers did the rebels chase"), with the verb's base form spelled as `Verb` spells it.
@Suite struct DraftQuantityClauseTests {
  func howMany(_ text: String) throws -> [String] {
    let article = try Article.read(data: Data(text.utf8), path: "article.txt")
    return DraftExtractor().propose(article).filter { $0.kind == .quantity }
      .compactMap { $0.text("how_many") }
  }

  @Test func aRegularVerbKeepsItsSilentE() throws {
    let questions = try howMany(
      """
      The raid

      In 1790, the rebels chased 30 soldiers out of the town.
      In 1791, the duke forced 200 families from the valley.
      """)
    #expect(questions.contains("soldiers did the rebels chase out of the town"), "\(questions)")
    #expect(questions.contains("families did the duke force from the valley"), "\(questions)")
  }

  @Test func aDoubledConsonantIsUndoneOnlyWhereTheBaseHasOne() throws {
    let questions = try howMany(
      """
      The raid

      In 1790, the governor expelled 40 merchants from the port.
      In 1791, the garrison shelled 12 villages along the river.
      """)
    #expect(questions.contains("merchants did the governor expel from the port"), "\(questions)")
    #expect(questions.contains("villages did the garrison shell along the river"), "\(questions)")
  }
}
