import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// Guards the shipped Bajgora deck: it must load cleanly and keep the source's facts at the
/// source's precision, so a careless edit cannot blur a date or drop a figure unnoticed.
@Suite struct BajgoraDeckTests {
  static let deckPath = Repository.deck("bajgora-offensive").path

  private func load() throws -> (deck: Deck, diagnostics: [Diagnostic]) {
    let result = try DeckLoader().load(path: Self.deckPath)
    let deck = try #require(result.deck, "\(result.diagnostics)")
    return (deck, result.diagnostics)
  }

  private func event(_ id: String, in deck: Deck) throws -> Fact.Event {
    let fact = try #require(deck.fact(id: id), "no fact '\(id)'")
    guard case .event(let event) = fact.content else {
      Issue.record("fact '\(id)' is a \(fact.kind.rawValue), not an event")
      throw BajgoraDeckTestError.wrongKind(id)
    }
    return event
  }

  private func quantity(_ id: String, in deck: Deck) throws -> Fact.Quantity {
    let fact = try #require(deck.fact(id: id), "no fact '\(id)'")
    guard case .quantity(let quantity) = fact.content else {
      Issue.record("fact '\(id)' is a \(fact.kind.rawValue), not a quantity")
      throw BajgoraDeckTestError.wrongKind(id)
    }
    return quantity
  }

  private func person(_ id: String, in deck: Deck) throws -> Fact.Person {
    let fact = try #require(deck.fact(id: id), "no fact '\(id)'")
    guard case .person(let person) = fact.content else {
      Issue.record("fact '\(id)' is a \(fact.kind.rawValue), not a person")
      throw BajgoraDeckTestError.wrongKind(id)
    }
    return person
  }

  private func place(_ id: String, in deck: Deck) throws -> Fact.Place {
    let fact = try #require(deck.fact(id: id), "no fact '\(id)'")
    guard case .place(let place) = fact.content else {
      Issue.record("fact '\(id)' is a \(fact.kind.rawValue), not a place")
      throw BajgoraDeckTestError.wrongKind(id)
    }
    return place
  }

  @Test func loadsWithoutAnyDiagnostic() throws {
    let result = try DeckLoader().load(path: Self.deckPath)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    #expect(result.deck?.id == "bajgora-offensive")
  }

  @Test func coversTheArticleWithEveryFactKind() throws {
    let (deck, _) = try load()
    #expect(deck.facts.count >= 70)
    #expect(deck.cards.count >= 5)
    let kinds = Set(deck.facts.map(\.kind))
    for kind in Fact.Kind.allCases {
      #expect(kinds.contains(kind), "no \(kind.rawValue) fact")
    }
    let cardKinds = Set(deck.cards.map(\.kind))
    for kind in [HandCard.Kind.short, .choice, .truefalse, .cloze] {
      #expect(cardKinds.contains(kind), "no \(kind.rawValue) card")
    }
    for fact in deck.facts {
      #expect(!fact.tags.isEmpty, "fact '\(fact.id)' has no tags")
    }
  }

  @Test(arguments: [
    ("bajgora-offensive", "July 1998 to January 1999", HistoricalDate.Precision.month),
    ("zhvillidove-captured", "mid-May 1998", .partOfMonth),
    ("june-1998-mobilization", "22 June 1998", .day),
    ("military-school-opened", "July 1998", .month),
    ("detention-centre", "August to October 1998", .month),
    ("battle-of-mazhiq", "10–11 July 1998", .day),
    ("mazhiq-seized", "November 1998", .month),
    ("convoy-ambush", "8 January 1999", .day),
    ("soldiers-captured", "12 January 1999", .day),
    ("kla-fighters-captured-at-border", "December 1998", .month),
    ("may-1999-shelling", "early May 1999", .partOfMonth),
    ("may-2-breach", "2 May 1999", .day),
    ("bukos-captured", "23 February 1999", .day),
    ("indictment-amended", "September 2012", .month),
    ("hero-of-kosovo-awards", "26 April 2019", .day),
  ])
  func datesKeepTheSourcesPrecision(
    id: String, formatted: String, precision: HistoricalDate.Precision
  ) throws {
    let (deck, _) = try load()
    let event = try event(id, in: deck)
    #expect(event.date?.formatted == formatted)
    #expect(event.date?.precision == precision)
  }

