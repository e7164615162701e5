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

  /// Found by the `draft` fuzz target: a control character in the heading reached the deck's
  /// title, and the drafted deck did not load.
  @Test func controlCharactersNeverReachTheDeck() throws {
    let text =
      "# Ge\u{7F}\u{7F}ading\u{1B}\n\nOn 3 January 1480 the army of Mehmed II reached Rhodes.\n"
    let article = try Article.read(data: Data(text.utf8), path: "a.txt")
    #expect(article.title == "Ge  ading")
    let header = DraftDeckWriter.Header(
      id: "t", title: article.title ?? "T", subject: "History", sourceTitle: "T (article)",
      url: nil, articlePath: "a.txt")
    let rendered = DraftDeckWriter().render(DraftExtractor().propose(article), header: header)
    let loaded = DeckLoader().load(text: rendered.text, path: "t.yaml")
    #expect(loaded.deck != nil, "\(loaded.diagnostics.map(\.message))")
  }
}
