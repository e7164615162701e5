import Foundation
import RecallKit
import Testing

/// Dates of every era and precision the date model reads are drafted as dates, written the
/// way a deck writes them, and a year the article leaves out carries the model's marker.
@Suite struct DraftDateTests {
  func events(_ text: String) throws -> [String: String] {
    let article = try Article.read(data: Data(text.utf8), path: "article.txt")
    var dates: [String: String] = [:]
    for proposal in DraftExtractor().propose(article) where proposal.kind == .event {
      if let what = proposal.text("what"), let date = proposal.text("date") { dates[what] = date }
    }
    return dates
  }

  @Test func beforeChristCircaDecadesAndCenturiesAreDrafted() throws {
    let dates = try events(
      """
      Rome and Carthage

      Julius Caesar was assassinated in Rome on 15 March 44 BC by a group of senators.
      Hadrian's Wall was begun around AD 122 in the north of Britain.
      The city of Rome was founded, according to legend, c. 753 BC.
      The first stone bridge over the Tiber was built in the 140s BC.
      The western empire collapsed in the late 5th century AD.
      """)
    #expect(dates.values.contains("15 March 44 BC"), "\(dates)")
    #expect(dates.values.contains("c. AD 122"), "\(dates)")
    #expect(dates.values.contains("c. 753 BC"), "\(dates)")
    #expect(dates.values.contains("140s BC"), "\(dates)")
    #expect(dates.values.contains("late 5th century AD"), "\(dates)")
    for date in dates.values { #expect(HistoricalDate(parsing: date) != nil, "\(date)") }
  }

  @Test func aYearTakenFromTheContextIsMarkedAsInferred() throws {
    let dates = try events(
      """
      The siege

      The army reached the city walls on 3 January 1480.
      On 8 January, the defenders burned the bridge over the river.
      """)
    let inferred = try #require(dates.first { $0.key.contains("burned the bridge") }?.value)
    #expect(inferred == "8 January [1480]")
    let date = try #require(HistoricalDate(parsing: inferred))
    #expect(date.isYearInferred)
    #expect(date.formatted == "8 January 1480")
  }

  @Test func anInferredYearBeforeChristKeepsItsEra() throws {
    let dates = try events(
      """
      The Ides of March

      Julius Caesar was assassinated in Rome on 15 March 44 BC by a group of senators.
      On 17 March, the Senate granted an amnesty to the assassins.
      """)
    let inferred = try #require(dates.first { $0.key.contains("amnesty") }?.value)
    #expect(inferred == "17 March [44 BC]")
  }

  @Test func eraMarkersAreNeverNames() throws {
    let article = try Article.read(
      data: Data("Augustus\n\nAugustus ruled Rome from 27 BC to AD 14.\n".utf8), path: "a.txt")
    let names = DraftExtractor().propose(article).flatMap(\.names)
    #expect(!names.contains("AD"), "\(names)")
    #expect(!names.contains("BC"), "\(names)")
  }
}
