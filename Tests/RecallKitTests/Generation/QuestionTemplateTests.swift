import Foundation
import RecallKit
import Testing

/// Each template on the small fixture deck, question by question, at seed 0. The seeded parts
/// (options, which statements are false) were read and checked by hand before being pinned here.
@Suite struct QuestionTemplateTests {
  let deck: Deck
  let questions: [Question]

  init() throws {
    deck = try GenerationFixtures.small()
    questions = QuestionGenerator(deck: deck, seed: 0).questions()
  }

  private func find(_ id: String) throws -> Question {
    try #require(questions.first { $0.id == id }, "no question '\(id)'")
  }

  private func ids(of fact: String) -> [String] {
    questions.filter { $0.fact == fact && !$0.id.hasPrefix("order/") && !$0.id.hasPrefix("match-") }
      .map(\.id)
  }

  // MARK: Events

  @Test func eventDateShortKeepsTheDatesPrecision() throws {
    let question = try find("battle-of-mazhiq/date-short")
    let date = try HistoricalDate.parse("10–11 July 1998")
    #expect(
      question
        == Question(
          id: "battle-of-mazhiq/date-short", kind: .short,
          prompt: "On which dates was the Battle of Mazhiq fought?", expected: .date(date),
          fact: "battle-of-mazhiq",
          explanation: "The Battle of Mazhiq was fought from 10 to 11 July 1998: Yugoslav forces "
            + "shelled Mazhiq and the KLA counterattacked. Yugoslav forces did not capture Mazhiq.",
          template: .dateShort))
  }

  @Test func partOfMonthAsksForMonthAndYearNotDay() throws {
    let question = try find("zhvillidove-captured/date-short")
    #expect(
      question.prompt
        == "In which month and year did the KLA capture Zhvillidove and set up a base there?")
    #expect(question.answerTexts == ["mid-May 1998"])
    #expect(
      question.explanation
        == "In mid-May 1998, the KLA captured Zhvillidove and set up a base there. "
        + "Note: The source gives no day.")
  }

  @Test func eventDateChoiceOffersNearbyDatesOfTheSameShape() throws {
    let question = try find("battle-of-mazhiq/date-choice")
    #expect(question.kind == .choice)
    #expect(question.prompt == "On which dates was the Battle of Mazhiq fought?")
    #expect(
      question.options == ["6–7 July 1998", "17–18 July 1998", "3–4 July 1998", "10–11 July 1998"])
    #expect(question.expected == .choice(3))
    let partOfMonth = try find("zhvillidove-captured/date-choice")
    #expect(
      partOfMonth.options == [
        "late June 1998", "early May 1999", "late April 1998", "mid-May 1998",
      ])
  }

  @Test func eventTrueFalseStatesTheFactOrMovesItsDate() throws {
    let kept = try find("battle-of-mazhiq/truefalse")
    #expect(kept.prompt == "The Battle of Mazhiq was fought from 10 to 11 July 1998.")
    #expect(kept.expected == .truth(true))
    let altered = try find("bukos-captured/truefalse")
    #expect(altered.prompt == "On 22 February 1999, the KLA took Bukos.")
    #expect(altered.expected == .truth(false))
  }

  @Test func eventPlaceClozeAndChoiceBlankThePlace() throws {
    let cloze = try find("zhvillidove-captured/place-cloze")
    #expect(cloze.kind == .cloze)
    #expect(cloze.prompt == "In mid-May 1998, the KLA captured _____ and set up a base there.")
    #expect(cloze.answerTexts == ["Zhvillidove"])
    let choice = try find("zhvillidove-captured/place-choice")
    #expect(choice.prompt == cloze.prompt)
    #expect(choice.options == ["Bukos", "Vesekovce", "Kurilovo", "Zhvillidove"])
    #expect(choice.answerTexts == ["Zhvillidove"])
  }

  // MARK: Places

  @Test func placeSentencesBecomeClozeChoiceAndTrueFalse() throws {
    #expect(
      ids(of: "zhvillidove") == [
        "zhvillidove/sentence-1-cloze", "zhvillidove/sentence-1-choice",
        "zhvillidove/truefalse",
      ])
    // No "In which area does the village of Zhvillidove lie?": its region is of `type: region`,
    // and a village lies in several regions (the Bajgora region, northern Kosovo).
    let cloze = try find("zhvillidove/sentence-1-cloze")
    #expect(cloze.prompt == "The KLA built its first base in the region at _____.")
    #expect(cloze.expected == .text(["Zhvillidove"]))
    let statement = try find("zhvillidove/truefalse")
    #expect(statement.prompt == "The KLA built its first base in the region at Kurilovo.")
    #expect(statement.expected == .truth(false))
  }

  @Test func aSentenceTwoPlacesCompleteHasNoTypedClozeAndNeverOffersTheOther() throws {
    // "Refugees crowded into _____." is true of Kurilovo and of Vesekovce.
    #expect(ids(of: "kurilovo") == ["kurilovo/sentence-1-choice", "kurilovo/truefalse"])
    let choice = try find("kurilovo/sentence-1-choice")
    #expect(!choice.options.contains("Vesekovce"))
    #expect(choice.options == ["Kurilovo", "Mazhiq", "Zhvillidove", "Bukos"])
  }

  @Test func regionsAreNeverSwappedForOtherPlaces() throws {
    #expect(ids(of: "bajgora-region").isEmpty)
    let generator = QuestionGenerator(deck: deck, seed: 0)
    #expect(generator.factsProducingNoQuestion().map(\.id) == ["bajgora-region"])
  }

  // MARK: People and groups

  @Test func personTemplates() throws {
    #expect(
      ids(of: "nusret-ibishi") == [
        "nusret-ibishi/name-short", "nusret-ibishi/name-choice", "nusret-ibishi/role-choice",
        "nusret-ibishi/alias-short", "nusret-ibishi/truefalse",
      ])
    let name = try find("nusret-ibishi/name-short")
    #expect(name.prompt == "Who was the former MUP commander who trained recruits?")
    #expect(name.expected == .text(["Nusret Ibishi", "Commander Leka"]))
    #expect(
      name.explanation
        == "Nusret Ibishi, also known as Commander Leka, was a former MUP commander who trained "
        + "recruits.")
    let choice = try find("nusret-ibishi/name-choice")
    #expect(choice.options == ["Commander Remi", "Hashim Thaçi", "Nusret Ibishi", "Latif Gashi"])
    #expect(choice.expected == .choice(2))
    let role = try find("nusret-ibishi/role-choice")
    #expect(role.prompt == "Who was Nusret Ibishi?")
    #expect(
      role.options == [
        "The President of Kosovo who honoured the fallen in 2019",
        "A commander later accused of war crimes", "The commander who opened the first KLA school",
        "A former MUP commander who trained recruits",
      ])
    let alias = try find("nusret-ibishi/alias-short")
    #expect(alias.prompt == "By what other name was Nusret Ibishi known?")
    #expect(alias.expected == .text(["Commander Leka"]))
    let statement = try find("latif-gashi/truefalse")
    #expect(statement.prompt == "Latif Gashi was the commander who opened the first KLA school.")
    #expect(statement.expected == .truth(false))
  }

  @Test func spellingVariantsAreNotAskedAsAliases() {
    #expect(!ids(of: "hashim-thaci").contains("hashim-thaci/alias-short"))
  }

  @Test func unitTemplates() throws {
    // One unit alone cannot supply three wrong names, so there is no name-choice.
    #expect(
      ids(of: "brigade-141") == [
        "brigade-141/name-short", "brigade-141/nickname-short", "brigade-141/size-numeric",
      ])
    let name = try find("brigade-141/name-short")
    #expect(name.prompt == "What was the name of the KLA brigade in the Bajgora area?")
    #expect(name.expected == .text(["Brigade 141", "Mehe Uka"]))
    let nickname = try find("brigade-141/nickname-short")
    #expect(nickname.prompt == "By what name was Brigade 141 also known?")
    let size = try find("brigade-141/size-numeric")
    #expect(size.kind == .numeric)
    // The bound is stated and the figure asked: "over how many", never a bare "how many".
    #expect(size.prompt == "Over how many fighters did Brigade 141 have?")
    #expect(size.expected == .number(NumberValue(100, qualifier: .over)))
    #expect(
      size.explanation
        == "Brigade 141, also known as Mehe Uka, was the KLA brigade in the Bajgora area. "
        + "It had over 100 fighters.")
    // "over 100" makes "over 50" true and "over 300" possible: a bound gets no choice.
    #expect(!ids(of: "brigade-141").contains("brigade-141/size-choice"))
  }

  // MARK: Quantities and statements

  @Test func rangeQuantityIsGradedOnItsRange() throws {
    let numeric = try find("convoy-people/count-numeric")
    #expect(numeric.prompt == "How many people travelled in the convoy?")
    #expect(numeric.expected == .number(NumberValue(from: 3000, to: 5000)))
    #expect(numeric.answerTexts == ["between 3,000 and 5,000"])
    #expect(
      numeric.explanation
        == "Between 3,000 and 5,000 people travelled in the convoy (early May 1999).")
    let choice = try find("convoy-people/count-choice")
    #expect(
      choice.options == [
        "between 3,000 and 5,000", "between 1,000 and 2,000", "between 6,500 and 10,000",
        "between 15,000 and 25,000",
      ])
    let statement = try find("convoy-people/truefalse")
    #expect(statement.prompt == "Between 3,000 and 5,000 people travelled in the convoy.")
    #expect(statement.expected == .truth(true))
  }

  @Test func smallNumbersOpenSentencesInWords() throws {
    let statement = try find("mazhiq-wounded/truefalse")
    #expect(statement.prompt == "Ten KLA fighters were wounded at Mazhiq.")
    #expect(try find("mazhiq-wounded/count-choice").options == ["10", "14", "26", "23"])
  }

  @Test func questionWordOrderIsTurnedRoundAfterAName() throws {
    // "villages did the KLA hold at first": the subject is a name, so the clause turns round
    // into a statement, and the explanation states the figure instead of asking again.
    #expect(
      ids(of: "villages-held") == [
        "villages-held/count-numeric", "villages-held/count-choice", "villages-held/truefalse",
      ])
    #expect(
      try find("villages-held/count-numeric").explanation
        == "The KLA held twenty-three villages at first.")
  }

  @Test func statementWithAPlaceKeyGivesClozeChoiceAndTrueFalse() throws {
    let cloze = try find("first-appearance/cloze")
    #expect(cloze.prompt == "The KLA's first public appearance in the region was at _____.")
    #expect(cloze.expected == .text(["Zhvillidove"]))
    #expect(
      try find("first-appearance/choice").options == [
        "Zhvillidove", "Mazhiq", "Kurilovo", "Vesekovce",
      ])
    // A false statement swaps in one of the choice question's villages.
    var falseSeen = false
    for seed: UInt64 in 0..<12 {
      let generated = QuestionGenerator(deck: deck, seed: seed).questions(facts: [
        "first-appearance"
      ])
      let choice = try #require(generated.first { $0.id == "first-appearance/choice" })
      let statement = try #require(generated.first { $0.id == "first-appearance/truefalse" })
      let village = String(
        statement.prompt.dropFirst("The KLA's first public appearance in the region was at ".count)
          .dropLast())
      #expect(choice.options.contains(village), "\(statement.prompt)")
      #expect((village == "Zhvillidove") == (statement.expected == .truth(true)))
      falseSeen = falseSeen || village != "Zhvillidove"
    }
    #expect(falseSeen)
  }

  @Test func statementWithAKeyOfUnknownKindIsOnlyACloze() throws {
    #expect(ids(of: "war-name") == ["war-name/cloze"])
    #expect(try find("war-name/cloze").expected == .text(["Kosovo War", "the Kosovo War"]))
  }

  // MARK: Hand-written cards and questions over several facts

  @Test func handWrittenCardsPassThroughWithTheirOwnIds() throws {
    let short = try find("school-length")
    #expect(short.kind == .short)
    #expect(short.expected == .text(["two weeks", "2 weeks"]))
    #expect(short.fact == "commander-remi")
    // Not the linked fact's summary, which is about who opened the school, not how long a
    // course lasted.
    #expect(short.explanation == "How long was a training course at the KLA school? Two weeks.")
    let choice = try find("hero-order")
    #expect(
      Set(choice.options) == [
        "Hero of Kosovo", "Order of Freedom", "Order of Skanderbeg", "Medal of Merit",
      ])
    #expect(choice.answerTexts == ["Hero of Kosovo"])
    #expect(try find("nato-speech").expected == .truth(true))
  }

  @Test func orderQuestionPutsATagsEventsInTime() throws {
    let order = try find("order/battles/1")
    #expect(order.kind == .order)
    #expect(order.prompt == "Put these events in order, earliest first.")
    #expect(
      order.options == [
        "The KLA took Bukos", "The Battle of Mazhiq",
        "The KLA captured Zhvillidove and set up a base there",
      ])
    #expect(order.expected == .order([2, 1, 0]))
    #expect(
      order.answerTexts == [
        "The KLA captured Zhvillidove and set up a base there", "The Battle of Mazhiq",
        "The KLA took Bukos",
      ])
  }

  @Test func matchQuestionsPairDatesAndRoles() throws {
    let dates = try find("match-dates/battles/1")
    #expect(dates.matchItems.count == 3)
    #expect(
      Set(dates.answerTexts) == [
        "The KLA captured Zhvillidove and set up a base there — mid-May 1998",
        "The Battle of Mazhiq — 10–11 July 1998", "The KLA took Bukos — 23 February 1999",
      ])
    let roles = try find("match-roles/people/1")
    #expect(
      Set(roles.answerTexts) == [
        "Nusret Ibishi — A former MUP commander who trained recruits",
        "Commander Remi — The commander who opened the first KLA school",
        "Latif Gashi — A commander later accused of war crimes",
        "Hashim Thaçi — The President of Kosovo who honoured the fallen in 2019",
      ])
  }

  @Test func filtersByTypeAndFact() {
    let generator = QuestionGenerator(deck: deck, seed: 0)
    let numeric = generator.questions(types: [.numeric])
    #expect(
      numeric.map(\.id) == [
        "brigade-141/size-numeric", "convoy-people/count-numeric", "mazhiq-wounded/count-numeric",
        "villages-held/count-numeric",
      ])
    let bukos = generator.questions(facts: ["bukos-captured"]).map(\.id)
    #expect(bukos.first == "bukos-captured/date-short")
    #expect(bukos.contains("order/battles/1"))
    #expect(!bukos.contains("mazhiq/truefalse"))
  }
}
