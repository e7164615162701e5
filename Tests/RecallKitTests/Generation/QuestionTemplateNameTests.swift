import Testing

@testable import RecallKit

/// Template raw values are the second half of card ids, which progress files are keyed by: they
/// are frozen, and every one reads back as its template.
@Suite struct QuestionTemplateNameTests {
  @Test func rawValuesAreTheSavedNames() {
    let expected: [(QuestionTemplate, String)] = [
      (.dateShort, "date-short"), (.dateChoice, "date-choice"), (.placeCloze, "place-cloze"),
      (.placeChoice, "place-choice"), (.nameShort, "name-short"), (.nameChoice, "name-choice"),
      (.roleChoice, "role-choice"), (.aliasShort, "alias-short"),
      (.nicknameShort, "nickname-short"), (.sizeNumeric, "size-numeric"),
      (.sizeChoice, "size-choice"), (.sentenceCloze(3), "sentence-3-cloze"),
      (.sentenceChoice(12), "sentence-12-choice"), (.regionShort, "region-short"),
      (.countNumeric, "count-numeric"), (.countChoice, "count-choice"), (.cloze, "cloze"),
      (.choice, "choice"), (.truefalse, "truefalse"), (.card, "card"), (.order, "order"),
      (.matchDates, "match-dates"), (.matchRoles, "match-roles"),
      (.matchPlaces, "match-places"), (.winnerShort, "winner-short"),
      (.opponentShort, "opponent-short"), (.casualtiesNumeric, "casualties-numeric"),
      (.membersShort, "members-short"),
    ]
    for (template, name) in expected {
      #expect(template.rawValue == name)
      #expect(QuestionTemplate(rawValue: name) == template)
    }
  }

  @Test(arguments: ["", "sentence--cloze", "sentence-0-cloze", "sentence-01-cloze", "date", "Card"])
  func unknownNamesAreNoTemplate(_ name: String) {
    #expect(QuestionTemplate(rawValue: name) == nil)
  }

  @Test func everyGeneratedIdEndsInItsTemplate() throws {
    let deck = try GenerationFixtures.bajgora()
    for question in QuestionGenerator(deck: deck, seed: 1).questions()
    where question.template != .card {
      let name = question.id.split(separator: "/")[
        question.id.hasPrefix("order/") || question.id.hasPrefix("match-") ? 0 : 1]
      #expect(QuestionTemplate(rawValue: String(name)) == question.template, "\(question.id)")
    }
  }
}
