import Foundation
import RecallKit
import Testing

/// The clause an event is drafted from says one thing, about a subject the question can
/// name, at the time the article means.
@Suite struct DraftEventClauseTests {
  func proposals(_ text: String) throws -> [DraftProposal] {
    let article = try Article.read(data: Data(text.utf8), path: "article.txt")
    return DraftExtractor().propose(article).filter { $0.kind == .event }
  }

  func dates(_ text: String) throws -> [String: String] {
    var dates: [String: String] = [:]
    for proposal in try proposals(text) {
      if let what = proposal.text("what"), let date = proposal.text("date") { dates[what] = date }
    }
    return dates
  }

  @Test func aYearThatNamesSomethingDoesNotDateTheNextEvent() throws {
    let dates = try dates(
      """
      The town

      The first attack on the town came on 6 February 1918.
      The guard was led by a printer who had arrived during the 1917 General Strike.
      The second attack began on 19 February and the town fell soon after.
      """)
    let inferred = try #require(dates.first { $0.key.contains("second attack") }?.value)
    #expect(inferred == "19 February [1918]")
  }

  @Test func aDecadeDoesNotGiveALaterDayItsYear() throws {
    let dates = try dates(
      """
      The court

      The town surrendered on 6 April 1918.
      The court was led by the lawyer Elias Sopanen who later in the 1920s became a minister.
      Between 22 February and 14 March the court heard the cases of 1,254 prisoners.
      """)
    let inferred = try #require(dates.first { $0.key.contains("heard the cases") }?.value)
    #expect(inferred == "22 February to 14 March [1918]", "\(dates)")
  }

  @Test func aDateInsideARelativeClauseDatesWhatItsAntecedentDid() throws {
    let dates = try dates(
      """
      The court

      The court martial was led by the lawyer Elias Sopanen who later in the 1920s became the Minister of Justice.
      """)
    #expect(dates["Elias Sopanen became the Minister of Justice"] == "1920s", "\(dates)")
    #expect(!dates.keys.contains { $0.contains("court martial was led") }, "\(dates)")
  }

  @Test func aDateInsideARelativeClauseWithoutANamedAntecedentIsLeftForTheTeacher() throws {
    let events = try proposals(
      """
      The bridge

      The engineers repaired the old bridge which in 1850 had been washed away by a flood.
      """)
    let event = try #require(events.first { $0.text("date") == "1850" })
    #expect(event.confidence < 0.6)
    #expect(event.caveats.contains { $0.contains("'which …'") }, "\(event.caveats)")
  }

  @Test func aPlaceBeforeWhoIsNotTheOneWhoActed() throws {
    let events = try proposals(
      """
      The note

      The government delivered a memorandum to the ambassador in Berlin, who received it on 6 December 1915.
      """)
    let event = try #require(events.first { $0.text("date") == "6 December 1915" })
    #expect(event.text("what")?.hasPrefix("the government delivered a memorandum") == true)
    #expect(event.confidence < 0.6)
  }

  @Test func aCommaSpliceIsCutToItsFirstClause() throws {
    let dates = try dates(
      """
      The trials

      In June 1920 the court heard the cases of 1,254 prisoners, 87 were sentenced to death.
      """)
    #expect(dates["the court heard the cases of 1,254 prisoners"] == "June 1920", "\(dates)")
  }

  @Test func anEventThatOpensWithAPronounIsLeftForTheTeacher() throws {
    let events = try proposals(
      """
      The guard

      The Red Guard of the town was formed in the autumn of 1917.
      In March 1918 it was disbanded by the new authorities.
      """)
    let disbanded = try #require(events.first { $0.text("what")?.contains("disbanded") == true })
    #expect(disbanded.confidence < 0.6)
    #expect(disbanded.caveats.contains { $0.contains("begins with 'it'") }, "\(disbanded.caveats)")
    let formed = try #require(events.first { $0.text("what")?.contains("formed") == true })
    #expect(formed.confidence >= 0.6)
  }

  @Test func peopleAreWrittenEvenWhenTooFewForAChoiceQuestion() throws {
    let text = """
      The rising

      The poet Thomas MacDonagh commanded the garrison at the factory on 25 April 1916.
      The architect Eamon Ceannt held the workhouse on 26 April 1916.
      """
    let article = try Article.read(data: Data(text.utf8), path: "article.txt")
    let header = DraftDeckWriter.Header(
      id: "rising", title: "The rising", subject: "History", sourceTitle: "The rising",
      url: nil, articlePath: "article.txt")
    let yaml = DraftDeckWriter().render(DraftExtractor().propose(article), header: header).text
    #expect(yaml.contains("\n  - id: thomas-macdonagh\n"), "\(yaml)")
    #expect(yaml.contains("\n  - id: eamon-ceannt\n"), "\(yaml)")
    #expect(!yaml.contains("gets no multiple-choice question"))
  }
}
