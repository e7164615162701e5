import RecallKit
import RecallTestSupport
import Testing

@Suite struct TableImporterTests {
  @Test func ankiNotesInPlainText() throws {
    let result = InterchangeFixtures.importText(
      try InterchangeFixtures.text("anki-notes.txt"), format: .anki, path: "anki-notes.txt")
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(result.diagnostics.isEmpty)
    #expect(deck.title == "Kosovo War")
    #expect(deck.cards.map(\.kind) == [.short, .short, .cloze, .truefalse])
    let first = deck.cards[0]
    #expect(first.id == "o-9yum6-ft-" + ItemIdentifiers.shortHash("O,9yuM6#Ft"))
    #expect(first.answers == ["Mazhiq"])
    #expect(first.tags == ["bajgora", "villages"])
    #expect(deck.cards[1].id == "kla-school")
    #expect(
      deck.cards[1].prompt
        == "How long was a training course at the KLA school in Bajgora?\n(in weeks)")
    #expect(
      deck.cards[2].cloze?.before == "The KLA's first public appearance in the region was in ")
    #expect(deck.cards[2].cloze?.key == "Zaberegje")
    #expect(
      deck.cards[3].prompt
        == "In 2019, Thaçi linked the KLA's values to Kosovo joining NATO and the EU.")
    #expect(deck.cards[3].truth == true)
  }

  /// A file written by Anki 26.9's own "Notes in Plain Text" export (GUID, notetype, deck and
  /// tags columns; HTML; a cloze note; a quoted field with a tab and doubled quotes).
  @Test func realAnkiExport() throws {
    let result = InterchangeFixtures.importText(
      try InterchangeFixtures.text("anki-26.9-export.txt"), format: .anki,
      path: "anki-26.9-export.txt")
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(deck.title == "Kosovo War")
    #expect(deck.cards.map(\.kind) == [.short, .cloze, .short])
    #expect(deck.cards[0].prompt == "Which village did Yugoslav forces fail to take in July 1998?")
    #expect(deck.cards[0].answers == ["Mazhiq & nearby villages"])
    #expect(deck.cards[1].cloze?.key == "Zaberegje")
    #expect(deck.cards[1].explanation == "From the source.")
    #expect(deck.cards[2].prompt == "Has \"quotes\" and a tab")
    // The back's first line is the answer; the line below it, a note in the explanation.
    #expect(deck.cards[2].answers == ["line one"])
    #expect(deck.cards[2].explanation == "line two")
  }

  @Test func anHTMLBackFieldIsAnAnswerAndANote() throws {
    let result = InterchangeFixtures.importText(
      "#separator:tab\n#html:true\n"
        + "Who won at Hastings?\tWilliam of Normandy<br><i>later</i> \"the Conqueror\"\n"
        + "Who lost?\t<div>Harold II</div><div>killed in the battle</div><div>aged about 44</div>\n"
        + "Plain?\tyes\n",
      format: .anki, path: "hastings.txt")
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(deck.cards.map(\.answers) == [["William of Normandy"], ["Harold II"], ["yes"]])
    #expect(
      deck.cards.map(\.explanation) == [
        "later \"the Conqueror\"", "killed in the battle\naged about 44", nil,
      ])
  }

  @Test(arguments: [
    ("#separator:Comma\n", "a,b\n"), ("#separator:comma\n", "a,b\n"), ("#separator:,\n", "a,b\n"),
    ("#separator:Semicolon\n", "a;b\n"), ("#separator:Pipe\n", "a|b\n"),
    ("#separator:Colon\n", "a:b\n"), ("#separator:Space\n", "a b\n"),
    ("#separator:Tab\n", "a\tb\n"),
    ("", "a;b\n"), ("", "a|b\n"), ("", "a\tb\n"),
  ])
  func ankiSeparators(header: String, body: String) throws {
    let result = InterchangeFixtures.importText(header + body, format: .anki)
    let card = try #require(result.deck?.cards.first, "\(result.diagnostics)")
    #expect(card.prompt == "a")
    #expect(card.answers == ["b"])
  }

  @Test func ankiHTMLFlagAndColumnsAndTags() throws {
    let text = """
      #separator:tab
      #html:false
      #tags:imported kosovo
      #columns:Notes\tBack\tFront
      x\t<b>answer</b>\tquestion &amp; more
      """
    let card = try #require(InterchangeFixtures.importText(text, format: .anki).deck?.cards.first)
    #expect(card.prompt == "question &amp; more")
    #expect(card.answers == ["<b>answer</b>"])
    #expect(card.tags == ["imported", "kosovo"])
  }

  @Test func byteOrderMarkAndWindowsLineEnds() throws {
    let text = "\u{FEFF}#separator:Semicolon\r\n#html:false\r\nq1;a1\r\n\"q\r\n2\";a2\r\n"
    let deck = try #require(InterchangeFixtures.importText(text, format: .anki).deck)
    #expect(deck.cards.map(\.prompt) == ["q1", "q\n2"])
    #expect(deck.cards.map(\.answers) == [["a1"], ["a2"]])
  }

  @Test func ankiGuessesHTMLWithoutHeader() throws {
    let card = try #require(
      InterchangeFixtures.importText("Q<br>two\tA &amp; B\n", format: .anki).deck?.cards.first)
    #expect(card.prompt == "Q\ntwo")
    #expect(card.answers == ["A & B"])
  }

  @Test func csvWithHeaderAndQuotes() throws {
    let result = InterchangeFixtures.importText(
      try InterchangeFixtures.text("questions.csv"), format: .csv, path: "questions.csv")
    let deck = try #require(result.deck, "\(result.diagnostics)")
    #expect(deck.cards.count == 2)
    #expect(
      deck.cards[0].explanation
        == "Yugoslav forces seized it in November 1998, after failing in July.")
    #expect(deck.cards[0].tags == ["villages"])
    #expect(deck.cards[1].answers == ["two weeks"])
    #expect(deck.cards[1].explanation == nil)
  }

  @Test func csvWithoutHeaderAndQuotedNewlines() throws {
    let deck = try #require(
      InterchangeFixtures.importText("\"two\nlines\",\"a \"\"b\"\"\"\r\nq,false\n", format: .csv)
        .deck)
    #expect(deck.cards[0].prompt == "two\nlines")
    #expect(deck.cards[0].answers == ["a \"b\""])
    #expect(deck.cards[1].kind == .truefalse)
  }

  @Test func tsvAndSwap() throws {
    let deck = try #require(
      InterchangeFixtures.importText("Mazhiq\ta village\n", format: .tsv) { $0.swapColumns = true }
        .deck)
    #expect(deck.cards[0].prompt == "a village")
    #expect(deck.cards[0].answers == ["Mazhiq"])
  }

  @Test func quizletDefaultAndCustomSeparators() throws {
    let standard = try #require(
      InterchangeFixtures.importText(try InterchangeFixtures.text("quizlet.txt"), format: .quizlet)
        .deck)
    #expect(standard.cards.map(\.prompt) == ["Mazhiq", "Brigade 141", "Zaberegje"])
    #expect(standard.cards[0].answers == ["a village in the Bajgora region"])

    let custom = try #require(
      InterchangeFixtures.importText(
        "KLA - Kosovo Liberation Army;Mazhiq - a village, in Bajgora;", format: .quizlet
      ) {
        $0.termSeparator = " - "
        $0.rowSeparator = ";"
      }.deck)
    #expect(custom.cards.map(\.answers) == [["Kosovo Liberation Army"], ["a village, in Bajgora"]])
  }

  static let mistakes: [(ImportFormat, String, [String])] = [
    (
      .csv, "q,a\n⟪1⟫only one\n",
      ["input.txt:marker 1: error: this row has 1 column; the file has 2 (is the separator right?)"]
    ),
    (
      .csv, "q,a\n⟪1⟫x,y,z\n", ["input.txt:marker 1: error: this row has 3 columns; the file has 2"]
    ),
    (
      .csv, "q,a\n⟪1⟫\"open,a\n",
      ["input.txt:marker 1: error: the quoted field that starts here has no closing quote"]
    ),
    (.csv, "⟪1⟫q,\n", ["input.txt:marker 1: error: the question 'q' has no answer"]),
    (.tsv, "⟪1⟫\tanswer\n", ["input.txt:marker 1: error: the question is empty"]),
    (
      .anki, "#separator:tab\na\tb\n⟪1⟫c\n",
      ["input.txt:marker 1: error: this row has 1 column; the file has 2 (is the separator right?)"]
    ),
    (
      .quizlet, "a\tb\n⟪1⟫no separator\n",
      [
        "input.txt:marker 1: error: this row has no term separator (a tab); each row needs a term and a definition"
      ]
    ),
    (
      .csv, "a,⟪1⟫b\u{7}\n",
      ["input.txt:marker 1: error: the answer contains the control character U+0007"]
    ),
  ]

  @Test(arguments: mistakes)
  func malformedRowsGiveLocatedErrors(format: ImportFormat, text: String, expected: [String]) {
    let input = MarkedText(text)
    let result = InterchangeFixtures.importText(input.text, format: format)
    #expect(result.deck == nil)
    #expect(
      result.diagnostics.filter { $0.severity == .error }.map(\.description)
        == input.located(expected))
  }

  @Test func formatGuessing() {
    #expect(ImportFormat.guess(path: "x.gift", text: "") == .gift)
    #expect(ImportFormat.guess(path: "x.csv", text: "a,b") == .csv)
    #expect(ImportFormat.guess(path: "x.tsv", text: "a\tb") == .tsv)
    #expect(ImportFormat.guess(path: "x.txt", text: "#separator:tab\na\tb") == .anki)
    #expect(ImportFormat.guess(path: "x.csv", text: "#separator:Comma\na,b") == .anki)
    #expect(ImportFormat.guess(path: "x.txt", text: "::t:: Q {=a}") == .gift)
    #expect(ImportFormat.guess(path: "x.txt", text: "plain words") == nil)
  }

  @Test func idsAreStableAndUnique() {
    var ids = ItemIdentifiers()
    #expect(ids.claim(preferred: nil, fallback: "Who led Brigade 141?") == "who-led-brigade-141")
    #expect(ids.claim(preferred: nil, fallback: "Who led Brigade 141?") == "who-led-brigade-141-2")
    #expect(ids.claim(preferred: "guid-1", fallback: "x") == "guid-1")
    #expect(ids.claim(preferred: "a/b", fallback: "x") == "a-b-" + ItemIdentifiers.shortHash("a/b"))
    #expect(ItemIdentifiers.slug("Thaçi’s çështje", limit: 40) == "thaci-s-ceshtje")
    #expect(ImportOptions.deckID(fromPath: "/x/World War 1 (Quiz).csv") == "world-war-1-quiz")
  }
}
