import Testing

@testable import RecallKit

/// A false statement that gives a person another's role is made only of a role they could have
/// held: same kind (ruler, commander, cleric…), no gender word against them (held-out review,
/// 2026-12-02 evening: "William was Harold's partner … marks only she knew", "John Sobieski was
/// the pope who…").
@Suite struct RoleSwapTests {
  static let people = """
      - id: harold
        kind: person
        name: Harold Godwinson
        title: King
        role: the last Anglo-Saxon king of England, killed in the battle
      - id: william
        kind: person
        name: William of Normandy
        role: the Duke of Normandy who invaded England and was crowned at Westminster
      - id: hardrada
        kind: person
        name: Harald Hardrada
        role: the king of Norway who landed in the north in September
      - id: gyrth
        kind: person
        name: Gyrth Godwinson
        role: the earl of East Anglia, who fell beside the king
      - id: edith
        kind: person
        name: Edith Swanneck
        role: Harold's longtime partner, who identified his body by marks only she knew
      - id: tostig
        kind: person
        name: Tostig Godwinson
        role: Harold's exiled brother, who fought beside the Norwegians at the bridge
      - id: odo
        kind: person
        name: Odo of Bayeux
        role: the bishop who blessed the invaders before the battle
      - id: toustain
        kind: person
        name: Toustain fitz Rou
        role: the Norman knight who carried the papal banner in the battle
      - id: alan
        kind: person
        name: Alan the Red
        role: the Breton commander who led the left wing of the invaders
    """

  static func statements(_ id: String, seed: Int) throws -> [String] {
    let deck = try QuestionRuleTests.deck(people)
    return QuestionRuleTests.questions(deck, seed: UInt64(seed))
      .filter { $0.id == "\(id)/truefalse" }.map(\.prompt)
  }

  @Test(arguments: 0..<8)
  func aRoleOfAnotherKindOrGenderIsNeverSwappedIn(seed: Int) throws {
    // Edith's is the only woman's role, Tostig's the only other kin's, Odo's the only cleric's:
    // no one could have held theirs, nor they another's.
    for id in ["edith", "tostig", "odo"] {
      #expect(try Self.statements(id, seed: seed).isEmpty, "\(id)")
    }
    for id in ["harold", "william", "hardrada", "gyrth", "toustain", "alan"] {
      let made = try Self.statements(id, seed: seed)
      #expect(made.count == 1, "\(id)")
      for statement in made {
        for word in ["partner", "brother", "bishop"] {
          #expect(!statement.contains(word), "\(id): \(statement)")
        }
      }
    }
  }

  @Test(arguments: 0..<8)
  func aRulerTakesARulersRoleAndACommanderACommanders(seed: Int) throws {
    let rulers = ["king of England", "Duke of Normandy", "king of Norway", "earl of East Anglia"]
    for statement in try Self.statements("william", seed: seed) {
      #expect(rulers.contains { statement.contains($0) }, "\(statement)")
    }
    for statement in try Self.statements("toustain", seed: seed) {
      #expect(
        statement.contains("knight") || statement.contains("commander"), "\(statement)")
    }
  }

  @Test func kindsAndGenderAreReadFromTheRolesNounNotItsClauses() {
    let partner = RoleKind(role: "Harold's longtime partner, who knew marks only she knew")
    #expect(partner.kinds == .kin)
    #expect(partner.gender == .female)
    let brother = RoleKind(role: "the President's brother, who advised him")
    #expect(brother.kinds == .kin)
    #expect(brother.gender == .male)
    let friar = RoleKind(role: "the Capuchin friar and papal envoy who said Mass")
    #expect(friar.kinds.contains(.cleric) && friar.kinds.contains(.diplomat))
    let commander = RoleKind(role: "the commander who crowned the king")
    #expect(commander.kinds == .commander)
    #expect(commander.gender == nil)
    let wife = RoleKind(role: "the wife of the duke, mother of two kings")
    #expect(wife.kinds == .kin)
    #expect(wife.gender == .female)
    #expect(RoleKind(role: "the minstrel who sang before the lines").kinds.isEmpty)
  }

  @Test func aPersonsTitleAndTheTitleInTheirNameCount() {
    let york = Fact.Person(
      name: "Edward, Duke of York", role: "a grandson of Edward III, killed in the battle")
    #expect(RoleKind(york).kinds.contains(.ruler))
    #expect(RoleKind(york).gender == .male)
    let queen = Fact.Person(name: "Matilda", role: "the wife of the duke", title: "Queen")
    #expect(RoleKind(queen).gender == .female)
    #expect(!RoleKind(queen).couldHold(RoleKind(role: "the king of Norway")))
    #expect(RoleKind(queen).couldHold(RoleKind(role: "the ruler of Flanders")))
    let plain = RoleKind(role: "the commander of the left wing")
    #expect(plain.couldHold(RoleKind(role: "the knight who carried the banner")))
    #expect(!plain.couldHold(RoleKind(role: "the bishop who blessed the army")))
    #expect(!plain.couldHold(RoleKind(role: "the captain's widow, who held the fort")))
  }
}
