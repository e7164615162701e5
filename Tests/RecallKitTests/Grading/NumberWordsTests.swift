import Testing

@testable import RecallKit

@Suite("Number words")
struct NumberWordsTests {
  @Test(
    "reads well-formed English numbers",
    arguments: [
      ("zero", 0), ("one", 1), ("nine", 9), ("ten", 10), ("fourteen", 14), ("nineteen", 19),
      ("twenty", 20), ("twenty-one", 21), ("twenty one", 21), ("ninety-nine", 99),
      ("one hundred", 100), ("a hundred", 100), ("hundred and five", nil as Int?),
      ("one hundred and five", 105), ("one hundred five", 105), ("two hundred forty-one", 241),
      ("fifteen hundred", 1_500), ("a thousand", 1_000), ("three thousand", 3_000),
      ("three thousand five hundred", 3_500), ("three thousand and five", 3_005),
      ("one hundred and five thousand", 105_000),
      ("one million two hundred thousand", 1_200_000), ("Fourteen", 14), ("FOURTEEN", 14),
    ])
  func reads(text: String, value: Int?) {
    #expect(NumberWords.value(of: text) == value)
  }

  @Test(
    "refuses what is not one number",
    arguments: [
      "one two", "thousand", "hundred", "five twenty", "twenty twelve", "three thousand thousand",
      "fourten", "thre", "one and", "a", "and", "many", "", "twenty zero", "zero hundred",
    ])
  func refuses(text: String) {
    #expect(NumberWords.value(of: text) == nil)
  }

  @Test(
    "replaces number words inside text and keeps everything else",
    arguments: [
      ("three thousand", "3000"),
      ("about three thousand people", "about 3000 people"),
      ("between three thousand and five thousand", "between 3000 and 5000"),
      ("three thousand to five thousand", "3000 to 5000"),
      ("3,000-5,000", "3,000-5,000"),
      ("3 thousand", "3000"),
      ("1.5 million", "1500000"),
      ("over a hundred", "over 100"),
      ("fourteen", "14"),
      ("one hundred and five", "105"),
      ("many", "many"),
    ])
  func replaces(text: String, expected: String) {
    #expect(NumberWords.replacingWords(in: text) == expected)
  }
}
