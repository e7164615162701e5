import Foundation
import RecallKit
import Testing

/// A person's drafted role says what singles them out, not only their rank: "Who was the
/// commander?" has as many answers as the article has commanders.
@Suite struct DraftPersonRoleTests {
  func roles(_ text: String) throws -> [String: String] {
    let article = try Article.read(data: Data(text.utf8), path: "article.txt")
    var roles: [String: String] = [:]
    for proposal in DraftExtractor().propose(article) where proposal.kind == .person {
      if let name = proposal.text("name"), let role = proposal.text("role") { roles[name] = role }
    }
    return roles
  }

  @Test func aTitleAloneIsCompletedByWhatThePersonDid() throws {
    let roles = try roles(
      """
      The school

      In July 1788, Commander Haldor inaugurated the first naval school in Brekka.
      Captain Ivo Marek later sailed the whole fleet to the northern islands.
      """)
    #expect(
      roles["Commander Haldor"] == "the commander who inaugurated the first naval school in Brekka",
      "\(roles)")
    #expect(
      roles["Ivo Marek"] == "the captain who sailed the whole fleet to the northern islands",
      "\(roles)")
  }

  @Test func anAbbreviatedTitleIsSpelledOut() throws {
    let roles = try roles(
      """
      The fort

      On 4 May 1791, Lt. Col. Sten Arvik fired the opening salvo at the fort.
      """)
    #expect(
      roles["Sten Arvik"] == "the lieutenant colonel who fired the opening salvo at the fort",
      "\(roles)")
  }

  @Test func aDeedThatLeansOnAPronounOrASecondClauseIsNotARole() throws {
    let roles = try roles(
      """
      The duel

      Major Pal Tessin decided to attack them at dawn.
      Captain Rune Holm challenged Tessin to a duel, and this he accepted.
      """)
    #expect(roles["Pal Tessin"] == "a major", "\(roles)")
    #expect(roles["Rune Holm"] == "the captain who challenged Tessin to a duel", "\(roles)")
  }

  @Test func aGroupLedByAPersonIsTheSubjectOfThePassive() throws {
    let roles = try roles(
      """
      The march

      The siege began in 1790, and the rebel troops were led by Colonel Tamas Orvan.
      The cavalry of the Second Corps was led by Major Anzel Brody.
      """)
    #expect(roles["Tamas Orvan"] == "the leader of the rebel troops", "\(roles)")
    #expect(roles["Anzel Brody"] == "the leader of the cavalry of the Second Corps", "\(roles)")
  }
}
