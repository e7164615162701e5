import Foundation
import RecallKit
import RecallTestSupport
import Testing

/// AMC-TXT as auto-multiple-choice's own parser (AMC::Filter::plain) reads it, line by line:
/// `#` comments, `Name: value` global options, `*` single and `**` multiple questions with
/// `[options]`, `+` right and `-` wrong choices; any other line continues the one before it, and
/// a line starting with an unknown `word:` is an error.
@Suite struct AMCTextExporterTests {
  let deck = InterchangeFixtures.deck

  /// The file as AMC's parser sees it: its options and its questions with their choices.
  struct Parsed {
    struct Question {
      var multiple: Bool
      var options: [String: String]
      var text: String
      var choices: [(correct: Bool, text: String)]
    }
    var options: [String: String] = [:]
    var questions: [Question] = []
    var problems: [String] = []
  }

  /// The options AMC-TXT knows (the ones this exporter may write).
  static let knownOptions: Set<String> = ["title", "presentation", "lang"]

  static func parse(_ text: String) -> Parsed {
    var parsed = Parsed()
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = String(line)
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if let colon = line.firstIndex(of: ":"),
        line[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
        !line[..<colon].isEmpty
      {
        let name = line[..<colon].lowercased()
        if knownOptions.contains(name) {
          parsed.options[name] = line[line.index(after: colon)...]
            .trimmingCharacters(in: .whitespaces)
        } else {
          parsed.problems.append("line \(number + 1): unknown option \(name)")
        }
        continue
      }
      if trimmed.hasPrefix("*") {
        var rest = trimmed.dropFirst()
        let multiple = rest.hasPrefix("*")
        if multiple { rest = rest.dropFirst() }
        var options: [String: String] = [:]
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
          for item in rest[rest.index(after: rest.startIndex)..<close].split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            options[String(parts[0])] = parts.count > 1 ? String(parts[1]) : "1"
          }
          rest = rest[rest.index(after: close)...]
        }
        parsed.questions.append(
          Parsed.Question(
            multiple: multiple, options: options,
            text: rest.trimmingCharacters(in: .whitespaces), choices: []))
        continue
      }
      if let sign = trimmed.first, sign == "+" || sign == "-" {
        guard !parsed.questions.isEmpty else {
          parsed.problems.append("line \(number + 1): choice outside question")
          continue
        }
        parsed.questions[parsed.questions.count - 1].choices.append(
          (sign == "+", trimmed.dropFirst().trimmingCharacters(in: .whitespaces)))
        continue
      }
      parsed.problems.append("line \(number + 1): continues the line before: \(line)")
    }
    for question in parsed.questions where !question.multiple {
      if question.choices.count < 2 { parsed.problems.append("fewer than two choices") }
      if question.choices.filter(\.correct).count != 1 {
        parsed.problems.append("a simple question without exactly one right choice")
      }
    }
    return parsed
  }

  @Test func choiceAndTrueFalseQuestionsBecomeSingleAnswerQuestions() throws {
    let questions = InterchangeFixtures.questions
    let text = AMCTextExporter().render(questions, deck: deck)
    let parsed = Self.parse(text)
    #expect(parsed.problems.isEmpty, "\(parsed.problems)")
    #expect(parsed.options["title"] == "The Bajgora offensive (sample)")
    let kept = questions.filter { $0.kind == .choice || $0.kind == .truefalse }
    #expect(!kept.isEmpty)
    #expect(parsed.questions.map { $0.options["id"] } == kept.map(\.id))
    #expect(text.contains("# \(questions.count - kept.count) questions of other types"))
    for (question, amc) in zip(kept, parsed.questions) {
      #expect(!amc.multiple)
      #expect(
        amc.text == question.prompt.split(whereSeparator: \.isWhitespace).joined(separator: " "))
      switch question.expected {
      case .choice(let right):
        #expect(amc.choices.map(\.text) == question.options)
        #expect(amc.choices.firstIndex { $0.correct } == right)
      case .truth(let value):
        #expect(amc.options["ordered"] == "1")
        #expect(amc.choices.map(\.text) == ["True", "False"])
        #expect(amc.choices[0].correct == value)
      default:
        Issue.record("\(question.id) is not a choice")
      }
    }
  }

  @Test func theRealDeckParsesCleanly() throws {
    let path = Repository.deck("bajgora-offensive").path
    let deck = try #require(try DeckLoader().load(path: path).deck)
    let questions = QuestionGenerator(deck: deck, seed: 0).questions()
    let parsed = Self.parse(AMCTextExporter().render(questions, deck: deck))
    #expect(parsed.problems.isEmpty, "\(parsed.problems.prefix(3))")
    #expect(
      parsed.questions.count == questions.filter { AMCTextExporter.kinds.contains($0.kind) }.count)
    #expect(parsed.questions.count > 20)
  }

  @Test func markupAMCWouldReadIsBrokenApart() {
    #expect(AMCTextExporter.text("a [[x]] b") == "a [ [x] ] b")
    #expect(AMCTextExporter.text("[_it_] [*b*] [/u/] [|t|]") == "[ _it_ ] [ *b* ] [ /u/ ] [ |t| ]")
    #expect(AMCTextExporter.text("[== T ==]") == "[ == T == ]")
    #expect(AMCTextExporter.text("Yes!No! and wow! ok") == "Yes! No! and wow! ok")
    #expect(AMCTextExporter.text("two\nlines") == "two lines")
    #expect(AMCTextExporter.text("[1999] ok!") == "[1999] ok!")
  }
}
