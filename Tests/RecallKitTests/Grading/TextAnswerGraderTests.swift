import Testing

@testable import RecallKit

@Suite("Text answers")
struct TextAnswerGraderTests {
  let grader = TextAnswerGrader()

  @Test(
    "accepts the answer however it is cased, accented, punctuated or spaced",
    arguments: [
      ("Barë", ["Barë", "Bare"]),
      ("bare", ["Barë"]),
      ("BARE", ["Barë"]),
      ("Thaci", ["Thaçi"]),
      ("thaçi", ["Thaçi"]),
      ("Zhvillidove", ["Zhvillidovë"]),
      ("  zhvillidovë. ", ["Zhvillidovë"]),
      ("\"Mehe Uka\"", ["Mehe Uka"]),
      ("mehe-uka", ["Mehe Uka"]),
      ("MeheUka", ["Mehe Uka"]),
      ("Battle of Mazhiq", ["the Battle of Mazhiq"]),
      ("The Battle of Mazhiq", ["Battle of Mazhiq"]),
      ("a Battle of Mazhiq", ["the Battle of Mazhiq"]),
      ("Commander Leka", ["Nusret Ibishi", "Commander Leka"]),
      ("Nusret Ibishi", ["Nusret Ibishi", "Commander Leka"]),
      ("2 weeks", ["two weeks"]),
      ("two weeks", ["2 weeks"]),
      ("Brigade 141", ["Brigade 141"]),
      ("eulex", ["EU Rule of Law Mission", "EULEX"]),
      ("Shala e Bajgores", ["Shala e Bajgorës"]),
      ("Kosovska  Mitrovica", ["Kosovska Mitrovica"]),
      ("1998", ["1998"]),
      ("Remi", ["Remi"]),
    ])
  func exact(input: String, accepted: [String]) {
    let grade = grader.grade(input, accepted: accepted)
    #expect(grade.verdict == .correct)
    // The feedback names the form that was graded (#13).
    #expect(
      TextNormalizer.words(grade.shown) == TextNormalizer.words(input) || grade.shown == accepted[0]
    )
  }

  @Test("notes the spelling when only diacritics were left out")
  func spellingNote() {
    #expect(grader.grade("Bare", accepted: ["Barë"]).note == "spelled “Barë”")
    #expect(grader.grade("Barë", accepted: ["Barë"]).note == nil)
    #expect(grader.grade("bare", accepted: ["Barë", "Bare"]).note == nil)
  }

  @Test(
    "accepts a typo in proportion to length, with the spelling to learn",
    arguments: [
      ("Mazhik", ["Mazhiq"]),
      ("Mahziq", ["Mazhiq"]),
      ("Zhvilidove", ["Zhvillidovë"]),
      ("Zvilidove", ["Zhvillidovë"]),
      ("Slakovc", ["Slakovce"]),
      ("Kurillovo", ["Kurilovo"]),
      ("Vesekovc", ["Vesekovce"]),
      ("Kosovska Mitrovca", ["Kosovska Mitrovica"]),
      ("Nusrat Ibishy", ["Nusret Ibishi"]),
      ("Comander Leka", ["Nusret Ibishi", "Commander Leka"]),
      ("Zaberegie", ["Zaberegje"]),
      ("Melanika", ["Melanica"]),
      ("Brigdae 141", ["Brigade 141"]),
      ("Cecelia", ["Cecelija"]),
      ("the Batle of Mazhiq", ["the Battle of Mazhiq"]),
    ])
  func typo(input: String, accepted: [String]) {
    let grade = grader.grade(input, accepted: accepted)
    #expect(grade.verdict == .acceptedWithTypo)
    #expect(accepted.contains(grade.shown))
    #expect(grade.note?.contains("spelled") == true)
  }

  @Test(
    "keeps near misses that are other facts wrong",
    arguments: [
      ("Mazhiq", ["Majdan"]),
      ("Majdan", ["Mazhiq"]),
      ("Kutllovc", ["Kurilovo"]),
      ("Kurilovo", ["Kutllovc"]),
      ("1999", ["1998"]),
      ("1989", ["1998"]),
      ("Brigade 142", ["Brigade 141"]),
      ("Brigade 14", ["Brigade 141"]),
      ("Kemi", ["Remi"]),
      ("Lekt", ["Leka"]),
      ("Iraq", ["Iran"]),
      ("Bar", ["Barë"]),
      ("Uka", ["Mehe"]),
      ("Vaganica", ["Melanica"]),
      ("Melanica", ["Vaganica"]),
      ("Donja Sudimlja", ["Gornja Sudimlja"]),
      ("Donjasudimlja", ["Gornja Sudimlja"]),
      ("Slakovce", ["Vesekovce"]),
      ("Ashlan", ["Asllan Lushi"]),
      ("Ibishy", ["Nusret Ibishi"]),
      ("3 weeks", ["two weeks"]),
      ("Kosovo", ["Serbia"]),
      ("", ["Mazhiq"]),
      ("!!!", ["Mazhiq"]),
      ("the", ["the Hague"]),
      ("Mazhiq and Majdan", ["Mazhiq"]),
    ])
  func wrong(input: String, accepted: [String]) {
    #expect(grader.grade(input, accepted: accepted).verdict == .wrong)
  }

  @Test(
    "counts part of a multi-word answer as partial, never right",
    arguments: [
      ("Ibishi", ["Nusret Ibishi"]),
      ("Nusret", ["Nusret Ibishi"]),
      ("Mitrovica", ["Kosovska Mitrovica"]),
      ("Battle", ["the Battle of Mazhiq"]),
      ("Mehe", ["Mehe Uka"]),
      ("Leka", ["Nusret Ibishi", "Commander Leka"]),
    ])
  func partial(input: String, accepted: [String]) {
    let grade = grader.grade(input, accepted: accepted)
    #expect(grade.verdict == .partiallyCorrect)
    #expect(grade.suggestedRating == .again)
  }

  @Test("accepts a short form the deck lists as an alias")
  func aliasShortForm() {
    #expect(grader.grade("Ibishi", accepted: ["Nusret Ibishi", "Ibishi"]).verdict == .correct)
  }

  @Test("does not count minor words alone as partial")
  func minorWordsAlone() {
    #expect(grader.grade("of", accepted: ["Hero of Kosovo"]).verdict == .wrong)
    #expect(grader.grade("e", accepted: ["Shala e Bajgorës"]).verdict == .wrong)
  }

  @Test(
    "refuses a typo that is as close to another name in the deck",
    arguments: [
      ("Slakovc", "Slakovce", "Slakovci"),
      ("Mazhiq", "Mazhiqi", "Mazhiq"),
      ("Kurilov", "Kurilovo", "Kurilova"),
    ])
  func confusable(input: String, answer: String, other: String) {
    let grader = TextAnswerGrader(otherNames: [other])
    #expect(grader.grade(input, accepted: [answer]).verdict == .wrong)
    #expect(TextAnswerGrader().grade(input, accepted: [answer]).verdict == .acceptedWithTypo)
  }

  @Test("still accepts a typo that is closer to the answer than to other names")
  func closerToAnswer() {
    let grader = TextAnswerGrader(otherNames: ["Majdan", "Melanica", "Vaganica"])
    #expect(grader.grade("Mazhik", accepted: ["Mazhiq"]).verdict == .acceptedWithTypo)
  }
}