  @Test func battleOfMazhiqIsADayRangeAtThreeVillages() throws {
    let (deck, _) = try load()
    let battle = try event("battle-of-mazhiq", in: deck)
    #expect(
      battle.date
        == HistoricalDate(
          .day(year: 1998, month: 7, day: 10), to: .day(year: 1998, month: 7, day: 11)))
    #expect(battle.date?.isRange == true)
    #expect(battle.name == "the Battle of Mazhiq")
    #expect(battle.places == ["mazhiq", "kutllovc", "bare"])
    // "villages such as Mazhiq, Kutllovc and Barë": the article's list is open.
    #expect(battle.placesAreExamples)
    #expect(battle.participants == ["KLA", "Yugoslav forces"])
  }

  @Test func zhvillidoveWasTakenInMidMay1998() throws {
    let (deck, _) = try load()
    let event = try event("zhvillidove-captured", in: deck)
    #expect(event.date == HistoricalDate(.partOfMonth(.mid, year: 1998, month: 5)))
    #expect(event.places.contains("zhvillidove"))
  }

  @Test func yearlessDatesCarryTheirYearAndSayWhy() throws {
    let (deck, _) = try load()
    let ambush = try #require(deck.fact(id: "convoy-ambush"))
    #expect(ambush.note?.contains("1999") == true)
    #expect(ambush.note?.contains("8 January") == true)
    // The article gives no year: the deck marks 1999 as inferred (`8 January [1999]`).
    #expect(try event("convoy-ambush", in: deck).date?.isYearInferred == true)
  }

  /// Corrections where the deck once said more than the article (#13 item 8).
  @Test func saysNoMoreThanTheArticle() throws {
    let (deck, _) = try load()
    // Shala e Bajgorës is the Albanian name of the Bajgora region, not a region of its own.
    #expect(try place("bajgora-region", in: deck).aliases.contains("Shala e Bajgorës"))
    #expect(deck.fact(id: "shala-e-bajgores") == nil)
    // EULEX is not in the article: accepted, never asked as another name.
    let mission = try #require(deck.fact(id: "eulex"))
    guard case .group(let eulex) = mission.content else {
      Issue.record("eulex is not an organization")
      return
    }
    #expect(eulex.aliases.isEmpty)
    #expect(eulex.acceptedAnswers.contains("EULEX"))
    // The article does not name the school.
    let school = try #require(deck.fact(id: "kla-military-school"))
    guard case .group(let group) = school.content else {
      Issue.record("kla-military-school is not an organization")
      return
    }
    #expect(!group.isNamed)
  }

  @Test(arguments: [
    ("convoy-people", NumberValue(from: 3000, to: 5000)),
    ("awardees-count", NumberValue(9)),
    ("brigade-141-fighters", NumberValue(100, qualifier: .over)),
    ("mazhiq-kla-killed", NumberValue(1)),
    ("mazhiq-kla-wounded", NumberValue(14)),
    ("soldiers-captured-count", NumberValue(8)),
    ("exchanged-kla-fighters", NumberValue(9)),
    ("villages-held", NumberValue(23)),
    ("villages-recaptured", NumberValue(2)),
    ("region-kla-killed", NumberValue(100, qualifier: .about)),
    ("region-kla-wounded", NumberValue(200, qualifier: .about)),
    ("offensive-kla-wounded", NumberValue(20)),
    ("bukos-serbian-wounded", NumberValue(5)),
    ("bukos-civilian-killed", NumberValue(1)),
  ])
  func figuresMatchTheSource(id: String, value: NumberValue) throws {
    let (deck, _) = try load()
    #expect(try quantity(id, in: deck).value == value)
  }

  @Test func namesAndAliasesAreAccepted() throws {
    let (deck, _) = try load()
    #expect(try person("nusret-ibishi", in: deck).aliases.contains("Commander Leka"))
    #expect(try person("hashim-thaci", in: deck).name == "Hashim Thaçi")
    #expect(try place("bare", in: deck).aliases.contains("Bare"))
    #expect(try place("kosovska-mitrovica", in: deck).aliases.contains("Mitrovica"))
    let brigade = try #require(deck.fact(id: "brigade-141"))
    guard case .group(let group) = brigade.content else {
      Issue.record("brigade-141 is not a unit")
      return
    }
    #expect(brigade.kind == .unit)
    #expect(group.nickname == "Mehe Uka")
    #expect(group.size == NumberValue(100, qualifier: .over))
  }

  /// Only the nine award recipients, about whom the article says nothing else, share a role;
  /// any other shared role would make a "Who was …?" question ambiguous.
  @Test func onlyTheNineAwardeesShareARole() throws {
    let (deck, _) = try load()
    var byRole: [String: [String]] = [:]
    for fact in deck.facts {
      if case .person(let person) = fact.content {
        byRole[person.role, default: []].append(fact.id)
      }
    }
    let shared = byRole.values.filter { $0.count > 1 }
    #expect(shared.count == 1)
    #expect(
      Set(shared.first ?? [])
        == [
          "amet-haxha", "asllan-cimili", "enver-musa", "esat-meholli", "qazim-cimili",
          "rrustem-hyseni", "sokol-preteni", "shemsi-istrefi", "xhemail-haxha",
        ])
  }

  @Test func everyDiscrepancyIsExplained() throws {
    let (deck, _) = try load()
    let flagged = deck.facts.filter { $0.tags.contains("discrepancy") }
    #expect(flagged.count >= 5)
    for fact in flagged {
      #expect(fact.note?.isEmpty == false, "fact '\(fact.id)' is tagged but has no note")
    }
  }
}

private enum BajgoraDeckTestError: Error, CustomStringConvertible {
  case wrongKind(String)

  var description: String {
    switch self {
    case .wrongKind(let id): "fact '\(id)' has an unexpected kind"
    }
  }
}
