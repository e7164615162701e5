import Testing

@testable import RecallKit

@Suite("Typo tolerance")
struct TypoToleranceTests {
  @Test(
    "allows edits in proportion to length",
    arguments: [
      (1, 0), (3, 0), (4, 0), (5, 1), (6, 1), (8, 1), (9, 2), (12, 2), (30, 2),
    ])
  func allowance(letters: Int, edits: Int) {
    #expect(TypoTolerance.allowedEdits(letters: letters) == edits)
  }

  @Test(
    "measures closeness word by word",
    arguments: [
      ("mazhiq", "mazhiq", 0 as Int?),
      ("mazhik", "mazhiq", 1),
      ("mahziq", "mazhiq", 1),
      ("zhvilidove", "zhvillidove", 1),
      ("zvilidove", "zhvillidove", 2),
      ("nusrat ibishy", "nusret ibishi", 2),
      ("kosovska mitrovca", "kosovska mitrovica", 1),
      ("kosovskamitrovica", "kosovska mitrovica", 0),
      ("kosovskamitrovca", "kosovska mitrovica", 1),
      ("lekt", "leka", nil),
      ("kemi", "remi", nil),
      ("remy", "remi", 1),
      ("majdan", "mazhiq", nil),
      ("kutllovc", "kurilovo", nil),
      ("donja sudimlja", "gornja sudimlja", nil),
      ("donjasudimlja", "gornja sudimlja", nil),
      ("1999", "1998", nil),
      ("brigade 142", "brigade 141", nil),
      ("brigdae 141", "brigade 141", 1),
      ("brigade 14", "brigade 141", nil),
      ("vaganica", "melanica", nil),
      ("", "mazhiq", nil),
    ])
  func closeness(typed: String, expected: String, edits: Int?) {
    let typedWords = typed.split(separator: " ").map(String.init)
    let expectedWords = expected.split(separator: " ").map(String.init)
    #expect(TypoTolerance.closeness(typedWords, expectedWords).map(\.edits) == edits)
  }
}
