import Testing

@testable import RecallKit

@Suite("Text normalizer")
struct TextNormalizerTests {
  @Test(
    "folds case, diacritics and letters with built-in marks without a locale",
    arguments: [
      ("Barë", ["bare"]),
      ("BARË", ["bare"]),
      ("Thaçi", ["thaci"]),
      ("Zhvillidovë", ["zhvillidove"]),
      ("Shala e Bajgorës", ["shala", "e", "bajgores"]),
      ("Đakovica", ["dakovica"]),
      ("Šćepan Žižić", ["scepan", "zizic"]),
      ("Ørsted", ["orsted"]),
      ("Łódź", ["lodz"]),
      ("Straße", ["strasse"]),
      ("Æsir", ["aesir"]),
      ("İstanbul", ["istanbul"]),
      ("naïve café", ["naive", "cafe"]),
      ("ﬁnal", ["final"]),
      ("Ａｂｃ", ["abc"]),
      ("Peć", ["pec"]),
      ("Mitrovicë", ["mitrovice"]),
      ("e\u{0301}", ["e"]),
    ])
  func folds(input: String, expected: [String]) {
    #expect(TextNormalizer.words(input) == expected)
  }

  @Test(
    "drops punctuation, quotes and extra spaces",
    arguments: [
      ("  Mazhiq  ", ["mazhiq"]),
      ("Mazhiq!", ["mazhiq"]),
      ("\"Mehe Uka\"", ["mehe", "uka"]),
      ("“Mehe Uka”", ["mehe", "uka"]),
      ("«Mehe  Uka»", ["mehe", "uka"]),
      ("Mehe-Uka", ["mehe", "uka"]),
      ("Mehe\tUka\n", ["mehe", "uka"]),
      ("KLA's", ["kla"]),
      ("KLA’s", ["kla"]),
      ("Ma'an", ["maan"]),
      ("U.S.", ["us"]),
      ("Kosovo (region)", ["kosovo", "region"]),
      ("3,000", ["3000"]),
      ("2.5", ["2.5"]),
      ("...", []),
      ("", []),
    ])
  func punctuation(input: String, expected: [String]) {
    #expect(TextNormalizer.words(input) == expected)
  }

  @Test(
    "drops one leading article, keeps a lone one and articles inside",
    arguments: [
      ("the Battle of Mazhiq", ["battle", "of", "mazhiq"]),
      ("The Hague", ["hague"]),
      ("a convoy", ["convoy"]),
      ("An offensive", ["offensive"]),
      ("the", ["the"]),
      ("Hero of the Nation", ["hero", "of", "the", "nation"]),
      ("there", ["there"]),
      ("Anne", ["anne"]),
    ])
  func articles(input: String, expected: [String]) {
    #expect(TextNormalizer.words(input) == expected)
  }

  @Test(
    "writes number words as digits",
    arguments: [
      ("two weeks", ["2", "weeks"]),
      ("fourteen wounded", ["14", "wounded"]),
      ("a hundred fighters", ["100", "fighters"]),
      ("Brigade one hundred forty-one", ["brigade", "141"]),
      ("3 thousand", ["3000"]),
    ])
  func numberWords(input: String, expected: [String]) {
    #expect(TextNormalizer.words(input) == expected)
  }

  @Test("keeps diacritics when asked, for spelling notes")
  func keepsDiacritics() {
    #expect(TextNormalizer.words("Barë", foldingDiacritics: false) == ["barë"])
    #expect(TextNormalizer.words("Thaçi", foldingDiacritics: false) == ["thaçi"])
  }

  @Test("cuts very long input instead of working through all of it")
  func longInput() {
    let words = TextNormalizer.words(String(repeating: "ab ", count: 10_000))
    #expect(words.count == TextNormalizer.maximumLength / 3 + 1)
  }
}
