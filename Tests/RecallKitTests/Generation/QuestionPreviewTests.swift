import Foundation
import RecallTestSupport
import Testing

@testable import RecallKit

/// The text preview (snapshot of the shipped deck) and the JSON contract scripts rely on.
@Suite struct QuestionPreviewTests {
  @Test func bajgoraPreviewMatchesItsSnapshot() throws {
    let deck = try GenerationFixtures.bajgora()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions()
    expectSnapshot(
      QuestionPreview.text(deck: deck, questions: questions), named: "preview-bajgora.txt")
  }

  @Test func textLettersOptionsAndShowsAnswers() throws {
    let deck = try GenerationFixtures.small()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions(facts: ["brigade-141"])
    let text = QuestionPreview.text(deck: deck, questions: questions)
    #expect(text.hasPrefix("small: 3 questions\n\n1. brigade-141/name-short [short]\n"))
    #expect(text.contains("   Answer: Brigade 141 (also accepted: Mehe Uka)\n"))
    #expect(text.contains("   Answer: over 100 (accepted: 100–120)\n"))
    #expect(text.contains("3. brigade-141/size-numeric [numeric]\n"))
  }

  @Test func jsonFollowsTheContract() throws {
    let deck = try GenerationFixtures.small()
    let questions = QuestionGenerator(deck: deck, seed: 0).questions()
    let json = QuestionPreview.json(deck: deck, questions: questions)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["deck"] as? String == "small")
    let entries = try #require(object["questions"] as? [[String: Any]])
    #expect(entries.count == questions.count)
    for entry in entries {
      #expect(
        Set(entry.keys) == [
          "id", "type", "prompt", "options", "items", "answers", "fact", "explanation",
        ])
    }
    let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0["id"] as? String ?? "", $0) })
    let statement = try #require(byID["bukos-captured/truefalse"])
    #expect(statement["type"] as? String == "truefalse")
    #expect(statement["answers"] as? [String] == ["false"])
    #expect(statement["options"] as? [String] == [])
    let order = try #require(byID["order/battles/1"])
    #expect(
      order["answers"] as? [String] == [
        "The KLA captured Zhvillidove and set up a base there", "The Battle of Mazhiq",
        "The KLA took Bukos",
      ])
    // Keys come in the contract's order and slashes are not escaped, so output diffs well.
    #expect(
      json.contains("      \"id\": \"battle-of-mazhiq/date-short\",\n      \"type\": \"short\","))
    #expect(json.contains("\"options\": [],"))
  }

  @Test func jsonStringsEscapeWhatJSONRequires() throws {
    let text = "a \"quote\", a back\\slash, a tab\t, a line\nbreak, \u{1}, Barë"
    let literal = QuestionPreview.jsonString(text)
    #expect(literal == #""a \"quote\", a back\\slash, a tab\t, a line\nbreak, \u0001, Barë""#)
    let decoded =
      try JSONSerialization.jsonObject(
        with: Data("[\(literal)]".utf8)) as? [String]
    #expect(decoded == [text])
  }
}
