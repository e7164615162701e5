import Testing

@testable import RecallKit

/// Figures and unnamed groups read as a teacher would write them: the counted word said once,
/// no "about 0" option, and a group described by a clause asked without the clause.
@Suite struct FigureWordingTests {
  static let facts = """
      - id: siege-length
        kind: quantity
        how_many: weeks did the siege of the port last
        value: about five weeks
      - id: captivity
        kind: quantity
        how_many: years did the duke spend as a prisoner abroad
        value: about 25
        unit: years
      - id: ships
        kind: quantity
        how_many: ships did the fleet have
        value: 1,500
      - id: english-army
        kind: unit
        type: army
        role: the king's army at the ridge, in which archers outnumbered men-at-arms by five to one
        size: 6,000 to 9,000
        size_unit: men
      - id: fleet
        kind: unit
        name: the Channel Fleet
        role: the fleet that guarded the narrow sea
        size: 40
        size_unit: ships
    """

  @Test func theCountedWordIsToldOnce() throws {
    let deck = try QuestionRuleTests.deck(Self.facts)
    let questions = QuestionRuleTests.questions(deck)
    for id in ["siege-length/count-numeric", "captivity/count-numeric"] {
      let question = try #require(questions.first { $0.id == id })
      #expect(!question.explanation.contains("weeks weeks"), "\(question.explanation)")
      #expect(!question.explanation.contains("years years"), "\(question.explanation)")
    }
    let captivity = try #require(questions.first { $0.id == "captivity/count-numeric" })
    #expect(captivity.explanation.hasPrefix("About 25 years"), "\(captivity.explanation)")
  }

  @Test(arguments: 0..<8)
  func anApproximateFigureIsNeverOfferedAsZero(seed: Int) throws {
    let deck = try QuestionRuleTests.deck(Self.facts)
    let choice = try #require(
      QuestionRuleTests.question("siege-length/count-choice", in: deck, seed: UInt64(seed)))
    #expect(
      !choice.options.contains { $0.hasPrefix("about 0 ") || $0.hasPrefix("about 1 ") },
      "\(choice.options)")
    #expect(choice.options.count == 4)
  }

  @Test func anUnnamedGroupIsAskedWithoutItsClauseAndToldOnce() throws {
    let deck = try QuestionRuleTests.deck(Self.facts)
    let size = try #require(QuestionRuleTests.question("english-army/size-numeric", in: deck))
    #expect(size.prompt == "How many men did the king's army at the ridge have?")
    #expect(
      size.explanation.hasPrefix(
        "The king's army at the ridge, in which archers outnumbered men-at-arms by five to one,"
          + " had between 6,000 and 9,000 men."), "\(size.explanation)")
    // A named group keeps its name in the question and its description in the explanation.
    let fleet = try #require(QuestionRuleTests.question("fleet/size-numeric", in: deck))
    #expect(fleet.prompt == "How many ships did the Channel Fleet have?")
    #expect(fleet.explanation.contains("the fleet that guarded the narrow sea"))
  }

  @Test func aClauseInQuestionOrderWithBeIsTurnedRound() {
    func statement(_ clause: String, _ value: String) -> String? {
      guard let number = NumberValue.parse(value) else { return "unreadable \(value)" }
      return QuestionGenerator.statement(
        Fact.Quantity(howMany: clause, value: number), value: number)
    }
    #expect(
      statement("nautical miles from the coast was the blockade line finally drawn", "500")
        == "The blockade line was finally drawn 500 nautical miles from the coast.")
    #expect(
      statement("metres from the river were the new walls built", "about 200")
        == "The new walls were built about 200 metres from the river.")
    // Not a passive with its participle last: no statement rather than a garbled one.
    #expect(statement("soldiers were the defenders of the city", "7,000") == nil)
    // An adverb stays before the verb, and who receives the figure comes before it.
    #expect(
      statement("days of plunder did Mehmed traditionally promise his troops", "3")
        == "Mehmed traditionally promised his troops three days of plunder.")
    #expect(
      statement("warships did Perry bring into Edo Bay", "4")
        == "Perry brought four warships into Edo Bay.")
    // An object after a verb that gives nothing: no statement, never "promise his troopsed".
    #expect(statement("guns did Orban cast the sultan", "3") == nil)
    // The verb is the word before the phrase that follows it, not a noun after a possessive.
    #expect(
      statement("miles did Harold's army march from York back to London after the battle", "200")
        == "Harold's army marched 200 miles from York back to London after the battle.")
    #expect(statement("men did Henry V's army at Agincourt have", "6,000") == nil)
    #expect(statement("kilometres could the new missiles in the east fly", "2,000") == nil)
    // An ordinary clause is untouched.
    #expect(statement("soldiers were killed", "8") == "Eight soldiers were killed.")
  }

  @Test func aDescribingClauseIsCutAtItsComma() {
    #expect(
      QuestionGenerator.withoutDescribingClause("the army at Agincourt, in which archers served")
        == "the army at Agincourt")
    #expect(
      QuestionGenerator.withoutDescribingClause("the garrison, who held out for weeks")
        == "the garrison")
    #expect(
      QuestionGenerator.withoutDescribingClause("the Roman army, of eight legions")
        == "the Roman army")
    #expect(
      QuestionGenerator.withoutDescribingClause("the Carthaginian army")
        == "the Carthaginian army")
  }
}
